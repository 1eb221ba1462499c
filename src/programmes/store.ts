/**
 * The programmes' SQL. Every write is one transaction with its audit entry; every update of a call
 * names the version it was based on, and a stale version is refused (VersionConflict), never lost.
 */
import { sql, type Generated, type Selectable } from 'kysely';
import type { DB, Queryable, Tx } from '../platform/db/database.js';
import { recordAudit } from '../platform/audit/store.js';
import type { FormDefinition } from './form.js';
import {
  amendCall,
  closeCall,
  createDraft,
  editDraft,
  IllegalTransition,
  publishCall,
  type Call,
  type CallContent,
  type CallEvent,
  type ContactPerson,
  type ContentLanguage,
  type ContentProblem,
  type Country,
  type Currency,
  type Programme,
  type ProgrammeContent,
} from './model.js';
import { parseRules, type EligibilityRule } from './rules.js';
import type { CallTimeZone } from './time.js';
import { grantProblems, revokeProblem, type DeadlineExtension, type ExtensionProblem, type GrantRequest } from './extensions.js';
import { changeQuestion, textProblems, type CallQuestion, type QuestionAction, type QuestionLogKind, type QuestionProblem, type QuestionStatus } from './questions.js';

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

interface CallTable {
  id: Generated<string>;
  seed_key: string | null;
  programme_id: string;
  status: Call['status'];
  title: string;
  purpose: string;
  language: ContentLanguage;
  time_zone: CallTimeZone;
  quota_min: number | null;
  quota_max: number | null;
  budget_amount: number | null;
  budget_currency: Currency;
  themes: string;
  rules: string;
  template_id: string | null;
  published_at: Date | null;
  closed_at: Date | null;
  close_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

interface RoundTable {
  call_id: string;
  position: number;
  opens_at: Date;
  closes_at: Date;
  expected_selections: number | null;
}

interface CriterionTable {
  call_id: string;
  position: number;
  title: string;
  description: string;
  weight: number;
}

interface SnapshotTable {
  call_id: string;
  form: string;
  rules: string;
  template_id: string | null;
  template_version: number | null;
  taken_at: Date;
}

interface VersionTable {
  call_id: string;
  version: number;
  content: string;
  actor_name: string | null;
  saved_at: Generated<Date>;
}

type ChangeKind = 'published' | 'amended' | 'closed' | QuestionLogKind;

interface ChangeTable {
  id: Generated<number>;
  call_id: string;
  occurred_at: Date;
  kind: ChangeKind;
  reason: string | null;
  fields: string;
  actor_name: string | null;
}

interface ExtensionTable {
  id: Generated<string>;
  call_id: string;
  round_index: number;
  municipality_code: string;
  municipality_name: string;
  until: Date;
  reason: string;
  granted_at: Generated<Date>;
  granted_by_name: string | null;
  revoked_at: Date | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
  used_at: Date | null;
  version: Generated<number>;
}

interface QuestionTable {
  id: Generated<string>;
  call_id: string;
  status: QuestionStatus;
  question: string;
  answer: Generated<string>;
  asked_at: Generated<Date>;
  asked_by_name: string | null;
  asked_by_municipality: string | null;
  published_at: Date | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    programmes: ProgrammeTable;
    programme_form_templates: TemplateTable;
    programme_calls: CallTable;
    programme_call_rounds: RoundTable;
    programme_call_criteria: CriterionTable;
    programme_call_snapshots: SnapshotTable;
    programme_call_versions: VersionTable;
    programme_call_changes: ChangeTable;
    programme_call_extensions: ExtensionTable;
    programme_call_questions: QuestionTable;
  }
}

export interface Actor {
  user: { userId: string; name: string } | null;
  requestId: string | null;
  /** When the change happened; the database clock unless given (the demo data's historic calls). */
  at?: Date;
}

export const SYSTEM: Actor = { user: null, requestId: null };

export class CallNotFound extends Error {
  constructor() {
    super('call not found');
  }
}

