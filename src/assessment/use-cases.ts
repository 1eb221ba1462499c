/**
 * The assessment's changes, one function each. Every one runs in its own transaction with its
 * audit entries (who, when, from, to, why) and jobs, checks the version the person started from,
 * and returns what it did or `Refused<AssessmentProblem>`, having written nothing.
 */
import { recordAudit, type AuditEntry } from '../platform/audit/store.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import { databaseNow, type Actor } from '../platform/db/kit.js';
import { ensureOrganisation, findUserEmail, grantMembership } from '../platform/auth/store.js';
import { hashToken, newSecretToken } from '../platform/auth/tokens.js';
import { formatInstant, isLocale } from '../platform/i18n/index.js';
import type { JobQueue } from '../platform/jobs/queue.js';
import { notify } from '../platform/notifications/notify.js';
import { inTransaction, isRefused, refuse, versionConflict, type Refused } from '../platform/outcome.js';
import type { Transitioned } from '../platform/workflow.js';
import {
  callDeadline,
  findApplication,
  listSubmittedApplications,
  type StoredApplication,
  type StoredSubmission,
} from '../applications/index.js';
import { listCallsOfProgramme, type StoredCall } from '../programmes/index.js';
import {
  checkExpertInvitation,
  consensusOf,
  criteriaOf,
  INVITATION_DAYS,
  type ExpertInvitation,
  declare,
  exclusionFor,
  pauseReview,
  planAssignments,
  recordConsensus,
  reopenScores,
  resumeReview,
  scoreApplication,
  startReview,
  type ApplicationToAssign,
  type AssignmentPlan,
  type Declaration,
  type ScoreIssue,
  type ScoreSheet,
} from './model.js';
import type { AssessmentProblem } from './problems.js';
import {
  consensusHistory,
  countOpenFlags,
  deletePoolMember,
  findFlag,
  findInvitationByToken,
  hasLiveAssignment,
  insertAssignment,
  insertConsensusVersion,
  insertFlag,
  insertPoolInvitation,
  insertPoolMember,
  insertScoreVersion,
  listAssignmentsOfApplication,
  listAssignmentsOfCall,
  lockAssignment,
  lockCallAssignments,
  lockReview,
  markFlagResolved,
  markInvitationAccepted,
  poolCandidates,
  poolProfiles,
  submittedSheetsOfApplication,
  submittedVersion,
  updateAssignment,
  updatePoolLead,
  updateReview,
  withdrawOpenInvitation,
  type Review,
  type StoredAssignment,
} from './store.js';
import { assignmentWorkflow, type AssignmentState, type ReviewState } from './workflows.js';

type Outcome<T> = Promise<T | Refused<AssessmentProblem>>;

const transaction = <T>(db: Queryable, work: (trx: Tx) => Outcome<T>): Outcome<T> => inTransaction(db, work);

const audit = (trx: Tx, actor: Actor, entry: Omit<AuditEntry, 'actor' | 'requestId'>) =>
  recordAudit(trx, { ...entry, actor: actor.user, requestId: actor.requestId });

const nameOf = (actor: Actor) => actor.user?.name ?? null;

// The pool ----------------------------------------------------------------------------------------

/** Adds a person holding the reviewer role, or one of the owner's staff, to the programme's pool. */
export function addToPool(
  db: Queryable,
  programme: { id: string; ownerOrganisationId: string },
  userId: string,
  lead: boolean,
  actor: Actor,
): Outcome<void> {
  return transaction(db, async (trx) => {
    const candidate = (await poolCandidates(trx, programme.ownerOrganisationId)).find((c) => c.userId === userId);
    if (!candidate) return refuse({ kind: 'notCandidate' });
    if (!(await insertPoolMember(trx, { programmeId: programme.id, userId, kind: candidate.kind, lead, addedByName: nameOf(actor) })))
      return refuse({ kind: 'alreadyMember' });
    await audit(trx, actor, {
      recordType: 'reviewer_pool',
      recordId: `${programme.id}/${userId}`,
      action: 'add',
      toState: lead ? 'lead' : candidate.kind,
      reason: candidate.name,
    });
  });
}

