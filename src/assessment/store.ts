/**
 * The assessment's data: the pool, reviews, assignments, score and consensus versions and flags,
 * read and written as they are. No decisions here: the use cases (use-cases.ts) decide, lock,
 * audit and refuse. Scores and consensus are append-only versions: the latest counts, the
 * earlier ones stay as history. Applications and calls are read through their own capabilities.
 */
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable, Tx } from '../platform/db/database.js';
import { isUuid, json, parsed } from '../platform/db/kit.js';
import { findPrincipal, listRoleHolders } from '../platform/auth/store.js';
import { findApplication, listSubmissions, listSubmittedApplications, type StoredSubmission } from '../applications/index.js';
import type { ConflictKind, ConsensusSheet, Declaration, PoolMember, ReviewerProfile, ScoreSheet } from './model.js';
import { assignmentWorkflow, type AssignmentState, type ReviewState } from './workflows.js';

interface PoolMemberTable {
  programme_id: string;
  user_id: string;
  kind: 'internal' | 'external';
  lead: boolean;
  added_at: Generated<Date>;
  added_by_name: string | null;
}

interface PoolInvitationTable {
  id: Generated<string>;
  programme_id: string;
  email: string;
  name: string;
  employer: string;
  token_hash: string;
  invited_at: Generated<Date>;
  invited_by_name: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by_user_id: string | null;
  withdrawn_at: Date | null;
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
  conflict_kind: ConflictKind | null;
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
    assessment_pool_invitations: PoolInvitationTable;
    assessment_reviews: ReviewTable;
    assessment_assignments: AssignmentTable;
    assessment_score_versions: ScoreVersionTable;
    assessment_consensus_versions: ConsensusVersionTable;
    assessment_flags: FlagTable;
  }
}

// Pool ------------------------------------------------------------------------------------------

