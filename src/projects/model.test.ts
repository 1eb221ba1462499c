import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../programmes/index.js';
import { continuationAnswers, mayContinue, newContinuation } from './continuation.js';
import {
  EMPTY_PLAN,
  meetsTarget,
  memberChangeHolds,
  planChanges,
  planIssues,
  proposedPlan,
  readAmount,
  readFollowUp,
  readMeasure,
  trancheAmounts,
  type FollowUpForm,
  type ProjectPlan,
  withoutMembers,
} from './model.js';
import type { StoredProject } from './store.js';
import { reminderDue } from './use-cases.js';
import { indicatorProgress, indicatorsOnTarget } from './views.js';

const form: FollowUpForm = {
  periods: [
    { title: 'Sluttrapport', kind: 'final', due: '2028-06-01', templateId: '' },
    { title: 'Fremdrift', kind: 'progress', due: '2027-06-01', templateId: '' },
  ],
  tranches: [
    { share: '33', condition: 'accepted' },
    { share: '67', condition: 'report:p1' },
  ],
  reminderDays: '14',
  ministryInSteeringGroup: false,
  countyGovernorContact: false,
};

describe('the programme follow-up', () => {
  it('orders the periods by due date and keeps the keys the tranches name', () => {
    const plan = readFollowUp(form);
    expect(Array.isArray(plan)).toBe(false);
    if (Array.isArray(plan)) return;
    expect(plan.periods.map((p) => [p.key, p.title])).toEqual([
      ['p2', 'Fremdrift'],
      ['p1', 'Sluttrapport'],
    ]);
    expect(plan.tranches[1]!.condition).toEqual({ kind: 'report-approved', period: 'p1' });
  });

  it('names each problem at its row: shares, an unknown condition, a final report not last, reminder days', () => {
    const issues = readFollowUp({
      ...form,
      periods: [...form.periods, { title: 'Etter slutt', kind: 'progress', due: '2029-01-01', templateId: '' }],
      tranches: [{ share: '50', condition: 'report:p9' }],
      reminderDays: '0',
    });
    expect(issues).toEqual([
      { code: 'finalNotLast', row: 0 },
      { code: 'trancheCondition', row: 0 },
      { code: 'sharesNot100', total: 50 },
      { code: 'reminderDays' },
    ]);
  });

  it('pays each tranche its share rounded down, the last taking what rounding left, never more than the grant', () => {
    const amounts = trancheAmounts(1_000_001, [
      { key: 't1', share: 33, condition: { kind: 'accepted' } },
      { key: 't2', share: 33, condition: { kind: 'accepted' } },
      { key: 't3', share: 34, condition: { kind: 'accepted' } },
    ]);
    expect([...amounts.values()]).toEqual([330_000, 330_000, 340_001]);
    expect([...amounts.values()].reduce((a, b) => a + b)).toBe(1_000_001);
  });

  it('reminds the programme’s days before the due date and once it is overdue', () => {
    expect(reminderDue('2027-06-01', '2027-05-17', 14)).toBeUndefined();
    expect(reminderDue('2027-06-01', '2027-05-18', 14)).toBe('before');
    expect(reminderDue('2027-06-01', '2027-06-01', 14)).toBe('before');
    expect(reminderDue('2027-06-01', '2027-06-02', 14)).toBe('overdue');
  });
});

describe('the plan and numbers as typed', () => {
  it('reads kroner with spaces and measures with a decimal comma; refuses words', () => {
    expect(readAmount('150 000')).toBe(150_000);
    expect(readAmount('')).toBe(0);
    expect(readAmount('hundre')).toBeUndefined();
    expect(readMeasure('20,5')).toBe(20.5);
    expect(readMeasure('')).toBeNull();
    expect(readMeasure('1e9')).toBeUndefined();
  });

  it('refuses an empty plan with what is missing, and a budget over the grant', () => {
    const frame = { grant: 100, members: ['4001'], followUp: { ...readFollowUp(form), ministryInSteeringGroup: true } as never };
    const issues = planIssues({ ...EMPTY_PLAN, budget: [{ line: 'other', member: '', grant: 150, ownWork: 0, ownFunding: 0 }] }, frame);
    expect(issues.map((i) => i.code)).toEqual([
      'purpose',
      'dates',
      'goals',
      'overGrant',
      'projectLeader',
      'tripartite',
      'ministry',
      'councilDecision',
    ]);
  });
});

