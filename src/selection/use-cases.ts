/**
 * The selection's write paths, one function each: record the selection, decide, publish, and the
 * letter job's produce step. Each owns its transaction (a refusal rolls back everything written
 * before it), checks the selection version it was given, enqueues its jobs inside the
 * transaction and audits who did what, from which state to which and why.
 */
import { recordAudit, type AuditEntry } from '../platform/audit/store.js';
import type { DB, Queryable, Tx } from '../platform/db/database.js';
import { databaseNow, type Actor } from '../platform/db/kit.js';
import { findFile, saveFile } from '../platform/files/store.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import type { Mailer } from '../platform/mail/mailer.js';
import { inTransaction, isRefused, refuse, versionConflict, type Refused } from '../platform/outcome.js';
import { findUserEmail, listRoleHolders } from '../platform/auth/store.js';
import { formatNumber, isLocale } from '../platform/i18n/index.js';
import { notify } from '../platform/notifications/notify.js';
import { renderArchivalPdf } from '../platform/pdf/document.js';
import { findApplication, listSubmissions } from '../applications/index.js';
import { findCall, type Country, type Currency, type StoredCall } from '../programmes/index.js';
import { letterFileName, letterMail, mergeLetter, type LetterData } from './letters.js';
import type { PublishedGrant } from './open-data.js';
import {
  appealDeadline,
  appealWorkflow,
  approvalWorkflow,
  decideApplication,
  type AppealAction,
  type AppealState,
  decisionMove,
  mayApprove,
  judgeSelection,
  type Choice,
  type Decision,
  type DecisionInput,
  type DecisionMove,
  type LetterLanguage,
} from './model.js';
import type { DecisionLack, SelectionProblem } from './problems.js';
import {
  attachLetter,
  bumpVersion,
  claimLetterMail,
  findAppeal,
  findDecision,
  insertAppeal,
  writeAppealAssessment,
  insertDecision,
  loadSelectionBoard,
  lockAwaitingOfCall,
  lockGrantedOfCall,
  lockLetterFile,
  lockSelection,
  markLetterSent,
  releaseLetterMail,
  saveEntry,
  setApproval,
  setDecisionState,
  type Applicant,
  type SelectionBoard,
} from './store.js';

export const LETTER_JOB = 'selection-decision-letter';

/**
 * What follows a decision, done by another capability and wired at composition (app.ts), so that
 * selection needs to know nothing of it: the project a grant becomes, and what its letter says of
 * payment and reporting.
 */
export interface DecisionFollowOn {
  /** In the approving transaction, for each granted decision approved. */
  granted(trx: Tx, applicationId: string): Promise<void>;
  /** In the assessing transaction, when an appeal changed a grant's amount. */
  amountChanged(trx: Tx, applicationId: string, amount: number): Promise<void>;
  /** The letter's paragraphs on payment and reporting, in its language; none for the standard text. */
  letterParagraphs(db: Queryable, applicationId: string, language: LetterLanguage): Promise<string[] | undefined>;
  /** The open data's grants: the published decisions with what their projects add, and grants made outside the calls. */
  openGrants(db: Queryable, published: readonly PublishedGrant[]): Promise<PublishedGrant[]>;
}

export const NO_FOLLOW_ON: DecisionFollowOn = {
  granted: async () => {},
  amountChanged: async () => {},
  letterParagraphs: async () => undefined,
  openGrants: async (_db, published) => [...published],
};

/** What a granted decision gives the project it becomes. */
export interface GrantFacts {
  applicationId: string;
  caseNumber: string;
  programmeId: string;
  callTitle: string;
  country: Country;
  currency: Currency;
  /** The amount in force: the decision's, or the one an appeal changed it to. */
  amount: number;
  conditions: string;
  publicSummary: string;
  /** The network's members, the lead first. */
  members: { code: string; name: string }[];
  /** The earlier project the application continues, if any. */
  continuesProjectId: string | null;
}

export async function grantFacts(db: Queryable, applicationId: string): Promise<GrantFacts | undefined> {
  const decision = await findDecision(db, applicationId);
  const application = await findApplication(db, applicationId);
  const call = application ? await findCall(db, application.callId) : undefined;
  const submission = (await listSubmissions(db, applicationId)).at(-1);
  if (!decision || decision.state === 'rejected' || decision.amount === null || !application || !call || !submission) return undefined;
  const appeal = await findAppeal(db, applicationId);
  return {
    applicationId,
    caseNumber: application.caseNumber,
    programmeId: call.programme.id,
    callTitle: call.content.title,
    country: call.programme.country,
    currency: decision.currency,
    amount: appeal?.state === 'changed' && appeal.changedAmount != null ? appeal.changedAmount : decision.amount,
    conditions: decision.conditions,
    publicSummary: decision.publicSummary,
    members: submission.members.map((m) => ({ code: m.code, name: m.name })),
    continuesProjectId: application.continuesProjectId,
  };
}

