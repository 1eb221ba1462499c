/**
 * Assessment of submitted applications (vurdering): the reviewer pool, conflicts of interest
 * (habilitet) excluded where the platform can know them, assignment balanced over the pool,
 * scoring per criterion with a rationale, consensus, and flags that pause an application. The
 * decisions here move the two workflows (workflows.ts) or say why not. Pure: no IO.
 */
import type { Principal } from '../platform/auth/model.js';
import { isEmailAddress } from '../platform/http/input.js';
import { isRefused, refuse, type Refused } from '../platform/outcome.js';
import type { Transitioned } from '../platform/workflow.js';
import type { CallContent } from '../programmes/index.js';
import type { AssessmentProblem } from './problems.js';
import {
  assignmentWorkflow,
  reviewWorkflow,
  type AssignmentAction,
  type AssignmentState,
  type ReviewAction,
  type ReviewState,
} from './workflows.js';

// Scale and criteria ----------------------------------------------------------------------------

/**
 * Scores are whole numbers from 0 (not met / not described) to 5 (fully met, convincingly
 * documented). The calls define no scale of their own, so every call uses this one; callers ask
 * `scoreScaleOf(call)` so a per-call scale can be added without changing them.
 */
export const SCORE_SCALE = { min: 0, max: 5 } as const;
export type ScoreScale = { min: number; max: number };

export function scoreScaleOf(_call: { content: Pick<CallContent, 'criteria'> }): ScoreScale {
  return SCORE_SCALE;
}

export interface ReviewCriterion {
  /** The criterion's position in the call, from 1, as text: the call's criteria carry no other identifier. */
  key: string;
  title: string;
  description: string;
  /** Percent; a call's weights sum to 100. */
  weight: number;
}

export function criteriaOf(content: Pick<CallContent, 'criteria'>): ReviewCriterion[] {
  return content.criteria.map((criterion, index) => ({ key: String(index + 1), ...criterion }));
}

// Conflicts of interest (habilitet) -------------------------------------------------------------