/** The call changed since the version the person started from: `current` is how it stands now. */
export class VersionConflict extends Error {
  constructor(
    readonly current: StoredCall,
    readonly base: CallContent | undefined,
    readonly baseVersion: number,
  ) {
    super(`version ${baseVersion} is stale; the call is at version ${current.version}`);
  }
}

export class ContentRejected extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super('content rejected');
  }
}

const json = (value: unknown) => JSON.stringify(value);
/** node-postgres parses jsonb; PGlite too — but a string may come back from a text cast. */
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

// Programmes -------------------------------------------------------------------------------------

const programmeColumns = [
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

function toProgramme(row: {
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

export async function createProgramme(db: DB, ownerOrganisationId: string, content: ProgrammeContent, actor: Actor, seedKey: string | null = null): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
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
    await recordAudit(trx, { actor: actor.user, recordType: 'programme', recordId: row.id, action: 'create', toState: 'active', requestId: actor.requestId });
    return row.id;
  });
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
  let query = db.selectFrom('programmes').innerJoin('organisations', 'organisations.id', 'programmes.owner_organisation_id').select(programmeColumns);
  if (organisationIds !== 'all') query = query.where('programmes.owner_organisation_id', 'in', [...organisationIds]);
  return (await query.orderBy('programmes.period_start', 'desc').execute()).map(toProgramme);
}

// Form templates ---------------------------------------------------------------------------------

export interface Template {
  id: string;
  ownerOrganisationId: string;
  name: string;
  language: string;
  form: FormDefinition;
  version: number;
  updatedByName: string | null;
}

export async function createTemplate(db: DB, ownerOrganisationId: string, name: string, language: string, form: FormDefinition, actor: Actor, seedKey: string | null = null): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('programme_form_templates')
      .values({ seed_key: seedKey, owner_organisation_id: ownerOrganisationId, name, language, form: json(form) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: actor.user, recordType: 'form_template', recordId: row.id, action: 'create', requestId: actor.requestId });
    return row.id;
  });
}

/** The template changed since the version the person started from: `current` is how it stands now. */
export class TemplateConflict extends Error {
  constructor(readonly current: Template) {
    super(`template ${current.id} is not at the expected version; it is at ${current.version}`);
  }
}

/** Changes a template (its form, and name and language when given); calls already published keep the copy they took. */
export async function updateTemplate(db: DB, id: string, expectedVersion: number, form: FormDefinition, actor: Actor, details?: { name: string; language: string }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('programme_form_templates')
      .set({ form: json(form), version: sql`version + 1`, updated_at: sql`now()`, updated_by_name: actor.user?.name ?? null, ...(details ? { name: details.name.trim(), language: details.language } : {}) })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('version')
      .executeTakeFirst();
    if (!row) {
      const current = await findTemplate(trx, id);
      if (!current) throw new Error(`template ${id} not found`);
      throw new TemplateConflict(current);
    }
    await recordAudit(trx, { actor: actor.user, recordType: 'form_template', recordId: id, action: 'edit', requestId: actor.requestId });
    return row.version;
  });
}

function toTemplate(row: Selectable<TemplateTable>): Template {
  return { id: row.id, ownerOrganisationId: row.owner_organisation_id, name: row.name, language: row.language, form: parsed<FormDefinition>(row.form), version: row.version, updatedByName: row.updated_by_name };
}

export async function findTemplate(db: Queryable, id: string): Promise<Template | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
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
export async function callsUsingTemplate(db: Queryable, templateId: string): Promise<{ id: string; title: string; status: Call['status'] }[]> {
  return db.selectFrom('programme_calls').select(['id', 'title', 'status']).where('template_id', '=', templateId).orderBy('created_at').execute();
}

// Calls ------------------------------------------------------------------------------------------

export type StoredCall = Call & { programme: Programme; updatedAt: Date };