/** `inTransaction` always hands its work a transaction, which is what the audit trail asks for. */
const audit = (trx: Queryable, entry: AuditEntry) => recordAudit(trx as Tx, entry);

/** Locks the call's selection and refuses a version other than the one the person started from. */
async function staleVersion(trx: Queryable, callId: string, expectedVersion: number): Promise<Refused<SelectionProblem> | undefined> {
  const current = await lockSelection(trx, callId);
  return current.version === expectedVersion
    ? undefined
    : refuse(versionConflict(current.version, expectedVersion, current.recordedByName));
}

/** The board as the transaction sees it, at the database's clock. */
async function boardInTransaction(trx: Queryable, callId: string): Promise<{ board: SelectionBoard; now: Date }> {
  const call = await findCall(trx, callId);
  if (!call || call.status === 'draft') throw new Error(`call ${callId} cannot be selected on`);
  const now = await databaseNow(trx);
  return { board: await loadSelectionBoard(trx, call, now), now };
}

// Recording the selection ------------------------------------------------------------------------

const choiceState = (choice: Choice | undefined) => (choice === undefined ? 'none' : choice.selected ? 'selected' : 'not-selected');

/**
 * Records the owner's selection with a reason per application: judged against the ranking, quota
 * and budget inside the transaction (S1–S3, R3, R5); decided applications stay as they are.
 * Returns the new selection version.
 */
export async function recordSelection(
  db: Queryable,
  callId: string,
  expectedVersion: number,
  choices: readonly Choice[],
  actor: Actor,
): Promise<number | Refused<SelectionProblem>> {
  return inTransaction<number, SelectionProblem>(db, async (trx) => {
    const stale = await staleVersion(trx, callId, expectedVersion);
    if (stale) return stale;
    const { board, now } = await boardInTransaction(trx, callId);
    const evaluation = judgeSelection(board, choices, 'record');
    if (evaluation.problems.length > 0)
      return refuse({ kind: 'selectionBreaksRules', currency: board.frame.currency, breaches: evaluation.problems });
    const before = new Map(board.recorded.map((c) => [c.applicationId, c]));
    const selectable = new Set(board.ranking.ranked.filter((r) => !r.paused).map((r) => r.applicationId));
    for (const choice of choices) {
      if (board.decided.has(choice.applicationId) || !selectable.has(choice.applicationId)) continue;
      const entry = { ...choice, amount: choice.selected ? choice.amount : null, reason: choice.reason.trim() };
      await saveEntry(trx, callId, entry, now);
      const was = before.get(choice.applicationId);
      if (was && choiceState(was) === choiceState(entry) && was.amount === entry.amount && was.reason === entry.reason) continue;
      await audit(trx, {
        actor: actor.user,
        recordType: 'selection_entry',
        recordId: choice.applicationId,
        action: choice.selected ? 'select' : 'deselect',
        fromState: choiceState(was),
        toState: choiceState(entry),
        reason: `${entry.amount === null ? '' : `${entry.amount} ${board.frame.currency}: `}${entry.reason}`,
        requestId: actor.requestId,
      });
    }
    const version = await bumpVersion(trx, callId, actor, now);
    await audit(trx, {
      actor: actor.user,
      recordType: 'selection',
      recordId: callId,
      action: 'record',
      requestId: actor.requestId,
    });
    return version;
  });
}

// Deciding ---------------------------------------------------------------------------------------

type Made = { applicant: Applicant; decision: Decision; move: DecisionMove };

/** Each pending application decided as the selection says, or what keeps each from it. */
function decideEach(
  board: SelectionBoard,
  pending: readonly Choice[],
  inputs: ReadonlyMap<string, DecisionInput>,
): { made: Made[]; lacks: DecisionLack[] } {
  const made: Made[] = [];
  const lacks: DecisionLack[] = [];
  for (const choice of pending) {
    const applicationId = choice.applicationId;
    const applicant = board.applicants.find((a) => a.applicationId === applicationId);
    if (!applicant || applicant.paused) {
      lacks.push({ applicationId, applicant: applicant?.applicant ?? '', field: 'state', code: applicant ? 'paused' : 'notCandidate' });
      continue;
    }
    const result = decideApplication(choice, board.call.programme.country, inputs.get(applicationId)!);
    if (result.ok) made.push({ applicant, decision: result.decision, move: result.move });
    else lacks.push(...result.problems.map((p) => ({ ...p, applicant: applicant.applicant })));
  }
  return { made, lacks };
}

