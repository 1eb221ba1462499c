/** Organisations, their people and roles, as the administrator reads and changes them (plain data access). */
import { sql } from 'kysely';
import type { Country, OrganisationKind, OrganisationRole } from '../platform/auth/model.js';
import type { Queryable } from '../platform/db/database.js';
import { isUuid } from '../platform/db/kit.js';
import type { NewOrganisation } from './model.js';

export interface OrganisationSummary {
  id: string;
  kind: OrganisationKind;
  name: string;
  country: Country;
  municipalityCode: string | null;
  countyCode: string | null;
  mailAddress: string | null;
  people: number;
}

const summary = (db: Queryable) =>
  db
    .selectFrom('organisations')
    .leftJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select([
      'organisations.id',
      'organisations.kind',
      'organisations.name',
      'organisations.country',
      'organisations.municipality_code as municipalityCode',
      'organisations.county_code as countyCode',
      'organisations.mail_address as mailAddress',
      sql<number>`count(distinct memberships.user_id)::int`.as('people'),
    ])
    .groupBy('organisations.id');

export async function listOrganisations(db: Queryable): Promise<OrganisationSummary[]> {
  return summary(db).orderBy('organisations.country').orderBy('organisations.kind').orderBy('organisations.name').execute();
}

export async function findOrganisation(db: Queryable, id: string): Promise<OrganisationSummary | undefined> {
  if (!isUuid(id)) return undefined;
  return summary(db).where('organisations.id', '=', id).executeTakeFirst();
}

/** Registers the organisation; undefined when the country already has one by that name or for that municipality or county. */
export async function insertOrganisation(db: Queryable, organisation: NewOrganisation): Promise<string | undefined> {
  const row = await db
    .insertInto('organisations')
    .values({
      kind: organisation.kind,
      name: organisation.name,
      country: organisation.country,
      municipality_code: organisation.municipalityCode,
      county_code: organisation.countyCode,
      mail_address: organisation.mailAddress,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface PersonWithRoles {
  userId: string;
  name: string;
  email: string | null;
  roles: OrganisationRole[];
}

export async function listPeopleOf(db: Queryable, organisationId: string): Promise<PersonWithRoles[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.name', 'users.email', 'memberships.role'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.name')
    .orderBy('memberships.role')
    .execute();
  const people = new Map<string, PersonWithRoles>();
  for (const row of rows) {
    const person = people.get(row.userId) ?? { userId: row.userId, name: row.name, email: row.email, roles: [] };
    person.roles.push(row.role);
    people.set(row.userId, person);
  }
  return [...people.values()];
}

export async function insertMembership(db: Queryable, userId: string, organisationId: string, role: OrganisationRole): Promise<boolean> {
  const row = await db
    .insertInto('memberships')
    .values({ user_id: userId, organisation_id: organisationId, role })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteMembership(db: Queryable, userId: string, organisationId: string, role: OrganisationRole): Promise<boolean> {
  const result = await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function personName(db: Queryable, userId: string): Promise<string | undefined> {
  if (!isUuid(userId)) return undefined;
  return (await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name;
}
