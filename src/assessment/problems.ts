/**
 * Why the assessment refuses a change, and how each refusal reads to a person: one table from
 * problem to HTTP status and translated message, which the routes apply in one place.
 */
import { defineProblems, type VersionConflict } from '../platform/outcome.js';
import type { IllegalTransition } from '../platform/workflow.js';
import { translate } from '../platform/ui/translate.js';
import type { Exclusion, InvitationField, ScoreIssue } from './model.js';
import { exclusionText } from './texts.js';
import type { AssignmentAction, AssignmentState, ReviewAction, ReviewState } from './workflows.js';

export type AssessmentProblem =
  | { kind: 'notFound' }
  | { kind: 'notSubmitted' }
  | { kind: 'beforeDeadline' }
  | { kind: 'notInPool' }
  | { kind: 'notCandidate' }
  | { kind: 'alreadyMember' }
  | { kind: 'hasAssignments' }
  | { kind: 'invitationIncomplete'; fields: InvitationField[] }
  /** The address already has an invitation to this pool that is not answered. */
  | { kind: 'invitationOpen'; email: string }
  /** No such link, or the owner withdrew it. */
  | { kind: 'invitationUnknown' }
  | { kind: 'invitationUsed' }
  | { kind: 'invitationExpired' }
  /** A conflict of interest the platform knows bars the reviewer from the application. */
  | { kind: 'excluded'; exclusion: Exclusion; reviewerName: string }
  | IllegalTransition<AssignmentState, AssignmentAction>
  | IllegalTransition<ReviewState, ReviewAction>
  | { kind: 'paused' }
  /** The consensus is recorded: submitted scores can no longer be reopened. */
  | { kind: 'agreed' }
  | { kind: 'incomplete'; issues: ScoreIssue[] }
  | { kind: 'noScores' }
  | { kind: 'resolved' }
  | VersionConflict;

export const explainProblem = defineProblems<AssessmentProblem>({
  notFound: { status: 404, message: (ctx) => ctx.t('assessment.problem.notFound') },
  notSubmitted: { status: 404, message: (ctx) => ctx.t('assessment.problem.notSubmitted') },
  beforeDeadline: { status: 409, message: (ctx) => ctx.t('assessment.problem.beforeDeadline') },
  notInPool: { status: 400, message: (ctx) => ctx.t('assessment.problem.notInPool') },
  notCandidate: { status: 400, message: (ctx) => ctx.t('assessment.problem.notCandidate') },
  alreadyMember: { status: 409, message: (ctx) => ctx.t('assessment.problem.alreadyMember') },
  hasAssignments: { status: 409, message: (ctx) => ctx.t('assessment.problem.hasAssignments') },
  invitationIncomplete: {
    status: 400,
    message: (ctx, p) => p.fields.map((field) => ctx.t(`assessment.invitation.problem.${field}`)).join(' '),
  },
  invitationOpen: { status: 409, message: (ctx, p) => translate(ctx, 'assessment.invitation.problem.open', { email: p.email }) },
  invitationUnknown: { status: 404, message: (ctx) => ctx.t('assessment.invitation.problem.unknown') },
  invitationUsed: { status: 409, message: (ctx) => ctx.t('assessment.invitation.problem.used') },
  invitationExpired: { status: 410, message: (ctx) => ctx.t('assessment.invitation.problem.expired') },
  excluded: {
    status: 409,
    message: (ctx, p) => `${ctx.t('assessment.problem.excluded')} ${exclusionText(ctx, p.exclusion, p.reviewerName)}`,
  },
  illegalTransition: { status: 409, message: (ctx) => ctx.t('assessment.problem.illegal') },
  paused: { status: 409, message: (ctx) => ctx.t('assessment.problem.paused') },
  agreed: { status: 409, message: (ctx) => ctx.t('assessment.problem.agreed') },
  incomplete: { status: 400, message: (ctx) => ctx.t('assessment.problem.incomplete') },
  noScores: { status: 409, message: (ctx) => ctx.t('assessment.problem.noScores') },
  resolved: { status: 409, message: (ctx) => ctx.t('assessment.problem.resolved') },
  versionConflict: {
    status: 409,
    message: (ctx, p) => translate(ctx, 'assessment.conflict.lead', { base: p.baseVersion, current: p.currentVersion }),
  },
});
