import { describe, expect, it } from 'vitest';
import { transitionMatrix } from '../platform/workflow.js';
import type { FormDefinition } from '../programmes/index.js';
import {
  amountOrRequested,
  decideApplication,
  decisionMove,
  decisionWorkflow,
  defaultLetterLanguage,
  evaluateSelection,
  hasDecisionAuthority,
  appealDeadline,
  appealWorkflow,
  approvalWorkflow,
  hasApprovalAuthority,
  judgeSelection,
  letterState,
  mayApprove,
  letterWorkflow,
  lockProblems,
  parseAmount,
  rankApplications,
  requestedAmount,
  weightedTotal,
  type AgreedScore,
  type Candidate,
  type Choice,
  type SelectionFrame,
} from './model.js';

const CRITERIA = [
  { key: '1', title: 'Utfordringen', weight: 40 },
  { key: '2', title: 'Tiltakene', weight: 40 },
  { key: '3', title: 'Målbart mål', weight: 20 },
];

const candidate = (id: string, extra: Partial<Candidate> = {}): Candidate => ({
  applicationId: id,
  applicant: `Søker ${id}`,
  roundIndex: 0,
  requestedAmount: 2_000_000,
  submittedAt: '2026-11-01T10:00:00Z',
  paused: false,
  ...extra,
});

const scores = (id: string, values: number[]): AgreedScore[] =>
  values.map((score, i) => ({ applicationId: id, criterionKey: String(i + 1), score, reasoning: 'omforent' }));

describe('weighted totals (R2, R3)', () => {
  it('is Σ weight × score / 100 on the score scale', () => {
    expect(weightedTotal(CRITERIA, { '1': 4, '2': 3, '3': 5 })).toEqual({ ok: true, total: 3.8 });
    expect(weightedTotal(CRITERIA, { '1': 5, '2': 5, '3': 5 })).toEqual({ ok: true, total: 5 });
    expect(weightedTotal(CRITERIA, { '1': 0, '2': 0, '3': 0 })).toEqual({ ok: true, total: 0 });
  });

  it('names the criteria without an agreed score', () => {
    expect(weightedTotal(CRITERIA, { '1': 4 })).toEqual({ ok: false, missing: ['Tiltakene', 'Målbart mål'] });
  });
});

describe('ranking (R3, R4, R5)', () => {
  it('ranks by total, lists unscored applications apart with what they lack', () => {
    const ranking = rankApplications(
      CRITERIA,
      [candidate('a'), candidate('b'), candidate('c'), candidate('d')],
      [...scores('a', [3, 3, 3]), ...scores('b', [5, 4, 4]), ...scores('c', [4, 4]), ...scores('d', [5, 5, 5])],
    );
    expect(ranking.ranked.map((r) => [r.applicationId, r.rank, r.total, r.tied])).toEqual([
      ['d', 1, 5, false],
      ['b', 2, 4.4, false],
      ['a', 3, 3, false],
    ]);
    expect(ranking.unrankable).toEqual([expect.objectContaining({ applicationId: 'c', missing: ['Målbart mål'] })]);
  });

  it('shows equal totals as a tie with a shared rank, ordered by the heaviest criterion, then the earlier submission', () => {
    // e and f: 0.4·5 + 0.4·3 + 0.2·4 = 4.0 and 0.4·3 + 0.4·5 + 0.2·4 = 4.0; same heaviest weight → first criterion decides.
    // g and h: identical scores → the earlier final submission first.
    const ranking = rankApplications(
      CRITERIA,
      [
        candidate('f'),
        candidate('e'),
        candidate('h', { submittedAt: '2026-11-02T09:00:00Z' }),
        candidate('g', { submittedAt: '2026-11-01T09:00:00Z' }),
        candidate('top'),
      ],
      [
        ...scores('e', [5, 3, 4]),
        ...scores('f', [3, 5, 4]),
        ...scores('g', [3, 3, 3]),
        ...scores('h', [3, 3, 3]),
        ...scores('top', [5, 5, 4]),
      ],
    );
    expect(ranking.ranked.map((r) => `${r.applicationId}:${r.rank}${r.tied ? '=' : ''}`)).toEqual([
      'top:1',
      'e:2=',
      'f:2=',
      'g:4=',
      'h:4=',
    ]);
  });

  it('keeps a flagged application in the ranking, marked paused', () => {
    const ranking = rankApplications(CRITERIA, [candidate('a', { paused: true })], scores('a', [4, 4, 4]));
    expect(ranking.ranked[0]).toMatchObject({ applicationId: 'a', rank: 1, paused: true });
  });
});

