/**
 * The assessment's SQL. Every multi-step write is one transaction with its audit entries (who,
 * when, from, to, why). Assignments and reviews carry versions that every edit names; a stale
 * edit is refused (VersionConflict). Scores and consensus are append-only versions: the latest
 * counts, the earlier ones stay as history. Applications and calls are read through their own
 * capabilities' store functions.
 */
import { sql, type Generated, type Selectable } from 'kysely';
import type { DB, Queryable, Tx } from '../platform/db/database.js';
import { recordAudit } from '../platform/audit/store.js';
import { findPrincipal, listRoleHolders } from '../platform/auth/store.js';
import { callDeadline, findApplication, listSubmissions, listSubmittedApplications, type StoredApplication, type StoredSubmission } from '../applications/store.js';
import { listCallsOfProgramme, type StoredCall } from '../programmes/store.js';
import {
  ACTIVE_ASSIGNMENT_STATES,
  assignmentTransition,
  consensusOf,
  criteriaOf,
  declare,
  exclusionFor,
  planAssignments,
  pauseReview,
  recordConsensus,
  reopenScores,
  resumeReview,
  scoreApplication,
  startReview,
  type ApplicationToAssign,
  type AssignmentPlan,
  type AssignmentState,
  type ConsensusSheet,
  type Declaration,
  type Exclusion,
  type PoolMember,
  type ReviewerProfile,
  type ReviewState,
  type ScoreIssue,
  type ScoreSheet,
  type Transitioned,
} from './model.js';

interface PoolMemberTable {
  programme_id: string;
  user_id: string;
  kind: 'internal' | 'external';
  lead: boolean;
  added_at: Generated<Date>;
  added_by_name: string | null;
}