async function loadCalls(db: Queryable, where: { id?: string; programmeId?: string; programmeIds?: string[]; statuses?: Call['status'][] }): Promise<StoredCall[]> {
  let query = db.selectFrom('programme_calls').selectAll();
  if (where.id !== undefined) query = query.where('id', '=', where.id);
  if (where.programmeId !== undefined) query = query.where('programme_id', '=', where.programmeId);
  if (where.programmeIds !== undefined) {
    if (where.programmeIds.length === 0) return [];
    query = query.where('programme_id', 'in', where.programmeIds);
  }
  if (where.statuses !== undefined) query = query.where('status', 'in', where.statuses);
  const calls = await query.orderBy('created_at').execute();
  if (calls.length === 0) return [];
  const ids = calls.map((c) => c.id);
  const [rounds, criteria, snapshots, programmes] = await Promise.all([
    db.selectFrom('programme_call_rounds').selectAll().where('call_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('programme_call_criteria').selectAll().where('call_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('programme_call_snapshots').selectAll().where('call_id', 'in', ids).execute(),
    db
      .selectFrom('programmes')
      .innerJoin('organisations', 'organisations.id', 'programmes.owner_organisation_id')
      .select(programmeColumns)
      .where('programmes.id', 'in', [...new Set(calls.map((c) => c.programme_id))])
      .execute(),
  ]);
  const programmeById = new Map(programmes.map((p) => [p.id, toProgramme(p)]));
  return calls.map((row) => {
    const content: CallContent = {
      title: row.title,
      purpose: row.purpose,
      language: row.language,
      timeZone: row.time_zone,
      rounds: rounds
        .filter((r) => r.call_id === row.id)
        .map((r) => ({ opensAt: r.opens_at.toISOString(), closesAt: r.closes_at.toISOString(), expectedSelections: r.expected_selections })),
      quota: { minSelected: row.quota_min, maxSelected: row.quota_max },
      budget: { amount: row.budget_amount === null ? null : Number(row.budget_amount), currency: row.budget_currency },
      themes: parsed<string[]>(row.themes),
      criteria: criteria.filter((c) => c.call_id === row.id).map((c) => ({ title: c.title, description: c.description, weight: c.weight })),
      rules: parseRules(parsed<unknown>(row.rules)),
      templateId: row.template_id,
    };
    const base = { id: row.id, programmeId: row.programme_id, version: row.version, content, programme: programmeById.get(row.programme_id)!, updatedAt: row.updated_at };
    if (row.status === 'draft') return { ...base, status: 'draft' as const };
    const snap = snapshots.find((s) => s.call_id === row.id);
    if (!snap) throw new Error(`published call ${row.id} has no snapshot`);
    const snapshot = {
      form: parsed<FormDefinition>(snap.form),
      rules: parseRules(parsed<unknown>(snap.rules)),
      templateId: snap.template_id,
      templateVersion: snap.template_version,
      takenAt: snap.taken_at.toISOString(),
    };
    const published = { ...base, snapshot, publishedAt: row.published_at!.toISOString() };
    if (row.status === 'published') return { ...published, status: 'published' as const };
    return { ...published, status: 'closed' as const, closedAt: row.closed_at!.toISOString(), closeReason: row.close_reason };
  });
}

export async function findCall(db: Queryable, id: string): Promise<StoredCall | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await loadCalls(db, { id }))[0];
}

export async function listCallsOfProgramme(db: Queryable, programmeId: string): Promise<StoredCall[]> {
  return loadCalls(db, { programmeId });
}

export async function listCallsOfProgrammes(db: Queryable, programmeIds: string[]): Promise<StoredCall[]> {
  return loadCalls(db, { programmeIds });
}

/** Every published or closed call: the public list. */
export async function listPublicCalls(db: Queryable): Promise<StoredCall[]> {
  return loadCalls(db, { statuses: ['published', 'closed'] });
}