describe('requested amount', () => {
  const form: FormDefinition = {
    sections: [
      {
        key: 'economy',
        title: 'Økonomi',
        parts: [
          { kind: 'amount', key: 'economy.applied', label: 'Søkt beløp', required: true, currency: 'NOK' },
          { kind: 'amount', key: 'economy.own', label: 'Eigeninnsats', required: true, currency: 'NOK' },
        ],
      },
    ],
  };
  it("reads the form's first amount part as typed", () => {
    expect(requestedAmount(form, { 'economy.applied': '1 250 000', 'economy.own': '300000' })).toBe(1_250_000);
    expect(requestedAmount(form, { 'economy.applied': 'mye' })).toBeNull();
    expect(requestedAmount({ sections: [] }, { anything: '5' })).toBeNull();
  });
});

describe('selection against quota and budget (S1, S2)', () => {
  const ranking = rankApplications(
    CRITERIA,
    [
      candidate('a', { requestedAmount: 4_000_000 }),
      candidate('b', { requestedAmount: 3_000_000, roundIndex: 1 }),
      candidate('c', { requestedAmount: 3_500_000 }),
      candidate('d', { requestedAmount: 2_000_000, roundIndex: 1 }),
      candidate('p', { paused: true }),
      candidate('u'),
    ],
    [...scores('a', [5, 5, 5]), ...scores('b', [5, 4, 4]), ...scores('c', [4, 4, 4]), ...scores('d', [3, 3, 3]), ...scores('p', [5, 5, 5])],
  );
  const frame: SelectionFrame = {
    rounds: [{ expected: 1 }, { expected: 2 }],
    quota: { min: 2, max: 3 },
    budget: 10_000_000,
    currency: 'NOK',
  };
  const choose = (id: string, amount: number | null, selected = true, reason = 'grunn'): Choice => ({
    applicationId: id,
    selected,
    amount,
    reason,
  });

  it('judges as recording does: a decided application keeps its selection (S3), named, before the other breaches', () => {
    const state = { ranking, frame, recorded: [choose('a', 4_000_000)], decided: new Set(['a']) };
    const judged = judgeSelection(state, [choose('a', 5_000_000), choose('b', 3_000_000), choose('c', 3_500_000)], 'simulate');
    expect(judged.problems).toEqual([
      { kind: 'locked', applicationId: 'a', applicant: 'Søker a' },
      { kind: 'overBudget', granted: 11_500_000, budget: 10_000_000, excess: 1_500_000 },
    ]);
    expect(judgeSelection(state, [choose('a', 4_000_000), choose('b', 3_000_000)], 'simulate').problems).toEqual([]);
  });

  it('refuses a selection over the budget frame with the numbers', () => {
    const result = evaluateSelection(ranking, frame, [choose('a', 4_000_000), choose('b', 3_000_000), choose('c', 3_500_000)], 'simulate');
    expect(result.granted).toBe(10_500_000);
    expect(result.remaining).toBe(-500_000);
    expect(result.problems).toEqual([{ kind: 'overBudget', granted: 10_500_000, budget: 10_000_000, excess: 500_000 }]);
    expect(result.warnings).toContainEqual({ kind: 'roundOverExpected', round: 1, selected: 2, expected: 1 });
  });

  it('accepts a selection that fits once an amount is adjusted; tallies per round', () => {
    const result = evaluateSelection(ranking, frame, [choose('a', 4_000_000), choose('b', 3_000_000), choose('d', 2_500_000)], 'simulate');
    expect(result.problems).toEqual([]);
    expect(result.rounds).toEqual([
      { round: 1, selected: 1, expected: 1, granted: 4_000_000 },
      { round: 2, selected: 2, expected: 2, granted: 5_500_000 },
    ]);
    expect(result.warnings).toEqual([
      { kind: 'aboveRequested', applicationId: 'd', applicant: 'Søker d', amount: 2_500_000, requested: 2_000_000 },
    ]);
  });

  it('refuses more than the quota maximum, and warns under the minimum', () => {
    const over = evaluateSelection(
      ranking,
      { ...frame, budget: null },
      [choose('a', 1), choose('b', 1), choose('c', 1), choose('d', 1)],
      'simulate',
    );
    expect(over.problems).toEqual([{ kind: 'overQuota', selected: 4, max: 3 }]);
    const under = evaluateSelection(ranking, frame, [choose('a', 1)], 'simulate');
    expect(under.problems).toEqual([]);
    expect(under.warnings).toEqual([{ kind: 'underQuota', selected: 1, min: 2 }]);
  });

  it('refuses paused and unrankable applications, selections without an amount, and (when recording) a missing reason', () => {
    const result = evaluateSelection(
      ranking,
      frame,
      [choose('p', 1), choose('u', 1), choose('a', null), choose('b', 0), choose('c', null, false, '  ')],
      'record',
    );
    expect(result.problems).toEqual([
      { kind: 'notSelectable', applicationId: 'p', applicant: 'Søker p', why: 'paused' },
      { kind: 'notSelectable', applicationId: 'u', applicant: 'Søker u', why: 'unrankable' },
      { kind: 'amountMissing', applicationId: 'a', applicant: 'Søker a' },
      { kind: 'amountMissing', applicationId: 'b', applicant: 'Søker b' },
      { kind: 'reasonMissing', applicationId: 'c', applicant: 'Søker c' },
    ]);
    expect(evaluateSelection(ranking, frame, [choose('c', null, false, '')], 'simulate').problems).toEqual([]);
  });

  it('lists the alternatives in rank order, with what keeps each from fitting', () => {
    const result = evaluateSelection(ranking, frame, [choose('a', 4_000_000), choose('b', 3_000_000)], 'simulate');
    // 3 000 000 left; round 1 is full (1 of 1); c asks 3 500 000 in round 1; d asks 2 000 000 in round 2.
    expect(result.alternatives.map((a) => [a.applicationId, a.fits, a.blockers])).toEqual([
      ['c', false, ['budget', 'round']],
      ['d', true, []],
    ]);
    const full = evaluateSelection(ranking, frame, [choose('a', 4_000_000), choose('b', 3_000_000), choose('d', 2_000_000)], 'simulate');
    expect(full.alternatives).toEqual([
      expect.objectContaining({ applicationId: 'c', fits: false, blockers: ['budget', 'quota', 'round'] }),
    ]);
  });

  it('without a budget frame, only the quota limits', () => {
    const result = evaluateSelection(ranking, { ...frame, budget: null }, [choose('a', 99_000_000)], 'simulate');
    expect(result.problems).toEqual([]);
    expect(result.remaining).toBeNull();
  });
});