export const CONFLICT_KINDS = ['own-municipality', 'network-member', 'employer', 'personal', 'other'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export function isConflictKind(value: string): value is ConflictKind {
  return (CONFLICT_KINDS as readonly string[]).includes(value);
}

export interface ReviewerProfile {
  userId: string;
  name: string;
  /** Municipalities whose organisation employs the reviewer (any role held there). */
  employerCodes: readonly string[];
  /** Where the reviewer lives (folkeregistrert), when known. */
  homeMunicipalityCode: string | null;
}

export interface ApplicationToAssign {
  applicationId: string;
  /** The applying network as submitted: code and name of each member. */
  members: readonly { code: string; name: string }[];
  /** Reviewers with an active assignment. */
  assignedReviewerIds: readonly string[];
  /** Reviewers who declared a conflict on it. */
  conflictedReviewerIds: readonly string[];
}

export type ExclusionReason = 'employer' | 'own-municipality' | 'declared-conflict' | 'already-assigned';

export interface Exclusion {
  applicationId: string;
  reviewerId: string;
  reason: ExclusionReason;
  /** The member that causes an employer or own-municipality conflict. */
  municipality?: { code: string; name: string };
}

/** Why the reviewer may not be given the application, or undefined when they may. */
export function exclusionFor(reviewer: ReviewerProfile, application: ApplicationToAssign): Exclusion | undefined {
  const base = { applicationId: application.applicationId, reviewerId: reviewer.userId };
  const employer = application.members.find((m) => reviewer.employerCodes.includes(m.code));
  if (employer) return { ...base, reason: 'employer', municipality: employer };
  const home = application.members.find((m) => m.code === reviewer.homeMunicipalityCode);
  if (home) return { ...base, reason: 'own-municipality', municipality: home };
  if (application.conflictedReviewerIds.includes(reviewer.userId)) return { ...base, reason: 'declared-conflict' };
  if (application.assignedReviewerIds.includes(reviewer.userId)) return { ...base, reason: 'already-assigned' };
  return undefined;
}

export interface AssignmentPlan {
  assignments: { applicationId: string; reviewerId: string }[];
  /** Every pair left out, with the reason (already assigned pairs are not listed). */
  exclusions: Exclusion[];
  /** Applications that could not get as many reviewers as asked, and how many are missing. */
  shortfalls: { applicationId: string; missing: number }[];
}

/**
 * Plans a batch: each application gets up to `perApplication` reviewers in total (those it has
 * count). Conflicts the platform can know are excluded. Applications with the fewest eligible
 * reviewers are served first, and each takes the eligible reviewers with the lowest load (active
 * assignments in the call, including this plan), ties by name, so load stays balanced.
 */
export function planAssignments(
  reviewers: readonly ReviewerProfile[],
  applications: readonly ApplicationToAssign[],
  perApplication: number,
  currentLoad: ReadonlyMap<string, number>,
): AssignmentPlan {
  const load = new Map(reviewers.map((r) => [r.userId, currentLoad.get(r.userId) ?? 0]));
  const exclusions: Exclusion[] = [];
  const eligible = new Map<string, ReviewerProfile[]>();
  for (const application of applications) {
    const list: ReviewerProfile[] = [];
    for (const reviewer of reviewers) {
      const exclusion = exclusionFor(reviewer, application);
      if (!exclusion) list.push(reviewer);
      else if (exclusion.reason !== 'already-assigned') exclusions.push(exclusion);
    }
    eligible.set(application.applicationId, list);
  }
  const order = [...applications].sort(
    (a, b) =>
      eligible.get(a.applicationId)!.length - eligible.get(b.applicationId)!.length || a.applicationId.localeCompare(b.applicationId),
  );
  const assignments: AssignmentPlan['assignments'] = [];
  const shortfalls: AssignmentPlan['shortfalls'] = [];
  for (const application of order) {
    const wanted = Math.max(0, perApplication - application.assignedReviewerIds.length);
    const chosen = [...eligible.get(application.applicationId)!]
      .sort((a, b) => load.get(a.userId)! - load.get(b.userId)! || a.name.localeCompare(b.name, 'nb') || a.userId.localeCompare(b.userId))
      .slice(0, wanted);
    for (const reviewer of chosen) {
      assignments.push({ applicationId: application.applicationId, reviewerId: reviewer.userId });
      load.set(reviewer.userId, load.get(reviewer.userId)! + 1);
    }
    if (chosen.length < wanted) shortfalls.push({ applicationId: application.applicationId, missing: wanted - chosen.length });
  }
  return { assignments, exclusions, shortfalls };
}

export type DeclarationProblem = 'kind' | 'textRequired' | 'tooLong';

export type Declaration = { conflict: false } | { conflict: true; kind: ConflictKind; text: string };

/** Parses a declaration: no conflict, or a typed conflict with a text saying what it is. */
export function parseDeclaration(input: {
  conflict: string | undefined;
  kind: string | undefined;
  text: string | undefined;
}): { ok: true; declaration: Declaration } | { ok: false; problems: DeclarationProblem[] } {
  const text = (input.text ?? '').trim();
  if (input.conflict === 'no') return { ok: true, declaration: { conflict: false } };
  const problems: DeclarationProblem[] = [];
  if (input.conflict !== 'yes' || !input.kind || !isConflictKind(input.kind)) problems.push('kind');
  if (text === '') problems.push('textRequired');
  if (text.length > MAX_TEXT) problems.push('tooLong');
  if (problems.length > 0 || !input.kind || !isConflictKind(input.kind)) return { ok: false, problems };
  return { ok: true, declaration: { conflict: true, kind: input.kind, text } };
}

/** The declaration moves the assignment: no conflict opens the application, a conflict removes the reviewer. */
export function declare(
  state: AssignmentState,
  declaration: Declaration,
): Transitioned<AssignmentState, AssignmentAction> | Refused<AssessmentProblem> {
  return assignmentWorkflow.apply(state, declaration.conflict ? 'declareConflict' : 'declareNoConflict');
}

// Scoring ---------------------------------------------------------------------------------------

export const MAX_TEXT = 10_000;

export interface CriterionScore {
  score: number | null;
  rationale: string;
}
/** One reviewer's scores for one application, by criterion key. */
export type ScoreSheet = Record<string, CriterionScore>;

export type ScoreParseProblem = { criterionKey: string; code: 'badScore' | 'tooLong' };
export type ScoreIssue = { criterionKey: string; code: 'missingScore' | 'missingRationale' };

/**
 * Reads posted fields `score-<key>` and `rationale-<key>`. An empty score is a draft's gap; a
 * score that is not a whole number on the scale, or an over-long text, is bad input and refused.
 */
export function parseScoreSheet(
  criteria: readonly ReviewCriterion[],
  scale: ScoreScale,
  field: (name: string) => string | undefined,
  textField = 'rationale',
): { sheet: ScoreSheet; problems: ScoreParseProblem[] } {
  const sheet: ScoreSheet = {};
  const problems: ScoreParseProblem[] = [];
  for (const criterion of criteria) {
    const raw = (field(`score-${criterion.key}`) ?? '').trim();
    const rationale = (field(`${textField}-${criterion.key}`) ?? '').trim();
    let score: number | null = null;
    if (raw !== '') {
      if (!/^\d{1,3}$/.test(raw) || Number(raw) < scale.min || Number(raw) > scale.max)
        problems.push({ criterionKey: criterion.key, code: 'badScore' });
      else score = Number(raw);
    }
    if (rationale.length > MAX_TEXT) problems.push({ criterionKey: criterion.key, code: 'tooLong' });
    sheet[criterion.key] = { score, rationale };
  }
  return { sheet, problems };
}

/** What is missing: a draft saves with these as warnings; submitting is refused while any remain. */
export function sheetIssues(criteria: readonly ReviewCriterion[], sheet: ScoreSheet): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  for (const criterion of criteria) {
    const entry = sheet[criterion.key];
    if (entry?.score === null || entry?.score === undefined) issues.push({ criterionKey: criterion.key, code: 'missingScore' });
    if (!entry || entry.rationale.trim() === '') issues.push({ criterionKey: criterion.key, code: 'missingRationale' });
  }
  return issues;
}

