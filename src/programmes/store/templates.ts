/** Form templates: the forms calls copy when they are published (plain data access). */
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { isUuid, json, parsed, type Actor } from '../../platform/db/kit.js';
import type { FormDefinition } from '../form.js';
import type { CallStatus } from '../model.js';

interface TemplateTable {
  id: Generated<string>;
  seed_key: string | null;
  owner_organisation_id: string;
  name: string;
  language: string;
  form: string;
  updated_at: Generated<Date>;
  updated_by_name: Generated<string | null>;
  version: Generated<number>;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    programme_form_templates: TemplateTable;
  }
}

export interface Template {
  id: string;
  ownerOrganisationId: string;
  name: string;
  language: string;
  form: FormDefinition;
  version: number;
  updatedByName: string | null;
}

function toTemplate(row: Selectable<TemplateTable>): Template {
  return {
    id: row.id,
    ownerOrganisationId: row.owner_organisation_id,
    name: row.name,
    language: row.language,
    form: parsed<FormDefinition>(row.form),
    version: row.version,
    updatedByName: row.updated_by_name,
  };
}

export async function insertTemplate(
  db: Queryable,
  ownerOrganisationId: string,
  name: string,
  language: string,
  form: FormDefinition,
  seedKey: string | null,
): Promise<string> {
  const row = await db
    .insertInto('programme_form_templates')
    .values({ seed_key: seedKey, owner_organisation_id: ownerOrganisationId, name, language, form: json(form) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes a template's new form (and name and language when given) if it is still at `expectedVersion`; the new version, or undefined. */
export async function updateTemplateRow(
  db: Queryable,
  id: string,
  expectedVersion: number,
  form: FormDefinition,
  actor: Actor,
  details?: { name: string; language: string },
): Promise<number | undefined> {
  const row = await db
    .updateTable('programme_form_templates')
    .set({
      form: json(form),
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by_name: actor.user?.name ?? null,
      ...(details ? { name: details.name.trim(), language: details.language } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function findTemplate(db: Queryable, id: string): Promise<Template | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('programme_form_templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTemplate(row) : undefined;
}

export async function listTemplates(db: Queryable, ownerOrganisationId: string): Promise<Template[]> {
  return listTemplatesOf(db, [ownerOrganisationId]);
}

/** Templates of the given organisations, or every template when 'all' (administrators). */
export async function listTemplatesOf(db: Queryable, organisationIds: readonly string[] | 'all'): Promise<Template[]> {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  let query = db.selectFrom('programme_form_templates').selectAll();
  if (organisationIds !== 'all') query = query.where('owner_organisation_id', 'in', [...organisationIds]);
  return (await query.orderBy('name').orderBy('id').execute()).map(toTemplate);
}

/** Calls that chose the template (drafts follow it until published; published ones keep their copy). */
export async function callsUsingTemplate(db: Queryable, templateId: string): Promise<{ id: string; title: string; status: CallStatus }[]> {
  return db
    .selectFrom('programme_calls')
    .select(['id', 'title', 'status'])
    .where('template_id', '=', templateId)
    .orderBy('created_at')
    .execute();
}