describe('lock by decision (S3)', () => {
  const recorded: Choice[] = [
    { applicationId: 'a', selected: true, amount: 100, reason: 'r' },
    { applicationId: 'b', selected: false, amount: null, reason: 'r' },
  ];
  it('refuses a change to a decided application, allows the others', () => {
    const decided = new Set(['a']);
    expect(
      lockProblems(
        recorded,
        decided,
        [
          { ...recorded[0]!, amount: 200 },
          { ...recorded[1]!, selected: true, amount: 5 },
        ],
        (id) => id,
      ),
    ).toEqual([{ kind: 'locked', applicationId: 'a', applicant: 'a' }]);
    expect(lockProblems(recorded, decided, [{ ...recorded[0]!, reason: 'ny tekst' }], (id) => id)).toEqual([]);
    expect(lockProblems(recorded, decided, [{ ...recorded[0]!, selected: false }], (id) => id)).toHaveLength(1);
  });
});

describe('granted amounts as typed', () => {
  it('takes the amount applied for when a selected application is left empty (S2)', () => {
    expect(amountOrRequested('  ', true, 1_250_000)).toBe('1250000');
    expect(amountOrRequested('900 000', true, 1_250_000)).toBe('900 000');
    expect(amountOrRequested('', false, 1_250_000)).toBe('');
    expect(amountOrRequested('', true, null)).toBe('');
  });

  it('accepts whole numbers with spaces, refuses the rest', () => {
    expect(parseAmount('1 250 000')).toBe(1_250_000);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('-5')).toBe('invalid');
    expect(parseAmount('12,5')).toBe('invalid');
    expect(parseAmount('mange')).toBe('invalid');
    expect(parseAmount('1e9')).toBe('invalid');
  });
});

