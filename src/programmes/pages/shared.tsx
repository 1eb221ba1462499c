/** @deprecated The UI kit other capabilities took from programmes: it lives in platform/ui and platform/i18n now. */
import type { MessageKey } from '../../platform/i18n/index.js';
import type { PageContext } from '../../platform/ui/context.js';
import { translate } from '../../platform/ui/translate.js';

export { Checkbox, Select, TextArea, TextField } from '../../platform/ui/fields.js';
export { formatDay, formatInstant } from '../../platform/i18n/index.js';

/** @deprecated untyped key: use platform/ui/translate's `translate` with a key the type checker knows. */
export function tx(ctx: PageContext, key: string, params: Record<string, string | number> = {}): string {
  return translate(ctx, key as MessageKey, params);
}
