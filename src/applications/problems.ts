/** The one table from applications' problems to an HTTP status and a translated message. */
import { explanationText } from '../programmes/index.js';
import { formatInstant } from '../platform/i18n/index.js';
import { defineProblems } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import type { Issue } from '../programmes/index.js';
import type { ApplicationProblem, SubmissionProblem } from './model.js';

const deadlinePassed = (ctx: PageContext, deadline: Date | string, timeZone: string) =>
  ctx.t('applications.problem.deadline', { time: formatInstant(ctx.locale, deadline, timeZone) });

/** A finding on one part of the form, named by the part's label. */
export function issueError(ctx: PageContext, label: string, issue: Issue): FieldError {
  return { field: issue.part, message: `${label}: ${translate(ctx, `applications.issue.${issue.code}`, issue.params)}` };
}

/** One thing that blocks a submission, on the field it is about. */
export function blockerError(ctx: PageContext, blocker: SubmissionProblem, timeZone: string): FieldError {
  switch (blocker.kind) {
    case 'part':
      return issueError(ctx, blocker.label, blocker.issue);
    case 'rule':
      return { field: 'eligibility', message: explanationText(ctx, blocker) };
    case 'pending':
      return { field: 'members', message: ctx.t('applications.problem.pending', { names: blocker.names }) };
    case 'deadline':
      return { field: 'status', message: deadlinePassed(ctx, blocker.deadline, timeZone) };
  }
}

export const explainProblem = defineProblems<ApplicationProblem>({
  notFound: { status: 404, message: (ctx) => ctx.t('error.404.text') },
  callNotOpen: { status: 409, field: 'municipality', message: (ctx) => ctx.t('applications.start.closed') },
  readOnly: { status: 409, field: 'status', message: (ctx, p) => deadlinePassed(ctx, p.deadline, p.timeZone) },
  versionConflict: {
    status: 409,
    field: 'conflict',
    message: (ctx, p) =>
      ctx.t('applications.conflict.text', {
        name: p.changedByName ?? ctx.t('applications.conflict.someone'),
        version: p.currentVersion,
        base: p.baseVersion,
        parts: p.changedParts.length > 0 ? p.changedParts.join(', ') : ctx.t('applications.conflict.nothing'),
      }),
  },
  network: { status: 409, field: 'members', message: (ctx, p) => translate(ctx, `applications.problem.network.${p.reason}`) },
  networkChanged: { status: 409, field: 'members', message: (ctx) => ctx.t('applications.problem.networkChanged') },
  alreadyInRound: {
    status: 409,
    field: 'municipality',
    message: (ctx, p) =>
      ctx.t('applications.problem.alreadyInRound', {
        municipality: p.municipality,
        lead: p.leadName,
        date: formatInstant(ctx.locale, p.startedAt, p.timeZone),
      }),
  },
  tooManyFiles: { status: 400, field: 'attachments', message: (ctx, p) => ctx.t('applications.problem.tooManyFiles', { max: p.max }) },
  submissionBlocked: {
    status: 422,
    field: 'submit',
    message: (ctx, p) => p.blockers.map((b) => blockerError(ctx, b, p.timeZone).message).join(' '),
  },
});