/** Who may sit in a programme's pool: people holding the reviewer role, and the owner's own staff. */
export async function poolCandidates(
  db: Queryable,
  ownerOrganisationId: string,
): Promise<{ userId: string; name: string; organisationName: string; kind: 'internal' | 'external' }[]> {
  const holders = [
    ...(await listRoleHolders(db, { role: 'reviewer' })),
    ...(await listRoleHolders(db, { role: 'programme_owner', organisationId: ownerOrganisationId })),
  ];
  const seen = new Map<string, { userId: string; name: string; organisationName: string; kind: 'internal' | 'external' }>();
  for (const h of holders) {
    const kind = h.organisationId === ownerOrganisationId ? 'internal' : 'external';
    const known = seen.get(h.userId);
    if (!known || kind === 'internal') seen.set(h.userId, { userId: h.userId, name: h.name, organisationName: h.organisationName, kind });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

// Invitations to the pool -------------------------------------------------------------------------

/** An invitation by e-mail to a programme's pool, as the owner and the invited person see it. */
export interface PoolInvitation {
  id: string;
  programmeId: string;
  email: string;
  name: string;
  employer: string;
  invitedAt: Date;
  invitedByName: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  withdrawnAt: Date | null;
}

const toInvitation = (row: Selectable<PoolInvitationTable>): PoolInvitation => ({
  id: row.id,
  programmeId: row.programme_id,
  email: row.email,
  name: row.name,
  employer: row.employer,
  invitedAt: row.invited_at,
  invitedByName: row.invited_by_name,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
  withdrawnAt: row.withdrawn_at,
});

/** Stores an invitation; false when the address already has an open one to this programme. */
export async function insertPoolInvitation(
  trx: Queryable,
  invitation: Pick<PoolInvitation, 'programmeId' | 'email' | 'name' | 'employer' | 'invitedByName' | 'expiresAt'> & { tokenHash: string },
): Promise<boolean> {
  const open = await trx
    .selectFrom('assessment_pool_invitations')
    .select('id')
    .where('programme_id', '=', invitation.programmeId)
    .where(sql<string>`lower(email)`, '=', invitation.email.toLowerCase())
    .where('accepted_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (open) return false;
  await trx
    .insertInto('assessment_pool_invitations')
    .values({
      programme_id: invitation.programmeId,
      email: invitation.email,
      name: invitation.name,
      employer: invitation.employer,
      token_hash: invitation.tokenHash,
      invited_by_name: invitation.invitedByName,
      expires_at: invitation.expiresAt,
    })
    .execute();
  return true;
}

/** The invitation behind a link's token (locked for the acceptance when asked). */
export async function findInvitationByToken(db: Queryable, tokenHash: string, lock = false): Promise<PoolInvitation | undefined> {
  let query = db.selectFrom('assessment_pool_invitations').selectAll().where('token_hash', '=', tokenHash);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** The invitations of a programme not yet answered or withdrawn, newest first. */
export async function listOpenInvitations(db: Queryable, programmeId: string): Promise<PoolInvitation[]> {
  if (!isUuid(programmeId)) return [];
  const rows = await db
    .selectFrom('assessment_pool_invitations')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('accepted_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .orderBy('invited_at', 'desc')
    .execute();
  return rows.map(toInvitation);
}

export async function markInvitationAccepted(trx: Queryable, id: string, userId: string, at: Date): Promise<void> {
  await trx.updateTable('assessment_pool_invitations').set({ accepted_at: at, accepted_by_user_id: userId }).where('id', '=', id).execute();
}

/** Withdraws an open invitation of the programme; the invitation withdrawn, or undefined. */
export async function withdrawOpenInvitation(
  trx: Queryable,
  programmeId: string,
  id: string,
  at: Date,
): Promise<PoolInvitation | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await trx
    .updateTable('assessment_pool_invitations')
    .set({ withdrawn_at: at })
    .where('id', '=', id)
    .where('programme_id', '=', programmeId)
    .where('accepted_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

export async function listPool(db: Queryable, programmeId: string): Promise<PoolMember[]> {
  if (!isUuid(programmeId)) return [];
  const rows = await db
    .selectFrom('assessment_pool_members')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('added_at')
    .execute();
  const members: PoolMember[] = [];
  for (const row of rows) {
    const person = await findPrincipal(db, row.user_id, 'employee');
    members.push({ userId: row.user_id, name: person?.name ?? row.user_id, kind: row.kind, lead: row.lead });
  }
  return members.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export async function insertPoolMember(
  db: Queryable,
  member: { programmeId: string; userId: string; kind: 'internal' | 'external'; lead: boolean; addedByName: string | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto('assessment_pool_members')
    .values({
      programme_id: member.programmeId,
      user_id: member.userId,
      kind: member.kind,
      lead: member.lead,
      added_by_name: member.addedByName,
    })
    .onConflict((oc) => oc.columns(['programme_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Removes the member; their kind, or undefined when they were not in the pool. */
export async function deletePoolMember(db: Queryable, programmeId: string, userId: string): Promise<'internal' | 'external' | undefined> {
  return (
    await db
      .deleteFrom('assessment_pool_members')
      .where('programme_id', '=', programmeId)
      .where('user_id', '=', userId)
      .returning('kind')
      .executeTakeFirst()
  )?.kind;
}

/** Sets whether the member leads; their kind, or undefined when they are not in the pool. */
export async function updatePoolLead(
  db: Queryable,
  programmeId: string,
  userId: string,
  lead: boolean,
): Promise<'internal' | 'external' | undefined> {
  return (
    await db
      .updateTable('assessment_pool_members')
      .set({ lead })
      .where('programme_id', '=', programmeId)
      .where('user_id', '=', userId)
      .returning('kind')
      .executeTakeFirst()
  )?.kind;
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

export async function poolProfiles(db: Queryable, programmeId: string): Promise<ReviewerProfile[]> {
  const profiles: ReviewerProfile[] = [];
  for (const member of await listPool(db, programmeId)) {
    const profile = await reviewerProfile(db, member.userId);
    if (profile) profiles.push(profile);
  }
  return profiles;
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
  conflictKind: ConflictKind | null;
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
  const row = isUuid(applicationId)
    ? await db.selectFrom('assessment_reviews').selectAll().where('application_id', '=', applicationId).executeTakeFirst()
    : undefined;
  return row ? { applicationId, state: row.state, version: row.version } : { applicationId, state: 'awaiting', version: 0 };
}

/** The review row, created (awaiting) if new, locked for the rest of the transaction. */
export async function lockReview(trx: Tx, applicationId: string, callId: string): Promise<Review> {
  await trx
    .insertInto('assessment_reviews')
    .values({ application_id: applicationId, call_id: callId, state: 'awaiting', version: 0 })
    .onConflict((oc) => oc.column('application_id').doNothing())
    .execute();
  const row = await trx
    .selectFrom('assessment_reviews')
    .selectAll()
    .where('application_id', '=', applicationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { applicationId, state: row.state, version: row.version };
}

/** Stores the review's state as a new version. */
export async function updateReview(db: Queryable, applicationId: string, state: ReviewState): Promise<void> {
  await db
    .updateTable('assessment_reviews')
    .set({ state, version: sql`version + 1`, updated_at: sql`now()` })
    .where('application_id', '=', applicationId)
    .execute();
}

export async function findAssignment(db: Queryable, id: string): Promise<StoredAssignment | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('assessment_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAssignment(row) : undefined;
}

export async function listAssignmentsOfCall(db: Queryable, callId: string): Promise<StoredAssignment[]> {
  if (!isUuid(callId)) return [];
  const rows = await db
    .selectFrom('assessment_assignments')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('assigned_at')
    .orderBy('id')
    .execute();
  return rows.map(toAssignment);
}

export async function listAssignmentsOfApplication(db: Queryable, applicationId: string): Promise<StoredAssignment[]> {
  if (!isUuid(applicationId)) return [];
  const rows = await db
    .selectFrom('assessment_assignments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('assigned_at')
    .orderBy('id')
    .execute();
  return rows.map(toAssignment);
}

export async function listAssignmentsOfReviewer(db: Queryable, userId: string): Promise<StoredAssignment[]> {
  const rows = await db
    .selectFrom('assessment_assignments')
    .selectAll()
    .where('reviewer_user_id', '=', userId)
    .orderBy('assigned_at')
    .orderBy('id')
    .execute();
  return rows.map(toAssignment);
}

/** The submitted application as reviewers see it: the last submitted version, or undefined if it is not submitted to this call. */
export async function submittedVersion(db: Queryable, callId: string, applicationId: string): Promise<StoredSubmission | undefined> {
  const application = await findApplication(db, applicationId);
  if (!application || application.callId !== callId || application.status !== 'submitted') return undefined;
  return (await listSubmissions(db, applicationId)).at(-1);
}

/** The assignment, locked for the rest of the transaction. */
export async function lockAssignment(trx: Tx, id: string): Promise<StoredAssignment | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await trx.selectFrom('assessment_assignments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? toAssignment(row) : undefined;
}

/** Serialises the assignment writes of one call (both engines): two batches never double-assign. */
export async function lockCallAssignments(trx: Tx, callId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`assessment:${callId}`}))`.execute(trx);
}

export async function insertAssignment(
  db: Queryable,
  assignment: { callId: string; applicationId: string; reviewerId: string; assignedByName: string | null },
): Promise<string> {
  const row = await db
    .insertInto('assessment_assignments')
    .values({
      application_id: assignment.applicationId,
      call_id: assignment.callId,
      reviewer_user_id: assignment.reviewerId,
      state: 'assigned',
      assigned_by_name: assignment.assignedByName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores the assignment's state (and the declaration, when one is made) as a new version. */
export async function updateAssignment(db: Queryable, id: string, state: AssignmentState, declaration?: Declaration): Promise<void> {
  await db
    .updateTable('assessment_assignments')
    .set({
      state,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      ...(declaration
        ? {
            declared_at: sql<Date>`now()`,
            conflict_kind: declaration.conflict ? declaration.kind : null,
            conflict_text: declaration.conflict ? declaration.text : null,
          }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Whether the person has a live assignment in any of the calls. */
export async function hasLiveAssignment(db: Queryable, userId: string, callIds: readonly string[]): Promise<boolean> {
  if (callIds.length === 0) return false;
  const live = await db
    .selectFrom('assessment_assignments')
    .select('id')
    .where('reviewer_user_id', '=', userId)
    .where('call_id', 'in', [...callIds])
    .where('state', 'in', [...assignmentWorkflow.groups.active])
    .executeTakeFirst();
  return live !== undefined;
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
  const rows = await db
    .selectFrom('assessment_score_versions')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    sheet: parsed<ScoreSheet>(r.scores),
    submitted: r.submitted,
    savedAt: r.saved_at,
    savedByName: r.saved_by_name,
  }));
}

export async function insertScoreVersion(
  db: Queryable,
  version: { assignmentId: string; version: number; sheet: ScoreSheet; submitted: boolean; savedByName: string | null },
): Promise<void> {
  await db
    .insertInto('assessment_score_versions')
    .values({
      assignment_id: version.assignmentId,
      version: version.version,
      scores: json(version.sheet),
      submitted: version.submitted,
      saved_by_name: version.savedByName,
    })
    .execute();
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
  const rows = await db
    .selectFrom('assessment_consensus_versions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    scores: parsed<ConsensusSheet>(r.scores),
    recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name,
  }));
}

export async function insertConsensusVersion(
  db: Queryable,
  version: { applicationId: string; version: number; scores: ConsensusSheet; recordedByName: string | null },
): Promise<void> {
  await db
    .insertInto('assessment_consensus_versions')
    .values({
      application_id: version.applicationId,
      version: version.version,
      scores: json(version.scores),
      recorded_by_name: version.recordedByName,
    })
    .execute();
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
  return {
    id: row.id,
    applicationId: row.application_id,
    text: row.text,
    raisedByName: row.raised_by_name,
    raisedAt: row.raised_at,
    resolution: row.resolution,
    resolvedByName: row.resolved_by_name,
    resolvedAt: row.resolved_at,
  };
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

export async function insertFlag(
  db: Queryable,
  flag: { callId: string; applicationId: string; text: string; raisedByName: string | null },
): Promise<string> {
  const row = await db
    .insertInto('assessment_flags')
    .values({ application_id: flag.applicationId, call_id: flag.callId, text: flag.text, raised_by_name: flag.raisedByName })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Resolves the flag if it is open; whether it was. */
export async function markFlagResolved(db: Queryable, flagId: string, resolution: string, resolvedByName: string | null): Promise<boolean> {
  const updated = await db
    .updateTable('assessment_flags')
    .set({ resolution, resolved_by_name: resolvedByName, resolved_at: sql`now()` })
    .where('id', '=', flagId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function countOpenFlags(db: Queryable, applicationId: string): Promise<number> {
  return (
    await db
      .selectFrom('assessment_flags')
      .select('id')
      .where('application_id', '=', applicationId)
      .where('resolved_at', 'is', null)
      .execute()
  ).length;
}

// For the owner's dashboard and for selection --------------------------------------------------

/** Declared conflicts the owner has not yet answered with a new assignment on the same application. */
export async function conflictsToReassign(db: Queryable, callId: string): Promise<StoredAssignment[]> {
  const all = await listAssignmentsOfCall(db, callId);
  return all.filter(
    (a) =>
      a.state === 'conflicted' &&
      !all.some(
        (b) =>
          b.applicationId === a.applicationId &&
          b.assignedAt > (a.declaredAt ?? a.assignedAt) &&
          assignmentWorkflow.isIn('active', b.state),
      ),
  );
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
  const reviews = new Map(
    (await db.selectFrom('assessment_reviews').selectAll().where('call_id', '=', callId).execute()).map((r) => [r.application_id, r.state]),
  );
  const agreed = new Set((await agreedScoresForCall(db, callId)).map((s) => s.applicationId));
  return submitted.map(({ application }) => {
    const mine = assignments.filter((a) => a.applicationId === application.id);
    return {
      applicationId: application.id,
      state: reviews.get(application.id) ?? 'awaiting',
      assigned: mine.filter((a) => assignmentWorkflow.isIn('active', a.state)).length,
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
export async function agreedScoresForCall(
  db: Queryable,
  callId: string,
): Promise<{ applicationId: string; criterionKey: string; score: number; reasoning: string }[]> {
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
  return [...latest].flatMap(([applicationId, sheet]) =>
    Object.entries(sheet).map(([criterionKey, s]) => ({ applicationId, criterionKey, score: s.score, reasoning: s.reasoning })),
  );
}

/** Applications of the call with an open flag: paused, so no consensus or selection until resolved. */
export async function pausedApplicationsOfCall(db: Queryable, callId: string): Promise<string[]> {
  if (!isUuid(callId)) return [];
  const rows = await db
    .selectFrom('assessment_flags')
    .select('application_id')
    .distinct()
    .where('call_id', '=', callId)
    .where('resolved_at', 'is', null)
    .orderBy('application_id')
    .execute();
  return rows.map((r) => r.application_id);
}
