/**
 * Assessment of submitted applications (vurdering): the reviewer pool, conflicts of interest
 * (habilitet) excluded where the platform can know them, assignment balanced over the pool,
 * scoring per criterion with a rationale, consensus, and flags that pause an application. Two
 * workflows as typed tables with staff and public names: the application's review and each
 * reviewer's assignment. Transitions accept only the states they are legal from and return the
 * new state with the event to audit. Pure: no IO.
 */
import type { Principal } from '../platform/auth/model.js';
import type { CallContent } from '../programmes/model.js';

import { nameOfState, type Audience, type Names, type WorkflowStates } from '../platform/workflow.js';

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

// The application's review ----------------------------------------------------------------------

export const REVIEW_STATES = {
  awaiting: {
    staff: { nb: 'Venter på fordeling', nn: 'Ventar på fordeling', da: 'Afventer fordeling', en: 'Awaiting assignment' },
    public: { nb: 'Mottatt', nn: 'Motteken', da: 'Modtaget', en: 'Received' },
  },
  in_review: {
    staff: { nb: 'Til vurdering', nn: 'Til vurdering', da: 'Under vurdering', en: 'In review' },
    public: { nb: 'Under vurdering', nn: 'Under vurdering', da: 'Under vurdering', en: 'Being assessed' },
  },
  paused: {
    staff: { nb: 'Satt på vent (flagget)', nn: 'Sett på vent (flagga)', da: 'Sat i bero (markeret)', en: 'Paused (flagged)' },
    public: { nb: 'Under vurdering', nn: 'Under vurdering', da: 'Under vurdering', en: 'Being assessed' },
  },
  agreed: {
    staff: { nb: 'Omforent vurdering', nn: 'Samstemt vurdering', da: 'Fælles vurdering', en: 'Consensus recorded' },
    public: { nb: 'Vurdert', nn: 'Vurdert', da: 'Vurderet', en: 'Assessed' },
  },
} as const satisfies WorkflowStates;

export type ReviewState = keyof typeof REVIEW_STATES;
export const REVIEW_STATE_NAMES = Object.keys(REVIEW_STATES) as ReviewState[];

export const REVIEW_TRANSITIONS = {
  start: { from: ['awaiting'], to: ['in_review'] },
  pause: { from: ['awaiting', 'in_review', 'agreed'], to: ['paused'] },
  resume: { from: ['paused'], to: ['awaiting', 'in_review', 'agreed'] },
  agree: { from: ['in_review', 'agreed'], to: ['agreed'] },
} as const satisfies Record<string, { from: readonly ReviewState[]; to: readonly ReviewState[] }>;
export type ReviewTransition = keyof typeof REVIEW_TRANSITIONS;

// A reviewer's assignment -----------------------------------------------------------------------

export const ASSIGNMENT_STATES = {
  assigned: {
    staff: { nb: 'Tildelt, venter på habilitetserklæring', nn: 'Tildelt, ventar på habilitetserklæring', da: 'Tildelt, afventer habilitetserklæring', en: 'Assigned, awaiting declaration' },
    public: { nb: 'Under vurdering', nn: 'Under vurdering', da: 'Under vurdering', en: 'Being assessed' },
  },
  declared: {
    staff: { nb: 'Erklært habil, scorer', nn: 'Erklært habil, scorar', da: 'Erklæret habil, scorer', en: 'Declared, scoring' },
    public: { nb: 'Under vurdering', nn: 'Under vurdering', da: 'Under vurdering', en: 'Being assessed' },
  },
  submitted: {
    staff: { nb: 'Poeng sendt inn', nn: 'Poeng sende inn', da: 'Point indsendt', en: 'Scores submitted' },
    public: { nb: 'Under vurdering', nn: 'Under vurdering', da: 'Under vurdering', en: 'Being assessed' },
  },
  conflicted: {
    staff: { nb: 'Inhabil, fjernet', nn: 'Inhabil, fjerna', da: 'Inhabil, fjernet', en: 'Conflict declared, removed' },
    public: { nb: 'Under vurdering', nn: 'Under vurdering', da: 'Under vurdering', en: 'Being assessed' },
  },
  withdrawn: {
    staff: { nb: 'Tildeling trukket', nn: 'Tildeling trekt', da: 'Tildeling trukket tilbage', en: 'Assignment withdrawn' },
    public: { nb: 'Under vurdering', nn: 'Under vurdering', da: 'Under vurdering', en: 'Being assessed' },
  },
} as const satisfies WorkflowStates;

export type AssignmentState = keyof typeof ASSIGNMENT_STATES;

