/**
 * Eligibility rules as data. A call chooses rules and their parameters; each rule evaluates itself
 * over an applicant context (the members, their populations with the year, their political
 * decisions, the sections answered) and explains itself with its numbers. Pure: the registry's
 * numbers are read by the caller and passed in.
 */

export const APPLICANT_KINDS = ['municipality', 'county', 'intermunicipal_company'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const DECISION_BODIES = ['formannskap', 'kommunestyre', 'byrad', 'okonomiudvalg', 'kommunalbestyrelse'] as const;
export type DecisionBody = (typeof DECISION_BODIES)[number];

/** The political bodies of each country's municipalities that may make a decision to apply. */
const BODIES_OF_COUNTRY: Record<'NO' | 'DK', readonly DecisionBody[]> = {
  NO: ['formannskap', 'kommunestyre', 'byrad'],
  DK: ['okonomiudvalg', 'kommunalbestyrelse'],
};

export const decisionBodiesOf = (country: 'NO' | 'DK'): readonly DecisionBody[] => BODIES_OF_COUNTRY[country];

export type EligibilityRule =
  | { kind: 'applicant-kind'; allowed: ApplicantKind[] }
  | { kind: 'network-size'; maxMembers: number; allowAlone: boolean }
  | { kind: 'network-population'; minimum: number }
  | { kind: 'political-decision'; bodies: DecisionBody[] }
  | { kind: 'required-sections'; sections: string[] };

export type RuleKind = EligibilityRule['kind'];
export const RULE_KINDS: RuleKind[] = ['applicant-kind', 'network-size', 'network-population', 'political-decision', 'required-sections'];

export interface MemberContext {
  code: string;
  name: string;
  kind: ApplicantKind;
  /** Inhabitants 1 January of `year` from the registry; null when the registry has no figure. */
  population: { persons: number; year: number } | null;
  /** The political decision attached, or null; undefined when not known yet (before applying). */
  decision?: { body: DecisionBody; date: string } | null;
}

export interface ApplicantContext {
  members: MemberContext[];
  /** The last day (ISO date, the call's time zone) a political decision may be dated: the deadline's. */
  decisionDeadline?: string;
  /** Keys of the sections answered; undefined before an application exists. */
  answeredSections?: readonly string[];
}

/** A message key with its parameters: numbers are formatted by the page in the reader's language. */
export interface Explanation {
  key: ExplanationKey;
  params: Record<string, string | number>;
  /** What exactly is wrong, one line each (e.g. each member's decision that does not count). */
  details?: Explanation[];
}

export type ExplanationKey =
  | 'programmes.rule.kind.pass'
  | 'programmes.rule.kind.fail'
  | 'programmes.rule.size.pass'
  | 'programmes.rule.size.failTooMany'
  | 'programmes.rule.size.failAlone'
  | 'programmes.rule.size.failEmpty'
  | 'programmes.rule.population.pass'
  | 'programmes.rule.population.fail'
  | 'programmes.rule.population.unknown'
  | 'programmes.rule.decision.pass'
  | 'programmes.rule.decision.fail'
  | 'programmes.rule.decision.pending'
  | 'programmes.rule.decision.missing'
  | 'programmes.rule.decision.wrongBody'
  | 'programmes.rule.decision.late'
  | 'programmes.rule.sections.pass'
  | 'programmes.rule.sections.fail'
  | 'programmes.rule.sections.pending';

export type Outcome = 'pass' | 'fail' | 'pending';

export interface RuleResult {
  rule: EligibilityRule;
  outcome: Outcome;
  explanation: Explanation;
}

const list = (names: string[]) => names.join(', ');

export function evaluateRule(rule: EligibilityRule, context: ApplicantContext): RuleResult {
  const { members } = context;
  const result = (outcome: Outcome, key: ExplanationKey, params: Explanation['params'] = {}): RuleResult => ({
    rule,
    outcome,
    explanation: { key, params },
  });
  switch (rule.kind) {
    case 'applicant-kind': {
      const wrong = members.filter((member) => !rule.allowed.includes(member.kind));
      if (members.length === 0) return result('fail', 'programmes.rule.size.failEmpty');
      return wrong.length === 0
        ? result('pass', 'programmes.rule.kind.pass')
        : result('fail', 'programmes.rule.kind.fail', { names: list(wrong.map((member) => member.name)) });
    }
    case 'network-size': {
      const count = members.length;
      if (count === 0) return result('fail', 'programmes.rule.size.failEmpty');
      if (count === 1 && !rule.allowAlone) return result('fail', 'programmes.rule.size.failAlone');
      if (count > rule.maxMembers)
        return result('fail', 'programmes.rule.size.failTooMany', { count, max: rule.maxMembers, remove: count - rule.maxMembers });
      return result('pass', 'programmes.rule.size.pass', { count, max: rule.maxMembers });
    }
    case 'network-population': {
      if (members.length === 0) return result('fail', 'programmes.rule.size.failEmpty');
      const missing = members.filter((member) => member.population === null);
      if (missing.length > 0)
        return result('pending', 'programmes.rule.population.unknown', { names: list(missing.map((member) => member.name)) });
      const total = members.reduce((sum, member) => sum + member.population!.persons, 0);
      const years = [...new Set(members.map((member) => member.population!.year))].sort();
      const year = years.join('/');
      return total >= rule.minimum
        ? result('pass', 'programmes.rule.population.pass', { total, minimum: rule.minimum, year })
        : result('fail', 'programmes.rule.population.fail', { total, minimum: rule.minimum, year, shortfall: rule.minimum - total });
    }
    case 'political-decision': {
      if (members.length === 0) return result('fail', 'programmes.rule.size.failEmpty');
      if (members.some((member) => member.decision === undefined)) return result('pending', 'programmes.rule.decision.pending');
      const details = decisionDetails(rule.bodies, members, context.decisionDeadline);
      return details.length === 0
        ? result('pass', 'programmes.rule.decision.pass', { count: members.length })
        : {
            ...result('fail', 'programmes.rule.decision.fail'),
            explanation: { key: 'programmes.rule.decision.fail', params: {}, details },
          };
    }
    case 'required-sections': {
      if (context.answeredSections === undefined)
        return result('pending', 'programmes.rule.sections.pending', { count: rule.sections.length });
      const answered = new Set(context.answeredSections);
      const missing = rule.sections.filter((section) => !answered.has(section));
      return missing.length === 0
        ? result('pass', 'programmes.rule.sections.pass', { count: rule.sections.length })
        : result('fail', 'programmes.rule.sections.fail', { missing: list(missing), count: missing.length });
    }
  }
}

/** Why each member's decision does not count: missing, made by a body the call does not accept, or dated after the deadline. */
function decisionDetails(bodies: readonly DecisionBody[], members: readonly MemberContext[], deadline: string | undefined): Explanation[] {
  const missing = members.filter((member) => !member.decision?.date);
  const details: Explanation[] =
    missing.length > 0 ? [{ key: 'programmes.rule.decision.missing', params: { names: list(missing.map((m) => m.name)) } }] : [];
  for (const { name, decision } of members) {
    if (!decision?.date) continue;
    if (!bodies.includes(decision.body))
      details.push({ key: 'programmes.rule.decision.wrongBody', params: { name, body: decision.body, bodies: bodies.join(',') } });
    if (deadline && decision.date > deadline)
      details.push({ key: 'programmes.rule.decision.late', params: { name, date: decision.date, deadline } });
  }
  return details;
}

export interface Eligibility {
  /** Every rule passes. */
  eligible: boolean;
  /** No rule fails (some may wait for the application). */
  noFailures: boolean;
  results: RuleResult[];
}

export function evaluateEligibility(rules: readonly EligibilityRule[], context: ApplicantContext): Eligibility {
  const results = rules.map((rule) => evaluateRule(rule, context));
  return {
    eligible: results.every((r) => r.outcome === 'pass'),
    noFailures: results.every((r) => r.outcome !== 'fail'),
    results,
  };
}

export type RuleDescriptionKey =
  | 'programmes.rule.describe.kind'
  | 'programmes.rule.describe.sizeAlone'
  | 'programmes.rule.describe.sizeNetwork'
  | 'programmes.rule.describe.population'
  | 'programmes.rule.describe.decision'
  | 'programmes.rule.describe.sections';

/** The rule in plain words, for the call page. */
export function describeRule(rule: EligibilityRule): { key: RuleDescriptionKey; params: Record<string, string | number> } {
  switch (rule.kind) {
    case 'applicant-kind':
      return { key: 'programmes.rule.describe.kind', params: { kinds: rule.allowed.join(', ') } };
    case 'network-size':
      return rule.allowAlone
        ? { key: 'programmes.rule.describe.sizeAlone', params: { max: rule.maxMembers } }
        : { key: 'programmes.rule.describe.sizeNetwork', params: { max: rule.maxMembers } };
    case 'network-population':
      return { key: 'programmes.rule.describe.population', params: { minimum: rule.minimum } };
    case 'political-decision':
      return { key: 'programmes.rule.describe.decision', params: { bodies: rule.bodies.join(',') } };
    case 'required-sections':
      return { key: 'programmes.rule.describe.sections', params: { count: rule.sections.length } };
  }
}

/** Problems with a rule's parameters, as field-keyed message keys (empty when the rule is sound). */
export function ruleProblems(rule: EligibilityRule): string[] {
  switch (rule.kind) {
    case 'applicant-kind':
      return rule.allowed.length === 0 ? ['kinds'] : [];
    case 'network-size':
      return Number.isInteger(rule.maxMembers) && rule.maxMembers >= 1 && rule.maxMembers <= 100 ? [] : ['maxMembers'];
    case 'network-population':
      return Number.isInteger(rule.minimum) && rule.minimum >= 1 && rule.minimum <= 10_000_000 ? [] : ['minimum'];
    case 'political-decision':
      return rule.bodies.length === 0 ? ['bodies'] : [];
    case 'required-sections':
      return [];
  }
}

/** Parses rules read back from JSON, refusing anything that is not a rule. */
export function parseRules(value: unknown): EligibilityRule[] {
  if (!Array.isArray(value)) throw new Error('rules must be an array');
  return value.map((raw: unknown) => {
    const rule = raw as EligibilityRule;
    if (!rule || typeof rule !== 'object' || !RULE_KINDS.includes(rule.kind)) throw new Error('unknown rule');
    return rule;
  });
}
