import { describe, expect, it } from 'vitest';
import '../capabilities.js';
import { explanationText } from './rule-texts.js';
import {
  decisionBodiesOf,
  describeRule,
  evaluateEligibility,
  evaluateRule,
  parseRules,
  ruleProblems,
  type MemberContext,
} from './rules.js';

const member = (name: string, persons: number | null, over: Partial<MemberContext> = {}): MemberContext => ({
  code: name,
  name,
  kind: 'municipality',
  population: persons === null ? null : { persons, year: 2025 },
  ...over,
});
const skien = member('Skien', 55_941);
const porsgrunn = member('Porsgrunn', 37_415);
const notodden = member('Notodden', 13_187);

describe('the network population rule', () => {
  const rule = { kind: 'network-population' as const, minimum: 60_000 };
  it('fails with its numbers and the year for one municipality below the minimum', () => {
    const result = evaluateRule(rule, { members: [skien] });
    expect(result.outcome).toBe('fail');
    expect(result.explanation).toEqual({
      key: 'programmes.rule.population.fail',
      params: { total: 55_941, minimum: 60_000, year: '2025', shortfall: 4_059 },
    });
  });
  it('passes when partners bring the network over the minimum', () => {
    const result = evaluateRule(rule, { members: [skien, porsgrunn, notodden] });
    expect(result.outcome).toBe('pass');
    expect(result.explanation.params).toMatchObject({ total: 106_543, year: '2025' });
  });
  it('passes at exactly the minimum', () => {
    expect(evaluateRule(rule, { members: [member('A', 60_000)] }).outcome).toBe('pass');
  });
  it('states every year when the members have figures from different years', () => {
    const result = evaluateRule(rule, { members: [skien, member('Fredericia', 52_000, { population: { persons: 52_000, year: 2024 } })] });
    expect(result.explanation.params.year).toBe('2024/2025');
  });
  it('waits when the registry lacks a member', () => {
    expect(evaluateRule(rule, { members: [skien, member('Ukjent', null)] })).toMatchObject({
      outcome: 'pending',
      explanation: { params: { names: 'Ukjent' } },
    });
  });
  it('fails with no members', () => {
    expect(evaluateRule(rule, { members: [] }).outcome).toBe('fail');
  });
});

describe('the network size rule', () => {
  it('lets one municipality apply alone when allowed', () => {
    expect(evaluateRule({ kind: 'network-size', maxMembers: 5, allowAlone: true }, { members: [skien] }).outcome).toBe('pass');
  });
  it('refuses one municipality alone when a network is required', () => {
    expect(evaluateRule({ kind: 'network-size', maxMembers: 5, allowAlone: false }, { members: [skien] }).explanation.key).toBe(
      'programmes.rule.size.failAlone',
    );
  });
  it('refuses too many members, saying how many to remove', () => {
    const result = evaluateRule({ kind: 'network-size', maxMembers: 2, allowAlone: true }, { members: [skien, porsgrunn, notodden] });
    expect(result).toMatchObject({
      outcome: 'fail',
      explanation: { key: 'programmes.rule.size.failTooMany', params: { count: 3, max: 2, remove: 1 } },
    });
  });
});

describe('the applicant kind rule', () => {
  it('passes municipalities and names those of another kind', () => {
    const rule = { kind: 'applicant-kind' as const, allowed: ['municipality' as const] };
    expect(evaluateRule(rule, { members: [skien] }).outcome).toBe('pass');
    const result = evaluateRule(rule, { members: [skien, member('Vestfold og Telemark', 400_000, { kind: 'county' })] });
    expect(result).toMatchObject({ outcome: 'fail', explanation: { params: { names: 'Vestfold og Telemark' } } });
  });
});