/**
 * Decides every recorded application named in `inputs` that has no decision yet, as the selection
 * says (granted with its amount, or rejected), each with its reason, conditions, summary and letter
 * language; enqueues each letter in the same transaction. Refused as a whole when any input lacks.
 */
export async function decideApplications(
  db: Queryable,
  jobs: Pick<JobQueue, 'enqueue'>,
  callId: string,
  expectedVersion: number,
  inputs: ReadonlyMap<string, DecisionInput>,
  actor: Actor,
): Promise<{ version: number; decided: number } | Refused<SelectionProblem>> {
  const decidedBy = actor.user;
  if (!decidedBy) throw new Error('a decision needs a person who makes it');
  return inTransaction<{ version: number; decided: number }, SelectionProblem>(db, async (trx) => {
    const stale = await staleVersion(trx, callId, expectedVersion);
    if (stale) return stale;
    const { board, now } = await boardInTransaction(trx, callId);
    const pending = board.recorded.filter((c) => !board.decided.has(c.applicationId) && inputs.has(c.applicationId));
    if (pending.length === 0) return refuse({ kind: 'nothingToDecide' });
    const { made, lacks } = decideEach(board, pending, inputs);
    if (lacks.length > 0) return refuse({ kind: 'decisionIncomplete', lacks });
    for (const { applicant, decision, move } of made) {
      await insertDecision(trx, {
        ...decision,
        callId,
        state: decision.outcome,
        currency: board.frame.currency,
        decidedAt: now,
        decidedBy,
        letterRecipients: applicant.recipients,
      });
      await audit(trx, {
        actor: decidedBy,
        recordType: 'decision',
        recordId: decision.applicationId,
        action: move.action,
        fromState: move.from,
        toState: move.to,
        reason: decision.reason,
        requestId: actor.requestId,
      });
    }
    // Nothing goes out yet: a second person with the approver role approves each decision first.
    await tellApprovers(trx, jobs, board.call, made.length, now);
    return { version: await bumpVersion(trx, callId, actor, now), decided: made.length };
  });
}

// Approving (four eyes) ----------------------------------------------------------------------------

const callLocale = (call: StoredCall) => (isLocale(call.content.language) ? call.content.language : 'nb');

/** The approvers of the owning organisation are told that decisions wait for them. */
async function tellApprovers(trx: Queryable, jobs: Pick<JobQueue, 'enqueue'>, call: StoredCall, count: number, now: Date): Promise<void> {
  const approvers = await listRoleHolders(trx, { role: 'decision_approver', organisationId: call.programme.ownerOrganisationId });
  await notify(trx, jobs, {
    occasion: `decisions-prepared:${call.id}:${now.toISOString()}`,
    recipients: approvers.map((a) => ({ userId: a.userId, email: a.email })),
    locale: callLocale(call),
    subject: 'selection.mail.toApprove.subject',
    body: 'selection.mail.toApprove.body',
    params: { call: call.content.title, count },
    link: `/eier/utlysninger/${call.id}/godkjenning`,
  });
}

/**
 * The approver approves the named decisions awaiting approval: each by someone other than the one
 * who prepared it (refused as a whole otherwise), audited; only now is each letter made and sent.
 */
export async function approveDecisions(
  db: Queryable,
  jobs: Pick<JobQueue, 'enqueue'>,
  callId: string,
  expectedVersion: number,
  applicationIds: readonly string[],
  actor: Actor,
  followOn: DecisionFollowOn = NO_FOLLOW_ON,
): Promise<{ version: number; approved: number } | Refused<SelectionProblem>> {
  const approver = actor.user;
  if (!approver) throw new Error('an approval needs a person who approves');
  return inTransaction<{ version: number; approved: number }, SelectionProblem>(db, async (trx) => {
    const stale = await staleVersion(trx, callId, expectedVersion);
    if (stale) return stale;
    const { board, now } = await boardInTransaction(trx, callId);
    const chosen = (await lockAwaitingOfCall(trx, callId)).filter((d) => applicationIds.includes(d.applicationId));
    if (chosen.length === 0) return refuse({ kind: 'nothingToApprove' });
    const own = chosen.find((d) => !mayApprove(approver.userId, d.decidedByUserId));
    if (own) return refuse({ kind: 'ownDecision', applicant: applicantName(board, own.applicationId) });
    for (const decision of chosen) {
      const move = approvalMove('approve');
      await setApproval(trx, decision.applicationId, { approval: 'approved', at: now, by: approver });
      await audit(trx, {
        actor: approver,
        recordType: 'decision',
        recordId: decision.applicationId,
        action: move.action,
        fromState: move.from,
        toState: move.to,
        requestId: actor.requestId,
      });
      await jobs.enqueue(trx, LETTER_JOB, { applicationId: decision.applicationId });
      if (decision.state !== 'rejected') await followOn.granted(trx, decision.applicationId);
    }
    return { version: await bumpVersion(trx, callId, actor, now), approved: chosen.length };
  });
}