export interface Scored {
  submitted: boolean;
  /** What a draft still lacks (a submission lacks nothing). */
  warnings: ScoreIssue[];
  /** The assignment's move when submitted; a draft leaves it declared. */
  transition: Transitioned<AssignmentState, AssignmentAction> | null;
}

/**
 * Saves a draft (never refused for what is missing: the gaps come back as warnings) or submits
 * (refused while anything is missing). Only a reviewer who declared no conflict scores, and not
 * while the application is paused by a flag.
 */
export function scoreApplication(
  state: AssignmentState,
  reviewState: ReviewState,
  criteria: readonly ReviewCriterion[],
  sheet: ScoreSheet,
  submit: boolean,
): Scored | Refused<AssessmentProblem> {
  const transition = assignmentWorkflow.apply(state, 'submitScores');
  if (isRefused(transition)) return transition;
  const issues = sheetIssues(criteria, sheet);
  if (!submit) return { submitted: false, warnings: issues, transition: null };
  if (reviewState === 'paused') return refuse({ kind: 'paused' });
  if (issues.length > 0) return refuse({ kind: 'incomplete', issues });
  return { submitted: true, warnings: [], transition };
}

/** A submitted sheet may be reopened for rescoring until the consensus is recorded; every version is kept. */
export function reopenScores(
  state: AssignmentState,
  reviewState: ReviewState,
): Transitioned<AssignmentState, AssignmentAction> | Refused<AssessmentProblem> {
  if (reviewState === 'agreed') return refuse({ kind: 'agreed' });
  return assignmentWorkflow.apply(state, 'reopen');
}

// Consensus -------------------------------------------------------------------------------------

export interface AgreedScore {
  score: number;
  reasoning: string;
}
export type ConsensusSheet = Record<string, AgreedScore>;

/**
 * Records the agreed score and reasoning for every criterion at once, after at least one reviewer
 * submitted. Refused while the application is paused. Recording again keeps the earlier versions.
 */
export function recordConsensus(
  reviewState: ReviewState,
  criteria: readonly ReviewCriterion[],
  sheet: ScoreSheet,
  submittedSheets: number,
): Transitioned<ReviewState, ReviewAction> | Refused<AssessmentProblem> {
  if (reviewState === 'paused') return refuse({ kind: 'paused' });
  const move = reviewWorkflow.apply(reviewState, 'agree');
  if (isRefused(move)) return move;
  if (submittedSheets === 0) return refuse({ kind: 'noScores' });
  const issues = sheetIssues(criteria, sheet);
  if (issues.length > 0) return refuse({ kind: 'incomplete', issues });
  return move;
}

export function consensusOf(criteria: readonly ReviewCriterion[], sheet: ScoreSheet): ConsensusSheet {
  return Object.fromEntries(criteria.map((c) => [c.key, { score: sheet[c.key]!.score!, reasoning: sheet[c.key]!.rationale }]));
}

// Review moves on assignment and flags ----------------------------------------------------------

/** The review's move where the workflow allows it; elsewhere the review stays where it is (null). */
function reviewMoveIfAllowed(state: ReviewState, action: ReviewAction, to?: ReviewState): Transitioned<ReviewState, ReviewAction> | null {
  const move = reviewWorkflow.apply(state, action, to);
  return isRefused(move) ? null : move;
}