describe('continuation (seed 004)', () => {
  const project = {
    country: 'NO',
    members: [{ code: '4001', name: 'Porsgrunn', lead: true }],
    state: 'running',
    endsOn: '2013-12-31',
  } as StoredProject;

  it('starts from seed 004’s target groups and the umbrella model, and is offered from a year before the end', () => {
    const draft = newContinuation(project);
    expect(draft.targetGroups.map((g) => g.group)).toContain('Funksjonshemmedes organisasjoner');
    expect(draft.resources).toEqual([{ code: '4001', money: 0, people: '' }]);
    expect(mayContinue(project, '2012-12-30')).toBe(false);
    expect(mayContinue(project, '2012-12-31')).toBe(true);
  });

  it('fills a call’s target-group table and its background, goal and plan texts', () => {
    const callForm: FormDefinition = {
      sections: [
        { key: 'c', title: 'C', parts: [{ kind: 'text', key: 'challenge.text', label: 'Utfordring', required: true, maxWords: 100 }] },
        {
          key: 't',
          title: 'T',
          parts: [
            {
              kind: 'table',
              key: 'targets.table',
              label: 'Målgrupper',
              required: true,
              maxRows: 10,
              columns: [
                { key: 'group', label: 'Målgruppe', type: 'text' },
                { key: 'value', label: 'Nytteverdi', type: 'text' },
                { key: 'priority', label: 'Prioritet', type: 'number' },
              ],
            },
          ],
        },
        { key: 'p', title: 'P', parts: [{ kind: 'text', key: 'plan.goal', label: 'Mål', required: true, maxWords: 100 }] },
      ],
    };
    const answers = continuationAnswers(callForm, {
      ...newContinuation(project),
      background: 'Hvorfor',
      targetGroups: [
        { group: 'KS', value: 'Erfaringer', priority: 2 },
        { group: 'Fylkene', value: '', priority: null },
      ],
      resultGoals: ['Mål 1', 'Mål 2'],
    });
    expect(answers).toEqual({
      'challenge.text': 'Hvorfor',
      'targets.table': [{ group: 'KS', value: 'Erfaringer', priority: '2' }],
      'plan.goal': 'Mål 1\nMål 2',
    });
  });
});

describe('indicators against targets', () => {
  it('reads a target below the baseline as lower is better, otherwise higher', () => {
    expect(meetsTarget({ baseline: 30 }, 20, 18)).toBe(true);
    expect(meetsTarget({ baseline: 30 }, 20, 22)).toBe(false);
    expect(meetsTarget({ baseline: 10 }, 20, 22)).toBe(true);
    expect(meetsTarget({ baseline: null }, 20, 19)).toBe(false);
  });

  it('counts each indicator at its latest period with both a target and an approved value', () => {
    const periods = [
      { key: 'p1', title: '2027', kind: 'progress' as const, due: '2027-06-01', templateId: null },
      { key: 'p2', title: '2028', kind: 'final' as const, due: '2028-06-01', templateId: null },
    ];
    const plan: ProjectPlan = {
      ...EMPTY_PLAN,
      indicators: [
        { key: 'wait', name: 'Ventetid', unit: 'dager', baseline: 30, targets: { p1: 20, p2: 10 } },
        { key: 'users', name: 'Brukere', unit: 'antall', baseline: 100, targets: { p1: 120, p2: 150 } },
        { key: 'new', name: 'Ny', unit: 'antall', baseline: null, targets: {} },
      ],
    };
    const approved = (periodKey: string, indicators: Record<string, number>) => ({
      periodKey,
      memberCode: '',
      state: 'approved' as const,
      content: { indicators },
    });
    const progress = indicatorProgress(plan, periods, [approved('p1', { wait: 18, users: 110 }), approved('p2', { wait: 12 })]);
    expect(progress[0]!.rows.map((r) => [r.target, r.actual])).toEqual([
      [20, 18],
      [10, 12],
    ]);
    // Waiting time misses p2's target of 10; users miss p1's 120 (p2 has no value yet); "Ny" has no target.
    expect(indicatorsOnTarget(progress)).toEqual({ met: 0, measured: 2, total: 3 });
  });
});