/** The approver sends a decision back with a reason; the owner prepares it again, and is told why. */
export async function returnDecision(
  db: Queryable,
  jobs: Pick<JobQueue, 'enqueue'>,
  callId: string,
  expectedVersion: number,
  applicationId: string,
  reason: string,
  actor: Actor,
): Promise<{ version: number } | Refused<SelectionProblem>> {
  if (reason.trim() === '') return refuse({ kind: 'returnReasonMissing', applicationId });
  return inTransaction<{ version: number }, SelectionProblem>(db, async (trx) => {
    const stale = await staleVersion(trx, callId, expectedVersion);
    if (stale) return stale;
    const { board, now } = await boardInTransaction(trx, callId);
    const decision = (await lockAwaitingOfCall(trx, callId)).find((d) => d.applicationId === applicationId);
    if (!decision) return refuse({ kind: 'nothingToApprove' });
    const move = approvalMove('return');
    await setApproval(trx, applicationId, { approval: 'returned', reason: reason.trim() });
    await audit(trx, {
      actor: actor.user,
      recordType: 'decision',
      recordId: applicationId,
      action: move.action,
      fromState: move.from,
      toState: move.to,
      reason: reason.trim(),
      requestId: actor.requestId,
    });
    if (decision.decidedByUserId) {
      await notify(trx, jobs, {
        occasion: `decision-returned:${applicationId}:${now.toISOString()}`,
        recipients: [{ userId: decision.decidedByUserId, email: await findUserEmail(trx, decision.decidedByUserId) }],
        locale: callLocale(board.call),
        subject: 'selection.mail.returned.subject',
        body: 'selection.mail.returned.body',
        params: { applicant: applicantName(board, applicationId), by: actor.user?.name ?? '', reason: reason.trim() },
        link: `/eier/utlysninger/${callId}/vedtak`,
      });
    }
    return { version: await bumpVersion(trx, callId, actor, now) };
  });
}

const applicantName = (board: SelectionBoard, applicationId: string) =>
  board.applicants.find((a) => a.applicationId === applicationId)?.applicant ?? '';

function approvalMove(action: 'approve' | 'return') {
  const moved = approvalWorkflow.apply('awaiting', action);
  if (isRefused(moved)) throw new Error(`cannot ${action} an awaiting decision`);
  return moved;
}

// Appeals (klage) ----------------------------------------------------------------------------------

/**
 * The applicant appeals an approved decision within the appeal period (from its approval, the
 * database's clock), once; audited, and the programme's owners are told.
 */
export async function lodgeAppeal(
  db: Queryable,
  jobs: Pick<JobQueue, 'enqueue'>,
  applicationId: string,
  grounds: string,
  actor: Actor,
): Promise<{ deadline: Date } | Refused<SelectionProblem>> {
  const by = actor.user;
  if (!by) throw new Error('an appeal needs a person who lodges it');
  const text = grounds.trim();
  if (text === '' || text.length > 10_000) return refuse({ kind: 'appealGroundsMissing' });
  return inTransaction<{ deadline: Date }, SelectionProblem>(db, async (trx) => {
    const decision = await findDecision(trx, applicationId);
    const call = decision ? await findCall(trx, decision.callId) : undefined;
    if (!decision || !call || !approvalWorkflow.isIn('inForce', decision.approval)) return refuse({ kind: 'appealNotFound' });
    const now = await databaseNow(trx);
    const deadline = appealDeadline(decision.approvedAt ?? decision.decidedAt, call.programme.country);
    if (now.getTime() > deadline.getTime()) return refuse({ kind: 'appealTooLate', deadline, timeZone: call.content.timeZone });
    if (!(await insertAppeal(trx, { applicationId, grounds: text, at: now, by }))) return refuse({ kind: 'appealExists' });
    await audit(trx, {
      actor: by,
      recordType: 'appeal',
      recordId: applicationId,
      action: 'lodge',
      toState: 'lodged',
      requestId: actor.requestId,
    });
    const owners = await listRoleHolders(trx, { role: 'programme_owner', organisationId: call.programme.ownerOrganisationId });
    const { board } = await boardInTransaction(trx, call.id);
    await notify(trx, jobs, {
      occasion: `appeal-lodged:${applicationId}`,
      recipients: owners.map((o) => ({ userId: o.userId, email: o.email })),
      locale: callLocale(call),
      subject: 'selection.mail.appealLodged.subject',
      body: 'selection.mail.appealLodged.body',
      params: { applicant: applicantName(board, applicationId), call: call.content.title, by: by.name },
      link: `/eier/utlysninger/${call.id}/vedtak#appeals`,
    });
    return { deadline };
  });
}