/** The first assignment starts the review; later ones leave it where it is. */
export function startReview(state: ReviewState): Transitioned<ReviewState, ReviewAction> | null {
  return reviewMoveIfAllowed(state, 'start');
}

export type FlagTextProblem = 'textRequired' | 'tooLong';

export function flagTextProblem(text: string): FlagTextProblem | undefined {
  if (text.trim() === '') return 'textRequired';
  if (text.length > MAX_TEXT) return 'tooLong';
  return undefined;
}

/** A raised flag pauses the application (a second flag keeps it paused). */
export function pauseReview(state: ReviewState): Transitioned<ReviewState, ReviewAction> | null {
  return reviewMoveIfAllowed(state, 'pause');
}

/**
 * Resolving the last open flag resumes the review where it belongs: agreed when a consensus is
 * recorded, in review when anyone is assigned, otherwise awaiting assignment.
 */
export function resumeReview(
  state: ReviewState,
  facts: { openFlagsAfter: number; consensusRecorded: boolean; assignments: number },
): Transitioned<ReviewState, ReviewAction> | null {
  if (facts.openFlagsAfter > 0) return null;
  return reviewMoveIfAllowed(state, 'resume', facts.consensusRecorded ? 'agreed' : facts.assignments > 0 ? 'in_review' : 'awaiting');
}

// Who may do what -------------------------------------------------------------------------------

export interface PoolMember {
  userId: string;
  name: string;
  kind: 'internal' | 'external';
  lead: boolean;
}

/** The lead reviewer may run the consensus where they declared no conflict; the owner always may. */
export function mayRecordConsensus(
  principal: Principal,
  ownerMayManage: boolean,
  pool: readonly PoolMember[],
  ownAssignmentState: AssignmentState | undefined,
): boolean {
  if (ownerMayManage) return true;
  const member = pool.find((m) => m.userId === principal.userId);
  return !!member?.lead && ownAssignmentState !== undefined && assignmentWorkflow.isIn('content', ownAssignmentState);
}

// Progress --------------------------------------------------------------------------------------

export interface AssignmentFact {
  applicationId: string;
  reviewerId: string;
  state: AssignmentState;
}

export interface ProgressCounts {
  assigned: number;
  declared: number;
  scored: number;
  conflicted: number;
}

const emptyCounts = (): ProgressCounts => ({ assigned: 0, declared: 0, scored: 0, conflicted: 0 });

function count(counts: ProgressCounts, state: AssignmentState) {
  if (assignmentWorkflow.isIn('active', state)) counts.assigned++;
  if (assignmentWorkflow.isIn('content', state)) counts.declared++;
  if (state === 'submitted') counts.scored++;
  if (state === 'conflicted') counts.conflicted++;
}

/** Assigned, declared, scored and conflicts, per reviewer and per application. */
export function progressOf(assignments: readonly AssignmentFact[]): {
  perReviewer: Map<string, ProgressCounts>;
  perApplication: Map<string, ProgressCounts>;
} {
  const perReviewer = new Map<string, ProgressCounts>();
  const perApplication = new Map<string, ProgressCounts>();
  for (const a of assignments) {
    if (!perReviewer.has(a.reviewerId)) perReviewer.set(a.reviewerId, emptyCounts());
    if (!perApplication.has(a.applicationId)) perApplication.set(a.applicationId, emptyCounts());
    count(perReviewer.get(a.reviewerId)!, a.state);
    count(perApplication.get(a.applicationId)!, a.state);
  }
  return { perReviewer, perApplication };
}

// Invitations to the pool ---------------------------------------------------------------------------

/** How long an invitation's link can be used. */
export const INVITATION_DAYS = 14;

/** Who the owner invites to the pool: the address the link goes to, the name, and the employer (for conflicts of interest). */
export interface ExpertInvitation {
  email: string;
  name: string;
  employer: string;
}

export type InvitationField = keyof ExpertInvitation;

/** The fields that keep an invitation from being sent, or the invitation as it will be stored. */
export function checkExpertInvitation(input: ExpertInvitation): InvitationField[] | ExpertInvitation {
  const invitation = { email: input.email.trim(), name: input.name.trim(), employer: input.employer.trim() };
  const problems: InvitationField[] = [];
  if (!isEmailAddress(invitation.email)) problems.push('email');
  if (invitation.name === '' || invitation.name.length > 200) problems.push('name');
  if (invitation.employer === '' || invitation.employer.length > 200) problems.push('employer');
  return problems.length > 0 ? problems : invitation;
}