export const ASSIGNMENT_TRANSITIONS = {
  declareNoConflict: { from: ['assigned'], to: 'declared' },
  declareConflict: { from: ['assigned'], to: 'conflicted' },
  submitScores: { from: ['declared'], to: 'submitted' },
  reopen: { from: ['submitted'], to: 'declared' },
  unassign: { from: ['assigned', 'declared', 'submitted'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly AssignmentState[]; to: AssignmentState }>;
export type AssignmentTransition = keyof typeof ASSIGNMENT_TRANSITIONS;

/** States in which the assignment counts: the reviewer still works on (or has scored) the application. */
export const ACTIVE_ASSIGNMENT_STATES: readonly AssignmentState[] = ['assigned', 'declared', 'submitted'];
/** States in which the reviewer may see the application's content: after declaring no conflict. */
export const CONTENT_STATES: readonly AssignmentState[] = ['declared', 'submitted'];

export function reviewStateName(state: ReviewState, audience: Audience, locale: keyof Names): string {
  return nameOfState(REVIEW_STATES, state, audience, locale);
}

export function assignmentStateName(state: AssignmentState, locale: keyof Names): string {
  return nameOfState(ASSIGNMENT_STATES, state, 'staff', locale);
}

export interface Transitioned<S extends string> {
  from: S;
  to: S;
  action: string;
}

export type TransitionResult<S extends string, P extends string = 'illegal'> = ({ ok: true } & Transitioned<S>) | { ok: false; problem: P | 'illegal' };

export function assignmentTransition(state: AssignmentState, action: AssignmentTransition): TransitionResult<AssignmentState> {
  const rule = ASSIGNMENT_TRANSITIONS[action];
  if (!(rule.from as readonly AssignmentState[]).includes(state)) return { ok: false, problem: 'illegal' };
  return { ok: true, from: state, to: rule.to, action };
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
export function planAssignments(reviewers: readonly ReviewerProfile[], applications: readonly ApplicationToAssign[], perApplication: number, currentLoad: ReadonlyMap<string, number>): AssignmentPlan {
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
  const order = [...applications].sort((a, b) => eligible.get(a.applicationId)!.length - eligible.get(b.applicationId)!.length || a.applicationId.localeCompare(b.applicationId));
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
export function parseDeclaration(input: { conflict: string | undefined; kind: string | undefined; text: string | undefined }): { ok: true; declaration: Declaration } | { ok: false; problems: DeclarationProblem[] } {
  const text = (input.text ?? '').trim();
  if (input.conflict === 'no') return { ok: true, declaration: { conflict: false } };
  const problems: DeclarationProblem[] = [];
  if (input.conflict !== 'yes' || !input.kind || !isConflictKind(input.kind)) problems.push('kind');
  if (text === '') problems.push('textRequired');
  if (text.length > MAX_TEXT) problems.push('tooLong');
  if (problems.length > 0 || !input.kind || !isConflictKind(input.kind)) return { ok: false, problems };
  return { ok: true, declaration: { conflict: true, kind: input.kind, text } };
}

export function declare(state: AssignmentState, declaration: Declaration): TransitionResult<AssignmentState> {
  return assignmentTransition(state, declaration.conflict ? 'declareConflict' : 'declareNoConflict');
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
export function parseScoreSheet(criteria: readonly ReviewCriterion[], scale: ScoreScale, body: Record<string, string | undefined>, textField = 'rationale'): { sheet: ScoreSheet; problems: ScoreParseProblem[] } {
  const sheet: ScoreSheet = {};
  const problems: ScoreParseProblem[] = [];
  for (const criterion of criteria) {
    const raw = (body[`score-${criterion.key}`] ?? '').trim();
    const rationale = (body[`${textField}-${criterion.key}`] ?? '').trim();
    let score: number | null = null;
    if (raw !== '') {
      if (!/^\d{1,3}$/.test(raw) || Number(raw) < scale.min || Number(raw) > scale.max) problems.push({ criterionKey: criterion.key, code: 'badScore' });
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

export type ScoringResult =
  | { ok: true; submitted: boolean; warnings: ScoreIssue[]; transition: Transitioned<AssignmentState> | null }
  | { ok: false; problem: 'illegal' | 'paused' | 'incomplete'; issues: ScoreIssue[] };

/**
 * Saves a draft (never refused for what is missing: the gaps come back as warnings) or submits
 * (refused while anything is missing). Only a reviewer who declared no conflict scores, and not
 * while the application is paused by a flag.
 */
export function scoreApplication(state: AssignmentState, reviewState: ReviewState, criteria: readonly ReviewCriterion[], sheet: ScoreSheet, submit: boolean): ScoringResult {
  if (state !== 'declared') return { ok: false, problem: 'illegal', issues: [] };
  const issues = sheetIssues(criteria, sheet);
  if (!submit) return { ok: true, submitted: false, warnings: issues, transition: null };
  if (reviewState === 'paused') return { ok: false, problem: 'paused', issues: [] };
  if (issues.length > 0) return { ok: false, problem: 'incomplete', issues };
  const transition = assignmentTransition(state, 'submitScores');
  if (!transition.ok) return { ok: false, problem: 'illegal', issues: [] };
  return { ok: true, submitted: true, warnings: [], transition };
}

/** A submitted sheet may be reopened for rescoring until the consensus is recorded; every version is kept. */
export function reopenScores(state: AssignmentState, reviewState: ReviewState): TransitionResult<AssignmentState, 'agreed'> {
  if (reviewState === 'agreed') return { ok: false, problem: 'agreed' };
  return assignmentTransition(state, 'reopen');
}

// Consensus -------------------------------------------------------------------------------------

export interface AgreedScore {
  score: number;
  reasoning: string;
}
export type ConsensusSheet = Record<string, AgreedScore>;

export type ConsensusResult = ({ ok: true } & Transitioned<ReviewState>) | { ok: false; problem: 'paused' | 'noScores' | 'illegal' } | { ok: false; problem: 'incomplete'; issues: ScoreIssue[] };

/**
 * Records the agreed score and reasoning for every criterion at once, after at least one reviewer
 * submitted. Refused while the application is paused. Recording again keeps the earlier versions.
 */
export function recordConsensus(reviewState: ReviewState, criteria: readonly ReviewCriterion[], sheet: ScoreSheet, submittedSheets: number): ConsensusResult {
  if (reviewState === 'paused') return { ok: false, problem: 'paused' };
  const move = reviewMove(reviewState, 'agree', 'agreed');
  if (!move) return { ok: false, problem: 'illegal' };
  if (submittedSheets === 0) return { ok: false, problem: 'noScores' };
  const issues = sheetIssues(criteria, sheet);
  if (issues.length > 0) return { ok: false, problem: 'incomplete', issues };
  return { ok: true, ...move };
}

export function consensusOf(criteria: readonly ReviewCriterion[], sheet: ScoreSheet): ConsensusSheet {
  return Object.fromEntries(criteria.map((c) => [c.key, { score: sheet[c.key]!.score!, reasoning: sheet[c.key]!.rationale }]));
}

// Review transitions on assignment and flags ----------------------------------------------------

/** A review transition as the table allows it, or null where the table does not. */
function reviewMove(state: ReviewState, action: ReviewTransition, to: ReviewState): Transitioned<ReviewState> | null {
  const rule = REVIEW_TRANSITIONS[action];
  if (!(rule.from as readonly ReviewState[]).includes(state) || !(rule.to as readonly ReviewState[]).includes(to)) return null;
  return { from: state, to, action };
}

/** The first assignment starts the review; later ones leave it where it is. */
export function startReview(state: ReviewState): Transitioned<ReviewState> | null {
  return reviewMove(state, 'start', 'in_review');
}

export type FlagProblem = 'textRequired' | 'tooLong' | 'resolved';

export function flagTextProblem(text: string): FlagProblem | undefined {
  if (text.trim() === '') return 'textRequired';
  if (text.length > MAX_TEXT) return 'tooLong';
  return undefined;
}

/** A raised flag pauses the application (a second flag keeps it paused). */
export function pauseReview(state: ReviewState): Transitioned<ReviewState> | null {
  return reviewMove(state, 'pause', 'paused');
}

/**
 * Resolving the last open flag resumes the review where it belongs: agreed when a consensus is
 * recorded, in review when anyone is assigned, otherwise awaiting assignment.
 */
export function resumeReview(state: ReviewState, facts: { openFlagsAfter: number; consensusRecorded: boolean; assignments: number }): Transitioned<ReviewState> | null {
  if (facts.openFlagsAfter > 0) return null;
  return reviewMove(state, 'resume', facts.consensusRecorded ? 'agreed' : facts.assignments > 0 ? 'in_review' : 'awaiting');
}

// Who may do what -------------------------------------------------------------------------------

export interface PoolMember {
  userId: string;
  name: string;
  kind: 'internal' | 'external';
  lead: boolean;
}

/** The lead reviewer may run the consensus where they declared no conflict; the owner always may. */
export function mayRecordConsensus(principal: Principal, ownerMayManage: boolean, pool: readonly PoolMember[], ownAssignmentState: AssignmentState | undefined): boolean {
  if (ownerMayManage) return true;
  const member = pool.find((m) => m.userId === principal.userId);
  return !!member?.lead && ownAssignmentState !== undefined && CONTENT_STATES.includes(ownAssignmentState);
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
  if (ACTIVE_ASSIGNMENT_STATES.includes(state)) counts.assigned++;
  if (CONTENT_STATES.includes(state)) counts.declared++;
  if (state === 'submitted') counts.scored++;
  if (state === 'conflicted') counts.conflicted++;
}

/** Assigned, declared, scored and conflicts, per reviewer and per application. */
export function progressOf(assignments: readonly AssignmentFact[]): { perReviewer: Map<string, ProgressCounts>; perApplication: Map<string, ProgressCounts> } {
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