/** The owner's assessment of an appeal: the outcome, its reasons, and the new amount of a changed decision. */
export interface AppealAssessment {
  action: AppealAction;
  reason: string;
  /** Required when the decision is changed: the amount granted after the change. */
  changedAmount: number | null;
}

/**
 * The owner's assessment of an appeal: the decision upheld, changed (with its new amount), or sent
 * on to the appeal body, with reasons; audited, version-checked, and the applicant is told.
 */
export async function assessAppeal(
  db: Queryable,
  jobs: Pick<JobQueue, 'enqueue'>,
  callId: string,
  applicationId: string,
  expectedVersion: number,
  assessment: AppealAssessment,
  actor: Actor,
  followOn: DecisionFollowOn = NO_FOLLOW_ON,
): Promise<AppealState | Refused<SelectionProblem>> {
  const text = assessment.reason.trim();
  if (text === '') return refuse({ kind: 'appealReasonMissing', applicationId });
  const changes = assessment.action === 'change';
  if (changes && !assessment.changedAmount) return refuse({ kind: 'appealAmountMissing', applicationId });
  const changedAmount = changes ? assessment.changedAmount : null;
  return inTransaction<AppealState, SelectionProblem>(db, async (trx) => {
    const appeal = await findAppeal(trx, applicationId, true);
    const decision = appeal ? await findDecision(trx, applicationId) : undefined;
    if (!appeal || decision?.callId !== callId) return refuse({ kind: 'appealNotFound' });
    if (appeal.version !== expectedVersion) return refuse(versionConflict(appeal.version, expectedVersion, appeal.assessedByName));
    const move = appealWorkflow.apply(appeal.state, assessment.action);
    if (isRefused(move)) return refuse(versionConflict(appeal.version + 1, expectedVersion, appeal.assessedByName));
    const { board, now } = await boardInTransaction(trx, callId);
    await writeAppealAssessment(trx, applicationId, expectedVersion, {
      state: move.to as Exclude<AppealState, 'lodged'>,
      reason: text,
      at: now,
      byName: actor.user?.name ?? '',
      changedAmount,
    });
    await audit(trx, {
      actor: actor.user,
      recordType: 'appeal',
      recordId: applicationId,
      action: move.action,
      fromState: move.from,
      toState: move.to,
      reason: changedAmount === null ? text : `${text} (${changedAmount} ${decision.currency})`,
      requestId: actor.requestId,
    });
    if (changedAmount !== null && decision.state !== 'rejected') await followOn.amountChanged(trx, applicationId, changedAmount);
    const locale = callLocale(board.call);
    const outcome = appealWorkflow.name(move.to, 'public', locale);
    await notify(trx, jobs, {
      occasion: `appeal-assessed:${applicationId}`,
      recipients: decision.letterRecipients.map((email) => ({ email })),
      locale,
      subject: 'selection.mail.appealAssessed.subject',
      body: 'selection.mail.appealAssessed.body',
      params: {
        applicant: applicantName(board, applicationId),
        call: board.call.content.title,
        outcome: changedAmount === null ? outcome : `${outcome} (${formatNumber(locale, changedAmount)} ${decision.currency})`,
        reason: text,
      },
      link: `/soknader/${applicationId}`,
    });
    return move.to;
  });
}

// Publishing -------------------------------------------------------------------------------------

