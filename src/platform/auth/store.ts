import { sql, type Generated } from 'kysely';
import type { Queryable, Tx } from '../db/database.js';
import { recordAudit } from '../audit/store.js';
import {
  principalRoles,
  type Country,
  type LoginKind,
  type Membership,
  type OrganisationKind,
  type OrganisationRole,
  type Principal,
} from './model.js';

interface OrganisationTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  country: Country;
  municipality_code: string | null;
  /** A county authority's county number (registry). */
  county_code: Generated<string | null>;
  /** The official mailbox (postmottak), told of invitations and letters. */
  mail_address: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

interface UserTable {
  id: Generated<string>;
  identity_provider: string;
  subject: string;
  name: string;
  email: string | null;
  home_municipality_code: string | null;
  created_at: Generated<Date>;
  last_login_at: Date | null;
  version: Generated<number>;
}

interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: OrganisationRole;
  created_at: Generated<Date>;
}

interface PendingMembershipTable {
  organisation_id: string;
  email: string;
  role: OrganisationRole;
  granted_at: Generated<Date>;
  granted_by_name: string | null;
}

interface SessionTable {
  id: string;
  user_id: string | null;
  data: unknown;
  expires_at: Date;
}

declare module '../db/schema.js' {
  interface Database {
    organisations: OrganisationTable;
    users: UserTable;
    memberships: MembershipTable;
    pending_memberships: PendingMembershipTable;
    sessions: SessionTable;
  }
}

export interface Identity {
  identityProvider: string;
  subject: string;
  name: string;
  email: string | null;
  homeMunicipalityCode: string | null;
}

function userColumns(identity: Identity) {
  return {
    identity_provider: identity.identityProvider,
    subject: identity.subject,
    name: identity.name,
    email: identity.email,
    home_municipality_code: identity.homeMunicipalityCode,
  };
}

/**
 * Creates or refreshes the user behind a verified ID token, and audits the sign-in in the same
 * transaction. An employee's first sign-in also takes up the roles given to their address before.
 */
export async function recordSignIn(
  trx: Tx,
  identity: Identity,
  requestId: string,
  options: { takeUpPending?: boolean } = {},
): Promise<string> {
  const user = await trx
    .insertInto('users')
    .values({ ...userColumns(identity), last_login_at: new Date() })
    .onConflict((conflict) =>
      conflict.columns(['identity_provider', 'subject']).doUpdateSet((excluded) => ({
        name: excluded.ref('excluded.name'),
        email: excluded.ref('excluded.email'),
        home_municipality_code: sql<string | null>`coalesce(excluded.home_municipality_code, users.home_municipality_code)`,
        last_login_at: excluded.ref('excluded.last_login_at'),
      })),
    )
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: { userId: user.id, name: user.name },
    recordType: 'user',
    recordId: user.id,
    action: 'sign-in',
    toState: 'signed-in',
    requestId,
  });
  if (options.takeUpPending && identity.email)
    await takeUpPendingMemberships(trx, { id: user.id, name: user.name }, identity.email, requestId);
  return user.id;
}

// Roles given before the first sign-in ---------------------------------------------------------

export interface PendingMembership {
  email: string;
  role: OrganisationRole;
  grantedAt: Date;
  grantedByName: string | null;
}

/** Gives the role to whoever signs in with this address next; false when it is already waiting. */
export async function addPendingMembership(
  db: Queryable,
  pending: { organisationId: string; email: string; role: OrganisationRole; grantedByName: string | null },
): Promise<boolean> {
  const waiting = await db
    .selectFrom('pending_memberships')
    .select('email')
    .where('organisation_id', '=', pending.organisationId)
    .where(sql<string>`lower(email)`, '=', pending.email.toLowerCase())
    .where('role', '=', pending.role)
    .executeTakeFirst();
  if (waiting) return false;
  await db
    .insertInto('pending_memberships')
    .values({ organisation_id: pending.organisationId, email: pending.email, role: pending.role, granted_by_name: pending.grantedByName })
    .execute();
  return true;
}

