/** Why the projects' use cases refuse, and how each refusal reads: its status and its messages at their fields. */
import { formatNumber } from '../platform/i18n/index.js';
import type { FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import type { FollowUpIssue, PlanIssue, ReportIssue } from './model.js';
import type { ProjectProblem } from './use-cases.js';

export interface Explained {
  status: 400 | 404 | 409 | 422;
  errors: FieldError[];
}

function followUpError(ctx: PageContext, issue: FollowUpIssue): FieldError {
  switch (issue.code) {
    case 'sharesNot100':
      return { field: 'tranche-0-share', message: translate(ctx, 'projects.problem.sharesNot100', { total: issue.total }) };
    case 'reminderDays':
      return { field: 'reminderDays', message: ctx.t('projects.problem.reminderDays') };
    case 'trancheShare':
    case 'trancheCondition':
      return {
        field: `tranche-${issue.row}-${issue.code === 'trancheShare' ? 'share' : 'condition'}`,
        message: translate(ctx, `projects.problem.${issue.code}`, { n: issue.row + 1 }),
      };
    default: {
      const field = { periodTitle: 'title', periodDue: 'due', periodKind: 'kind', finalNotLast: 'due', twoFinals: 'kind' }[issue.code];
      return { field: `period-${issue.row}-${field}`, message: translate(ctx, `projects.problem.${issue.code}`, { n: issue.row + 1 }) };
    }
  }
}

function planError(ctx: PageContext, issue: PlanIssue): FieldError {
  switch (issue.code) {
    case 'overGrant':
      return {
        field: 'bud-shared-own-staff-grant',
        message: translate(ctx, 'projects.problem.overGrant', {
          budgeted: formatNumber(ctx.locale, issue.budgeted),
          grant: formatNumber(ctx.locale, issue.grant),
        }),
      };
    case 'indicator':
    case 'activity':
    case 'budgetLine':
      return {
        field: `${issue.code === 'indicator' ? 'ind' : issue.code === 'activity' ? 'act' : 'bud'}-${issue.row}-${issue.code === 'indicator' ? 'name' : 'title'}`,
        message: translate(ctx, `projects.problem.plan.${issue.code}`, { n: issue.row + 1 }),
      };
    default:
      return {
        field: {
          purpose: 'purpose',
          dates: 'startsOn',
          goals: 'goal-0-text',
          projectLeader: 'projectLeader',
          tripartite: 'elected',
          ministry: 'ministryRepresentative',
          countyGovernor: 'countyGovernorContact',
          councilDecision: 'councilDate',
        }[issue.code],
        message: ctx.t(`projects.problem.plan.${issue.code}`),
      };
  }
}

function reportError(ctx: PageContext, issue: ReportIssue): FieldError {
  if (issue.code === 'answer') return { field: `q-${issue.key}`, message: ctx.t('projects.problem.report.answer') };
  if (issue.code === 'step') return { field: 'step', message: ctx.t('projects.problem.report.step') };
  return {
    field: 'spent-own-staff-grant',
    message: translate(ctx, 'projects.problem.report.overSpent', {
      spent: formatNumber(ctx.locale, issue.spent),
      grant: formatNumber(ctx.locale, issue.grant),
    }),
  };
}

export function explainProblem(ctx: PageContext, problem: ProjectProblem): Explained {
  const one = (status: Explained['status'], field: string, message: string): Explained => ({ status, errors: [{ field, message }] });
  switch (problem.kind) {
    case 'versionConflict':
      return one(
        409,
        'version',
        problem.changedByName
          ? translate(ctx, 'projects.problem.versionBy', { name: problem.changedByName })
          : ctx.t('projects.problem.version'),
      );
    case 'projectNotFound':
      return one(404, 'version', ctx.t('projects.problem.notFound'));
    case 'wrongState':
      return one(409, 'version', ctx.t('projects.problem.wrongState'));
    case 'followUpInvalid':
      return { status: 400, errors: problem.issues.map((i) => followUpError(ctx, i)) };
    case 'planIncomplete':
      return { status: 422, errors: problem.issues.map((i) => planError(ctx, i)) };
    case 'reportIncomplete':
      return { status: 422, errors: problem.issues.map((i) => reportError(ctx, i)) };
    case 'periodUnknown':
      return one(404, 'version', ctx.t('projects.problem.periodUnknown'));
    case 'commentMissing':
      return one(400, 'decisionReason', ctx.t('projects.problem.commentMissing'));
    case 'trancheNotDue':
      return one(409, 'version', ctx.t('projects.problem.trancheNotDue'));
    case 'trancheAsked':
      return one(409, 'version', ctx.t('projects.problem.trancheAsked'));
    case 'overGrant':
      return one(
        409,
        'version',
        translate(ctx, 'projects.problem.releaseOverGrant', {
          released: formatNumber(ctx.locale, problem.released),
          amount: formatNumber(ctx.locale, problem.amount),
          grant: formatNumber(ctx.locale, problem.grant),
        }),
      );
    case 'badEmail':
      return one(400, 'email', ctx.t('projects.problem.badEmail'));
    case 'personUnknown':
      return one(404, 'email', translate(ctx, 'projects.problem.personUnknown', { email: problem.email }));
    case 'alreadyEvaluator':
      return one(409, 'email', translate(ctx, 'projects.problem.alreadyEvaluator', { name: problem.name }));
    case 'gatheringNotFound':
      return one(404, 'version', ctx.t('projects.problem.gatheringNotFound'));
    case 'callNotOpen':
      return one(409, 'call', ctx.t('projects.problem.callNotOpen'));
    case 'alreadyInRound':
      return one(409, 'call', translate(ctx, 'projects.problem.alreadyInRound', { other: problem.other }));
    case 'changeInvalid':
      return one(400, 'reason', ctx.t('projects.problem.changeInvalid'));
    case 'membersInvalid':
      return one(400, 'join-0', ctx.t('projects.problem.membersInvalid'));
  }
}