/** Publishes the call's granted decisions: from then on they are on the public list and in the open data. */
export async function publishDecisions(
  db: Queryable,
  callId: string,
  expectedVersion: number,
  actor: Actor,
): Promise<{ version: number; published: number } | Refused<SelectionProblem>> {
  return inTransaction<{ version: number; published: number }, SelectionProblem>(db, async (trx) => {
    const stale = await staleVersion(trx, callId, expectedVersion);
    if (stale) return stale;
    const now = await databaseNow(trx);
    const granted = await lockGrantedOfCall(trx, callId);
    if (granted.length === 0) return refuse({ kind: 'nothingToPublish' });
    for (const applicationId of granted) {
      const move = decisionMove('granted', 'publish');
      await setDecisionState(trx, applicationId, move.from, 'published', now);
      await audit(trx, {
        actor: actor.user,
        recordType: 'decision',
        recordId: applicationId,
        action: move.action,
        fromState: move.from,
        toState: move.to,
        requestId: actor.requestId,
      });
    }
    return { version: await bumpVersion(trx, callId, actor, now), published: granted.length };
  });
}

// The letter job ---------------------------------------------------------------------------------

/** What the letter says, from the decision, the call and the last submission. */
export async function letterDataFor(
  db: Queryable,
  applicationId: string,
  followOn: DecisionFollowOn = NO_FOLLOW_ON,
): Promise<LetterData | undefined> {
  const decision = await findDecision(db, applicationId);
  const application = await findApplication(db, applicationId);
  const call = application ? await findCall(db, application.callId) : undefined;
  const submission = (await listSubmissions(db, applicationId)).at(-1);
  if (!decision || !call || !submission) return undefined;
  return {
    members: submission.members.map((m) => m.name),
    call: call.content.title,
    programme: call.programme.name,
    owner: call.programme.ownerName,
    outcome: decision.state === 'rejected' ? 'rejected' : 'granted',
    amount: decision.amount,
    currency: decision.currency,
    conditions: decision.conditions,
    reason: decision.reason,
    decidedAt: decision.decidedAt,
    decidedBy: decision.decidedByName,
    approvedBy: decision.approvedByName,
    reference: application!.caseNumber,
    timeZone: call.content.timeZone,
    followUp: decision.state === 'rejected' ? undefined : await followOn.letterParagraphs(db, applicationId, decision.letterLanguage),
  };
}

/** Stores the letter PDF once (a rerun of the job keeps the first) and links it to the decision. */
async function storeLetterOnce(db: DB, applicationId: string, pdf: Buffer, name: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const made = await lockLetterFile(trx, applicationId);
    if (made) return made;
    const fileId = await saveFile(trx, { name, contentType: 'application/pdf', content: pdf, uploadedBy: null });
    await attachLetter(trx, applicationId, fileId);
    await audit(trx, {
      actor: null,
      recordType: 'decision',
      recordId: applicationId,
      action: 'letter-made',
      reason: name,
      requestId: null,
    });
    return fileId;
  });
}

/**
 * The letter job's step (enqueued in the deciding transaction): merge the letter in its language,
 * render it as archivable PDF, store it on the decision once, then mail it with the PDF to the
 * applicants. The mail is claimed before it is sent, so a retried job never sends it twice; a
 * refused send gives the claim back so the retry can send it.
 */
export async function produceLetter(
  { db, mailer, followOn = NO_FOLLOW_ON }: { db: DB; mailer: Mailer; followOn?: DecisionFollowOn },
  applicationId: string,
): Promise<void> {
  const decision = await findDecision(db, applicationId);
  const data = await letterDataFor(db, applicationId, followOn);
  if (!decision || !data) return;
  const name = letterFileName(decision.letterLanguage, data.outcome);
  const pdf = await renderArchivalPdf(mergeLetter(decision.letterLanguage, data));
  const stored = await findFile(db, await storeLetterOnce(db, applicationId, pdf, name));
  if (!stored || decision.letterRecipients.length === 0 || !(await claimLetterMail(db, applicationId))) return;
  const mail = letterMail(decision.letterLanguage, data);
  try {
    await mailer.send({
      to: decision.letterRecipients,
      subject: mail.subject,
      text: mail.text,
      attachments: [{ filename: name, contentType: 'application/pdf', content: stored.content }],
    });
  } catch (error) {
    await releaseLetterMail(db, applicationId);
    throw error;
  }
  await db.transaction().execute(async (trx) => {
    await markLetterSent(trx, applicationId);
    await audit(trx, {
      actor: null,
      recordType: 'decision',
      recordId: applicationId,
      action: 'letter-sent',
      reason: decision.letterRecipients.join(', '),
      requestId: null,
    });
  });
}
