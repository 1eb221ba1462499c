/**
 * What the assessment's pages show, read from the store: the owner's dashboard, the reviewer's
 * list, one assignment and the review of one application. Reads only.
 */
import type { Principal } from '../platform/auth/model.js';
import { findPrincipal } from '../platform/auth/store.js';
import type { Queryable } from '../platform/db/database.js';
import { listSubmittedApplications, type StoredSubmission } from '../applications/index.js';
import { findCall, type StoredCall } from '../programmes/index.js';
import { criteriaOf, exclusionFor, mayRecordConsensus, progressOf, scoreScaleOf, type ScoreSheet } from './model.js';
import type { AssignmentView } from './pages/assignment.js';
import type { DashboardView } from './pages/dashboard.js';
import type { MyReviewItem } from './pages/my-reviews.js';
import { applicantText } from './texts.js';
import type { ReviewView } from './pages/review.js';
import {
  conflictsToReassign,
  consensusHistory,
  findReview,
  listAssignmentsOfCall,
  listAssignmentsOfReviewer,
  listFlagsOfCall,
  listPool,
  reviewerProfile,
  reviewStatusOfCall,
  scoreHistory,
  submittedSheetsOfApplication,
  submittedVersion,
  type StoredAssignment,
} from './store.js';
import { assignmentWorkflow } from './workflows.js';

async function names(db: Queryable, ids: Iterable<string>): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const id of new Set(ids)) result.set(id, (await findPrincipal(db, id, 'employee'))?.name ?? '');
  return result;
}

type Page<V> = Omit<V, 'notice' | 'errors' | 'warnings' | 'conflict' | 'declaration' | 'perApplication'>;

/** Every conflict the platform knows between a pool member and a submitted application, and each declared one. */
async function exclusionsOf(
  db: Queryable,
  pool: Awaited<ReturnType<typeof listPool>>,
  submitted: { application: { id: string }; submission: StoredSubmission }[],
  assignments: StoredAssignment[],
): Promise<DashboardView['exclusions']> {
  const exclusions: DashboardView['exclusions'] = [];
  for (const member of pool) {
    const profile = await reviewerProfile(db, member.userId);
    if (!profile) continue;
    for (const { application, submission } of submitted) {
      const conflictedReviewerIds = assignments
        .filter((a) => a.applicationId === application.id && a.state === 'conflicted')
        .map((a) => a.reviewerId);
      const exclusion = exclusionFor(profile, {
        applicationId: application.id,
        members: submission.members,
        assignedReviewerIds: [],
        conflictedReviewerIds,
      });
      if (exclusion) exclusions.push({ exclusion, reviewerName: member.name, applicant: applicantText(submission) });
    }
  }
  return exclusions;
}

export async function dashboardView(db: Queryable, call: StoredCall): Promise<Page<DashboardView>> {
  const submitted = await listSubmittedApplications(db, call.id);
  const assignments = await listAssignmentsOfCall(db, call.id);
  const statuses = await reviewStatusOfCall(db, call.id);
  const pool = await listPool(db, call.programmeId);
  const nameOf = await names(db, [...pool.map((m) => m.userId), ...assignments.map((a) => a.reviewerId)]);
  const applicantOf = new Map(submitted.map(({ application, submission }) => [application.id, submission]));
  const { perReviewer } = progressOf(assignments);
  return {
    call,
    applications: submitted.map(({ application, submission }) => ({
      applicationId: application.id,
      caseNumber: submission.caseNumber,
      members: submission.members,
      status: statuses.find((s) => s.applicationId === application.id)!,
      assignments: assignments
        .filter((a) => a.applicationId === application.id)
        .map((a) => ({ ...a, reviewerName: nameOf.get(a.reviewerId) ?? '' })),
    })),
    reviewers: pool.map((m) => {
      const live = statuses.filter((st) =>
        assignments.some(
          (a) => a.reviewerId === m.userId && a.applicationId === st.applicationId && assignmentWorkflow.isIn('active', a.state),
        ),
      );
      return {
        ...m,
        counts: perReviewer.get(m.userId) ?? { assigned: 0, declared: 0, scored: 0, conflicted: 0 },
        agreed: live.filter((st) => st.consensusRecorded).length,
        flagged: live.filter((st) => st.openFlags > 0).length,
      };
    }),
    exclusions: await exclusionsOf(db, pool, submitted, assignments),
    reassign: (await conflictsToReassign(db, call.id)).map((assignment) => ({
      assignment,
      reviewerName: nameOf.get(assignment.reviewerId) ?? '',
      applicant: applicantText(applicantOf.get(assignment.applicationId) ?? { caseNumber: '', members: [] }),
    })),
  };
}

/** The reviewer's assignments, each with the way to the consensus where they lead. */
export async function myReviews(db: Queryable, principal: Principal): Promise<MyReviewItem[]> {
  const items: MyReviewItem[] = [];
  for (const assignment of await listAssignmentsOfReviewer(db, principal.userId)) {
    const call = await findCall(db, assignment.callId);
    if (!call) continue;
    const submission = await submittedVersion(db, assignment.callId, assignment.applicationId);
    items.push({
      assignment,
      callTitle: call.content.title,
      applicant: submission ? applicantText(submission) : '',
      consensusLink: mayRecordConsensus(principal, false, await listPool(db, call.programmeId), assignment.state),
    });
  }
  return items;
}

/** The assignment as its reviewer sees it (the content only after a declaration of no conflict), or undefined when the application is not submitted. */
export async function assignmentView(
  db: Queryable,
  assignment: StoredAssignment,
  call: StoredCall,
): Promise<Page<AssignmentView> | undefined> {
  const submission = await submittedVersion(db, call.id, assignment.applicationId);
  if (!submission) return undefined;
  const history = await scoreHistory(db, assignment.id);
  return {
    assignment,
    call,
    applicant: applicantText(submission),
    reviewState: (await findReview(db, assignment.applicationId)).state,
    submission: assignmentWorkflow.isIn('content', assignment.state) ? submission : undefined,
    criteria: criteriaOf(call.content),
    scale: scoreScaleOf(call),
    sheet: history.at(-1)?.sheet ?? {},
    history,
  };
}

/** The submitted scores side by side, the flags and the consensus with its history, or undefined when the application is not submitted. */
export async function reviewView(
  db: Queryable,
  call: StoredCall,
  applicationId: string,
  owner: boolean,
): Promise<Page<ReviewView> | undefined> {
  const submission = await submittedVersion(db, call.id, applicationId);
  if (!submission) return undefined;
  const sheets = await submittedSheetsOfApplication(db, applicationId);
  const nameOf = await names(
    db,
    sheets.map((s) => s.reviewerId),
  );
  const consensus = await consensusHistory(db, applicationId);
  const latest = consensus.at(-1);
  const values: ScoreSheet = latest
    ? Object.fromEntries(Object.entries(latest.scores).map(([k, s]) => [k, { score: s.score, rationale: s.reasoning }]))
    : {};
  return {
    call,
    applicationId,
    applicant: applicantText(submission),
    submission,
    review: await findReview(db, applicationId),
    criteria: criteriaOf(call.content),
    scale: scoreScaleOf(call),
    sheets: sheets.map((s) => ({ reviewerName: nameOf.get(s.reviewerId) ?? '', sheet: s.sheet })),
    consensus,
    flags: (await listFlagsOfCall(db, call.id)).filter((f) => f.applicationId === applicationId),
    values,
    owner,
  };
}