describe('decisions', () => {
  it('moves where the decision workflow allows and refuses the rest, every state × action', () => {
    expect(transitionMatrix(decisionWorkflow)).toEqual({
      pending: { grant: ['granted'], reject: ['rejected'], publish: null },
      granted: { grant: null, reject: null, publish: ['published'] },
      rejected: { grant: null, reject: null, publish: null },
      published: { grant: null, reject: null, publish: null },
    });
    expect(() => decisionMove('rejected', 'publish')).toThrow('cannot publish a decision that is rejected');
  });

  const selected: Choice = { applicationId: 'a', selected: true, amount: 1_500_000, reason: 'Best rangert' };
  const input = {
    conditions: 'Rapport innen 1. juni.',
    reason: 'Best rangert på alle kriterier.',
    publicSummary: 'Felles bemanningsenhet for tre kommuner.',
    letterLanguage: 'nn',
  };

  it('grants what the selection says, with reason, conditions and public summary', () => {
    const result = decideApplication(selected, 'NO', input);
    expect(result).toEqual({
      ok: true,
      decision: {
        applicationId: 'a',
        outcome: 'granted',
        amount: 1_500_000,
        conditions: 'Rapport innen 1. juni.',
        reason: 'Best rangert på alle kriterier.',
        publicSummary: 'Felles bemanningsenhet for tre kommuner.',
        letterLanguage: 'nn',
      },
      move: { action: 'grant', from: 'pending', to: 'granted' },
    });
  });

  it('rejects the unselected with their reason, and drops amount and summary', () => {
    const result = decideApplication({ applicationId: 'b', selected: false, amount: null, reason: 'r' }, 'DK', {
      ...input,
      letterLanguage: 'da',
    });
    expect(result.ok && result.decision).toMatchObject({ outcome: 'rejected', amount: null, publicSummary: '', conditions: '' });
  });

  it('refuses a decision without a reason, a grant without a summary, and a letter language outside the country', () => {
    const result = decideApplication(selected, 'DK', { ...input, reason: ' ', publicSummary: '' });
    expect(result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'reason:required',
      'publicSummary:required',
      'letterLanguage:notAllowed',
    ]);
  });

  it('picks the letter language: the recorded one if the country has it, else the call language, else the first of the country', () => {
    expect(defaultLetterLanguage('NO', null, 'nn')).toBe('nn');
    expect(defaultLetterLanguage('NO', 'en')).toBe('nb');
    expect(defaultLetterLanguage('DK', 'nb', 'da')).toBe('da');
    expect(defaultLetterLanguage('DK', 'en')).toBe('da');
  });

  it('moves a letter where its workflow allows and refuses the rest, every state × action', () => {
    expect(transitionMatrix(letterWorkflow)).toEqual({
      queued: { make: ['made', 'no-address'], send: null },
      made: { make: null, send: ['sent'] },
      sent: { make: null, send: null },
      'no-address': { make: null, send: null },
    });
  });

  it('four eyes: approves or sends back an awaiting decision, prepares a returned one again, every state × action', () => {
    expect(transitionMatrix(approvalWorkflow)).toEqual({
      awaiting: { approve: ['approved'], return: ['returned'], prepare: null },
      approved: { approve: null, return: null, prepare: null },
      returned: { approve: null, return: null, prepare: ['awaiting'] },
    });
    expect(approvalWorkflow.states.filter((s) => approvalWorkflow.isIn('inForce', s))).toEqual(['approved']);
    expect(mayApprove('kari', 'ingrid')).toBe(true);
    expect(mayApprove('ingrid', 'ingrid')).toBe(false);
    const kdd = 'org-kdd';
    expect(hasApprovalAuthority({ memberships: [{ role: 'decision_approver', organisationId: kdd }] }, kdd)).toBe(true);
    expect(hasApprovalAuthority({ memberships: [{ role: 'programme_owner', organisationId: kdd }] }, kdd)).toBe(false);
    expect(hasApprovalAuthority({ memberships: [{ role: 'decision_approver', organisationId: 'other' }] }, kdd)).toBe(false);
  });

  it('appeals: a lodged appeal is upheld, changed or sent on, once, every state × action; the period is 3 weeks in Norway, 4 in Denmark', () => {
    expect(transitionMatrix(appealWorkflow)).toEqual({
      lodged: { uphold: ['upheld'], change: ['changed'], forward: ['forwarded'] },
      upheld: { uphold: null, change: null, forward: null },
      changed: { uphold: null, change: null, forward: null },
      forwarded: { uphold: null, change: null, forward: null },
    });
    const made = new Date('2026-12-01T10:00:00Z');
    expect(appealDeadline(made, 'NO').toISOString()).toBe('2026-12-22T10:00:00.000Z');
    expect(appealDeadline(made, 'DK').toISOString()).toBe('2026-12-29T10:00:00.000Z');
  });

  it("shows the letter's progress: queued, made, sent, or made without an address", () => {
    expect(letterState({ fileId: null, sentAt: null, recipients: ['a@b.no'] })).toBe('queued');
    expect(letterState({ fileId: 'f', sentAt: null, recipients: ['a@b.no'] })).toBe('made');
    expect(letterState({ fileId: 'f', sentAt: new Date(), recipients: ['a@b.no'] })).toBe('sent');
    expect(letterState({ fileId: 'f', sentAt: null, recipients: [] })).toBe('no-address');
  });

  it('gives the authority to decide to programme owners of the owning organisation only', () => {
    const owner = { memberships: [{ role: 'programme_owner', organisationId: 'kdd' }] };
    expect(hasDecisionAuthority(owner, 'kdd')).toBe(true);
    expect(hasDecisionAuthority(owner, 'oim')).toBe(false);
    expect(hasDecisionAuthority({ memberships: [{ role: 'admin', organisationId: 'kdd' }] }, 'kdd')).toBe(false);
    expect(hasDecisionAuthority(null, 'kdd')).toBe(false);
  });
});
