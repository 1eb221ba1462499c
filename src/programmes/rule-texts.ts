/**
 * Rules and their results in words: the bodies named as the reader's language names them ("formannskap
 * eller kommunestyre"), dates in the language's one date format, and each detail on its own.
 */
import { formatDay, intlTag, type Locale } from '../platform/i18n/index.js';
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import { DECISION_BODIES, describeRule, type DecisionBody, type EligibilityRule, type Explanation } from './rules.js';

const isBody = (value: string): value is DecisionBody => (DECISION_BODIES as readonly string[]).includes(value);
const localeOf = (ctx: Pick<PageContext, 'locale'> | Locale): Locale => (typeof ctx === 'string' ? ctx : ctx.locale);

/** Bodies as words, "a, b or c" in the reader's language. */
export function bodiesText(ctx: Pick<PageContext, 'locale'> | Locale, bodies: readonly string[]): string {
  const names = bodies.filter(isBody).map((body) => translate(localeOf(ctx), `programmes.body.${body}`));
  return new Intl.ListFormat(intlTag(localeOf(ctx)), { type: 'disjunction' }).format(names);
}

/** The parameters as a reader reads them: bodies named, ISO dates formatted. */
function readable(locale: Locale, params: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (typeof params.bodies === 'string') out.bodies = bodiesText(locale, params.bodies.split(','));
  if (typeof params.body === 'string') out.body = bodiesText(locale, [params.body]);
  for (const name of ['date', 'deadline'])
    if (typeof params[name] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params[name])) out[name] = formatDay(locale, params[name]);
  return out;
}

/** A rule result's explanation with its details, as one text. */
export function explanationText(ctx: Pick<PageContext, 'locale'> | Locale, explanation: Explanation): string {
  const locale = localeOf(ctx);
  return [explanation, ...(explanation.details ?? [])].map((e) => translate(locale, e.key, readable(locale, e.params))).join(' ');
}

/** The rule in plain words, for the call page and the eligibility check. */
export function ruleText(ctx: Pick<PageContext, 'locale'> | Locale, rule: EligibilityRule): string {
  const locale = localeOf(ctx);
  const { key, params } = describeRule(rule);
  return translate(locale, key, readable(locale, params));
}