interface ReviewTable {
  application_id: string;
  call_id: string;
  state: ReviewState;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

interface AssignmentTable {
  id: Generated<string>;
  application_id: string;
  call_id: string;
  reviewer_user_id: string;
  state: AssignmentState;
  conflict_kind: string | null;
  conflict_text: string | null;
  declared_at: Date | null;
  assigned_at: Generated<Date>;
  assigned_by_name: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

interface ScoreVersionTable {
  assignment_id: string;
  version: number;
  scores: string;
  submitted: boolean;
  saved_at: Generated<Date>;
  saved_by_name: string | null;
}

interface ConsensusVersionTable {
  application_id: string;
  version: number;
  scores: string;
  recorded_at: Generated<Date>;
  recorded_by_name: string | null;
}

interface FlagTable {
  id: Generated<string>;
  application_id: string;
  call_id: string;
  text: string;
  raised_by_name: string | null;
  raised_at: Generated<Date>;
  resolution: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
}

declare module '../platform/db/schema.js' {
  interface Database {
    assessment_pool_members: PoolMemberTable;
    assessment_reviews: ReviewTable;
    assessment_assignments: AssignmentTable;
    assessment_score_versions: ScoreVersionTable;
    assessment_consensus_versions: ConsensusVersionTable;
    assessment_flags: FlagTable;
  }
}

export interface Actor {
  user: { userId: string; name: string } | null;
  requestId: string | null;
}

export type AssessmentProblem =
  | 'notFound'
  | 'notSubmitted'
  | 'beforeDeadline'
  | 'notInPool'
  | 'notCandidate'
  | 'alreadyMember'
  | 'hasAssignments'
  | 'excluded'
  | 'illegal'
  | 'paused'
  | 'agreed'
  | 'incomplete'
  | 'noScores'
  | 'resolved';

/** An expected refusal: the routes map each problem to a translated 4xx page, in one place. */
export class AssessmentRefused extends Error {
  constructor(
    readonly problem: AssessmentProblem,
    readonly detail: { exclusion?: Exclusion; issues?: ScoreIssue[] } = {},
  ) {
    super(`assessment refused: ${problem}`);
  }
}

/** The record changed since the version the person started from. */
export class VersionConflict extends Error {
  constructor(
    readonly currentVersion: number,
    readonly baseVersion: number,
  ) {
    super(`version ${baseVersion} is stale; now at ${currentVersion}`);
  }
}

const json = (value: unknown) => JSON.stringify(value);
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

// Pool ------------------------------------------------------------------------------------------

/** Who may sit in a programme's pool: people holding the reviewer role, and the owner's own staff. */
export async function poolCandidates(db: Queryable, ownerOrganisationId: string): Promise<{ userId: string; name: string; organisationName: string; kind: 'internal' | 'external' }[]> {
  const holders = [...(await listRoleHolders(db, { role: 'reviewer' })), ...(await listRoleHolders(db, { role: 'programme_owner', organisationId: ownerOrganisationId }))];
  const seen = new Map<string, { userId: string; name: string; organisationName: string; kind: 'internal' | 'external' }>();
  for (const h of holders) {
    const kind = h.organisationId === ownerOrganisationId ? 'internal' : 'external';
    const known = seen.get(h.userId);
    if (!known || kind === 'internal') seen.set(h.userId, { userId: h.userId, name: h.name, organisationName: h.organisationName, kind });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export async function listPool(db: Queryable, programmeId: string): Promise<PoolMember[]> {
  if (!isUuid(programmeId)) return [];
  const rows = await db.selectFrom('assessment_pool_members').selectAll().where('programme_id', '=', programmeId).orderBy('added_at').execute();
  const members: PoolMember[] = [];
  for (const row of rows) {
    const person = await findPrincipal(db, row.user_id, 'employee');
    members.push({ userId: row.user_id, name: person?.name ?? row.user_id, kind: row.kind, lead: row.lead });
  }
  return members.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export async function addPoolMember(db: DB, programme: { id: string; ownerOrganisationId: string }, userId: string, lead: boolean, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const candidate = (await poolCandidates(trx, programme.ownerOrganisationId)).find((c) => c.userId === userId);
    if (!candidate) throw new AssessmentRefused('notCandidate');
    const inserted = await trx
      .insertInto('assessment_pool_members')
      .values({ programme_id: programme.id, user_id: userId, kind: candidate.kind, lead, added_by_name: actor.user?.name ?? null })
      .onConflict((oc) => oc.columns(['programme_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) throw new AssessmentRefused('alreadyMember');
    await recordAudit(trx, { actor: actor.user, recordType: 'reviewer_pool', recordId: `${programme.id}/${userId}`, action: 'add', toState: lead ? 'lead' : candidate.kind, reason: candidate.name, requestId: actor.requestId });
  });
}

/** Removes a pool member who has no live assignment in any call of the programme. */
export async function removePoolMember(db: DB, programmeId: string, userId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const callIds = (await listCallsOfProgramme(trx, programmeId)).map((c) => c.id);
    if (callIds.length > 0) {
      const live = await trx
        .selectFrom('assessment_assignments')
        .select('id')
        .where('reviewer_user_id', '=', userId)
        .where('call_id', 'in', callIds)
        .where('state', 'in', [...ACTIVE_ASSIGNMENT_STATES])
        .executeTakeFirst();
      if (live) throw new AssessmentRefused('hasAssignments');
    }
    const removed = await trx.deleteFrom('assessment_pool_members').where('programme_id', '=', programmeId).where('user_id', '=', userId).returning('kind').executeTakeFirst();
    if (!removed) throw new AssessmentRefused('notInPool');
    await recordAudit(trx, { actor: actor.user, recordType: 'reviewer_pool', recordId: `${programmeId}/${userId}`, action: 'remove', fromState: removed.kind, requestId: actor.requestId });
  });
}

export async function setPoolLead(db: DB, programmeId: string, userId: string, lead: boolean, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('assessment_pool_members').set({ lead }).where('programme_id', '=', programmeId).where('user_id', '=', userId).returning('kind').executeTakeFirst();
    if (!row) throw new AssessmentRefused('notInPool');
    await recordAudit(trx, { actor: actor.user, recordType: 'reviewer_pool', recordId: `${programmeId}/${userId}`, action: lead ? 'make-lead' : 'unmake-lead', toState: lead ? 'lead' : row.kind, requestId: actor.requestId });
  });
}

/** What the platform knows about a reviewer that can make them inhabil: employers and home municipality. */
export async function reviewerProfile(db: Queryable, userId: string): Promise<ReviewerProfile | undefined> {
  const person = await findPrincipal(db, userId, 'employee');
  if (!person) return undefined;
  return {
    userId,
    name: person.name,
    employerCodes: person.memberships.flatMap((m) => (m.municipalityCode ? [m.municipalityCode] : [])),
    homeMunicipalityCode: person.homeMunicipalityCode,
  };
}

// Reviews and assignments -----------------------------------------------------------------------

export interface Review {
  applicationId: string;
  state: ReviewState;
  version: number;
}

export interface StoredAssignment {
  id: string;
  applicationId: string;
  callId: string;
  reviewerId: string;
  state: AssignmentState;
  conflictKind: string | null;
  conflictText: string | null;
  declaredAt: Date | null;
  assignedAt: Date;
  assignedByName: string | null;
  version: number;
}

function toAssignment(row: Selectable<AssignmentTable>): StoredAssignment {
  return {
    id: row.id,
    applicationId: row.application_id,
    callId: row.call_id,
    reviewerId: row.reviewer_user_id,
    state: row.state,
    conflictKind: row.conflict_kind,
    conflictText: row.conflict_text,
    declaredAt: row.declared_at,
    assignedAt: row.assigned_at,
    assignedByName: row.assigned_by_name,
    version: row.version,
  };
}

export async function findReview(db: Queryable, applicationId: string): Promise<Review> {
  const row = isUuid(applicationId) ? await db.selectFrom('assessment_reviews').selectAll().where('application_id', '=', applicationId).executeTakeFirst() : undefined;
  return row ? { applicationId, state: row.state, version: row.version } : { applicationId, state: 'awaiting', version: 0 };
}

/** The review row, created (awaiting) if new, locked for the rest of the transaction. */
async function lockReview(trx: Tx, applicationId: string, callId: string): Promise<Review> {
  await trx.insertInto('assessment_reviews').values({ application_id: applicationId, call_id: callId, state: 'awaiting', version: 0 }).onConflict((oc) => oc.column('application_id').doNothing()).execute();
  const row = await trx.selectFrom('assessment_reviews').selectAll().where('application_id', '=', applicationId).forUpdate().executeTakeFirstOrThrow();
  return { applicationId, state: row.state, version: row.version };
}

async function moveReview(trx: Tx, review: Review, transition: Transitioned<ReviewState> | null, actor: Actor, reason: string | null): Promise<void> {
  await trx
    .updateTable('assessment_reviews')
    .set({ state: transition?.to ?? review.state, version: sql`version + 1`, updated_at: sql`now()` })
    .where('application_id', '=', review.applicationId)
    .execute();
  if (transition)
    await recordAudit(trx, { actor: actor.user, recordType: 'review', recordId: review.applicationId, action: transition.action, fromState: transition.from, toState: transition.to, reason, requestId: actor.requestId });
}

export async function findAssignment(db: Queryable, id: string): Promise<StoredAssignment | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('assessment_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAssignment(row) : undefined;
}

export async function listAssignmentsOfCall(db: Queryable, callId: string): Promise<StoredAssignment[]> {
  if (!isUuid(callId)) return [];
  const rows = await db.selectFrom('assessment_assignments').selectAll().where('call_id', '=', callId).orderBy('assigned_at').orderBy('id').execute();
  return rows.map(toAssignment);
}

export async function listAssignmentsOfApplication(db: Queryable, applicationId: string): Promise<StoredAssignment[]> {
  if (!isUuid(applicationId)) return [];
  const rows = await db.selectFrom('assessment_assignments').selectAll().where('application_id', '=', applicationId).orderBy('assigned_at').orderBy('id').execute();
  return rows.map(toAssignment);
}

export async function listAssignmentsOfReviewer(db: Queryable, userId: string): Promise<StoredAssignment[]> {
  const rows = await db.selectFrom('assessment_assignments').selectAll().where('reviewer_user_id', '=', userId).orderBy('assigned_at').orderBy('id').execute();
  return rows.map(toAssignment);
}

/** The submitted application as reviewers see it: the last submitted version, or undefined if it is not submitted to this call. */
export async function submittedVersion(db: Queryable, callId: string, applicationId: string): Promise<StoredSubmission | undefined> {
  const application = await findApplication(db, applicationId);
  if (!application || application.callId !== callId || application.status !== 'submitted') return undefined;
  return (await listSubmissions(db, applicationId)).at(-1);
}

function toAssign(applicationId: string, submission: StoredSubmission, assignments: readonly StoredAssignment[]): ApplicationToAssign {
  const mine = assignments.filter((a) => a.applicationId === applicationId);
  return {
    applicationId,
    members: submission.members.map((m) => ({ code: m.code, name: m.name })),
    assignedReviewerIds: mine.filter((a) => ACTIVE_ASSIGNMENT_STATES.includes(a.state)).map((a) => a.reviewerId),
    conflictedReviewerIds: mine.filter((a) => a.state === 'conflicted').map((a) => a.reviewerId),
  };
}

async function databaseNow(db: Queryable): Promise<Date> {
  return new Date((await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]!.now);
}

/** Reviewers get an application only after its round's deadline: before it, the applicant may still resubmit. */
function roundClosed(call: StoredCall, application: StoredApplication, now: Date): boolean {
  return callDeadline(call, application.roundIndex, application.deadline).getTime() <= now.getTime();
}

/** Serialises the assignment writes of one call (both engines): two batches never double-assign. */
async function lockCall(trx: Tx, callId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`assessment:${callId}`}))`.execute(trx);
}

async function insertAssignment(trx: Tx, callId: string, applicationId: string, reviewerId: string, actor: Actor, why: string): Promise<void> {
  const review = await lockReview(trx, applicationId, callId);
  const row = await trx
    .insertInto('assessment_assignments')
    .values({ application_id: applicationId, call_id: callId, reviewer_user_id: reviewerId, state: 'assigned', assigned_by_name: actor.user?.name ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, { actor: actor.user, recordType: 'review_assignment', recordId: row.id, action: 'assign', toState: 'assigned', reason: why, requestId: actor.requestId });
  await moveReview(trx, review, startReview(review.state), actor, why);
}

async function poolProfiles(trx: Queryable, programmeId: string): Promise<ReviewerProfile[]> {
  const profiles: ReviewerProfile[] = [];
  for (const member of await listPool(trx, programmeId)) {
    const profile = await reviewerProfile(trx, member.userId);
    if (profile) profiles.push(profile);
  }
  return profiles;
}

/** Assigns one pool member to one submitted application by hand; a conflict the platform knows refuses it with the reason. */
export async function assignReviewer(db: DB, call: StoredCall, applicationId: string, reviewerId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockCall(trx, call.id);
    const submission = await submittedVersion(trx, call.id, applicationId);
    if (!submission) throw new AssessmentRefused('notSubmitted');
    if (!roundClosed(call, (await findApplication(trx, applicationId))!, await databaseNow(trx))) throw new AssessmentRefused('beforeDeadline');
    const profile = (await poolProfiles(trx, call.programmeId)).find((p) => p.userId === reviewerId);
    if (!profile) throw new AssessmentRefused('notInPool');
    const exclusion = exclusionFor(profile, toAssign(applicationId, submission, await listAssignmentsOfApplication(trx, applicationId)));
    if (exclusion) throw new AssessmentRefused('excluded', { exclusion });
    await insertAssignment(trx, call.id, applicationId, reviewerId, actor, 'manual');
  });
}

/**
 * Assigns the pool over every submitted application of the call in one transaction, so each has
 * `perApplication` reviewers where conflicts allow, load balanced (see `planAssignments`). Returns
 * the plan: what was assigned, every exclusion with its reason, and the shortfalls.
 */
export async function assignInBatch(db: DB, call: StoredCall, perApplication: number, actor: Actor): Promise<AssignmentPlan> {
  return db.transaction().execute(async (trx) => {
    await lockCall(trx, call.id);
    const now = await databaseNow(trx);
    const submitted = (await listSubmittedApplications(trx, call.id)).filter(({ application }) => roundClosed(call, application, now));
    const assignments = await listAssignmentsOfCall(trx, call.id);
    const load = new Map<string, number>();
    for (const a of assignments) if (ACTIVE_ASSIGNMENT_STATES.includes(a.state)) load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
    const plan = planAssignments(
      await poolProfiles(trx, call.programmeId),
      submitted.map(({ application, submission }) => toAssign(application.id, submission, assignments)),
      perApplication,
      load,
    );
    for (const { applicationId, reviewerId } of plan.assignments) await insertAssignment(trx, call.id, applicationId, reviewerId, actor, `batch of ${perApplication}`);
    return plan;
  });
}

async function lockAssignment(trx: Tx, id: string, expectedVersion: number): Promise<StoredAssignment> {
  const row = isUuid(id) ? await trx.selectFrom('assessment_assignments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
  if (!row) throw new AssessmentRefused('notFound');
  if (row.version !== expectedVersion) throw new VersionConflict(row.version, expectedVersion);
  return toAssignment(row);
}

async function moveAssignment(trx: Tx, assignment: StoredAssignment, transition: Transitioned<AssignmentState>, actor: Actor, reason: string | null, declaration?: Declaration) {
  await trx
    .updateTable('assessment_assignments')
    .set({
      state: transition.to,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      ...(declaration ? { declared_at: sql<Date>`now()`, conflict_kind: declaration.conflict ? declaration.kind : null, conflict_text: declaration.conflict ? declaration.text : null } : {}),
    })
    .where('id', '=', assignment.id)
    .execute();
  await recordAudit(trx, { actor: actor.user, recordType: 'review_assignment', recordId: assignment.id, action: transition.action, fromState: transition.from, toState: transition.to, reason, requestId: actor.requestId });
}

/** The owner withdraws an assignment (with a reason); the reviewer's earlier score versions stay. */
export async function unassignReviewer(db: DB, assignmentId: string, expectedVersion: number, reason: string | null, actor: Actor): Promise<StoredAssignment> {
  return db.transaction().execute(async (trx) => {
    const assignment = await lockAssignment(trx, assignmentId, expectedVersion);
    const transition = assignmentTransition(assignment.state, 'unassign');
    if (!transition.ok) throw new AssessmentRefused('illegal');
    await moveAssignment(trx, assignment, transition, actor, reason);
    return assignment;
  });
}

export const CONFLICT_NOTICE_JOB = 'assessment-conflict-notice';

/**
 * The reviewer's declaration before seeing any content. No conflict opens the application; a
 * declared conflict removes the reviewer, is audited with its kind and text, and enqueues the
 * mail that tells the owner to reassign — in the same transaction.
 */
export async function declareInterests(db: DB, assignmentId: string, expectedVersion: number, declaration: Declaration, actor: Actor, enqueue: (trx: Tx, assignmentId: string) => Promise<unknown>): Promise<AssignmentState> {
  return db.transaction().execute(async (trx) => {
    const assignment = await lockAssignment(trx, assignmentId, expectedVersion);
    const transition = declare(assignment.state, declaration);
    if (!transition.ok) throw new AssessmentRefused('illegal');
    const reason = declaration.conflict ? `${declaration.kind}: ${declaration.text}` : 'no conflict';
    await moveAssignment(trx, assignment, transition, actor, reason, declaration);
    if (declaration.conflict) await enqueue(trx, assignment.id);
    return transition.to;
  });
}

// Scores ----------------------------------------------------------------------------------------

export interface ScoreVersion {
  version: number;
  sheet: ScoreSheet;
  submitted: boolean;
  savedAt: Date;
  savedByName: string | null;
}

export async function scoreHistory(db: Queryable, assignmentId: string): Promise<ScoreVersion[]> {
  const rows = await db.selectFrom('assessment_score_versions').selectAll().where('assignment_id', '=', assignmentId).orderBy('version').execute();
  return rows.map((r) => ({ version: r.version, sheet: parsed<ScoreSheet>(r.scores), submitted: r.submitted, savedAt: r.saved_at, savedByName: r.saved_by_name }));
}

/**
 * Saves the reviewer's scores as a new version (a draft never fails on what is missing: those come
 * back as warnings), or submits them (refused while anything is missing or the application is
 * paused). Returns the assignment's new version.
 */
export async function saveScores(db: DB, call: StoredCall, assignmentId: string, expectedVersion: number, sheet: ScoreSheet, submit: boolean, actor: Actor): Promise<{ version: number; warnings: ScoreIssue[] }> {
  return db.transaction().execute(async (trx) => {
    const assignment = await lockAssignment(trx, assignmentId, expectedVersion);
    const review = await lockReview(trx, assignment.applicationId, assignment.callId);
    const result = scoreApplication(assignment.state, review.state, criteriaOf(call.content), sheet, submit);
    if (!result.ok) throw new AssessmentRefused(result.problem, { issues: result.issues });
    const next = assignment.version + 1;
    await trx.insertInto('assessment_score_versions').values({ assignment_id: assignment.id, version: next, scores: json(sheet), submitted: result.submitted, saved_by_name: actor.user?.name ?? null }).execute();
    if (result.transition) await moveAssignment(trx, assignment, result.transition, actor, null);
    else {
      await trx.updateTable('assessment_assignments').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', assignment.id).execute();
      await recordAudit(trx, { actor: actor.user, recordType: 'review_assignment', recordId: assignment.id, action: 'save-scores', reason: `version ${next}`, requestId: actor.requestId });
    }
    return { version: next, warnings: result.warnings };
  });
}

/** Reopens submitted scores for rescoring (until the consensus is recorded); the submitted version stays in the history. */
export async function reopenAssignment(db: DB, assignmentId: string, expectedVersion: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const assignment = await lockAssignment(trx, assignmentId, expectedVersion);
    const review = await lockReview(trx, assignment.applicationId, assignment.callId);
    const transition = reopenScores(assignment.state, review.state);
    if (!transition.ok) throw new AssessmentRefused(transition.problem);
    await moveAssignment(trx, assignment, transition, actor, 'rescoring');
  });
}

export interface SubmittedSheet {
  assignmentId: string;
  reviewerId: string;
  sheet: ScoreSheet;
  savedAt: Date;
}

/** The last submitted sheet of every assignment whose scores stand submitted. */
export async function submittedSheetsOfApplication(db: Queryable, applicationId: string): Promise<SubmittedSheet[]> {
  const result: SubmittedSheet[] = [];
  for (const assignment of (await listAssignmentsOfApplication(db, applicationId)).filter((a) => a.state === 'submitted')) {
    const last = (await scoreHistory(db, assignment.id)).filter((v) => v.submitted).at(-1);
    if (last) result.push({ assignmentId: assignment.id, reviewerId: assignment.reviewerId, sheet: last.sheet, savedAt: last.savedAt });
  }
  return result;
}

// Consensus -------------------------------------------------------------------------------------

export interface ConsensusVersion {
  version: number;
  scores: ConsensusSheet;
  recordedAt: Date;
  recordedByName: string | null;
}

export async function consensusHistory(db: Queryable, applicationId: string): Promise<ConsensusVersion[]> {
  if (!isUuid(applicationId)) return [];
  const rows = await db.selectFrom('assessment_consensus_versions').selectAll().where('application_id', '=', applicationId).orderBy('version').execute();
  return rows.map((r) => ({ version: r.version, scores: parsed<ConsensusSheet>(r.scores), recordedAt: r.recorded_at, recordedByName: r.recorded_by_name }));
}

/** Records the agreed score and reasoning per criterion as a new version; the review becomes agreed. */
export async function saveConsensus(db: DB, call: StoredCall, applicationId: string, expectedReviewVersion: number, sheet: ScoreSheet, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await submittedVersion(trx, call.id, applicationId))) throw new AssessmentRefused('notSubmitted');
    const review = await lockReview(trx, applicationId, call.id);
    if (review.version !== expectedReviewVersion) throw new VersionConflict(review.version, expectedReviewVersion);
    const criteria = criteriaOf(call.content);
    const submitted = await submittedSheetsOfApplication(trx, applicationId);
    const result = recordConsensus(review.state, criteria, sheet, submitted.length);
    if (!result.ok) throw new AssessmentRefused(result.problem, result.problem === 'incomplete' ? { issues: result.issues } : {});
    const previous = (await consensusHistory(trx, applicationId)).length;
    const scores = consensusOf(criteria, sheet);
    await trx.insertInto('assessment_consensus_versions').values({ application_id: applicationId, version: previous + 1, scores: json(scores), recorded_by_name: actor.user?.name ?? null }).execute();
    await moveReview(trx, review, { from: result.from, to: result.to, action: previous === 0 ? 'agree' : 'revise-consensus' }, actor, `consensus version ${previous + 1}`);
  });
}

// Flags -----------------------------------------------------------------------------------------

export interface Flag {
  id: string;
  applicationId: string;
  text: string;
  raisedByName: string | null;
  raisedAt: Date;
  resolution: string | null;
  resolvedByName: string | null;
  resolvedAt: Date | null;
}

function toFlag(row: Selectable<FlagTable>): Flag {
  return { id: row.id, applicationId: row.application_id, text: row.text, raisedByName: row.raised_by_name, raisedAt: row.raised_at, resolution: row.resolution, resolvedByName: row.resolved_by_name, resolvedAt: row.resolved_at };
}

export async function listFlagsOfCall(db: Queryable, callId: string): Promise<Flag[]> {
  if (!isUuid(callId)) return [];
  return (await db.selectFrom('assessment_flags').selectAll().where('call_id', '=', callId).orderBy('raised_at').execute()).map(toFlag);
}

export async function findFlag(db: Queryable, id: string): Promise<(Flag & { callId: string }) | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('assessment_flags').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...toFlag(row), callId: row.call_id } : undefined;
}

/** Raises a flag (e.g. "needs legal check"): the application is paused until every flag is resolved. */
export async function raiseFlag(db: DB, callId: string, applicationId: string, text: string, actor: Actor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    if (!(await submittedVersion(trx, callId, applicationId))) throw new AssessmentRefused('notSubmitted');
    const review = await lockReview(trx, applicationId, callId);
    const row = await trx.insertInto('assessment_flags').values({ application_id: applicationId, call_id: callId, text, raised_by_name: actor.user?.name ?? null }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: actor.user, recordType: 'review_flag', recordId: row.id, action: 'raise', toState: 'open', reason: text, requestId: actor.requestId });
    await moveReview(trx, review, pauseReview(review.state), actor, text);
    return row.id;
  });
}

export async function resolveFlag(db: DB, flagId: string, resolution: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const flag = await findFlag(trx, flagId);
    if (!flag) throw new AssessmentRefused('notFound');
    const review = await lockReview(trx, flag.applicationId, flag.callId);
    const updated = await trx
      .updateTable('assessment_flags')
      .set({ resolution, resolved_by_name: actor.user?.name ?? null, resolved_at: sql`now()` })
      .where('id', '=', flagId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AssessmentRefused('resolved');
    await recordAudit(trx, { actor: actor.user, recordType: 'review_flag', recordId: flagId, action: 'resolve', fromState: 'open', toState: 'resolved', reason: resolution, requestId: actor.requestId });
    const open = await trx.selectFrom('assessment_flags').select('id').where('application_id', '=', flag.applicationId).where('resolved_at', 'is', null).execute();
    const assignments = (await listAssignmentsOfApplication(trx, flag.applicationId)).filter((a) => ACTIVE_ASSIGNMENT_STATES.includes(a.state)).length;
    const consensusRecorded = (await consensusHistory(trx, flag.applicationId)).length > 0;
    await moveReview(trx, review, resumeReview(review.state, { openFlagsAfter: open.length, consensusRecorded, assignments }), actor, resolution);
  });
}

// For the owner's dashboard and for selection --------------------------------------------------

/** Declared conflicts the owner has not yet answered with a new assignment on the same application. */
export async function conflictsToReassign(db: Queryable, callId: string): Promise<StoredAssignment[]> {
  const all = await listAssignmentsOfCall(db, callId);
  return all.filter((a) => a.state === 'conflicted' && !all.some((b) => b.applicationId === a.applicationId && b.assignedAt > (a.declaredAt ?? a.assignedAt) && ACTIVE_ASSIGNMENT_STATES.includes(b.state)));
}

export interface ReviewStatus {
  applicationId: string;
  state: ReviewState;
  /** Live assignments; of those, declared without conflict; of those, scores submitted. */
  assigned: number;
  declared: number;
  scored: number;
  conflicted: number;
  openFlags: number;
  consensusRecorded: boolean;
}

/**
 * The review of every submitted application of the call, in submission order: its workflow state
 * (awaiting, in_review, paused, agreed), the counts of the progress dashboard and open flags.
 */
export async function reviewStatusOfCall(db: Queryable, callId: string): Promise<ReviewStatus[]> {
  const submitted = await listSubmittedApplications(db, callId);
  const assignments = await listAssignmentsOfCall(db, callId);
  const flags = await listFlagsOfCall(db, callId);
  const reviews = new Map((await db.selectFrom('assessment_reviews').selectAll().where('call_id', '=', callId).execute()).map((r) => [r.application_id, r.state]));
  const agreed = new Set((await agreedScoresForCall(db, callId)).map((s) => s.applicationId));
  return submitted.map(({ application }) => {
    const mine = assignments.filter((a) => a.applicationId === application.id);
    return {
      applicationId: application.id,
      state: reviews.get(application.id) ?? 'awaiting',
      assigned: mine.filter((a) => ACTIVE_ASSIGNMENT_STATES.includes(a.state)).length,
      declared: mine.filter((a) => a.state === 'declared' || a.state === 'submitted').length,
      scored: mine.filter((a) => a.state === 'submitted').length,
      conflicted: mine.filter((a) => a.state === 'conflicted').length,
      openFlags: flags.filter((f) => f.applicationId === application.id && f.resolvedAt === null).length,
      consensusRecorded: agreed.has(application.id),
    };
  });
}

/**
 * The agreed (consensus) score and reasoning of every criterion of every application of the call
 * that has one, from the latest consensus version. `criterionKey` is the criterion's position in
 * the call's criteria, from 1, as text ("1", "2", …): see `criteriaOf` in model.ts for the titles
 * and weights; `score` is on `scoreScaleOf(call)` (0–5). Applications without a consensus are absent.
 */
export async function agreedScoresForCall(db: Queryable, callId: string): Promise<{ applicationId: string; criterionKey: string; score: number; reasoning: string }[]> {
  if (!isUuid(callId)) return [];
  const rows = await db
    .selectFrom('assessment_consensus_versions as c')
    .innerJoin('assessment_reviews as r', 'r.application_id', 'c.application_id')
    .select(['c.application_id', 'c.version', 'c.scores'])
    .where('r.call_id', '=', callId)
    .orderBy('c.application_id')
    .orderBy('c.version')
    .execute();
  const latest = new Map<string, ConsensusSheet>();
  for (const row of rows) latest.set(row.application_id, parsed<ConsensusSheet>(row.scores));
  return [...latest].flatMap(([applicationId, sheet]) => Object.entries(sheet).map(([criterionKey, s]) => ({ applicationId, criterionKey, score: s.score, reasoning: s.reasoning })));
}

/** Applications of the call with an open flag: paused, so no consensus or selection until resolved. */
export async function pausedApplicationsOfCall(db: Queryable, callId: string): Promise<string[]> {
  if (!isUuid(callId)) return [];
  const rows = await db.selectFrom('assessment_flags').select('application_id').distinct().where('call_id', '=', callId).where('resolved_at', 'is', null).orderBy('application_id').execute();
  return rows.map((r) => r.application_id);
}