/**
 * Invites an external expert by e-mail to the programme's pool: the mail carries a single-use link
 * valid for INVITATION_DAYS days (only its hash is stored); audited. The expert need not have
 * signed in before.
 */
export function inviteExpert(
  db: Queryable,
  jobs: Pick<JobQueue, 'enqueue'>,
  programme: { id: string; name: string; ownerName: string; country: 'NO' | 'DK'; languages: readonly string[] },
  input: ExpertInvitation,
  actor: Actor,
): Outcome<ExpertInvitation> {
  const invitation = checkExpertInvitation(input);
  if (Array.isArray(invitation)) return Promise.resolve(refuse({ kind: 'invitationIncomplete', fields: invitation }));
  return transaction(db, async (trx) => {
    const now = await databaseNow(trx);
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const { token, hash } = newSecretToken();
    const stored = await insertPoolInvitation(trx, {
      ...invitation,
      programmeId: programme.id,
      invitedByName: nameOf(actor),
      expiresAt,
      tokenHash: hash,
    });
    if (!stored) return refuse({ kind: 'invitationOpen', email: invitation.email });
    await audit(trx, actor, {
      recordType: 'reviewer_pool',
      recordId: programme.id,
      action: 'invite',
      toState: 'invited',
      reason: invitation.name,
    });
    const [language] = programme.languages;
    const locale = language && isLocale(language) ? language : 'nb';
    await notify(trx, jobs, {
      occasion: `pool-invitation:${hash}`,
      recipients: [{ email: invitation.email }],
      locale,
      subject: 'assessment.mail.invited.subject',
      body: 'assessment.mail.invited.body',
      params: {
        name: invitation.name,
        programme: programme.name,
        owner: programme.ownerName,
        by: nameOf(actor) ?? programme.ownerName,
        until: formatInstant(locale, expiresAt, programme.country === 'DK' ? 'Europe/Copenhagen' : 'Europe/Oslo'),
      },
      link: `/fagpanel/invitasjon/${token}`,
    });
    return invitation;
  });
}

/** What an invitation's link leads to: the invitation when it can still be accepted, else why not. */
export async function openInvitation(db: Queryable, token: string) {
  const invitation = await findInvitationByToken(db, hashToken(token));
  const usable = usableInvitation(invitation, await databaseNow(db));
  return isRefused(usable) ? usable : invitation!;
}

function usableInvitation(invitation: Awaited<ReturnType<typeof findInvitationByToken>>, now: Date): Refused<AssessmentProblem> | true {
  if (!invitation || invitation.withdrawnAt) return refuse({ kind: 'invitationUnknown' });
  if (invitation.acceptedAt) return refuse({ kind: 'invitationUsed' });
  if (invitation.expiresAt.getTime() < now.getTime()) return refuse({ kind: 'invitationExpired' });
  return true;
}

/**
 * The signed-in person accepts an invitation: the reviewer role through their employer (an
 * external organisation, registered if new), a place in the pool, the link used up; one
 * transaction, audited.
 */
export function acceptExpertInvitation(db: Queryable, token: string, country: 'NO' | 'DK', actor: Actor): Outcome<{ programmeId: string }> {
  const user = actor.user;
  if (!user) throw new Error('accepting an invitation needs a signed-in person');
  return transaction(db, async (trx) => {
    const invitation = await findInvitationByToken(trx, hashToken(token), true);
    const now = await databaseNow(trx);
    const usable = usableInvitation(invitation, now);
    if (isRefused(usable)) return usable;
    const { id, programmeId, employer, name } = invitation!;
    const organisationId = await ensureOrganisation(trx, { kind: 'external', name: employer, country, municipalityCode: null });
    await grantMembership(trx, user.userId, organisationId, 'reviewer');
    await insertPoolMember(trx, {
      programmeId,
      userId: user.userId,
      kind: 'external',
      lead: false,
      addedByName: invitation!.invitedByName,
    });
    await markInvitationAccepted(trx, id, user.userId, now);
    await audit(trx, actor, {
      recordType: 'reviewer_pool',
      recordId: `${programmeId}/${user.userId}`,
      action: 'accept-invitation',
      toState: 'external',
      reason: name,
    });
    return { programmeId };
  });
}

