import { describe, expect, it } from 'vitest';
import { type EligibilityRule, NETWORK_FORM } from '../programmes/index.js';
import { isRefused, refuse, type Refused } from '../platform/outcome.js';
import type { AreaFigures, YearFigures } from '../projections/index.js';
import { challengeLines, challengeRows } from './projected-challenge.js';
import {
  answersFromPost,
  changedParts,
  decisionRefusal,
  invite,
  isEditable,
  respond,
  roundAt,
  submit,
  type Application,
  type Member,
  type SubmissionInput,
} from './model.js';
import { challengeArea, horizonWithin, workingAgeChange, type ProjectedChallenge } from './challenge.js';
import { mergeCandidates, nearestChanges, suggestPartners } from './partners.js';

const RULES: EligibilityRule[] = [
  { kind: 'applicant-kind', allowed: ['municipality'] },
  { kind: 'network-size', maxMembers: 5, allowAlone: true },
  { kind: 'network-population', minimum: 60_000 },
  { kind: 'political-decision', bodies: ['formannskap', 'kommunestyre'] },
  { kind: 'required-sections', sections: ['challenge', 'plan', 'anchoring'] },
];
const registry = new Map([
  ['4001', { kind: 'municipality' as const, population: { persons: 37_400, year: 2025 } }],
  ['4003', { kind: 'municipality' as const, population: { persons: 55_900, year: 2025 } }],
  ['4005', { kind: 'municipality' as const, population: { persons: 13_200, year: 2025 } }],
]);
const deadline = new Date('2027-01-15T11:00:00Z');
const input = (now: Date): SubmissionInput => ({ form: NETWORK_FORM, rules: RULES, registry, deadline, now });
const lead: Member = { code: '4001', name: 'Porsgrunn', role: 'lead', invitation: 'accepted', decision: null };
const decision = (code: string) => ({ body: 'formannskap' as const, date: '2026-11-10', fileId: `f-${code}`, fileName: `${code}.pdf` });
const complete = {
  'challenge.text': 'Flere eldre, færre i arbeid.',
  'plan.text': 'Felles rekruttering.',
  'plan.goal': 'Ti prosent færre ubesatte stillinger.',
  'economy.applied': '2 000 000',
  'plan.start': '2026-11-10',
  'anchoring.text': 'Behandlet i formannskapet og med de ansatte.',
  'plan.document': [{ name: 'vedtak.pdf', type: 'application/pdf', bytes: 1000 }],
};
const base: Application = {
  id: 'a',
  caseNumber: '2026/0001',
  callId: 'c',
  leadCode: '4001',
  status: 'draft',
  version: 1,
  answers: {},
  members: [lead],
  submissions: 0,
};

const done = <T>(outcome: T | Refused<unknown>): T => {
  if (isRefused(outcome)) throw new Error(JSON.stringify(outcome.problem));
  return outcome;
};
const network = (reason: string) => refuse({ kind: 'network', reason });
/** The members after a co-applicant's answer. */
const answered = (members: Member[], code: string, answer: 'accepted' | 'declined') => {
  const moved = done(respond(members, code, answer));
  return members.map((m) => (m.code === code ? { ...m, invitation: moved.to } : m));
};

function completeNetwork(): Member[] {
  let members: Member[] = [lead];
  for (const [code, name] of [
    ['4003', 'Skien'],
    ['4005', 'Notodden'],
  ] as const)
    members = answered(done(invite(members, code, name, 5)), code, 'accepted');
  return members.map((m) => ({ ...m, decision: decision(m.code) }));
}

