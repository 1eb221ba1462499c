/**
 * Why the selection's use cases refuse, and how each refusal reads: one table from problem to HTTP
 * status and message, and `refusalView`, the one way the routes turn a refusal into the page's
 * status, its errors (each at its field) or its note on a concurrent change.
 */
import { defineProblems, type RefusalStatus, type VersionConflict } from '../platform/outcome.js';
import { formatInstant } from '../platform/i18n/index.js';
import type { FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import type { Currency } from '../programmes/index.js';
import type { DecisionProblem, RuleBreach, SelectionWarning } from './model.js';
import { money } from './pages/parts.js';

/** What keeps one application from its decision, with the applicant it is about. */
export type DecisionLack = (DecisionProblem | { applicationId: string; field: 'state'; code: 'paused' | 'notCandidate' }) & {
  applicant: string;
};

export type SelectionProblem =
  | VersionConflict
  | { kind: 'selectionBreaksRules'; currency: Currency; breaches: RuleBreach[] }
  | { kind: 'decisionIncomplete'; lacks: DecisionLack[] }
  | { kind: 'nothingToDecide' }
  | { kind: 'nothingToPublish' }
  /** Four eyes: the person who prepared a decision cannot approve it. */
  | { kind: 'ownDecision'; applicant: string }
  | { kind: 'nothingToApprove' }
  | { kind: 'returnReasonMissing'; applicationId: string }
  | { kind: 'appealGroundsMissing' }
  | { kind: 'appealTooLate'; deadline: Date; timeZone: string }
  | { kind: 'appealExists' }
  | { kind: 'appealNotFound' }
  | { kind: 'appealReasonMissing'; applicationId: string }
  | { kind: 'appealAmountMissing'; applicationId: string };

/** A breach of the selection rules, or a warning, in the reader's language with its numbers, at its field. */
export function ruleMessage(ctx: PageContext, currency: Currency, problem: RuleBreach | SelectionWarning): FieldError {
  const amount = (value: number) => money(ctx, value, currency);
  switch (problem.kind) {
    case 'overBudget':
      return {
        field: 'summary',
        message: translate(ctx, 'selection.problem.overBudget', {
          granted: amount(problem.granted),
          budget: amount(problem.budget),
          excess: amount(problem.excess),
        }),
      };
    case 'overQuota':
      return { field: 'summary', message: translate(ctx, 'selection.problem.overQuota', { selected: problem.selected, max: problem.max }) };
    case 'underQuota':
      return {
        field: 'summary',
        message: translate(ctx, 'selection.warning.underQuota', { selected: problem.selected, min: problem.min }),
      };
    case 'roundOverExpected':
      return {
        field: 'summary',
        message: translate(ctx, 'selection.warning.roundOverExpected', {
          round: problem.round,
          selected: problem.selected,
          expected: problem.expected,
        }),
      };
    case 'aboveRequested':
      return {
        field: `amount-${problem.applicationId}`,
        message: translate(ctx, 'selection.warning.aboveRequested', {
          applicant: problem.applicant,
          amount: amount(problem.amount),
          requested: amount(problem.requested),
        }),
      };
    case 'notSelectable':
      return {
        field: `select-${problem.applicationId}`,
        message: translate(ctx, `selection.problem.notSelectable.${problem.why}`, { applicant: problem.applicant }),
      };
    case 'amountMissing':
      return {
        field: `amount-${problem.applicationId}`,
        message: translate(ctx, 'selection.problem.amountMissing', { applicant: problem.applicant }),
      };
    case 'reasonMissing':
      return {
        field: `reason-${problem.applicationId}`,
        message: translate(ctx, 'selection.problem.reasonMissing', { applicant: problem.applicant }),
      };
    case 'reasonTooLong':
      return {
        field: `reason-${problem.applicationId}`,
        message: translate(ctx, 'selection.problem.reasonTooLong', { applicant: problem.applicant, max: problem.max }),
      };
    case 'locked':
      return {
        field: `select-${problem.applicationId}`,
        message: translate(ctx, 'selection.problem.locked', { applicant: problem.applicant }),
      };
  }
}

/** The decisions form names its fields `summary-…` and `language-…`; the whole entry for its state. */
const FIELD_PREFIX = {
  reason: 'reason',
  conditions: 'conditions',
  publicSummary: 'summary',
  letterLanguage: 'language',
  state: 'decision',
} as const;

function lackMessage(ctx: PageContext, lack: DecisionLack): FieldError {
  return {
    field: `${FIELD_PREFIX[lack.field]}-${lack.applicationId}`,
    message: `${lack.applicant}: ${translate(ctx, `selection.decisions.problem.${lack.code}`)}`,
  };
}

const joined = (errors: FieldError[]) => errors.map((e) => e.message).join(' ');

const explain = defineProblems<SelectionProblem>({
  versionConflict: {
    status: 409,
    field: 'conflict',
    message: (ctx, p) =>
      translate(ctx, 'selection.conflict.text', {
        name: p.changedByName ?? ctx.t('selection.conflict.someone'),
        version: p.currentVersion,
      }),
  },
  selectionBreaksRules: {
    status: 422,
    field: 'selection-form',
    message: (ctx, p) => joined(p.breaches.map((b) => ruleMessage(ctx, p.currency, b))),
  },
  decisionIncomplete: { status: 422, field: 'decide-form', message: (ctx, p) => joined(p.lacks.map((l) => lackMessage(ctx, l))) },
  nothingToDecide: { status: 422, field: 'decide-form', message: (ctx) => ctx.t('selection.decisions.problem.nothingToDecide') },
  nothingToPublish: { status: 409, field: 'publish', message: (ctx) => ctx.t('selection.publish.nothing') },
  ownDecision: {
    status: 403,
    field: 'approve-form',
    message: (ctx, p) => translate(ctx, 'selection.approval.problem.own', { applicant: p.applicant }),
  },
  nothingToApprove: { status: 409, field: 'approve-form', message: (ctx) => ctx.t('selection.approval.problem.nothing') },
  returnReasonMissing: {
    status: 400,
    field: 'return-reason',
    message: (ctx) => ctx.t('selection.approval.problem.reason'),
  },
  appealGroundsMissing: { status: 400, field: 'grounds', message: (ctx) => ctx.t('selection.appeal.problem.grounds') },
  appealTooLate: {
    status: 409,
    field: 'grounds',
    message: (ctx, p) => translate(ctx, 'selection.appeal.problem.late', { deadline: formatInstant(ctx.locale, p.deadline, p.timeZone) }),
  },
  appealExists: { status: 409, field: 'grounds', message: (ctx) => ctx.t('selection.appeal.problem.exists') },
  appealNotFound: { status: 404, field: 'appeals', message: (ctx) => ctx.t('error.404.text') },
  appealReasonMissing: { status: 400, field: 'appeal-reason', message: (ctx) => ctx.t('selection.appeal.problem.reason') },
  appealAmountMissing: { status: 400, field: 'appeal-amount', message: (ctx) => ctx.t('selection.appeal.problem.amount') },
});

export interface RefusalView {
  status: RefusalStatus;
  errors: FieldError[];
  /** A concurrent change: the note on it, and the version the form starts from now. */
  conflict?: string;
  formVersion?: number;
}

/** A refusal as the page shows it: its status, one error per reason at its field, or the conflict note. */
export function refusalView(ctx: PageContext, problem: SelectionProblem): RefusalView {
  const { status, message, field } = explain(ctx, problem);
  switch (problem.kind) {
    case 'versionConflict':
      return { status, errors: [], conflict: message, formVersion: problem.currentVersion };
    case 'selectionBreaksRules':
      return { status, errors: problem.breaches.map((b) => ruleMessage(ctx, problem.currency, b)) };
    case 'decisionIncomplete':
      return { status, errors: problem.lacks.map((l) => lackMessage(ctx, l)) };
    case 'returnReasonMissing':
      return { status, errors: [{ field: `return-reason-${problem.applicationId}`, message }] };
    case 'appealReasonMissing':
      return { status, errors: [{ field: `appeal-reason-${problem.applicationId}`, message }] };
    case 'appealAmountMissing':
      return { status, errors: [{ field: `appeal-amount-${problem.applicationId}`, message }] };
    default:
      return { status, errors: [{ field: field!, message }] };
  }
}