/** The owner withdraws an invitation not yet accepted: its link stops working. */
export function withdrawExpertInvitation(db: Queryable, programmeId: string, invitationId: string, actor: Actor): Outcome<void> {
  return transaction(db, async (trx) => {
    const withdrawn = await withdrawOpenInvitation(trx, programmeId, invitationId, await databaseNow(trx));
    if (!withdrawn) return refuse({ kind: 'invitationUnknown' });
    await audit(trx, actor, {
      recordType: 'reviewer_pool',
      recordId: programmeId,
      action: 'withdraw-invitation',
      fromState: 'invited',
      reason: withdrawn.name,
    });
  });
}

/** Removes a pool member who has no live assignment in any call of the programme. */
export function removeFromPool(db: Queryable, programmeId: string, userId: string, actor: Actor): Outcome<void> {
  return transaction(db, async (trx) => {
    const callIds = (await listCallsOfProgramme(trx, programmeId)).map((c) => c.id);
    if (await hasLiveAssignment(trx, userId, callIds)) return refuse({ kind: 'hasAssignments' });
    const kind = await deletePoolMember(trx, programmeId, userId);
    if (!kind) return refuse({ kind: 'notInPool' });
    await audit(trx, actor, { recordType: 'reviewer_pool', recordId: `${programmeId}/${userId}`, action: 'remove', fromState: kind });
  });
}

/** Makes a pool member the lead reviewer (who may record the consensus), or no longer. */
export function setLeadReviewer(db: Queryable, programmeId: string, userId: string, lead: boolean, actor: Actor): Outcome<void> {
  return transaction(db, async (trx) => {
    const kind = await updatePoolLead(trx, programmeId, userId, lead);
    if (!kind) return refuse({ kind: 'notInPool' });
    await audit(trx, actor, {
      recordType: 'reviewer_pool',
      recordId: `${programmeId}/${userId}`,
      action: lead ? 'make-lead' : 'unmake-lead',
      toState: lead ? 'lead' : kind,
    });
  });
}

// Assignments -------------------------------------------------------------------------------------

/** Reviewers get an application only after its round's deadline: before it, the applicant may still resubmit. */
function roundClosed(call: StoredCall, application: StoredApplication, now: Date): boolean {
  return callDeadline(call, application.roundIndex, application.deadline).getTime() <= now.getTime();
}

function toAssign(applicationId: string, submission: StoredSubmission, assignments: readonly StoredAssignment[]): ApplicationToAssign {
  const mine = assignments.filter((a) => a.applicationId === applicationId);
  return {
    applicationId,
    members: submission.members.map((m) => ({ code: m.code, name: m.name })),
    assignedReviewerIds: mine.filter((a) => assignmentWorkflow.isIn('active', a.state)).map((a) => a.reviewerId),
    conflictedReviewerIds: mine.filter((a) => a.state === 'conflicted').map((a) => a.reviewerId),
  };
}

/** Stores the review's new version, moved where `transition` says (or left where it is), audited when it moves. */
async function moveReview(
  trx: Tx,
  review: Review,
  transition: Transitioned<ReviewState, string> | null,
  actor: Actor,
  reason: string | null,
): Promise<void> {
  await updateReview(trx, review.applicationId, transition?.to ?? review.state);
  if (transition)
    await audit(trx, actor, {
      recordType: 'review',
      recordId: review.applicationId,
      action: transition.action,
      fromState: transition.from,
      toState: transition.to,
      reason,
    });
}

async function moveAssignment(
  trx: Tx,
  assignment: StoredAssignment,
  transition: Transitioned<AssignmentState>,
  actor: Actor,
  reason: string | null,
  declaration?: Declaration,
): Promise<void> {
  await updateAssignment(trx, assignment.id, transition.to, declaration);
  await audit(trx, actor, {
    recordType: 'review_assignment',
    recordId: assignment.id,
    action: transition.action,
    fromState: transition.from,
    toState: transition.to,
    reason,
  });
}