describe('the network', () => {
  it('invites, accepts and declines; refuses duplicates and networks over the maximum', () => {
    const invited = done(invite([lead], '4003', 'Skien', 2));
    expect(invited[1]).toMatchObject({ code: '4003', invitation: 'pending', role: 'co' });
    expect(invite(invited, '4003', 'Skien', 5)).toEqual(network('alreadyMember'));
    expect(invite(invited, '4005', 'Notodden', 2)).toEqual(network('tooMany'));
    expect(respond(invited, '4003', 'declined')).toEqual({ from: 'pending', to: 'declined', action: 'decline' });
    const declined = answered(invited, '4003', 'declined');
    expect(respond(declined, '4003', 'accepted')).toEqual(network('notPending'));
    expect(respond(declined, '4001', 'accepted')).toEqual(network('lead'));
    expect(respond(declined, '4009', 'accepted')).toEqual(network('notMember'));
    expect(isRefused(invite(declined, '4003', 'Skien', 2))).toBe(false);
  });

  it('takes a decision only from an accepted member, with a known body and a real date', () => {
    const invited = done(invite([lead], '4003', 'Skien', 5));
    expect(decisionRefusal(invited, '4003', decision('4003'), 'NO')).toEqual(network('notAccepted'));
    expect(decisionRefusal([lead], '4001', { ...decision('4001'), date: '2026-02-30' }, 'NO')).toEqual(network('badDate'));
    expect(decisionRefusal([lead], '4001', { ...decision('4001'), body: 'bystyre' }, 'NO')).toEqual(network('badBody'));
    expect(decisionRefusal([lead], '4001', { ...decision('4001'), body: 'okonomiudvalg' }, 'NO')).toEqual(network('badBody'));
    expect(decisionRefusal([lead], '4009', decision('4009'), 'NO')).toEqual(network('notMember'));
    expect(decisionRefusal([lead], '4001', decision('4001'), 'NO')).toBeUndefined();
  });
});

describe('drafts', () => {
  it('parse posted fields, keep attachments, and refuse absurdly long text', () => {
    const { answers, problems } = answersFromPost(
      NETWORK_FORM,
      { 'plan.text': 'Tiltak', 'challenge.text': '' },
      { 'plan.document': complete['plan.document'] },
    );
    expect(answers).toEqual({ 'plan.text': 'Tiltak', 'plan.document': complete['plan.document'] });
    expect(problems).toEqual([]);
    expect(answersFromPost(NETWORK_FORM, { 'plan.text': 'ord '.repeat(50_000) }, {}).problems).toEqual([
      { part: 'plan.text', code: 'tooLong' },
    ]);
    expect(changedParts({ a: 'x', b: 'y' }, { a: 'x', b: 'z', c: 'w' })).toEqual(['b', 'c']);
  });

  it('are editable until the deadline and read-only from it', () => {
    expect(isEditable(base, deadline, new Date(deadline.getTime() - 1000))).toBe(true);
    expect(isEditable(base, deadline, deadline)).toBe(false);
    expect(
      roundAt(
        [{ opensAt: '2026-11-01T00:00:00Z', closesAt: deadline.toISOString(), expectedSelections: null }],
        new Date('2026-12-01T00:00:00Z'),
      ),
    ).toBe(0);
  });
});

describe('submission', () => {
  const before = new Date(deadline.getTime() - 1000);
  const blockers = (outcome: ReturnType<typeof submit>) =>
    isRefused(outcome) && outcome.problem.kind === 'blocked' ? outcome.problem.blockers : [];

  it('blocks on every missing part, failing rule, pending invitation and the deadline', () => {
    const invited = done(invite([lead], '4003', 'Skien', 5));
    const kinds = blockers(submit({ ...base, members: invited }, input(new Date(deadline.getTime() + 1000)))).map((p) =>
      p.kind === 'part' ? `part:${p.issue.part}` : p.kind === 'rule' ? `rule:${p.key}` : p.kind,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'deadline',
        'pending',
        'part:challenge.text',
        'rule:programmes.rule.population.fail',
        'rule:programmes.rule.decision.fail',
        'rule:programmes.rule.sections.fail',
      ]),
    );
  });

  it('fails Porsgrunn alone on population with the numbers', () => {
    expect(blockers(submit({ ...base, answers: complete, members: [{ ...lead, decision: decision('4001') }] }, input(before)))).toEqual([
      { kind: 'rule', key: 'programmes.rule.population.fail', params: { total: 37_400, minimum: 60_000, year: '2025', shortfall: 22_600 } },
    ]);
  });

  it('accepts the complete network one second before the deadline, numbers each resubmission, and refuses a withdrawn one', () => {
    const first = done(submit({ ...base, answers: complete, members: completeNetwork() }, input(before)));
    expect(first.transition).toEqual({ from: 'draft', to: 'submitted', action: 'submit' });
    expect(first.number).toBe(1);
    expect(first.eligibility.eligible).toBe(true);
    const submitted: Application = { ...base, answers: complete, members: completeNetwork(), status: 'submitted', submissions: 1 };
    expect(done(submit(submitted, input(before)))).toMatchObject({ transition: { from: 'submitted', to: 'submitted' }, number: 2 });
    expect(blockers(submit(submitted, input(new Date(deadline.getTime() + 1000)))).map((p) => p.kind)).toEqual(['deadline']);
    expect(submit({ ...submitted, status: 'withdrawn' }, input(before))).toEqual(
      refuse({ kind: 'illegalTransition', state: 'withdrawn', action: 'submit' }),
    );
  });
});

