import type { MessageKey } from '../../platform/i18n/index.js';
import { translate } from '../../platform/ui/translate.js';
import type { FieldError } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import type { FormProblem } from '../call-form.js';
import type { CallContent } from '../model.js';
import type { CallTimeZone } from '../time.js';

export { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';

/** @deprecated untyped key: use platform/ui/translate's `translate` with a key the type checker knows. */
export function tx(ctx: PageContext, key: string, params: Record<string, string | number> = {}): string {
  return translate(ctx, key as MessageKey, params);
}
export { formatDay, formatInstant } from '../../platform/i18n/index.js';

export function fieldErrors(ctx: PageContext, problems: FormProblem[]): FieldError[] {
  return problems.map((problem) => ({ field: problem.field, message: tx(ctx, `programmes.problem.${problem.code}`, problem.params ?? {}) }));
}

export function fieldNames(ctx: PageContext, fields: (keyof CallContent)[]): string {
  return fields.map((field) => tx(ctx, `programmes.field.${field}`)).join(', ');
}