/** Where the notices of assignments go; without it none are made (fixtures, the demo's history). */
export interface AssignmentEffects {
  jobs?: Pick<JobQueue, 'enqueue'>;
}

/** A new assignment, audited, and the reviewer told by mail; the first on an application starts its review. */
async function assign(
  trx: Tx,
  call: StoredCall,
  applicationId: string,
  reviewerId: string,
  actor: Actor,
  why: string,
  { jobs }: AssignmentEffects,
): Promise<void> {
  const review = await lockReview(trx, applicationId, call.id);
  const id = await insertAssignment(trx, { callId: call.id, applicationId, reviewerId, assignedByName: nameOf(actor) });
  await audit(trx, actor, { recordType: 'review_assignment', recordId: id, action: 'assign', toState: 'assigned', reason: why });
  await moveReview(trx, review, startReview(review.state), actor, why);
  if (!jobs) return;
  const locale = isLocale(call.content.language) ? call.content.language : 'nb';
  await notify(trx, jobs, {
    occasion: `assigned:${id}`,
    recipients: [{ userId: reviewerId, email: await findUserEmail(trx, reviewerId) }],
    locale,
    subject: 'assessment.mail.assigned.subject',
    body: 'assessment.mail.assigned.body',
    params: { call: call.content.title, by: nameOf(actor) ?? '', at: formatInstant(locale, await databaseNow(trx), call.content.timeZone) },
    link: '/vurderinger',
  });
}

/** Assigns one pool member to one submitted application by hand; a conflict the platform knows refuses it with the reason. */
export function assignReviewer(
  db: Queryable,
  call: StoredCall,
  applicationId: string,
  reviewerId: string,
  actor: Actor,
  effects: AssignmentEffects = {},
): Outcome<void> {
  return transaction(db, async (trx) => {
    await lockCallAssignments(trx, call.id);
    const submission = await submittedVersion(trx, call.id, applicationId);
    if (!submission) return refuse({ kind: 'notSubmitted' });
    if (!roundClosed(call, (await findApplication(trx, applicationId))!, await databaseNow(trx))) return refuse({ kind: 'beforeDeadline' });
    const profile = (await poolProfiles(trx, call.programmeId)).find((p) => p.userId === reviewerId);
    if (!profile) return refuse({ kind: 'notInPool' });
    const exclusion = exclusionFor(profile, toAssign(applicationId, submission, await listAssignmentsOfApplication(trx, applicationId)));
    if (exclusion) return refuse({ kind: 'excluded', exclusion, reviewerName: profile.name });
    await assign(trx, call, applicationId, reviewerId, actor, 'manual', effects);
  });
}

/**
 * Assigns the pool over every submitted application of the call in one transaction, so each has
 * `perApplication` reviewers where conflicts allow, load balanced (see `planAssignments`). Returns
 * the plan: what was assigned, every exclusion with its reason, and the shortfalls. The call's
 * lock makes a second batch at the same time wait, then add only what is still missing.
 */
export async function assignInBatch(
  db: Queryable,
  call: StoredCall,
  perApplication: number,
  actor: Actor,
  effects: AssignmentEffects = {},
): Promise<AssignmentPlan> {
  const plan = await inTransaction<AssignmentPlan, never>(db, async (trx) => {
    await lockCallAssignments(trx, call.id);
    const now = await databaseNow(trx);
    const submitted = (await listSubmittedApplications(trx, call.id)).filter(({ application }) => roundClosed(call, application, now));
    const assignments = await listAssignmentsOfCall(trx, call.id);
    const load = new Map<string, number>();
    for (const a of assignments) if (assignmentWorkflow.isIn('active', a.state)) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    const plan = planAssignments(
      await poolProfiles(trx, call.programmeId),
      submitted.map(({ application, submission }) => toAssign(application.id, submission, assignments)),
      perApplication,
      load,
    );
    for (const { applicationId, reviewerId } of plan.assignments)
      await assign(trx, call, applicationId, reviewerId, actor, `batch of ${perApplication}`, effects);
    return plan;
  });
  if (isRefused(plan)) throw new Error('a batch assignment is never refused');
  return plan;
}

