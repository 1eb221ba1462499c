/** Programmes: the owner's frame around calls (plain data access). */
import { sql, type Generated } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { json, parsed } from '../../platform/db/kit.js';
import type { ContactPerson, ContentLanguage, Country, Programme, ProgrammeContent } from '../model.js';

interface ProgrammeTable {
  id: Generated<string>;
  seed_key: string | null;
  owner_organisation_id: string;
  country: Country;
  name: string;
  purpose: string;
  languages: string;
  period_start: string;
  period_end: string;
  contacts: string;
  created_at: Generated<Date>;
  version: Generated<number>;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    programmes: ProgrammeTable;
  }
}

export const programmeColumns = [
  'programmes.id',
  'programmes.owner_organisation_id',
  'programmes.country',
  'programmes.name',
  'programmes.purpose',
  'programmes.languages',
  sql<string>`programmes.period_start::text`.as('period_start'),
  sql<string>`programmes.period_end::text`.as('period_end'),
  'programmes.contacts',
  'programmes.version',
  'organisations.name as owner_name',
] as const;

export function toProgramme(row: {
  id: string;
  owner_organisation_id: string;
  country: Country;
  name: string;
  purpose: string;
  languages: unknown;
  period_start: string;
  period_end: string;
  contacts: unknown;
  version: number;
  owner_name: string;
}): Programme {
  return {
    id: row.id,
    ownerOrganisationId: row.owner_organisation_id,
    ownerName: row.owner_name,
    country: row.country,
    name: row.name,
    purpose: row.purpose,
    languages: parsed<ContentLanguage[]>(row.languages),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    contacts: parsed<ContactPerson[]>(row.contacts),
    version: row.version,
  };
}

export async function insertProgramme(
  db: Queryable,
  ownerOrganisationId: string,
  content: ProgrammeContent,
  seedKey: string | null,
): Promise<string> {
  const row = await db
    .insertInto('programmes')
    .values({
      seed_key: seedKey,
      owner_organisation_id: ownerOrganisationId,
      country: content.country,
      name: content.name.trim(),
      purpose: content.purpose,
      languages: json(content.languages),
      period_start: content.periodStart,
      period_end: content.periodEnd,
      contacts: json(content.contacts),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findProgramme(db: Queryable, id: string): Promise<Programme | undefined> {
  const row = await db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.owner_organisation_id')
    .select(programmeColumns)
    .where('programmes.id', '=', id)
    .executeTakeFirst();
  return row ? toProgramme(row) : undefined;
}

/** Programmes of the given organisations, or every programme when `organisationIds` is 'all'. */
export async function listProgrammes(db: Queryable, organisationIds: readonly string[] | 'all'): Promise<Programme[]> {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  let query = db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.owner_organisation_id')
    .select(programmeColumns);
  if (organisationIds !== 'all') query = query.where('programmes.owner_organisation_id', 'in', [...organisationIds]);
  return (await query.orderBy('programmes.period_start', 'desc').execute()).map(toProgramme);
}

/** Ids of rows created by the demo data, by seed key. */
export async function seededIds(
  db: Queryable,
  table: 'programmes' | 'programme_calls' | 'programme_form_templates',
  key: string,
): Promise<string | undefined> {
  const row = await db.selectFrom(table).select('id').where('seed_key', '=', key).executeTakeFirst();
  return row?.id;
}