export async function listPendingMemberships(db: Queryable, organisationId: string): Promise<PendingMembership[]> {
  const rows = await db
    .selectFrom('pending_memberships')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('granted_at')
    .execute();
  return rows.map((r) => ({ email: r.email, role: r.role, grantedAt: r.granted_at, grantedByName: r.granted_by_name }));
}

export async function deletePendingMembership(
  db: Queryable,
  organisationId: string,
  email: string,
  role: OrganisationRole,
): Promise<boolean> {
  const result = await db
    .deleteFrom('pending_memberships')
    .where('organisation_id', '=', organisationId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The roles waiting for this address become the person's, each audited in the organisation's history. */
async function takeUpPendingMemberships(trx: Tx, user: { id: string; name: string }, email: string, requestId: string): Promise<void> {
  const waiting = await trx
    .deleteFrom('pending_memberships')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .returning(['organisation_id', 'role'])
    .execute();
  for (const { organisation_id, role } of waiting) {
    await grantMembership(trx, user.id, organisation_id, role);
    await recordAudit(trx, {
      actor: { userId: user.id, name: user.name },
      recordType: 'organisation',
      recordId: organisation_id,
      action: 'grant-role',
      toState: role,
      reason: user.name,
      requestId,
    });
  }
}

export async function findPrincipal(db: Queryable, userId: string, loginKind: LoginKind): Promise<Principal | null> {
  // One round trip (every signed-in request asks): the person, with one row per membership, if any.
  const rows = await db
    .selectFrom('users')
    .leftJoin('memberships', 'memberships.user_id', 'users.id')
    .leftJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'users.id',
      'users.name',
      'users.home_municipality_code',
      'organisations.id as organisationId',
      'organisations.name as organisationName',
      'organisations.kind as organisationKind',
      'organisations.municipality_code as municipalityCode',
      'organisations.county_code as countyCode',
      'memberships.role as role',
    ])
    .where('users.id', '=', userId)
    .orderBy('organisations.name')
    .execute();
  const user = rows[0];
  if (!user) return null;
  const memberships: Membership[] = rows.flatMap(
    ({ organisationId, organisationName, organisationKind, municipalityCode, countyCode, role }) =>
      organisationId !== null && organisationName !== null && organisationKind !== null && role !== null
        ? [{ organisationId, organisationName, organisationKind, municipalityCode, countyCode, role }]
        : [],
  );
  return {
    userId: user.id,
    name: user.name,
    loginKind,
    homeMunicipalityCode: user.home_municipality_code,
    memberships,
    roles: principalRoles(loginKind, memberships),
  };
}

/** The e-mail address the identity provider gave the person, if any. */
export async function findUserEmail(db: Queryable, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email ?? null;
}

export async function listMemberships(db: Queryable, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'organisations.id as organisationId',
      'organisations.name as organisationName',
      'organisations.kind as organisationKind',
      'organisations.municipality_code as municipalityCode',
      'organisations.county_code as countyCode',
      'memberships.role as role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
  return rows;
}

export interface RoleHolder {
  userId: string;
  name: string;
  email: string | null;
  homeMunicipalityCode: string | null;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  municipalityCode: string | null;
}

/** The people holding a role, in any organisation or in one, with the organisation they hold it in. */
export async function listRoleHolders(db: Queryable, filter: { role: OrganisationRole; organisationId?: string }): Promise<RoleHolder[]> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'users.id as userId',
      'users.name as name',
      'users.email as email',
      'users.home_municipality_code as homeMunicipalityCode',
      'organisations.id as organisationId',
      'organisations.name as organisationName',
      'organisations.kind as organisationKind',
      'organisations.municipality_code as municipalityCode',
    ])
    .where('memberships.role', '=', filter.role);
  if (filter.organisationId) query = query.where('memberships.organisation_id', '=', filter.organisationId);
  return query.orderBy('users.name').orderBy('organisations.name').execute();
}

