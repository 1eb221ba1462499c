import { formatNumber, translator, type Locale, type MessageKey } from '../i18n/index.js';
import type { PageContext } from './context.js';

/**
 * Translates a key chosen at run time (a problem's code, a rule's explanation) with numbers
 * formatted for the language. The key is still a key of the catalogue: the type checker refuses
 * one that is not (build it as a template literal over the union of codes).
 */
export function translate(
  ctx: Pick<PageContext, 'locale'> | Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const locale = typeof ctx === 'string' ? ctx : ctx.locale;
  const formatted = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(locale, value) : value]),
  );
  return (translator(locale) as (key: MessageKey, params: Record<string, string>) => string)(key, formatted);
}