/** The assignment locked at the version the person started from, or why not. */
async function assignmentAt(trx: Tx, id: string, expectedVersion: number): Promise<StoredAssignment | Refused<AssessmentProblem>> {
  const assignment = await lockAssignment(trx, id);
  if (!assignment) return refuse({ kind: 'notFound' });
  if (assignment.version !== expectedVersion) return refuse(versionConflict(assignment.version, expectedVersion));
  return assignment;
}

/** The owner withdraws an assignment (with a reason); the reviewer's earlier score versions stay. */
export function withdrawAssignment(
  db: Queryable,
  assignmentId: string,
  expectedVersion: number,
  reason: string | null,
  actor: Actor,
): Outcome<StoredAssignment> {
  return transaction(db, async (trx) => {
    const assignment = await assignmentAt(trx, assignmentId, expectedVersion);
    if (isRefused(assignment)) return assignment;
    const transition = assignmentWorkflow.apply(assignment.state, 'unassign');
    if (isRefused(transition)) return transition;
    await moveAssignment(trx, assignment, transition, actor, reason);
    return assignment;
  });
}

export const CONFLICT_NOTICE_JOB = 'assessment-conflict-notice';

/**
 * The reviewer's declaration before seeing any content. No conflict opens the application; a
 * declared conflict removes the reviewer, is audited with its kind and text, and enqueues the
 * mail that tells the owner to reassign (`CONFLICT_NOTICE_JOB`) — in the same transaction.
 */
export function declareInterests(
  db: Queryable,
  assignmentId: string,
  expectedVersion: number,
  declaration: Declaration,
  actor: Actor,
  enqueue: (trx: Queryable, assignmentId: string) => Promise<unknown>,
): Outcome<AssignmentState> {
  return transaction(db, async (trx) => {
    const assignment = await assignmentAt(trx, assignmentId, expectedVersion);
    if (isRefused(assignment)) return assignment;
    const transition = declare(assignment.state, declaration);
    if (isRefused(transition)) return transition;
    await moveAssignment(
      trx,
      assignment,
      transition,
      actor,
      declaration.conflict ? `${declaration.kind}: ${declaration.text}` : 'no conflict',
      declaration,
    );
    if (declaration.conflict) await enqueue(trx, assignment.id);
    return transition.to;
  });
}

// Scores ------------------------------------------------------------------------------------------

/**
 * Saves the reviewer's scores as a new version (a draft never fails on what is missing: those come
 * back as warnings), or submits them (refused while anything is missing or the application is
 * paused). Returns the assignment's new version.
 */
export function saveScores(
  db: Queryable,
  call: StoredCall,
  assignmentId: string,
  expectedVersion: number,
  sheet: ScoreSheet,
  submit: boolean,
  actor: Actor,
): Outcome<{ version: number; warnings: ScoreIssue[] }> {
  return transaction(db, async (trx) => {
    const assignment = await assignmentAt(trx, assignmentId, expectedVersion);
    if (isRefused(assignment)) return assignment;
    const review = await lockReview(trx, assignment.applicationId, assignment.callId);
    const scored = scoreApplication(assignment.state, review.state, criteriaOf(call.content), sheet, submit);
    if (isRefused(scored)) return scored;
    const version = assignment.version + 1;
    await insertScoreVersion(trx, { assignmentId: assignment.id, version, sheet, submitted: scored.submitted, savedByName: nameOf(actor) });
    if (scored.transition) await moveAssignment(trx, assignment, scored.transition, actor, null);
    else {
      await updateAssignment(trx, assignment.id, assignment.state);
      await audit(trx, actor, {
        recordType: 'review_assignment',
        recordId: assignment.id,
        action: 'save-scores',
      });
    }
    return { version, warnings: scored.warnings };
  });
}