async function writeContent(trx: Tx, callId: string, content: CallContent) {
  await trx.deleteFrom('programme_call_rounds').where('call_id', '=', callId).execute();
  await trx.deleteFrom('programme_call_criteria').where('call_id', '=', callId).execute();
  if (content.rounds.length > 0)
    await trx
      .insertInto('programme_call_rounds')
      .values(
        content.rounds.map((r, position) => ({
          call_id: callId,
          position,
          opens_at: new Date(r.opensAt),
          closes_at: new Date(r.closesAt),
          expected_selections: r.expectedSelections,
        })),
      )
      .execute();
  if (content.criteria.length > 0)
    await trx
      .insertInto('programme_call_criteria')
      .values(content.criteria.map((c, position) => ({ call_id: callId, position, title: c.title, description: c.description, weight: c.weight })))
      .execute();
}

function contentColumns(content: CallContent) {
  return {
    title: content.title.trim(),
    purpose: content.purpose,
    language: content.language,
    time_zone: content.timeZone,
    quota_min: content.quota.minSelected,
    quota_max: content.quota.maxSelected,
    budget_amount: content.budget.amount,
    budget_currency: content.budget.currency,
    themes: json(content.themes),
    rules: json(content.rules),
    template_id: content.templateId,
  };
}

export async function createCall(db: DB, programmeId: string, content: CallContent, actor: Actor, seedKey: string | null = null): Promise<string> {
  const draft = createDraft('new', programmeId, content);
  if (!draft.ok) throw new ContentRejected(draft.problems);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('programme_calls')
      .values({ seed_key: seedKey, programme_id: programmeId, status: 'draft', ...contentColumns(content) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeContent(trx, row.id, content);
    await trx.insertInto('programme_call_versions').values({ call_id: row.id, version: 1, content: json(content), actor_name: actor.user?.name ?? null }).execute();
    await recordAudit(trx, { actor: actor.user, recordType: 'call', recordId: row.id, action: 'create', toState: 'draft', requestId: actor.requestId });
    return row.id;
  });
}

type Change = (call: StoredCall, trx: Tx, at: Date) => Promise<{ next: Call; event: CallEvent; snapshot?: boolean }>;

/**
 * Applies one lifecycle transition in one transaction: reads the call, refuses a stale version,
 * lets the model decide, writes the new state only `where version = expected` (so a concurrent
 * writer on PostgreSQL is caught too), keeps the content version, the change log and the audit.
 */