describe('changes to the approved plan', () => {
  const current = {
    ...EMPTY_PLAN,
    goals: ['Kortere ventetid'],
    budget: [{ line: 'own-staff' as const, member: '', grant: 400_000, ownWork: 0, ownFunding: 0 }],
  };

  it('takes only the part asked for and says what moved', () => {
    const proposed = {
      ...current,
      goals: ['Noe annet'],
      budget: [
        { line: 'own-staff' as const, member: '', grant: 300_000, ownWork: 0, ownFunding: 0 },
        { line: 'consultants' as const, member: '', grant: 100_000, ownWork: 0, ownFunding: 0 },
      ],
    };
    const next = proposedPlan(current, proposed, 'budget');
    expect(next.goals).toEqual(['Kortere ventetid']);
    expect(planChanges(current, next).map((c) => (c.kind === 'cost' ? [c.line, c.from?.grant ?? 0, c.to?.grant ?? 0] : c.kind))).toEqual([
      ['own-staff', 400_000, 300_000],
      ['consultants', 0, 100_000],
    ]);
    expect(planChanges(current, proposedPlan(current, proposed, 'goals'))).toEqual([
      { kind: 'goal-added', text: 'Noe annet' },
      { kind: 'goal-removed', text: 'Kortere ventetid' },
    ]);
    expect(planChanges(current, current)).toEqual([]);
  });

  it('holds a change of members only when it changes something the registry and the lead allow', () => {
    const members = [
      { code: '4001', lead: true },
      { code: '4003', lead: false },
    ];
    const registry = new Set(['4001', '4003', '4005']);
    const holds = (join: string[], leave: string[]) => memberChangeHolds(members, { join, leave }, registry);
    expect(holds(['4005'], ['4003'])).toBe(true);
    expect(holds([], ['4003'])).toBe(true);
    expect(holds([], [])).toBe(false);
    expect(holds(['4003'], [])).toBe(false);
    expect(holds(['4005', '4005'], [])).toBe(false);
    expect(holds(['5001'], [])).toBe(false);
    expect(holds([], ['4001'])).toBe(false);
    expect(holds([], ['4005'])).toBe(false);
  });

  it("takes a leaving member's activities and budget lines out of the plan, and says so", () => {
    const plan: ProjectPlan = {
      ...EMPTY_PLAN,
      activities: [
        { key: 'a1', title: 'Felles samling', member: '', due: '2027-03-01', milestone: false },
        { key: 'a2', title: 'Kartlegging i Skien', member: '4003', due: '2027-04-01', milestone: true },
      ],
      budget: [
        { line: 'gatherings', member: '', grant: 100_000, ownWork: 0, ownFunding: 0 },
        { line: 'own-staff', member: '4003', grant: 200_000, ownWork: 50_000, ownFunding: 0 },
      ],
    };
    const next = withoutMembers(plan, ['4003']);
    expect(next.activities.map((a) => a.key)).toEqual(['a1']);
    expect(next.budget.map((l) => l.member)).toEqual(['']);
    expect(planChanges(plan, next).map((c) => c.kind)).toEqual(['cost', 'activity-removed']);
  });
});
