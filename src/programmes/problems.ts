/**
 * Why the programmes' use cases refuse, and how each refusal reads: one table from problem kind to
 * HTTP status and translated message, which the routes apply in one place.
 */
import type { MessageKey } from '../platform/i18n/index.js';
import { defineProblems, type VersionConflict } from '../platform/outcome.js';
import type { FieldError } from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import type { ExtensionProblem } from './extensions.js';
import type { CallStatus, ContentProblem } from './model.js';
import type { QuestionProblem, QuestionStatus } from './questions.js';
import { callWorkflow, questionWorkflow, type CallAction } from './workflows.js';

/** A problem with one field of a form: its code names the message (`programmes.problem.<code>`). */
export interface FieldProblem {
  field: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

/** The record a stale version was about. */
export type Conflict = VersionConflict & { record: 'call' | 'template' | 'extension' | 'question' };

export type ProgrammeProblem =
  | { kind: 'callNotFound' }
  | { kind: 'extensionNotFound' }
  | { kind: 'questionNotFound' }
  | { kind: 'templateNotFound' }
  | Conflict
  | { kind: 'callIllegal'; status: CallStatus; action: CallAction }
  | { kind: 'questionIllegal'; status: QuestionStatus }
  | { kind: 'invalidCall'; problems: ContentProblem[] }
  /** What the owner typed keeps the exception from being granted or revoked. */
  | { kind: 'invalidExtension'; problems: ExtensionProblem[] }
  /** The call or the exception stands where it cannot be granted or revoked (one exists, used, revoked, call not open). */
  | { kind: 'extensionRefused'; problems: ExtensionProblem[] }
  | { kind: 'invalidQuestion'; problems: QuestionProblem[] };

const CONFLICT_MESSAGE: Record<Conflict['record'], MessageKey> = {
  call: 'programmes.conflict.title',
  template: 'programmes.problem.templateConflict',
  extension: 'programmes.problem.extensionConflict',
  question: 'programmes.conflict.title',
};

/** Codes of the problems the forms find while parsing (call, programme, extension and template editor). */
type FormCode =
  | 'notANumber'
  | 'badDate'
  | 'badDateTime'
  | 'nonexistentTime'
  | 'badInstant'
  | 'nonexistentInstant'
  | 'municipalityUnknown'
  | 'municipalityAmbiguous'
  | 'periodOrder'
  | 'badEmail'
  | 'badColumn'
  | 'badLimit'
  | 'duplicateKey'
  | 'emptyTitle'
  | 'fileLimit'
  | 'horizonYear'
  | 'noColumns'
  | 'noOptions'
  | 'noParts'
  | 'noSections'
  | 'noTypes';
type ProblemCode = ContentProblem['code'] | ExtensionProblem['code'] | QuestionProblem['code'] | FormCode;

const problemText = (ctx: PageContext, problem: { code: ProblemCode; params?: Record<string, string | number> }) =>
  translate(ctx, `programmes.problem.${problem.code}`, problem.params ?? {});
const first = (ctx: PageContext, problems: readonly { code: ProblemCode; params?: Record<string, string | number> }[]) =>
  problems[0] ? problemText(ctx, problems[0]) : '';
const notFound = (ctx: PageContext) => ctx.t('error.404.text');

export const explainProblem = defineProblems<ProgrammeProblem>({
  callNotFound: { status: 404, message: notFound },
  extensionNotFound: { status: 404, message: notFound },
  questionNotFound: { status: 404, message: notFound },
  templateNotFound: { status: 404, message: notFound },
  versionConflict: { status: 409, message: (ctx, problem) => translate(ctx, CONFLICT_MESSAGE[problem.record]) },
  callIllegal: {
    status: 409,
    field: 'title',
    message: (ctx, problem) => ctx.t('programmes.problem.illegal', { status: callWorkflow.name(problem.status, 'staff', ctx.locale) }),
  },
  questionIllegal: {
    status: 409,
    field: 'status',
    message: (ctx, problem) =>
      ctx.t('programmes.problem.qaIllegal', { status: questionWorkflow.name(problem.status, 'staff', ctx.locale) }),
  },
  invalidCall: { status: 400, message: (ctx, problem) => first(ctx, problem.problems) },
  invalidExtension: { status: 400, message: (ctx, problem) => first(ctx, problem.problems) },
  extensionRefused: { status: 409, message: (ctx, problem) => first(ctx, problem.problems) },
  invalidQuestion: { status: 400, message: (ctx, problem) => first(ctx, problem.problems) },
});

/** Every field error a problem names (several for a form's content), fields renamed by `where`. */
export function problemErrors(
  ctx: PageContext,
  problem: ProgrammeProblem,
  where: (field: string) => string = (field) => field,
): FieldError[] {
  if ('problems' in problem) return problem.problems.map((p) => ({ field: where(p.field), message: problemText(ctx, p) }));
  const explained = explainProblem(ctx, problem);
  return [{ field: where(explained.field ?? 'title'), message: explained.message }];
}

/** The field errors of a form's own problems (found while parsing it). */
export function fieldErrors(ctx: PageContext, problems: readonly FieldProblem[]): FieldError[] {
  return problems.map((problem) => ({ field: problem.field, message: problemText(ctx, problem) }));
}
