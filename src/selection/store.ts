/**
 * The selection's and decisions' SQL. Every write is one transaction with its audit entries (who,
 * when, from, to, why) and names the call's selection version, so a concurrent change is refused
 * (VersionConflict), never lost. Recording re-checks the selection against the ranking inside the
 * transaction; deciding enqueues each letter job in the same transaction. Applications, calls and
 * agreed scores are read through their own capabilities' store functions.
 */
import { sql, type Selectable } from 'kysely';
import type { DB, Queryable, Tx } from '../platform/db/database.js';
import { recordAudit } from '../platform/audit/store.js';
import { saveFile } from '../platform/files/store.js';
import { listRoleHolders } from '../platform/auth/store.js';
import { callDeadline, listSubmittedApplications, type StoredApplication, type StoredSubmission } from '../applications/store.js';
import { agreedScoresForCall, pausedApplicationsOfCall } from '../assessment/store.js';
import { criteriaOf, scoreScaleOf, type ScoreScale } from '../assessment/model.js';
import { findCall, type StoredCall } from '../programmes/store.js';
import type { Currency } from '../programmes/model.js';
import {
  decideApplication,
  evaluateSelection,
  lockProblems,
  rankApplications,
  requestedAmount,
  transitionDecision,
  type Candidate,
  type Choice,
  type DecisionInput,
  type DecisionProblem,
  type DecisionState,
  type LetterLanguage,
  type Ranking,
  type RankingCriterion,
  type SelectionEvaluation,
  type SelectionFrame,
  type SelectionProblem,
} from './model.js';
import type { PublishedGrant } from './open-data.js';

interface SelectionTable {
  call_id: string;
  version: number;
  recorded_at: Date | null;
  recorded_by_name: string | null;
}

interface EntryTable {
  application_id: string;
  call_id: string;
  selected: boolean;
  amount: number | null;
  reason: string;
  recorded_at: Date;
}

interface DecisionTable {
  application_id: string;
  call_id: string;
  state: Exclude<DecisionState, 'pending'>;
  amount: number | null;
  currency: Currency;
  conditions: string;
  reason: string;
  public_summary: string;
  letter_language: LetterLanguage;
  decided_at: Date;
  decided_by_user_id: string | null;
  decided_by_name: string;
  published_at: Date | null;
  letter_file_id: string | null;
  letter_made_at: Date | null;
  letter_recipients: string;
  mail_claimed_at: Date | null;
  mail_sent_at: Date | null;
}

declare module '../platform/db/schema.js' {
  interface Database {
    selections: SelectionTable;
    selection_entries: EntryTable;
    decisions: DecisionTable;
  }
}

export interface Actor {
  user: { userId: string; name: string } | null;
  requestId: string | null;
}

/** The selection changed since the version the person started from. */
export class VersionConflict extends Error {
  constructor(
    readonly currentVersion: number,
    readonly baseVersion: number,
    readonly changedByName: string | null,
  ) {
    super(`selection version ${baseVersion} is stale; now at ${currentVersion}`);
  }
}

export class SelectionRefused extends Error {
  constructor(
    readonly problems: SelectionProblem[],
    readonly evaluation: SelectionEvaluation,
  ) {
    super('selection refused');
  }
}

export type DecideProblem = DecisionProblem | { applicationId: string; field: 'state'; code: 'paused' | 'notCandidate' } | { applicationId: ''; field: 'state'; code: 'nothingToDecide' };

export class DecisionRefused extends Error {
  constructor(readonly problems: DecideProblem[]) {
    super('decision refused');
  }
}

export class NothingToPublish extends Error {
  constructor() {
    super('no granted decision to publish');
  }
}

const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

async function databaseNow(db: Queryable): Promise<Date> {
  return new Date((await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]!.now);
}

// The board: everything the owner's pages and the writes check against ---------------------------------

export interface Applicant extends Candidate {
  members: { code: string; name: string }[];
  /** The letter's recipients: each accepted member's contact e-mail, or where it named none, its case workers on Stifinner. */
  recipients: string[];
  /** The first text answer, shortened: a starting point for the public summary. */
  summaryDraft: string;
  callLanguage: string;
}

export interface StoredDecision {
  applicationId: string;
  callId: string;
  state: Exclude<DecisionState, 'pending'>;
  amount: number | null;
  currency: Currency;
  conditions: string;
  reason: string;
  publicSummary: string;
  letterLanguage: LetterLanguage;
  decidedAt: Date;
  decidedByName: string;
  publishedAt: Date | null;
  letterFileId: string | null;
  letterRecipients: string[];
  mailSentAt: Date | null;
}