describe('partner suggestions', () => {
  const member = (code: string, name: string, persons: number) => ({
    code,
    name,
    kind: 'municipality' as const,
    population: { persons, year: 2025 },
  });
  const porsgrunn = { ...member('4001', 'Porsgrunn', 37_400), decision: { body: 'kommunestyre' as const, date: '2026-11-10' } };
  const region = { kind: 'region' as const, region: 'Telemark' };
  const neighbour = { kind: 'neighbour' as const, of: ['Porsgrunn'] };
  const similar = { kind: 'similar' as const, measure: { baseYear: 2026, year: 2040, from: 4.9, to: 3.1, change: -36.7, own: -35.2 } };

  it("judge every rule with the partner added, the partner's decision not yet made, and rank those that make the network pass first", () => {
    const suggestions = suggestPartners(
      RULES,
      [porsgrunn],
      [
        { member: member('4005', 'Notodden', 13_200), reasons: [region] },
        { member: member('4003', 'Skien', 55_900), reasons: [neighbour, region] },
        { member: member('3909', 'Larvik', 48_900), reasons: [neighbour] },
        { member: member('4001', 'Porsgrunn', 37_400), reasons: [region] },
      ],
      ['challenge', 'plan', 'anchoring'],
    );
    expect(suggestions.map((s) => [s.name, s.verdict])).toEqual([
      ['Skien', 'networkPasses'],
      ['Larvik', 'networkPasses'],
      ['Notodden', 'fails'],
    ]);
    const skien = suggestions[0]!;
    expect(skien.reasons).toEqual([neighbour, region]);
    expect(skien.eligibility.results.map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass', 'pending', 'pass']);
    expect(skien.eligibility.results[2]!.explanation).toEqual({
      key: 'programmes.rule.population.pass',
      params: { total: 93_300, minimum: 60_000, year: '2025' },
    });
    expect(suggestions[2]!.eligibility.results[2]!.explanation.params).toMatchObject({ total: 50_600, shortfall: 9_400 });
  });

  it('call it a pass only when every rule passes (a call without a decision rule)', () => {
    const rules = RULES.filter((r) => r.kind !== 'political-decision');
    const [skien] = suggestPartners(
      rules,
      [porsgrunn],
      [{ member: member('4003', 'Skien', 55_900), reasons: [similar] }],
      ['challenge', 'plan', 'anchoring'],
    );
    expect(skien!.verdict).toBe('passes');
    expect(
      suggestPartners(rules, [porsgrunn], [{ member: member('4003', 'Skien', 55_900), reasons: [similar] }], ['plan'])[0]!.verdict,
    ).toBe('networkPasses');
  });

  it('rank by reasons when the verdicts are alike: more reasons, then neighbours before county before similar, then population', () => {
    const rules = RULES.filter((r) => r.kind === 'network-size');
    const ranked = suggestPartners(
      rules,
      [porsgrunn],
      [
        { member: member('1', 'Similar', 90_000), reasons: [similar] },
        { member: member('2', 'County', 1_000), reasons: [region] },
        { member: member('3', 'Both', 500), reasons: [region, similar] },
        { member: member('4', 'Neighbour', 200), reasons: [neighbour] },
      ],
    );
    expect(ranked.map((s) => s.name)).toEqual(['Both', 'Neighbour', 'County', 'Similar']);
  });

  it("find the municipalities whose projected change is nearest the network's own, leaving out members and unknown figures", () => {
    const changes = new Map([
      ['a', -30],
      ['b', -36],
      ['c', Number.NaN],
      ['d', -50],
      ['e', -34],
      ['m', -35],
    ]);
    expect(nearestChanges(-35, changes, new Set(['m']), 2)).toEqual(['b', 'e']);
    expect(nearestChanges(Number.NaN, changes, new Set(), 2)).toEqual([]);
  });

  it('join the reasons of one municipality found by several searches', () => {
    const merged = mergeCandidates([
      { code: '4003', reason: neighbour },
      { code: '4005', reason: region },
      { code: '4003', reason: region },
    ]);
    expect([...merged]).toEqual([
      ['4003', [neighbour, region]],
      ['4005', [region]],
    ]);
  });
});

describe('the projected challenge', () => {
  /** A projection's figures with only what the indicators read: totals, age groups (the last two are 80–89 and 90+) and 20–66 per 80+. */
  const figures = (rows: [year: number, total: number, age80to89: number, age90plus: number, workingAge: number][]): AreaFigures => ({
    baseYear: rows[0]![0],
    endYear: rows.at(-1)![0],
    years: rows.map(
      ([year, total, a80, a90, workingAge]) =>
        ({
          year,
          total,
          ageGroups: [0, 0, 0, 0, 0, 0, 0, 0, a80, a90],
          workingAge,
          workingAgePer80Plus: workingAge / (a80 + a90),
        }) as unknown as YearFigures,
    ),
  });
  const porsgrunn = figures([
    [2026, 37_000, 1_500, 300, 22_000],
    [2027, 37_100, 1_700, 320, 21_900],
  ]);

  it('read each indicator in the base year and the horizon, kept within the projected years', () => {
    expect(challengeArea('Porsgrunn', ['4001'], porsgrunn, 'age-80-plus', 2027)).toEqual({
      name: 'Porsgrunn',
      codes: ['4001'],
      base: 1_800,
      horizon: 2_020,
    });
    expect(challengeArea(null, ['4001'], porsgrunn, 'population', 2040)).toMatchObject({ base: 37_000, horizon: 37_100 });
    expect(challengeArea(null, ['4001'], porsgrunn, 'working-age-per-elderly', 2027).horizon).toBeCloseTo(21_900 / 2_020);
    expect(horizonWithin(porsgrunn, 2040)).toBe(2027);
    expect(workingAgeChange(porsgrunn, 2027).change).toBeCloseTo(100 * (21_900 / 2_020 / (22_000 / 1_800) - 1));
  });

  it('read as rows with the values for the language, the network named, and lines for the receipt', () => {
    const challenge: ProjectedChallenge = {
      part: 'challenge.projection',
      indicator: 'working-age-per-elderly',
      scenario: 'main',
      baseYear: 2026,
      horizonYear: 2040,
      areas: [
        { name: 'Porsgrunn', codes: ['4001'], base: 4.94, horizon: 3.1 },
        { name: null, codes: ['4001', '4003'], base: 5, horizon: 5.5 },
      ],
      missing: [],
    };
    expect(challengeRows('nb', challenge)).toEqual([
      { area: 'Porsgrunn', base: '4,9', horizon: '3,1', change: '\u221237,2 %' },
      { area: 'Nettverket samlet (2 kommuner)', base: '5', horizon: '5,5', change: '+10 %' },
    ]);
    expect(challengeLines('nb', challenge)).toEqual([
      'Personer 20–66 år per person 80 år og eldre, 2026 og 2040',
      'Porsgrunn: 4,9 i 2026, 3,1 i 2040 (\u221237,2 %)',
      'Nettverket samlet (2 kommuner): 5 i 2026, 5,5 i 2040 (+10 %)',
      'Stifinners framskriving, hovedalternativet, basisår 2026.',
    ]);
    expect(challengeLines('en', { ...challenge, areas: [], missing: ['Fredericia'] })).toEqual([
      'No projection for Fredericia: only Norwegian municipalities with population for several years are projected.',
    ]);
  });
});