describe('the political decision rule', () => {
  const rule = { kind: 'political-decision' as const, bodies: ['formannskap' as const, 'kommunestyre' as const] };
  it('waits until there is an application with decisions', () => {
    expect(evaluateRule(rule, { members: [skien] }).outcome).toBe('pending');
  });
  it('passes when every member has a dated decision of an accepted body', () => {
    const members = [skien, porsgrunn].map((m) => ({ ...m, decision: { body: 'formannskap' as const, date: '2003-06-12' } }));
    expect(evaluateRule(rule, { members }).outcome).toBe('pass');
  });
  it('says of each member why its decision does not count: missing, another body, dated after the deadline', () => {
    const members = [
      { ...skien, decision: { body: 'formannskap' as const, date: '2026-12-02' } },
      { ...porsgrunn, decision: null },
      { ...notodden, decision: { body: 'byrad' as const, date: '2026-06-01' } },
    ];
    const result = evaluateRule(rule, { members, decisionDeadline: '2026-12-01' });
    expect(result.outcome).toBe('fail');
    expect(result.explanation.details).toEqual([
      { key: 'programmes.rule.decision.missing', params: { names: 'Porsgrunn' } },
      { key: 'programmes.rule.decision.late', params: { name: 'Skien', date: '2026-12-02', deadline: '2026-12-01' } },
      { key: 'programmes.rule.decision.wrongBody', params: { name: 'Notodden', body: 'byrad', bodies: 'formannskap,kommunestyre' } },
    ]);
    expect(explanationText('nb', result.explanation)).toBe(
      'Det politiske vedtaket oppfyller ikke vilkåret. Mangler datert vedtak: Porsgrunn. Skien: vedtaket er datert etter fristen (2. desember 2026; fristen er 1. desember 2026). Notodden: organet må være formannskap eller kommunestyre, men vedtaket er fattet av byråd.',
    );
    expect(explanationText('da', result.explanation)).toContain('formandskab eller kommunestyre');
    expect(evaluateRule(rule, { members: [members[0]!], decisionDeadline: '2026-12-02' }).outcome).toBe('pass');
  });
  it('offers each country only its own bodies', () => {
    expect(decisionBodiesOf('NO')).toEqual(['formannskap', 'kommunestyre', 'byrad']);
    expect(decisionBodiesOf('DK')).toEqual(['okonomiudvalg', 'kommunalbestyrelse']);
  });
});

describe('the required sections rule', () => {
  const rule = { kind: 'required-sections' as const, sections: ['vision', 'instruments', 'success', 'anchoring'] };
  it('waits for an application, then names the missing sections', () => {
    expect(evaluateRule(rule, { members: [skien] }).outcome).toBe('pending');
    expect(evaluateRule(rule, { members: [skien], answeredSections: ['vision', 'anchoring'] })).toMatchObject({
      outcome: 'fail',
      explanation: { params: { missing: 'instruments, success', count: 2 } },
    });
    expect(evaluateRule(rule, { members: [skien], answeredSections: rule.sections }).outcome).toBe('pass');
  });
});

describe('eligibility over all rules', () => {
  const rules = [
    { kind: 'network-size' as const, maxMembers: 5, allowAlone: true },
    { kind: 'network-population' as const, minimum: 60_000 },
    { kind: 'political-decision' as const, bodies: ['kommunalbestyrelse' as const] },
  ];
  it('separates failures from rules that wait for the application', () => {
    expect(evaluateEligibility(rules, { members: [skien] })).toMatchObject({ eligible: false, noFailures: false });
    expect(evaluateEligibility(rules, { members: [skien, porsgrunn] })).toMatchObject({ eligible: false, noFailures: true });
  });
  it('describes each rule in plain words', () => {
    expect(rules.map((rule) => describeRule(rule).key)).toEqual([
      'programmes.rule.describe.sizeAlone',
      'programmes.rule.describe.population',
      'programmes.rule.describe.decision',
    ]);
  });
  it('checks rule parameters and refuses unknown rules from storage', () => {
    expect(ruleProblems({ kind: 'network-population', minimum: 0 })).toEqual(['minimum']);
    expect(ruleProblems({ kind: 'applicant-kind', allowed: [] })).toEqual(['kinds']);
    expect(ruleProblems({ kind: 'political-decision', bodies: [] })).toEqual(['bodies']);
    expect(() => parseRules([{ kind: 'bribe' }])).toThrow('unknown rule');
    expect(parseRules(rules)).toEqual(rules);
  });
});