export interface SelectionBoard {
  call: StoredCall;
  version: number;
  recordedAt: Date | null;
  recordedByName: string | null;
  criteria: RankingCriterion[];
  scale: ScoreScale;
  frame: SelectionFrame;
  /** Submitted applications whose round has closed: the candidates (R1). */
  applicants: Applicant[];
  /** Submitted applications whose round is still open: not yet candidates. */
  awaitingDeadline: number;
  ranking: Ranking;
  recorded: Choice[];
  decisions: StoredDecision[];
}

function firstTextAnswer(submission: StoredSubmission): string {
  const part = submission.form.sections.flatMap((s) => s.parts).find((p) => p.kind === 'text' && typeof submission.answers[p.key] === 'string');
  const text = part ? String(submission.answers[part.key]).replace(/\s+/g, ' ').trim() : '';
  if (text.length <= 300) return text;
  const cut = text.slice(0, 300);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 200))} …`;
}

function toApplicant(call: StoredCall, application: StoredApplication, submission: StoredSubmission, paused: boolean, caseWorkers: ReadonlyMap<string, string[]>): Applicant {
  const members = submission.members.map((m) => ({ code: m.code, name: m.name }));
  const accepted = application.members.filter((m) => m.invitation === 'accepted');
  return {
    applicationId: application.id,
    applicant: members.map((m) => m.name).join(', '),
    roundIndex: application.roundIndex,
    requestedAmount: requestedAmount(submission.form, submission.answers),
    submittedAt: submission.submittedAt.toISOString(),
    paused,
    members,
    // Each member's contact for the application and its case workers on the platform.
    recipients: [...new Set(accepted.flatMap((m) => [...(m.contactEmail ? [m.contactEmail] : []), ...(caseWorkers.get(m.code) ?? [])]))],
    summaryDraft: firstTextAnswer(submission),
    callLanguage: call.content.language,
  };
}

function toDecision(row: Selectable<DecisionTable>): StoredDecision {
  return {
    applicationId: row.application_id,
    callId: row.call_id,
    state: row.state,
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency,
    conditions: row.conditions,
    reason: row.reason,
    publicSummary: row.public_summary,
    letterLanguage: row.letter_language,
    decidedAt: row.decided_at,
    decidedByName: row.decided_by_name,
    publishedAt: row.published_at,
    letterFileId: row.letter_file_id,
    letterRecipients: parsed<string[]>(row.letter_recipients),
    mailSentAt: row.mail_sent_at,
  };
}

export function frameOf(call: StoredCall): SelectionFrame {
  return {
    rounds: call.content.rounds.map((r) => ({ expected: r.expectedSelections })),
    quota: { min: call.content.quota.minSelected, max: call.content.quota.maxSelected },
    budget: call.content.budget.amount,
    currency: call.content.budget.currency,
  };
}

export async function listDecisionsOfCall(db: Queryable, callId: string): Promise<StoredDecision[]> {
  if (!isUuid(callId)) return [];
  return (await db.selectFrom('decisions').selectAll().where('call_id', '=', callId).orderBy('decided_at').orderBy('application_id').execute()).map(toDecision);
}

export async function findDecision(db: Queryable, applicationId: string): Promise<StoredDecision | undefined> {
  if (!isUuid(applicationId)) return undefined;
  const row = await db.selectFrom('decisions').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
  return row ? toDecision(row) : undefined;
}

/** The ranking, the recorded selection and the decisions of a call, as they stand at `now`. */
export async function loadSelectionBoard(db: Queryable, call: StoredCall, now: Date): Promise<SelectionBoard> {
  const [submitted, agreed, paused, selection, entries, decisions, holders] = await Promise.all([
    listSubmittedApplications(db, call.id),
    agreedScoresForCall(db, call.id),
    pausedApplicationsOfCall(db, call.id),
    db.selectFrom('selections').selectAll().where('call_id', '=', call.id).executeTakeFirst(),
    db.selectFrom('selection_entries').selectAll().where('call_id', '=', call.id).execute(),
    listDecisionsOfCall(db, call.id),
    listRoleHolders(db, { role: 'case_worker' }),
  ]);
  const caseWorkers = new Map<string, string[]>();
  for (const holder of holders) {
    if (holder.municipalityCode && holder.email) caseWorkers.set(holder.municipalityCode, [...(caseWorkers.get(holder.municipalityCode) ?? []), holder.email]);
  }
  const pausedIds = new Set(paused);
  const closed = submitted.filter(({ application }) => callDeadline(call, application.roundIndex, application.deadline).getTime() <= now.getTime());
  const applicants = closed.map(({ application, submission }) => toApplicant(call, application, submission, pausedIds.has(application.id), caseWorkers));
  const criteria = criteriaOf(call.content).map((c) => ({ key: c.key, title: c.title, weight: c.weight }));
  return {
    call,
    version: selection?.version ?? 1,
    recordedAt: selection?.recorded_at ?? null,
    recordedByName: selection?.recorded_by_name ?? null,
    criteria,
    scale: scoreScaleOf(call),
    frame: frameOf(call),
    applicants,
    awaitingDeadline: submitted.length - closed.length,
    ranking: rankApplications(criteria, applicants, agreed),
    recorded: entries.map((e) => ({ applicationId: e.application_id, selected: e.selected, amount: e.amount === null ? null : Number(e.amount), reason: e.reason })),
    decisions,
  };
}

/** Locks the call's selection row (creating it at version 1) and refuses a stale version. */
async function lockSelection(trx: Tx, callId: string, expectedVersion: number): Promise<SelectionTable> {
  await trx.insertInto('selections').values({ call_id: callId, version: 1, recorded_at: null, recorded_by_name: null }).onConflict((oc) => oc.column('call_id').doNothing()).execute();
  const row = await trx.selectFrom('selections').selectAll().where('call_id', '=', callId).forUpdate().executeTakeFirstOrThrow();
  if (row.version !== expectedVersion) throw new VersionConflict(row.version, expectedVersion, row.recorded_by_name);
  return row;
}

async function bumpVersion(trx: Tx, callId: string, actor: Actor, now: Date): Promise<number> {
  const row = await trx
    .updateTable('selections')
    .set({ version: sql`version + 1`, recorded_at: now, recorded_by_name: actor.user?.name ?? null })
    .where('call_id', '=', callId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

async function boardInTransaction(trx: Tx, callId: string): Promise<{ board: SelectionBoard; now: Date }> {
  const call = await findCall(trx, callId);
  if (!call || call.status === 'draft') throw new Error(`call ${callId} cannot be selected on`);
  const now = await databaseNow(trx);
  return { board: await loadSelectionBoard(trx, call, now), now };
}

// Recording the selection ------------------------------------------------------------------------

/**
 * Records the owner's selection with a reason per application: checked against the ranking,
 * quota and budget inside the transaction (S1–S3, R3, R5); decided applications stay as they are.
 * Returns the new selection version.
 */
export async function recordSelection(db: DB, callId: string, expectedVersion: number, choices: readonly Choice[], actor: Actor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockSelection(trx, callId, expectedVersion);
    const { board, now } = await boardInTransaction(trx, callId);
    const decided = new Set(board.decisions.map((d) => d.applicationId));
    const applicantOf = (id: string) => board.applicants.find((a) => a.applicationId === id)?.applicant ?? id;
    const evaluation = evaluateSelection(board.ranking, board.frame, choices, 'record');
    const problems = [...lockProblems(board.recorded, decided, choices, applicantOf), ...evaluation.problems];
    if (problems.length > 0) throw new SelectionRefused(problems, evaluation);
    const before = new Map(board.recorded.map((c) => [c.applicationId, c]));
    const selectable = new Set(board.ranking.ranked.filter((r) => !r.paused).map((r) => r.applicationId));
    for (const choice of choices) {
      if (decided.has(choice.applicationId) || !selectable.has(choice.applicationId)) continue;
      const values = { selected: choice.selected, amount: choice.selected ? choice.amount : null, reason: choice.reason.trim(), recorded_at: now };
      await trx
        .insertInto('selection_entries')
        .values({ application_id: choice.applicationId, call_id: callId, ...values })
        .onConflict((oc) => oc.column('application_id').doUpdateSet(values))
        .execute();
      const was = before.get(choice.applicationId);
      const state = (c: Choice | undefined) => (c === undefined ? 'none' : c.selected ? 'selected' : 'not-selected');
      if (!was || state(was) !== state(choice) || was.amount !== values.amount || was.reason !== values.reason) {
        await recordAudit(trx, {
          actor: actor.user,
          recordType: 'selection_entry',
          recordId: choice.applicationId,
          action: choice.selected ? 'select' : 'deselect',
          fromState: state(was),
          toState: state(choice),
          reason: `${values.amount === null ? '' : `${values.amount} ${board.frame.currency}: `}${values.reason}`,
          requestId: actor.requestId,
        });
      }
    }
    const version = await bumpVersion(trx, callId, actor, now);
    await recordAudit(trx, {
      actor: actor.user,
      recordType: 'selection',
      recordId: callId,
      action: 'record',
      reason: `${evaluation.selected} selected, ${evaluation.granted} ${board.frame.currency} granted`,
      toState: `version ${version}`,
      requestId: actor.requestId,
    });
    return version;
  });
}

// Deciding ---------------------------------------------------------------------------------------

/**
 * Decides every recorded application that has no decision yet, as the selection says (granted
 * with its amount, or rejected), each with its reason, conditions, summary and letter language;
 * enqueues each letter in the same transaction. Refused as a whole when any input is lacking.
 */
export async function decideSelection(
  db: DB,
  callId: string,
  expectedVersion: number,
  inputs: ReadonlyMap<string, DecisionInput>,
  actor: Actor & { user: { userId: string; name: string } },
  enqueue: (trx: Tx, applicationId: string) => Promise<unknown>,
): Promise<{ version: number; decided: number }> {
  return db.transaction().execute(async (trx) => {
    await lockSelection(trx, callId, expectedVersion);
    const { board, now } = await boardInTransaction(trx, callId);
    const decided = new Set(board.decisions.map((d) => d.applicationId));
    const pending = board.recorded.filter((c) => !decided.has(c.applicationId) && inputs.has(c.applicationId));
    const problems: DecideProblem[] = [];
    if (pending.length === 0) problems.push({ applicationId: '', field: 'state', code: 'nothingToDecide' });
    const made: { choice: Choice; applicant: (typeof board.applicants)[number]; result: Extract<ReturnType<typeof decideApplication>, { ok: true }> }[] = [];
    for (const choice of pending) {
      const applicant = board.applicants.find((a) => a.applicationId === choice.applicationId);
      if (!applicant) {
        problems.push({ applicationId: choice.applicationId, field: 'state', code: 'notCandidate' });
        continue;
      }
      if (applicant.paused) {
        problems.push({ applicationId: choice.applicationId, field: 'state', code: 'paused' });
        continue;
      }
      const result = decideApplication(choice, board.call.programme.country, inputs.get(choice.applicationId)!);
      if (!result.ok) problems.push(...result.problems);
      else made.push({ choice, applicant, result });
    }
    if (problems.length > 0) throw new DecisionRefused(problems);
    for (const { applicant, result } of made) {
      const { decision, event } = result;
      await trx
        .insertInto('decisions')
        .values({
          application_id: decision.applicationId,
          call_id: callId,
          state: decision.outcome,
          amount: decision.amount,
          currency: board.frame.currency,
          conditions: decision.conditions,
          reason: decision.reason,
          public_summary: decision.publicSummary,
          letter_language: decision.letterLanguage,
          decided_at: now,
          decided_by_user_id: actor.user.userId,
          decided_by_name: actor.user.name,
          letter_recipients: JSON.stringify(applicant.recipients),
        })
        .execute();
      await recordAudit(trx, { actor: actor.user, recordType: 'decision', recordId: decision.applicationId, action: event.transition, fromState: event.from, toState: event.to, reason: event.reason, requestId: actor.requestId });
      await enqueue(trx, decision.applicationId);
    }
    const version = await bumpVersion(trx, callId, actor, now);
    return { version, decided: made.length };
  });
}

// Publishing -------------------------------------------------------------------------------------

/** Publishes the call's granted decisions: from then on they are on the public list and in the open data. */
export async function publishResults(db: DB, callId: string, expectedVersion: number, actor: Actor): Promise<{ version: number; published: number }> {
  return db.transaction().execute(async (trx) => {
    await lockSelection(trx, callId, expectedVersion);
    const now = await databaseNow(trx);
    const granted = await trx.selectFrom('decisions').select('application_id').where('call_id', '=', callId).where('state', '=', 'granted').forUpdate().execute();
    if (granted.length === 0) throw new NothingToPublish();
    for (const { application_id } of granted) {
      const event = transitionDecision('granted', 'publish', null);
      await trx.updateTable('decisions').set({ state: event.to as 'published', published_at: now }).where('application_id', '=', application_id).where('state', '=', 'granted').execute();
      await recordAudit(trx, { actor: actor.user, recordType: 'decision', recordId: application_id, action: event.transition, fromState: event.from, toState: event.to, requestId: actor.requestId });
    }
    const version = await bumpVersion(trx, callId, actor, now);
    return { version, published: granted.length };
  });
}

// The letter job's steps -------------------------------------------------------------------------

/** Stores the letter PDF once (a rerun of the job keeps the first) and links it to the decision. */
export async function storeLetter(db: DB, applicationId: string, pdf: Buffer, name: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('decisions').select(['letter_file_id']).where('application_id', '=', applicationId).forUpdate().executeTakeFirstOrThrow();
    if (row.letter_file_id) return row.letter_file_id;
    const fileId = await saveFile(trx, { name, contentType: 'application/pdf', content: pdf, uploadedBy: null });
    await trx.updateTable('decisions').set({ letter_file_id: fileId, letter_made_at: sql`now()` }).where('application_id', '=', applicationId).execute();
    await recordAudit(trx, { actor: null, recordType: 'decision', recordId: applicationId, action: 'letter-made', reason: name, requestId: null });
    return fileId;
  });
}

/**
 * Claims the right to mail the letter: true for exactly one caller, ever (unless released after a
 * failed send). So a retried job never sends twice.
 */
export async function claimLetterMail(db: Queryable, applicationId: string): Promise<boolean> {
  const row = await db.updateTable('decisions').set({ mail_claimed_at: sql`now()` }).where('application_id', '=', applicationId).where('mail_claimed_at', 'is', null).returning('application_id').executeTakeFirst();
  return row !== undefined;
}

/** Gives the claim back after the mail server refused, so the retry sends it. */
export async function releaseLetterMail(db: Queryable, applicationId: string): Promise<void> {
  await db.updateTable('decisions').set({ mail_claimed_at: null }).where('application_id', '=', applicationId).where('mail_sent_at', 'is', null).execute();
}

export async function markLetterSent(db: DB, applicationId: string, recipients: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('decisions').set({ mail_sent_at: sql`now()` }).where('application_id', '=', applicationId).execute();
    await recordAudit(trx, { actor: null, recordType: 'decision', recordId: applicationId, action: 'letter-sent', reason: recipients.join(', '), requestId: null });
  });
}

// Public -----------------------------------------------------------------------------------------

function dayIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Granted and published decisions, newest first, with what the public list and the open data show. */
export async function listPublishedGrants(db: Queryable): Promise<PublishedGrant[]> {
  const rows = await db.selectFrom('decisions').selectAll().where('state', '=', 'published').orderBy('published_at', 'desc').orderBy('amount', 'desc').orderBy('application_id').execute();
  const calls = new Map<string, StoredCall | undefined>();
  const submitted = new Map<string, Awaited<ReturnType<typeof listSubmittedApplications>>>();
  const grants: PublishedGrant[] = [];
  for (const row of rows) {
    if (!calls.has(row.call_id)) {
      calls.set(row.call_id, await findCall(db, row.call_id));
      submitted.set(row.call_id, await listSubmittedApplications(db, row.call_id));
    }
    const call = calls.get(row.call_id);
    const found = submitted.get(row.call_id)?.find((s) => s.application.id === row.application_id);
    if (!call || !found) continue;
    grants.push({
      applicationId: row.application_id,
      callId: call.id,
      callTitle: call.content.title,
      programmeId: call.programme.id,
      programmeName: call.programme.name,
      ownerOrganisationId: call.programme.ownerOrganisationId,
      ownerName: call.programme.ownerName,
      country: call.programme.country,
      members: found.submission.members.map((m) => ({ code: m.code, name: m.name })),
      amount: Number(row.amount),
      requested: requestedAmount(found.submission.form, found.submission.answers),
      currency: row.currency,
      summary: row.public_summary,
      awardDate: dayIn(call.content.timeZone, row.decided_at),
      publishedAt: row.published_at!,
    });
  }
  return grants;
}

/** What the applicant sees: the decision and its letter, never reviewers or individual scores. */
export interface ApplicantDecision {
  state: Exclude<DecisionState, 'pending'>;
  amount: number | null;
  currency: Currency;
  conditions: string;
  reason: string;
  decidedAt: Date;
  letterFileId: string | null;
}

export async function decisionForApplicant(db: Queryable, applicationId: string): Promise<ApplicantDecision | undefined> {
  const decision = await findDecision(db, applicationId);
  if (!decision) return undefined;
  const { state, amount, currency, conditions, reason, decidedAt, letterFileId } = decision;
  return { state, amount, currency, conditions, reason, decidedAt, letterFileId };
}