async function transition(db: DB, callId: string, expectedVersion: number, actor: Actor, action: string, change: Change): Promise<StoredCall> {
  await db.transaction().execute(async (trx) => {
    const call = await findCall(trx, callId);
    if (!call) throw new CallNotFound();
    if (call.version !== expectedVersion) throw new VersionConflict(call, await contentAtVersion(trx, callId, expectedVersion), expectedVersion);
    const at = actor.at ?? new Date((await sql<{ now: Date }>`select now() as now`.execute(trx)).rows[0]!.now);
    const { next, event, snapshot } = await change(call, trx, at);
    const updated = await trx
      .updateTable('programme_calls')
      .set({
        ...contentColumns(next.content),
        status: next.status,
        version: next.version,
        updated_at: at,
        published_at: next.status === 'draft' ? null : new Date(next.publishedAt),
        closed_at: next.status === 'closed' ? new Date(next.closedAt) : null,
        close_reason: next.status === 'closed' ? next.closeReason : null,
      })
      .where('id', '=', callId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new VersionConflict((await findCall(trx, callId))!, undefined, expectedVersion);
    await writeContent(trx, callId, next.content);
    await trx.insertInto('programme_call_versions').values({ call_id: callId, version: next.version, content: json(next.content), actor_name: actor.user?.name ?? null }).execute();
    if (snapshot && next.status !== 'draft') {
      await trx
        .insertInto('programme_call_snapshots')
        .values({
          call_id: callId,
          form: json(next.snapshot.form),
          rules: json(next.snapshot.rules),
          template_id: next.snapshot.templateId,
          template_version: next.snapshot.templateVersion,
          taken_at: new Date(next.snapshot.takenAt),
        })
        .execute();
    }
    if (event.type !== 'edited') {
      await trx
        .insertInto('programme_call_changes')
        .values({
          call_id: callId,
          occurred_at: new Date(event.at),
          kind: event.type,
          reason: event.type === 'amended' || event.type === 'closed' ? event.reason : null,
          fields: json(event.type === 'amended' ? event.fields : []),
          actor_name: actor.user?.name ?? null,
        })
        .execute();
    }
    await recordAudit(trx, {
      actor: actor.user,
      recordType: 'call',
      recordId: callId,
      action,
      fromState: call.status,
      toState: next.status,
      reason: event.type === 'amended' ? event.reason : event.type === 'closed' ? event.reason : null,
      requestId: actor.requestId,
    });
  });
  return (await findCall(db, callId))!;
}

function accepted<S extends Call>(result: { ok: true; call: S; event: CallEvent } | { ok: false; problems: ContentProblem[] }) {
  if (!result.ok) throw new ContentRejected(result.problems);
  return { next: result.call, event: result.event };
}

export function saveDraft(db: DB, callId: string, expectedVersion: number, content: CallContent, actor: Actor) {
  return transition(db, callId, expectedVersion, actor, 'edit', async (call, _trx, at) => {
    if (call.status !== 'draft') throw new IllegalTransition(call.status, 'edit');
    return accepted(editDraft(call, content, at));
  });
}

/** Publishes a draft, copying its template's form and its rules into the call. */
export function publish(db: DB, callId: string, expectedVersion: number, actor: Actor) {
  return transition(db, callId, expectedVersion, actor, 'publish', async (call, trx, at) => {
    if (call.status !== 'draft') throw new IllegalTransition(call.status, 'publish');
    const template = call.content.templateId ? await findTemplate(trx, call.content.templateId) : undefined;
    const snapshot = { form: template?.form ?? { sections: [] }, rules: call.content.rules, templateId: template?.id ?? null, templateVersion: template?.version ?? null };
    return { ...accepted(publishCall(call, snapshot, at)), snapshot: true };
  });
}

export function amend(db: DB, callId: string, expectedVersion: number, content: CallContent, reason: string, actor: Actor) {
  return transition(db, callId, expectedVersion, actor, 'amend', async (call, _trx, at) => {
    if (call.status !== 'published') throw new IllegalTransition(call.status, 'amend');
    return accepted(amendCall(call, content, reason, at));
  });
}

export function close(db: DB, callId: string, expectedVersion: number, reason: string | null, actor: Actor) {
  return transition(db, callId, expectedVersion, actor, 'close', async (call, _trx, at) => {
    if (call.status !== 'published') throw new IllegalTransition(call.status, 'close');
    return accepted(closeCall(call, reason, at));
  });
}

export async function contentAtVersion(db: Queryable, callId: string, version: number): Promise<CallContent | undefined> {
  const row = await db.selectFrom('programme_call_versions').select('content').where('call_id', '=', callId).where('version', '=', version).executeTakeFirst();
  return row ? parsed<CallContent>(row.content) : undefined;
}

/** Who saved the latest version, and when. */
export async function latestVersionInfo(db: Queryable, callId: string): Promise<{ version: number; actorName: string | null; savedAt: Date } | undefined> {
  const row = await db
    .selectFrom('programme_call_versions')
    .select(['version', 'actor_name', 'saved_at'])
    .where('call_id', '=', callId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, actorName: row.actor_name, savedAt: row.saved_at } : undefined;
}

export interface ChangeLogEntry {
  at: Date;
  kind: ChangeKind;
  reason: string | null;
  fields: (keyof CallContent)[];
  actorName: string | null;
}

export async function listChanges(db: Queryable, callId: string): Promise<ChangeLogEntry[]> {
  const rows = await db.selectFrom('programme_call_changes').selectAll().where('call_id', '=', callId).orderBy('occurred_at').orderBy('id').execute();
  return rows.map((r) => ({ at: r.occurred_at, kind: r.kind, reason: r.reason, fields: parsed<(keyof CallContent)[]>(r.fields), actorName: r.actor_name }));
}

// Late submission by exception ------------------------------------------------------------------

export class ExtensionRefused extends Error {
  constructor(readonly problems: ExtensionProblem[]) {
    super('extension refused');
  }
}

export class ExtensionNotFound extends Error {
  constructor() {
    super('extension not found');
  }
}

/** The exception changed since the version the person saw (revoked or used meanwhile). */
export class ExtensionConflict extends Error {
  constructor(readonly current: DeadlineExtension) {
    super(`extension ${current.id} is at version ${current.version}`);
  }
}

function toExtension(row: Selectable<ExtensionTable>): DeadlineExtension {
  return {
    id: row.id,
    callId: row.call_id,
    roundIndex: row.round_index,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    until: row.until.toISOString(),
    reason: row.reason,
    grantedAt: row.granted_at.toISOString(),
    grantedByName: row.granted_by_name,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedByName: row.revoked_by_name,
    revokeReason: row.revoke_reason,
    usedAt: row.used_at?.toISOString() ?? null,
    version: row.version,
  };
}

async function clock(trx: Queryable, actor: Actor): Promise<Date> {
  return actor.at ?? new Date((await sql<{ now: Date }>`select now() as now`.execute(trx)).rows[0]!.now);
}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Grants a named municipality a later deadline in one round of a published call, with a reason;
 * checked against the database clock. One unrevoked exception per municipality and round.
 */
export async function grantExtension(db: DB, callId: string, request: GrantRequest & { municipality: { code: string; name: string } }, actor: Actor): Promise<string> {
  try {
    return await db.transaction().execute(async (trx) => {
      const call = await findCall(trx, callId);
      if (!call) throw new CallNotFound();
      if (call.status !== 'published') throw new ExtensionRefused([{ field: 'municipality', code: 'notOpen' }]);
      const now = await clock(trx, actor);
      const problems = grantProblems(request, call.content.rounds[request.roundIndex]?.closesAt, now);
      const existing = await trx
        .selectFrom('programme_call_extensions')
        .select('id')
        .where('call_id', '=', callId)
        .where('round_index', '=', request.roundIndex)
        .where('municipality_code', '=', request.municipality.code)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (existing) problems.unshift({ field: 'municipality', code: 'exists', params: { name: request.municipality.name } });
      if (problems.length > 0) throw new ExtensionRefused(problems);
      const row = await trx
        .insertInto('programme_call_extensions')
        .values({
          call_id: callId,
          round_index: request.roundIndex,
          municipality_code: request.municipality.code,
          municipality_name: request.municipality.name,
          until: request.until,
          reason: request.reason.trim(),
          granted_at: now,
          granted_by_name: actor.user?.name ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: actor.user,
        recordType: 'deadline_extension',
        recordId: row.id,
        action: 'grant',
        toState: 'active',
        reason: `${request.municipality.code} ${request.municipality.name}, call ${callId} round ${request.roundIndex + 1}, until ${request.until.toISOString()}: ${request.reason.trim()}`,
        requestId: actor.requestId,
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ExtensionRefused([{ field: 'municipality', code: 'exists', params: { name: request.municipality.name } }]);
    throw error;
  }
}

/** Revokes an exception the municipality has not yet submitted under; a stale version is refused. */
export async function revokeExtension(db: DB, id: string, expectedVersion: number, reason: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('programme_call_extensions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new ExtensionNotFound();
    const current = toExtension(row);
    if (current.version !== expectedVersion) throw new ExtensionConflict(current);
    const problem = revokeProblem(current);
    if (problem) throw new ExtensionRefused([problem]);
    if (reason.trim() === '') throw new ExtensionRefused([{ field: 'reason', code: 'required' }]);
    const now = await clock(trx, actor);
    await trx
      .updateTable('programme_call_extensions')
      .set({ revoked_at: now, revoked_by_name: actor.user?.name ?? null, revoke_reason: reason.trim().slice(0, 2000), version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor: actor.user, recordType: 'deadline_extension', recordId: id, action: 'revoke', fromState: 'active', toState: 'revoked', reason: reason.trim().slice(0, 2000), requestId: actor.requestId });
  });
}

export async function findExtension(db: Queryable, id: string): Promise<DeadlineExtension | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await db.selectFrom('programme_call_extensions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toExtension(row) : undefined;
}

/** Every exception of a call, revoked ones too, in the order they were granted. */
export async function listExtensions(db: Queryable, callId: string): Promise<DeadlineExtension[]> {
  const rows = await db.selectFrom('programme_call_extensions').selectAll().where('call_id', '=', callId).orderBy('granted_at').orderBy('id').execute();
  return rows.map(toExtension);
}

/**
 * The unrevoked exception of a municipality in a round, if any. `lock` (inside the submitting
 * transaction) holds it so a revocation cannot slip in between the check and the submission.
 */
export async function applicantExtension(db: Queryable, callId: string, roundIndex: number, municipalityCode: string, lock = false): Promise<DeadlineExtension | undefined> {
  let query = db
    .selectFrom('programme_call_extensions')
    .selectAll()
    .where('call_id', '=', callId)
    .where('round_index', '=', roundIndex)
    .where('municipality_code', '=', municipalityCode)
    .where('revoked_at', 'is', null);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toExtension(row) : undefined;
}

/** The round in which a municipality holds an unrevoked exception still running at `now` (to start an application late), if any. */
export async function extendedRound(db: Queryable, callId: string, municipalityCode: string, now: Date): Promise<number | undefined> {
  const row = await db
    .selectFrom('programme_call_extensions')
    .select('round_index')
    .where('call_id', '=', callId)
    .where('municipality_code', '=', municipalityCode)
    .where('revoked_at', 'is', null)
    .where('until', '>', now)
    .orderBy('round_index', 'desc')
    .executeTakeFirst();
  return row?.round_index;
}

/** Notes, in the submitting transaction, that a submission relied on the exception: it can no longer be revoked. */
export async function markExtensionUsed(trx: Tx, extension: DeadlineExtension, applicationId: string, at: Date, actor: Actor): Promise<void> {
  if (extension.usedAt !== null) return;
  await trx.updateTable('programme_call_extensions').set({ used_at: at, version: sql`version + 1` }).where('id', '=', extension.id).where('used_at', 'is', null).execute();
  await recordAudit(trx, { actor: actor.user, recordType: 'deadline_extension', recordId: extension.id, action: 'use', fromState: 'active', toState: 'used', reason: `application ${applicationId}`, requestId: actor.requestId });
}

// Questions and answers --------------------------------------------------------------------------

export class QuestionNotFound extends Error {
  constructor() {
    super('question not found');
  }
}

export class QuestionRejected extends Error {
  constructor(readonly problems: QuestionProblem[]) {
    super('question rejected');
  }
}

/** The entry changed since the version the person started from. */
export class QuestionConflict extends Error {
  constructor(readonly current: CallQuestion) {
    super(`question ${current.id} is at version ${current.version}`);
  }
}

function toQuestion(row: Selectable<QuestionTable>): CallQuestion {
  return {
    id: row.id,
    callId: row.call_id,
    status: row.status,
    question: row.question,
    answer: row.answer,
    askedAt: row.asked_at.toISOString(),
    askedByName: row.asked_by_name,
    askedByMunicipality: row.asked_by_municipality,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

async function logQuestion(trx: Tx, callId: string, kind: QuestionLogKind, question: string, at: Date, actor: Actor) {
  await trx
    .insertInto('programme_call_changes')
    .values({ call_id: callId, occurred_at: at, kind, reason: kind === 'qa-unpublished' ? null : question, fields: json([]), actor_name: actor.user?.name ?? null })
    .execute();
}

/** A case worker's question to the owner of a published call; stored unanswered, never public as asked. */
export async function askQuestion(db: DB, callId: string, question: string, asker: { name: string; municipality: string | null }, actor: Actor): Promise<string> {
  const problems = textProblems(question, '', false);
  if (problems.length > 0) throw new QuestionRejected(problems);
  return db.transaction().execute(async (trx) => {
    const call = await findCall(trx, callId);
    if (!call || call.status !== 'published') throw new CallNotFound();
    const row = await trx
      .insertInto('programme_call_questions')
      .values({ call_id: callId, status: 'asked', question: question.trim(), asked_by_name: asker.name, asked_by_municipality: asker.municipality })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: actor.user, recordType: 'call_question', recordId: row.id, action: 'ask', toState: 'asked', requestId: actor.requestId });
    return row.id;
  });
}

/** The owner's own entry, published at once (and noted in the change log) or kept unpublished. */
export async function writeQuestion(db: DB, callId: string, texts: { question: string; answer: string }, publishNow: boolean, actor: Actor): Promise<string> {
  const problems = textProblems(texts.question, texts.answer, publishNow);
  if (problems.length > 0) throw new QuestionRejected(problems);
  return db.transaction().execute(async (trx) => {
    const call = await findCall(trx, callId);
    if (!call || call.status === 'draft') throw new CallNotFound();
    const now = await clock(trx, actor);
    const status: QuestionStatus = publishNow ? 'published' : 'unpublished';
    const row = await trx
      .insertInto('programme_call_questions')
      .values({ call_id: callId, status, question: texts.question.trim(), answer: texts.answer.trim(), asked_at: now, asked_by_name: null, asked_by_municipality: null, published_at: publishNow ? now : null, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (publishNow) await logQuestion(trx, callId, 'qa-published', texts.question.trim(), now, actor);
    await recordAudit(trx, { actor: actor.user, recordType: 'call_question', recordId: row.id, action: 'create', toState: status, requestId: actor.requestId });
    return row.id;
  });
}

/** Edits an entry and publishes, unpublishes or keeps its state, with a version check. */
export async function changeCallQuestion(db: DB, id: string, expectedVersion: number, action: QuestionAction, texts: { question: string; answer: string }, actor: Actor): Promise<CallQuestion> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('programme_call_questions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new QuestionNotFound();
    const current = toQuestion(row);
    if (current.version !== expectedVersion) throw new QuestionConflict(current);
    const now = await clock(trx, actor);
    const result = changeQuestion(current, action, texts, now);
    if (!result.ok) throw new QuestionRejected(result.problems);
    const next = result.question;
    await trx
      .updateTable('programme_call_questions')
      .set({ status: next.status, question: next.question, answer: next.answer, published_at: next.publishedAt ? new Date(next.publishedAt) : null, updated_at: now, version: next.version })
      .where('id', '=', id)
      .execute();
    if (result.log) await logQuestion(trx, current.callId, result.log, next.question, now, actor);
    await recordAudit(trx, { actor: actor.user, recordType: 'call_question', recordId: id, action, fromState: current.status, toState: next.status, requestId: actor.requestId });
    return next;
  });
}

export async function findQuestion(db: Queryable, id: string): Promise<CallQuestion | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await db.selectFrom('programme_call_questions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toQuestion(row) : undefined;
}

/** Every entry of a call, oldest first (the owner's view; the public page filters). */
export async function listQuestions(db: Queryable, callId: string): Promise<CallQuestion[]> {
  const rows = await db.selectFrom('programme_call_questions').selectAll().where('call_id', '=', callId).orderBy('asked_at').orderBy('id').execute();
  return rows.map(toQuestion);
}

/** Ids of rows created by the demo data, by seed key. */
export async function seededIds(db: Queryable, table: 'programmes' | 'programme_calls' | 'programme_form_templates', key: string): Promise<string | undefined> {
  const row = await db.selectFrom(table).select('id').where('seed_key', '=', key).executeTakeFirst();
  return row?.id;
}

export type { EligibilityRule };
