/** Calls with their rounds, criteria, snapshot, content versions and public change log (plain data access). */
import type { Generated } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { isUuid, json, parsed } from '../../platform/db/kit.js';
import type { FormDefinition } from '../form.js';
import type { Call, CallContent, CallSnapshot, ContentLanguage, Currency, Programme } from '../model.js';
import type { QuestionLogKind } from '../questions.js';
import { parseRules } from '../rules.js';
import type { CallTimeZone } from '../time.js';
import { programmeColumns, toProgramme } from './programmes.js';

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
  one_application_per_round: Generated<boolean>;
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

export type ChangeKind = 'published' | 'amended' | 'closed' | QuestionLogKind;

interface ChangeTable {
  id: Generated<number>;
  call_id: string;
  occurred_at: Date;
  kind: ChangeKind;
  reason: string | null;
  fields: string;
  actor_name: string | null;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    programme_calls: CallTable;
    programme_call_rounds: RoundTable;
    programme_call_criteria: CriterionTable;
    programme_call_snapshots: SnapshotTable;
    programme_call_versions: VersionTable;
    programme_call_changes: ChangeTable;
  }
}

export type StoredCall = Call & { programme: Programme; updatedAt: Date };

async function loadCalls(
  db: Queryable,
  where: { id?: string; programmeId?: string; programmeIds?: string[]; statuses?: Call['status'][] },
): Promise<StoredCall[]> {
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
        .map((r) => ({
          opensAt: r.opens_at.toISOString(),
          closesAt: r.closes_at.toISOString(),
          expectedSelections: r.expected_selections,
        })),
      quota: { minSelected: row.quota_min, maxSelected: row.quota_max },
      budget: { amount: row.budget_amount === null ? null : Number(row.budget_amount), currency: row.budget_currency },
      themes: parsed<string[]>(row.themes),
      criteria: criteria.filter((c) => c.call_id === row.id).map((c) => ({ title: c.title, description: c.description, weight: c.weight })),
      rules: parseRules(parsed<unknown>(row.rules)),
      oneApplicationPerRound: row.one_application_per_round,
      templateId: row.template_id,
    };
    const base = {
      id: row.id,
      programmeId: row.programme_id,
      version: row.version,
      content,
      programme: programmeById.get(row.programme_id)!,
      updatedAt: row.updated_at,
    };
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
  if (!isUuid(id)) return undefined;
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

/** A published call open for applications now (a round running), as other parts list it: its deadline, owner and public page. */
export interface OpenCallSummary {
  id: string;
  title: string;
  purpose: string;
  language: ContentLanguage;
  themes: string[];
  country: Programme['country'];
  programmeName: string;
  ownerName: string;
  /** The running round's closing instant. */
  deadline: Date;
  /** The call's public page. */
  path: string;
}

/** Every published call with a round running at `now`, soonest deadline first. */
export async function listOpenCalls(db: Queryable, now: Date): Promise<OpenCallSummary[]> {
  const open: OpenCallSummary[] = [];
  for (const call of await loadCalls(db, { statuses: ['published'] })) {
    const round = call.content.rounds.find((r) => Date.parse(r.opensAt) <= now.getTime() && now.getTime() < Date.parse(r.closesAt));
    if (!round) continue;
    open.push({
      id: call.id,
      title: call.content.title,
      purpose: call.content.purpose,
      language: call.content.language,
      themes: call.content.themes,
      country: call.programme.country,
      programmeName: call.programme.name,
      ownerName: call.programme.ownerName,
      deadline: new Date(round.closesAt),
      path: `/utlysninger/${call.id}`,
    });
  }
  return open.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
}

async function writeContent(trx: Queryable, callId: string, content: CallContent) {
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
      .values(
        content.criteria.map((c, position) => ({
          call_id: callId,
          position,
          title: c.title,
          description: c.description,
          weight: c.weight,
        })),
      )
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
    one_application_per_round: content.oneApplicationPerRound !== false,
    template_id: content.templateId,
  };
}

export async function insertCall(db: Queryable, programmeId: string, content: CallContent, seedKey: string | null): Promise<string> {
  const row = await db
    .insertInto('programme_calls')
    .values({ seed_key: seedKey, programme_id: programmeId, status: 'draft', ...contentColumns(content) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeContent(db, row.id, content);
  return row.id;
}

/** Writes a call's new state and content if it is still at `expectedVersion`; false when someone else wrote first. */
export async function updateCall(db: Queryable, next: Call, expectedVersion: number, at: Date): Promise<boolean> {
  const updated = await db
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
    .where('id', '=', next.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await writeContent(db, next.id, next.content);
  return true;
}

export async function insertVersion(
  db: Queryable,
  callId: string,
  version: number,
  content: CallContent,
  actorName: string | null,
): Promise<void> {
  await db
    .insertInto('programme_call_versions')
    .values({ call_id: callId, version, content: json(content), actor_name: actorName })
    .execute();
}

export async function insertSnapshot(db: Queryable, callId: string, snapshot: CallSnapshot): Promise<void> {
  await db
    .insertInto('programme_call_snapshots')
    .values({
      call_id: callId,
      form: json(snapshot.form),
      rules: json(snapshot.rules),
      template_id: snapshot.templateId,
      template_version: snapshot.templateVersion,
      taken_at: new Date(snapshot.takenAt),
    })
    .execute();
}

export interface ChangeLogEntry {
  at: Date;
  kind: ChangeKind;
  reason: string | null;
  fields: (keyof CallContent)[];
  actorName: string | null;
}

/** A line of the call's public change log. */
export async function insertChange(db: Queryable, callId: string, entry: ChangeLogEntry): Promise<void> {
  await db
    .insertInto('programme_call_changes')
    .values({
      call_id: callId,
      occurred_at: entry.at,
      kind: entry.kind,
      reason: entry.reason,
      fields: json(entry.fields),
      actor_name: entry.actorName,
    })
    .execute();
}

export async function contentAtVersion(db: Queryable, callId: string, version: number): Promise<CallContent | undefined> {
  const row = await db
    .selectFrom('programme_call_versions')
    .select('content')
    .where('call_id', '=', callId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? parsed<CallContent>(row.content) : undefined;
}

/** Who saved the latest version, and when. */
export async function latestVersionInfo(
  db: Queryable,
  callId: string,
): Promise<{ version: number; actorName: string | null; savedAt: Date } | undefined> {
  const row = await db
    .selectFrom('programme_call_versions')
    .select(['version', 'actor_name', 'saved_at'])
    .where('call_id', '=', callId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, actorName: row.actor_name, savedAt: row.saved_at } : undefined;
}

export async function listChanges(db: Queryable, callId: string): Promise<ChangeLogEntry[]> {
  const rows = await db
    .selectFrom('programme_call_changes')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.occurred_at,
    kind: r.kind,
    reason: r.reason,
    fields: parsed<(keyof CallContent)[]>(r.fields),
    actorName: r.actor_name,
  }));
}