/** Who hears on behalf of municipalities: their case workers and their official mailbox (postmottak). */
export function municipalityRecipients(
  db: Queryable,
  country: Country,
  codes: readonly string[],
  options: { mailbox?: boolean } = {},
): Promise<{ userId: string | null; email: string | null }[]> {
  return recipientsOf(db, country, 'municipality_code', codes, options);
}

/** Who hears on behalf of county authorities (fylkeskommuner): their case workers and their official mailbox. */
export function countyRecipients(
  db: Queryable,
  country: Country,
  codes: readonly string[],
  options: { mailbox?: boolean } = {},
): Promise<{ userId: string | null; email: string | null }[]> {
  return recipientsOf(db, country, 'county_code', codes, options);
}

async function recipientsOf(
  db: Queryable,
  country: Country,
  column: 'municipality_code' | 'county_code',
  codes: readonly string[],
  { mailbox = true }: { mailbox?: boolean },
): Promise<{ userId: string | null; email: string | null }[]> {
  if (codes.length === 0) return [];
  const organisations = await db
    .selectFrom('organisations')
    .select(['id', 'mail_address'])
    .where('country', '=', country)
    .where(column, 'in', [...codes])
    .execute();
  if (organisations.length === 0) return [];
  const caseWorkers = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.email as email'])
    .where('memberships.role', '=', 'case_worker')
    .where(
      'memberships.organisation_id',
      'in',
      organisations.map((o) => o.id),
    )
    .orderBy('users.name')
    .execute();
  return mailbox ? [...caseWorkers, ...organisations.map((o) => ({ userId: null, email: o.mail_address }))] : caseWorkers;
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  country: Country;
  municipalityCode: string | null;
  /** A county authority's county number (registry). */
  countyCode?: string | null;
  mailAddress?: string | null;
}

export async function ensureOrganisation(db: Queryable, organisation: NewOrganisation): Promise<string> {
  const existing = await db
    .selectFrom('organisations')
    .select('id')
    .where('country', '=', organisation.country)
    .where('name', '=', organisation.name)
    .executeTakeFirst();
  if (existing) return existing.id;
  const created = await db
    .insertInto('organisations')
    .values({
      kind: organisation.kind,
      name: organisation.name,
      country: organisation.country,
      municipality_code: organisation.municipalityCode,
      county_code: organisation.countyCode ?? null,
      mail_address: organisation.mailAddress ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

/** Registers a person before their first sign-in, as an administrator does for Ansattporten users. */
export async function ensureUser(db: Queryable, identity: Identity): Promise<string> {
  const row = await db
    .insertInto('users')
    .values(userColumns(identity))
    .onConflict((conflict) => conflict.columns(['identity_provider', 'subject']).doUpdateSet({ name: identity.name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function grantMembership(db: Queryable, userId: string, organisationId: string, role: OrganisationRole) {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, organisation_id: organisationId, role })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

// Sessions ---------------------------------------------------------------------------------------

export async function readSession(db: Queryable, id: string): Promise<unknown | null> {
  const row = await db.selectFrom('sessions').select('data').where('id', '=', id).where('expires_at', '>', new Date()).executeTakeFirst();
  return row?.data ?? null;
}

export async function writeSession(db: Queryable, id: string, userId: string | null, data: unknown, expiresAt: Date) {
  const json = JSON.stringify(data);
  await db
    .insertInto('sessions')
    .values({ id, user_id: userId, data: json, expires_at: expiresAt })
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ user_id: userId, data: json, expires_at: expiresAt }))
    .execute();
}

export async function deleteSession(db: Queryable, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session the user has, on every device and every server process. */
export async function deleteSessionsOfUser(db: Queryable, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The people with this address (one, normally; several when they signed in through different providers). */
export async function findPeopleByEmail(db: Queryable, email: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('users').select(['id', 'name']).where(sql`lower(email)`, '=', email.toLowerCase()).orderBy('name').execute();
}