/** Reopens submitted scores for rescoring (until the consensus is recorded); the submitted version stays in the history. */
export function reopenSubmittedScores(db: Queryable, assignmentId: string, expectedVersion: number, actor: Actor): Outcome<void> {
  return transaction(db, async (trx) => {
    const assignment = await assignmentAt(trx, assignmentId, expectedVersion);
    if (isRefused(assignment)) return assignment;
    const review = await lockReview(trx, assignment.applicationId, assignment.callId);
    const transition = reopenScores(assignment.state, review.state);
    if (isRefused(transition)) return transition;
    await moveAssignment(trx, assignment, transition, actor, 'rescoring');
  });
}

// Consensus ---------------------------------------------------------------------------------------

/** Records the agreed score and reasoning per criterion as a new version; the review becomes agreed. Returns the consensus version. */
export function saveConsensus(
  db: Queryable,
  call: StoredCall,
  applicationId: string,
  expectedReviewVersion: number,
  sheet: ScoreSheet,
  actor: Actor,
): Outcome<number> {
  return transaction(db, async (trx) => {
    if (!(await submittedVersion(trx, call.id, applicationId))) return refuse({ kind: 'notSubmitted' });
    const review = await lockReview(trx, applicationId, call.id);
    if (review.version !== expectedReviewVersion) return refuse(versionConflict(review.version, expectedReviewVersion));
    const criteria = criteriaOf(call.content);
    const move = recordConsensus(review.state, criteria, sheet, (await submittedSheetsOfApplication(trx, applicationId)).length);
    if (isRefused(move)) return move;
    const version = (await consensusHistory(trx, applicationId)).length + 1;
    await insertConsensusVersion(trx, { applicationId, version, scores: consensusOf(criteria, sheet), recordedByName: nameOf(actor) });
    await moveReview(trx, review, { ...move, action: version === 1 ? 'agree' : 'revise-consensus' }, actor, null);
    return version;
  });
}

// Flags -------------------------------------------------------------------------------------------

/** Raises a flag (e.g. "needs legal check"): the application is paused until every flag is resolved. Returns the flag's id. */
export function raiseFlag(db: Queryable, callId: string, applicationId: string, text: string, actor: Actor): Outcome<string> {
  return transaction(db, async (trx) => {
    if (!(await submittedVersion(trx, callId, applicationId))) return refuse({ kind: 'notSubmitted' });
    const review = await lockReview(trx, applicationId, callId);
    const id = await insertFlag(trx, { callId, applicationId, text, raisedByName: nameOf(actor) });
    await audit(trx, actor, { recordType: 'review_flag', recordId: id, action: 'raise', toState: 'open', reason: text });
    await moveReview(trx, review, pauseReview(review.state), actor, text);
    return id;
  });
}

/** Resolves a flag; the last one resolved resumes the review where it belongs. */
export function resolveFlag(db: Queryable, flagId: string, resolution: string, actor: Actor): Outcome<void> {
  return transaction(db, async (trx) => {
    const flag = await findFlag(trx, flagId);
    if (!flag) return refuse({ kind: 'notFound' });
    const review = await lockReview(trx, flag.applicationId, flag.callId);
    if (!(await markFlagResolved(trx, flagId, resolution, nameOf(actor)))) return refuse({ kind: 'resolved' });
    await audit(trx, actor, {
      recordType: 'review_flag',
      recordId: flagId,
      action: 'resolve',
      fromState: 'open',
      toState: 'resolved',
      reason: resolution,
    });
    const facts = {
      openFlagsAfter: await countOpenFlags(trx, flag.applicationId),
      consensusRecorded: (await consensusHistory(trx, flag.applicationId)).length > 0,
      assignments: (await listAssignmentsOfApplication(trx, flag.applicationId)).filter((a) => assignmentWorkflow.isIn('active', a.state))
        .length,
    };
    await moveReview(trx, review, resumeReview(review.state, facts), actor, resolution);
  });
}
