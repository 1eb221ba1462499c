/**
 * The selection's and decisions' data: plain reads and writes, no decisions and no refusals (those
 * are the use cases', use-cases.ts). Applications, calls and agreed scores are read through their
 * own capabilities' doors.
 */
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { isUuid, parsed, type Actor } from '../platform/db/kit.js';
import { listRoleHolders } from '../platform/auth/store.js';
import { callDeadline, listSubmittedApplications, type StoredApplication, type StoredSubmission } from '../applications/index.js';
import { agreedScoresForCall, criteriaOf, pausedApplicationsOfCall, scoreScaleOf, type ScoreScale } from '../assessment/index.js';
import { findCall, type Currency, type StoredCall } from '../programmes/index.js';
import {
  appealDeadline,
  approvalWorkflow,
  rankApplications,
  type AppealState,
  requestedAmount,
  type Candidate,
  type Choice,
  type ApprovalState,
  type DecisionState,
  type LetterLanguage,
  type Ranking,
  type RankingCriterion,
  type SelectionFrame,
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
  approval: ApprovalState;
  approved_at: Date | null;
  approved_by_user_id: string | null;
  approved_by_name: string | null;
  returned_reason: string | null;
}

interface AppealTable {
  application_id: string;
  state: AppealState;
  grounds: string;
  lodged_at: Generated<Date>;
  lodged_by_user_id: string | null;
  lodged_by_name: string;
  assessment: string | null;
  assessed_at: Date | null;
  assessed_by_name: string | null;
  changed_amount: Generated<string | null>;
  version: Generated<number>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    decision_appeals: AppealTable;
    selections: SelectionTable;
    selection_entries: EntryTable;
    decisions: DecisionTable;
  }
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
  approval: ApprovalState;
  decidedByUserId: string | null;
  approvedAt: Date | null;
  approvedByName: string | null;
  returnedReason: string | null;
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
  /** Decisions prepared (awaiting approval) or approved; those sent back are in `returned`. */
  decisions: StoredDecision[];
  /** Decisions sent back by the approver, with the reason: to be prepared again. */
  returned: StoredDecision[];
  /** The applications with a decision: their selection is locked (S3). */
  decided: ReadonlySet<string>;
}

