import { describe, expect, it } from 'vitest';
import { isRefused } from '../platform/outcome.js';
import {
  averageScores,
  awardsOf,
  decisionProblem,
  nominationProblem,
  prizeWorkflow,
  projectEnded,
  type PrizeAction,
  type PrizeState,
} from './prize.js';

describe('the prize workflow, every state × action', () => {
  const expected: Record<PrizeState, Partial<Record<PrizeAction, PrizeState>>> = {
    open: { closeNominations: 'judging' },
    judging: { decide: 'decided' },
    decided: { reconsider: 'judging', publish: 'published' },
    published: {},
  };
  for (const state of prizeWorkflow.states)
    for (const action of prizeWorkflow.actions)
      it(`${state} × ${action} → ${expected[state][action] ?? 'refused'}`, () => {
        const move = prizeWorkflow.apply(state, action);
        if (expected[state][action]) expect(move).toEqual({ from: state, to: expected[state][action], action });
        else expect(isRefused(move)).toBe(true);
      });
});

describe('a nomination', () => {
  const open = { state: 'open' as const, deadline: new Date('2026-12-31T22:59:00Z') };
  const before = new Date('2026-12-31T22:58:59Z');
  it('is taken for a case put to use, before the deadline, with a reason', () => {
    expect(nominationProblem(open, { kind: 'case', phase: 'put_to_use' }, before, 'Godt')).toBeUndefined();
  });
  it('is refused for a case not yet put to use (NYTT, NYTTIG)', () => {
    for (const phase of ['new', 'useful'] as const)
      expect(nominationProblem(open, { kind: 'case', phase }, before, 'Godt')?.problem).toEqual({ kind: 'notPutToUse' });
  });
  it('is refused at the deadline instant and after, and when the call is closed', () => {
    expect(nominationProblem(open, { kind: 'case', phase: 'put_to_use' }, open.deadline, 'Godt')?.problem).toEqual({
      kind: 'pastDeadline',
    });
    expect(nominationProblem({ ...open, state: 'judging' }, { kind: 'case', phase: 'put_to_use' }, before, 'Godt')?.problem).toEqual({
      kind: 'notOpen',
    });
  });
  it('takes a project that has ended with its final report approved, and refuses one still running or without it', () => {
    expect(nominationProblem(open, { kind: 'project', ended: true }, before, 'Godt')).toBeUndefined();
    expect(nominationProblem(open, { kind: 'project', ended: false }, before, 'Godt')?.problem).toEqual({ kind: 'notEnded' });
    expect(projectEnded({ state: 'closed', finalReport: {} })).toBe(true);
    expect(projectEnded({ state: 'running', finalReport: {} })).toBe(false);
    expect(projectEnded({ state: 'completed', finalReport: null })).toBe(false);
  });
  it('needs a reason', () => {
    expect(nominationProblem(open, { kind: 'case', phase: 'put_to_use' }, before, '  ')?.problem).toEqual({ kind: 'reasonMissing' });
  });
});

describe('the decision', () => {
  const nominations = [
    { id: 'a', agreed: true },
    { id: 'b', agreed: true },
    { id: 'c', agreed: false },
  ];
  it('needs a winner among the nominations, a statement, and the jury agreed on every award', () => {
    expect(decisionProblem(nominations, 'x', [], 'Fordi')).toEqual({ kind: 'winnerMissing' });
    expect(decisionProblem(nominations, 'a', [], ' ')).toEqual({ kind: 'statementMissing' });
    expect(decisionProblem(nominations, 'a', ['c'], 'Fordi')).toEqual({ kind: 'notAgreed' });
    expect(decisionProblem(nominations, 'a', ['b'], 'Fordi')).toBeUndefined();
  });
  it('gives the winner once, even when also ticked as a mention', () => {
    expect([...awardsOf('a', ['a', 'b'])]).toEqual([
      ['a', 'winner'],
      ['b', 'mention'],
    ]);
  });
  it('averages submitted scores per criterion, leaving a criterion nobody scored empty', () => {
    expect(averageScores([{ '1': { score: 4 } }, { '1': { score: 5 }, '2': { score: null } }], ['1', '2'])).toEqual({
      '1': 4.5,
      '2': null,
    });
  });
});
