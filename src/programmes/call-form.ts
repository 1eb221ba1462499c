/**
 * The owner's call form as sent by the browser (no JavaScript needed: fixed rows for rounds and
 * criteria, blank rows ignored) turned into call content, with every problem tied to its field.
 * Pure; the page keeps what was typed by rendering the same `CallFormValues` back.
 */
import { requiredSectionKeys, type FormDefinition } from './form.js';
import { CONTENT_LANGUAGES, CURRENCIES, contentProblems, type CallContent, type ContentLanguage, type Currency } from './model.js';
import { DECISION_BODIES, type DecisionBody, type EligibilityRule } from './rules.js';
import { instantToLocal, isCallTimeZone, localToInstant, type CallTimeZone } from './time.js';

export const ROUND_ROWS = 3;
export const CRITERION_ROWS = 6;

export type CallFormValues = Record<string, string | string[]>;

import type { FieldProblem as FormProblem } from './problems.js';

export type { FormProblem };

const text = (values: CallFormValues, key: string, max = 20_000): string => {
  const value = values[key];
  const single = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  return single.slice(0, max);
};
const list = (values: CallFormValues, key: string): string[] => {
  const value = values[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

function integer(values: CallFormValues, key: string, problems: FormProblem[]): number | null {
  const raw = text(values, key, 40).replace(/[\s\u00a0\u202f]/g, '');
  if (raw === '') return null;
  if (!/^\d{1,12}$/.test(raw)) {
    problems.push({ field: key, code: 'notANumber' });
    return null;
  }
  return Number(raw);
}

/** The browser's values for an existing call, for the edit form. */
export function valuesFromContent(content: CallContent): CallFormValues {
  const values: CallFormValues = {
    title: content.title,
    purpose: content.purpose,
    language: content.language,
    timeZone: content.timeZone,
    themes: content.themes.join('\n'),
    budgetAmount: content.budget.amount === null ? '' : String(content.budget.amount),
    currency: content.budget.currency,
    quotaMin: content.quota.minSelected === null ? '' : String(content.quota.minSelected),
    quotaMax: content.quota.maxSelected === null ? '' : String(content.quota.maxSelected),
    templateId: content.templateId ?? '',
  };
  content.rounds.forEach((round, i) => {
    values[`round${i + 1}Opens`] = instantToLocal(new Date(round.opensAt), content.timeZone);
    values[`round${i + 1}Closes`] = instantToLocal(new Date(round.closesAt), content.timeZone);
    values[`round${i + 1}Expected`] = round.expectedSelections === null ? '' : String(round.expectedSelections);
  });
  content.criteria.forEach((criterion, i) => {
    values[`criterion${i + 1}Title`] = criterion.title;
    values[`criterion${i + 1}Weight`] = String(criterion.weight);
    values[`criterion${i + 1}Description`] = criterion.description;
  });
  values.oneApplicationPerRound = content.oneApplicationPerRound === false ? '' : 'on';
  for (const rule of content.rules) {
    values[`rule-${rule.kind}`] = 'on';
    if (rule.kind === 'network-size') {
      values.networkMax = String(rule.maxMembers);
      values.allowAlone = rule.allowAlone ? 'on' : '';
    }
    if (rule.kind === 'network-population') values.populationMin = String(rule.minimum);
    if (rule.kind === 'political-decision') values.decisionBodies = rule.bodies;
  }
  return values;
}

export const EMPTY_CALL_VALUES = (language: ContentLanguage, timeZone: CallTimeZone, currency: Currency): CallFormValues => ({
  language,
  timeZone,
  currency,
  'rule-applicant-kind': 'on',
  allowAlone: 'on',
  oneApplicationPerRound: 'on',
});

/**
 * Reads the form. `templateForm` is the chosen template's form, whose required sections the
 * required-sections rule names.
 */
export function parseCallForm(
  values: CallFormValues,
  templateForm: FormDefinition | undefined,
  mode: 'draft' | 'publish',
): { content: CallContent; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const languageRaw = text(values, 'language', 10);
  const language = (CONTENT_LANGUAGES as readonly string[]).includes(languageRaw) ? (languageRaw as ContentLanguage) : 'nb';
  if (language !== languageRaw) problems.push({ field: 'language', code: 'required' });
  const zoneRaw = text(values, 'timeZone', 40);
  const timeZone: CallTimeZone = isCallTimeZone(zoneRaw) ? zoneRaw : 'Europe/Oslo';
  if (zoneRaw !== timeZone) problems.push({ field: 'timeZone', code: 'required' });
  const currencyRaw = text(values, 'currency', 10);
  const currency = (CURRENCIES as readonly string[]).includes(currencyRaw) ? (currencyRaw as Currency) : 'NOK';

  const rounds: CallContent['rounds'] = [];
  for (let i = 1; i <= ROUND_ROWS; i++) {
    const opens = text(values, `round${i}Opens`, 40).trim();
    const closes = text(values, `round${i}Closes`, 40).trim();
    const expected = integer(values, `round${i}Expected`, problems);
    if (opens === '' && closes === '') continue;
    const parsedOpens = localToInstant(opens, timeZone);
    const parsedCloses = localToInstant(closes, timeZone);
    if (!parsedOpens.ok)
      problems.push({
        field: `round${i}Opens`,
        code: parsedOpens.reason === 'nonexistent' ? 'nonexistentTime' : 'badDateTime',
        params: { round: i },
      });
    if (!parsedCloses.ok)
      problems.push({
        field: `round${i}Closes`,
        code: parsedCloses.reason === 'nonexistent' ? 'nonexistentTime' : 'badDateTime',
        params: { round: i },
      });
    if (parsedOpens.ok && parsedCloses.ok)
      rounds.push({
        opensAt: parsedOpens.instant.toISOString(),
        closesAt: parsedCloses.instant.toISOString(),
        expectedSelections: expected,
      });
  }

  const criteria: CallContent['criteria'] = [];
  for (let i = 1; i <= CRITERION_ROWS; i++) {
    const title = text(values, `criterion${i}Title`, 300).trim();
    const weight = integer(values, `criterion${i}Weight`, problems);
    const description = text(values, `criterion${i}Description`, 2000).trim();
    if (title === '' && weight === null && description === '') continue;
    if (title === '') problems.push({ field: `criterion${i}Title`, code: 'required' });
    criteria.push({ title, description, weight: weight ?? 0 });
  }

  const rules: EligibilityRule[] = [];
  if (text(values, 'rule-applicant-kind') === 'on') rules.push({ kind: 'applicant-kind', allowed: ['municipality'] });
  if (text(values, 'rule-network-size') === 'on') {
    const max = integer(values, 'networkMax', problems);
    if (max === null) problems.push({ field: 'networkMax', code: 'required' });
    rules.push({ kind: 'network-size', maxMembers: max ?? 0, allowAlone: text(values, 'allowAlone') === 'on' });
  }
  if (text(values, 'rule-network-population') === 'on') {
    const minimum = integer(values, 'populationMin', problems);
    if (minimum === null) problems.push({ field: 'populationMin', code: 'required' });
    rules.push({ kind: 'network-population', minimum: minimum ?? 0 });
  }
  if (text(values, 'rule-political-decision') === 'on') {
    const bodies = list(values, 'decisionBodies').filter((b): b is DecisionBody => (DECISION_BODIES as readonly string[]).includes(b));
    if (bodies.length === 0) problems.push({ field: 'decisionBodies', code: 'required' });
    rules.push({ kind: 'political-decision', bodies });
  }
  if (text(values, 'rule-required-sections') === 'on')
    rules.push({ kind: 'required-sections', sections: templateForm ? requiredSectionKeys(templateForm) : [] });

  const content: CallContent = {
    title: text(values, 'title', 300).trim(),
    purpose: text(values, 'purpose').trim(),
    language,
    timeZone,
    rounds,
    quota: { minSelected: integer(values, 'quotaMin', problems), maxSelected: integer(values, 'quotaMax', problems) },
    budget: { amount: integer(values, 'budgetAmount', problems), currency },
    themes: text(values, 'themes')
      .split(/\r?\n/)
      .map((theme) => theme.trim())
      .filter((theme) => theme !== '')
      .slice(0, 20),
    criteria,
    rules,
    oneApplicationPerRound: text(values, 'oneApplicationPerRound') === 'on',
    templateId: /^[0-9a-f-]{36}$/i.test(text(values, 'templateId', 40)) ? text(values, 'templateId', 40) : null,
  };
  const known = new Set(problems.map((p) => p.field));
  for (const problem of contentProblems(content, mode)) {
    const field = problem.field.startsWith('rule-network-size')
      ? 'networkMax'
      : problem.field.startsWith('rule-network-population')
        ? 'populationMin'
        : problem.field.startsWith('rule-political')
          ? 'decisionBodies'
          : problem.field;
    if (!known.has(field)) problems.push({ field, code: problem.code, ...(problem.params ? { params: problem.params } : {}) });
  }
  return { content, problems };
}