function firstTextAnswer(submission: StoredSubmission): string {
  const part = submission.form.sections
    .flatMap((s) => s.parts)
    .find((p) => p.kind === 'text' && typeof submission.answers[p.key] === 'string');
  const text = part ? String(submission.answers[part.key]).replace(/\s+/g, ' ').trim() : '';
  if (text.length <= 300) return text;
  const cut = text.slice(0, 300);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 200))} …`;
}

function toApplicant(
  call: StoredCall,
  application: StoredApplication,
  submission: StoredSubmission,
  paused: boolean,
  caseWorkers: ReadonlyMap<string, string[]>,
): Applicant {
  const members = submission.members.map((m) => ({ code: m.code, name: m.name }));
  const accepted = application.members.filter((m) => m.invitation === 'accepted');
  return {
    applicationId: application.id,
    applicant: `${application.caseNumber} ${members.map((m) => m.name).join(', ')}`,
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
    approval: row.approval,
    decidedByUserId: row.decided_by_user_id,
    approvedAt: row.approved_at,
    approvedByName: row.approved_by_name,
    returnedReason: row.returned_reason,
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
  return (
    await db.selectFrom('decisions').selectAll().where('call_id', '=', callId).orderBy('decided_at').orderBy('application_id').execute()
  ).map(toDecision);
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
    if (holder.municipalityCode && holder.email)
      caseWorkers.set(holder.municipalityCode, [...(caseWorkers.get(holder.municipalityCode) ?? []), holder.email]);
  }
  const pausedIds = new Set(paused);
  const closed = submitted.filter(
    ({ application }) => callDeadline(call, application.roundIndex, application.deadline).getTime() <= now.getTime(),
  );
  const applicants = closed.map(({ application, submission }) =>
    toApplicant(call, application, submission, pausedIds.has(application.id), caseWorkers),
  );
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
    recorded: entries.map((e) => ({
      applicationId: e.application_id,
      selected: e.selected,
      amount: e.amount === null ? null : Number(e.amount),
      reason: e.reason,
    })),
    decisions: decisions.filter((d) => d.approval !== 'returned'),
    returned: decisions.filter((d) => d.approval === 'returned'),
    decided: new Set(decisions.filter((d) => d.approval !== 'returned').map((d) => d.applicationId)),
  };
}

// Writes (each inside its use case's transaction) --------------------------------------------------

/** Locks the call's selection row, creating it at version 1: the version every write names. */
export async function lockSelection(trx: Queryable, callId: string): Promise<{ version: number; recordedByName: string | null }> {
  await trx
    .insertInto('selections')
    .values({ call_id: callId, version: 1, recorded_at: null, recorded_by_name: null })
    .onConflict((oc) => oc.column('call_id').doNothing())
    .execute();
  const row = await trx.selectFrom('selections').selectAll().where('call_id', '=', callId).forUpdate().executeTakeFirstOrThrow();
  return { version: row.version, recordedByName: row.recorded_by_name };
}

export async function bumpVersion(trx: Queryable, callId: string, actor: Actor, now: Date): Promise<number> {
  const row = await trx
    .updateTable('selections')
    .set({ version: sql`version + 1`, recorded_at: now, recorded_by_name: actor.user?.name ?? null })
    .where('call_id', '=', callId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function saveEntry(trx: Queryable, callId: string, entry: Choice, now: Date): Promise<void> {
  const values = { selected: entry.selected, amount: entry.amount, reason: entry.reason, recorded_at: now };
  await trx
    .insertInto('selection_entries')
    .values({ application_id: entry.applicationId, call_id: callId, ...values })
    .onConflict((oc) => oc.column('application_id').doUpdateSet(values))
    .execute();
}

/** A decision as it is made: who decided, and no letter, mail or publication yet. */
export type NewDecision = Omit<
  StoredDecision,
  | 'state'
  | 'decidedByName'
  | 'publishedAt'
  | 'letterFileId'
  | 'letterRecipients'
  | 'mailSentAt'
  | 'approval'
  | 'decidedByUserId'
  | 'approvedAt'
  | 'approvedByName'
  | 'returnedReason'
> & {
  state: 'granted' | 'rejected';
  decidedBy: { userId: string; name: string };
  letterRecipients: readonly string[];
};

export async function insertDecision(trx: Queryable, decision: NewDecision): Promise<void> {
  const values = {
    state: decision.state,
    amount: decision.amount,
    currency: decision.currency,
    conditions: decision.conditions,
    reason: decision.reason,
    public_summary: decision.publicSummary,
    letter_language: decision.letterLanguage,
    decided_at: decision.decidedAt,
    decided_by_user_id: decision.decidedBy.userId,
    decided_by_name: decision.decidedBy.name,
    letter_recipients: JSON.stringify(decision.letterRecipients),
    approval: 'awaiting' as const,
    returned_reason: null,
  };
  // A decision sent back is prepared again in its place.
  await trx
    .insertInto('decisions')
    .values({ application_id: decision.applicationId, call_id: decision.callId, ...values })
    .onConflict((oc) => oc.column('application_id').doUpdateSet(values).where('decisions.approval', '=', 'returned'))
    .execute();
}

/** The call's decisions awaiting approval, locked for the approver. */
export async function lockAwaitingOfCall(trx: Queryable, callId: string): Promise<StoredDecision[]> {
  const rows = await trx
    .selectFrom('decisions')
    .selectAll()
    .where('call_id', '=', callId)
    .where('approval', '=', 'awaiting')
    .orderBy('application_id')
    .forUpdate()
    .execute();
  return rows.map(toDecision);
}

export async function setApproval(
  trx: Queryable,
  applicationId: string,
  change: { approval: 'approved'; at: Date; by: { userId: string; name: string } } | { approval: 'returned'; reason: string },
): Promise<void> {
  await trx
    .updateTable('decisions')
    .set(
      change.approval === 'approved'
        ? { approval: 'approved', approved_at: change.at, approved_by_user_id: change.by.userId, approved_by_name: change.by.name }
        : { approval: 'returned', returned_reason: change.reason },
    )
    .where('application_id', '=', applicationId)
    .where('approval', '=', 'awaiting')
    .execute();
}

/** Calls of the organisations' programmes with decisions awaiting approval, and how many. */
export async function callsAwaitingApproval(
  db: Queryable,
  organisationIds: readonly string[],
): Promise<{ callId: string; awaiting: number }[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('decisions')
    .innerJoin('programme_calls', 'programme_calls.id', 'decisions.call_id')
    .innerJoin('programmes', 'programmes.id', 'programme_calls.programme_id')
    .select(['decisions.call_id as callId', sql<number>`count(*)::int`.as('awaiting')])
    .where('decisions.approval', '=', 'awaiting')
    .where('programmes.owner_organisation_id', 'in', [...organisationIds])
    .groupBy('decisions.call_id')
    .execute();
  return rows;
}

/** The call's granted (not yet published) decisions, locked for publishing. */
export async function lockGrantedOfCall(trx: Queryable, callId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('decisions')
    .select('application_id')
    .where('call_id', '=', callId)
    .where('state', '=', 'granted')
    .where('approval', '=', 'approved')
    .forUpdate()
    .execute();
  return rows.map((r) => r.application_id);
}

export async function setDecisionState(
  trx: Queryable,
  applicationId: string,
  from: DecisionState,
  to: Exclude<DecisionState, 'pending'>,
  now: Date,
): Promise<void> {
  const published = to === 'published' ? { published_at: now } : {};
  await trx
    .updateTable('decisions')
    .set({ state: to, ...published })
    .where('application_id', '=', applicationId)
    .where('state', '=', from as Exclude<DecisionState, 'pending'>)
    .execute();
}

/** The decision's letter file, if made; the row is locked so two runs of the job make one letter. */
export async function lockLetterFile(trx: Queryable, applicationId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('decisions')
    .select(['letter_file_id'])
    .where('application_id', '=', applicationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.letter_file_id;
}

export async function attachLetter(trx: Queryable, applicationId: string, fileId: string): Promise<void> {
  await trx
    .updateTable('decisions')
    .set({ letter_file_id: fileId, letter_made_at: sql`now()` })
    .where('application_id', '=', applicationId)
    .execute();
}

/**
 * Claims the right to mail the letter: true for exactly one caller, ever (unless released after a
 * failed send). So a retried job never sends twice.
 */
export async function claimLetterMail(db: Queryable, applicationId: string): Promise<boolean> {
  const row = await db
    .updateTable('decisions')
    .set({ mail_claimed_at: sql`now()` })
    .where('application_id', '=', applicationId)
    .where('mail_claimed_at', 'is', null)
    .returning('application_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives the claim back after the mail server refused, so the retry sends it. */
export async function releaseLetterMail(db: Queryable, applicationId: string): Promise<void> {
  await db
    .updateTable('decisions')
    .set({ mail_claimed_at: null })
    .where('application_id', '=', applicationId)
    .where('mail_sent_at', 'is', null)
    .execute();
}

export async function markLetterSent(trx: Queryable, applicationId: string): Promise<void> {
  await trx.updateTable('decisions').set({ mail_sent_at: sql`now()` }).where('application_id', '=', applicationId).execute();
}

// Public -----------------------------------------------------------------------------------------

function dayIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Granted and published decisions, newest first, with what the public list and the open data show. */
export async function listPublishedGrants(db: Queryable): Promise<PublishedGrant[]> {
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('state', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('amount', 'desc')
    .orderBy('application_id')
    .execute();
  const calls = new Map<string, StoredCall | undefined>();
  const submitted = new Map<string, Awaited<ReturnType<typeof listSubmittedApplications>>>();
  const grants: PublishedGrant[] = [];
  const changed = await changedAfterAppeal(db);
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
      amount: changed.get(row.application_id) ?? Number(row.amount),
      ...(changed.get(row.application_id) != null ? { amountBeforeAppeal: Number(row.amount) } : {}),
      requested: requestedAmount(found.submission.form, found.submission.answers),
      currency: row.currency,
      summary: row.public_summary,
      awardDate: dayIn(call.content.timeZone, row.decided_at),
      publishedAt: row.published_at!,
      changedAfterAppeal: changed.has(row.application_id),
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
  /** The appeal lodged, if any, and until when one may be (klagefrist). */
  appeal: StoredAppeal | undefined;
  appealDeadline: Date;
  timeZone: string;
}

export async function decisionForApplicant(db: Queryable, applicationId: string): Promise<ApplicantDecision | undefined> {
  const decision = await findDecision(db, applicationId);
  // The applicant hears of a decision only once a second person has approved it.
  if (!decision || !approvalWorkflow.isIn('inForce', decision.approval)) return undefined;
  const call = await findCall(db, decision.callId);
  if (!call) return undefined;
  const { state, amount, currency, conditions, reason, decidedAt, letterFileId } = decision;
  return {
    state,
    amount,
    currency,
    conditions,
    reason,
    decidedAt,
    letterFileId,
    appeal: await findAppeal(db, applicationId),
    appealDeadline: appealDeadline(decision.approvedAt ?? decision.decidedAt, call.programme.country),
    timeZone: call.content.timeZone,
  };
}

// Appeals (klage) -----------------------------------------------------------------------------------

export interface StoredAppeal {
  applicationId: string;
  state: AppealState;
  grounds: string;
  lodgedAt: Date;
  lodgedByName: string;
  assessment: string | null;
  assessedAt: Date | null;
  assessedByName: string | null;
  /** The amount granted after a changed decision, when the change set one. */
  changedAmount: number | null;
  version: number;
}

const toAppeal = (row: Selectable<AppealTable>): StoredAppeal => ({
  applicationId: row.application_id,
  state: row.state,
  grounds: row.grounds,
  lodgedAt: row.lodged_at,
  lodgedByName: row.lodged_by_name,
  assessment: row.assessment,
  assessedAt: row.assessed_at,
  assessedByName: row.assessed_by_name,
  changedAmount: row.changed_amount === null ? null : Number(row.changed_amount),
  version: row.version,
});

export async function findAppeal(db: Queryable, applicationId: string, lock = false): Promise<StoredAppeal | undefined> {
  if (!isUuid(applicationId)) return undefined;
  let query = db.selectFrom('decision_appeals').selectAll().where('application_id', '=', applicationId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toAppeal(row) : undefined;
}

export async function listAppealsOfCall(db: Queryable, callId: string): Promise<StoredAppeal[]> {
  if (!isUuid(callId)) return [];
  const rows = await db
    .selectFrom('decision_appeals')
    .innerJoin('decisions', 'decisions.application_id', 'decision_appeals.application_id')
    .selectAll('decision_appeals')
    .where('decisions.call_id', '=', callId)
    .orderBy('decision_appeals.lodged_at')
    .execute();
  return rows.map(toAppeal);
}

/** Lodges the appeal; false when the decision already has one (one appeal per decision). */
export async function insertAppeal(
  trx: Queryable,
  appeal: { applicationId: string; grounds: string; at: Date; by: { userId: string; name: string } },
): Promise<boolean> {
  const row = await trx
    .insertInto('decision_appeals')
    .values({
      application_id: appeal.applicationId,
      state: 'lodged',
      grounds: appeal.grounds,
      lodged_at: appeal.at,
      lodged_by_user_id: appeal.by.userId,
      lodged_by_name: appeal.by.name,
    })
    .onConflict((oc) => oc.column('application_id').doNothing())
    .returning('application_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function writeAppealAssessment(
  trx: Queryable,
  applicationId: string,
  expectedVersion: number,
  assessment: { state: Exclude<AppealState, 'lodged'>; reason: string; at: Date; byName: string; changedAmount: number | null },
): Promise<boolean> {
  const result = await trx
    .updateTable('decision_appeals')
    .set({
      state: assessment.state,
      assessment: assessment.reason,
      assessed_at: assessment.at,
      assessed_by_name: assessment.byName,
      changed_amount: assessment.changedAmount === null ? null : String(assessment.changedAmount),
      version: sql<number>`version + 1`,
    })
    .where('application_id', '=', applicationId)
    .where('version', '=', expectedVersion)
    .where('state', '=', 'lodged')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Decisions changed after an appeal, with the new amount where the change set one, for the public list. */
export async function changedAfterAppeal(db: Queryable): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('decision_appeals')
    .select(['application_id', 'changed_amount'])
    .where('state', '=', 'changed')
    .execute();
  return new Map(rows.map((r) => [r.application_id, r.changed_amount === null ? null : Number(r.changed_amount)]));
}
