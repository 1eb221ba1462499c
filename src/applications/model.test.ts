import { describe, expect, it } from 'vitest';
import { NETWORK_FORM } from '../programmes/demo.js';
import type { EligibilityRule } from '../programmes/rules.js';
import {
  APPLICATION_STATES,
  APPLICATION_STATUSES,
  answersFromPost,
  attachDecision,
  changedParts,
  IllegalTransition,
  invite,
  isEditable,
  respond,
  roundAt,
  saveDraft,
  stateName,
  submit,
  suggestPartners,
  withdraw,
  type Application,
  type Member,
  type SubmissionInput,
} from './model.js';

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
  'anchoring.date': '2026-11-10',
  'anchoring.decision': [{ name: 'vedtak.pdf', type: 'application/pdf', bytes: 1000 }],
};
const base: Application = { id: 'a', callId: 'c', leadCode: '4001', status: 'draft', version: 1, answers: {}, members: [lead], submissions: 0 };

function network(): Member[] {
  let members: Member[] = [lead];
  for (const [code, name] of [
    ['4003', 'Skien'],
    ['4005', 'Notodden'],
  ] as const) {
    const invited = invite(members, code, name, 5);
    if (!invited.ok) throw new Error(invited.problem);
    const accepted = respond(invited.members, code, 'accepted');
    if (!accepted.ok) throw new Error(accepted.problem);
    members = accepted.members;
  }
  for (const code of ['4001', '4003', '4005']) {
    const attached = attachDecision(members, code, decision(code));
    if (!attached.ok) throw new Error(attached.problem);
    members = attached.members;
  }
  return members;
}

describe('the workflow table', () => {
  it('names every state for staff and the public in four languages', () => {
    for (const status of APPLICATION_STATUSES)
      for (const audience of ['staff', 'public'] as const)
        for (const locale of ['nb', 'nn', 'da', 'en'] as const) expect(stateName(status, audience, locale)).not.toBe('');
    expect(stateName('submitted', 'public', 'da')).toBe('Modtaget');
    expect(APPLICATION_STATES.withdrawn.editable).toBe(false);
  });

  it('accepts transitions only from their legal states', () => {
    const withdrawn = withdraw(base, deadline, new Date('2026-12-01T00:00:00Z'));
    expect(withdrawn.event).toEqual({ type: 'withdrawn', from: 'draft', to: 'withdrawn' });
    expect(() => submit(withdrawn.application, input(new Date('2026-12-01T00:00:00Z')))).toThrow(IllegalTransition);
    expect(() => saveDraft(withdrawn.application, NETWORK_FORM, {})).toThrow(IllegalTransition);
    expect(() => withdraw(base, deadline, deadline)).toThrow(IllegalTransition);
  });
});

describe('the network', () => {
  it('invites, accepts and declines; refuses duplicates and networks over the maximum', () => {
    const invited = invite([lead], '4003', 'Skien', 2);
    expect(invited.ok && invited.members[1]).toMatchObject({ code: '4003', invitation: 'pending', role: 'co' });
    if (!invited.ok) return;
    expect(invite(invited.members, '4003', 'Skien', 5)).toEqual({ ok: false, problem: 'alreadyMember' });
    expect(invite(invited.members, '4005', 'Notodden', 2)).toEqual({ ok: false, problem: 'tooMany' });
    const declined = respond(invited.members, '4003', 'declined');
    expect(declined.ok && declined.members[1]!.invitation).toBe('declined');
    if (!declined.ok) return;
    expect(respond(declined.members, '4003', 'accepted')).toEqual({ ok: false, problem: 'notPending' });
    expect(respond(declined.members, '4001', 'accepted')).toEqual({ ok: false, problem: 'lead' });
    expect(invite(declined.members, '4003', 'Skien', 2).ok).toBe(true);
  });

  it('attaches a decision only to an accepted member, with a known body and a real date', () => {
    const invited = invite([lead], '4003', 'Skien', 5);
    if (!invited.ok) throw new Error();
    expect(attachDecision(invited.members, '4003', decision('4003'))).toEqual({ ok: false, problem: 'notAccepted' });
    expect(attachDecision([lead], '4001', { ...decision('4001'), date: '2026-02-30' })).toEqual({ ok: false, problem: 'badDate' });
    expect(attachDecision([lead], '4001', { ...decision('4001'), body: 'bystyre' as never })).toEqual({ ok: false, problem: 'badBody' });
    expect(attachDecision([lead], '4009', decision('4009'))).toEqual({ ok: false, problem: 'notMember' });
  });
});

describe('drafts', () => {
  it('save whatever is typed and return warnings', () => {
    const saved = saveDraft(base, NETWORK_FORM, { 'plan.goal': 'ord '.repeat(250), 'anchoring.date': '2026-13-01' });
    expect(saved.application.version).toBe(2);
    expect(saved.warnings.map((w) => `${w.part}:${w.code}`)).toEqual(
      expect.arrayContaining(['challenge.text:required', 'plan.goal:tooManyWords', 'anchoring.date:notADate']),
    );
  });

  it('parse posted fields, keep attachments, and refuse absurdly long text', () => {
    const { answers, problems } = answersFromPost(NETWORK_FORM, { 'plan.text': 'Tiltak', 'challenge.text': '' }, { 'anchoring.decision': complete['anchoring.decision'] });
    expect(answers).toEqual({ 'plan.text': 'Tiltak', 'anchoring.decision': complete['anchoring.decision'] });
    expect(problems).toEqual([]);
    expect(answersFromPost(NETWORK_FORM, { 'plan.text': 'ord '.repeat(50_000) }, {}).problems).toEqual([{ part: 'plan.text', code: 'tooLong' }]);
    expect(changedParts({ a: 'x', b: 'y' }, { a: 'x', b: 'z', c: 'w' })).toEqual(['b', 'c']);
  });

  it('are editable until the deadline and read-only from it', () => {
    expect(isEditable(base, deadline, new Date(deadline.getTime() - 1000))).toBe(true);
    expect(isEditable(base, deadline, deadline)).toBe(false);
    expect(roundAt([{ opensAt: '2026-11-01T00:00:00Z', closesAt: deadline.toISOString(), expectedSelections: null }], new Date('2026-12-01T00:00:00Z'))).toBe(0);
  });
});

describe('submission', () => {
  const before = new Date(deadline.getTime() - 1000);
  it('blocks on every missing part, failing rule, pending invitation and the deadline', () => {
    const invited = invite([lead], '4003', 'Skien', 5);
    if (!invited.ok) throw new Error();
    const result = submit({ ...base, members: invited.members }, input(new Date(deadline.getTime() + 1000)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const kinds = result.problems.map((p) => (p.kind === 'part' ? `part:${p.issue.part}` : p.kind === 'rule' ? `rule:${p.key}` : p.kind));
    expect(kinds).toEqual(
      expect.arrayContaining(['deadline', 'pending', 'part:challenge.text', 'rule:programmes.rule.population.fail', 'rule:programmes.rule.decision.fail', 'rule:programmes.rule.sections.fail']),
    );
  });

  it('fails Porsgrunn alone on population with the numbers', () => {
    const result = submit({ ...base, answers: complete, members: [{ ...lead, decision: decision('4001') }] }, input(before));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ kind: 'rule', key: 'programmes.rule.population.fail', params: { total: 37_400, minimum: 60_000, year: '2025', shortfall: 22_600 } }]);
  });

  it('accepts the complete network one second before the deadline, and numbers each resubmission', () => {
    const first = submit({ ...base, answers: complete, members: network() }, input(before));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.event).toEqual({ type: 'submitted', from: 'draft', to: 'submitted', number: 1 });
    expect(first.eligibility.eligible).toBe(true);
    const second = submit(first.application, input(before));
    expect(second.ok && second.event).toEqual({ type: 'submitted', from: 'submitted', to: 'submitted', number: 2 });
    const late = submit(first.application, input(new Date(deadline.getTime() + 1000)));
    expect(late.ok).toBe(false);
  });
});

describe('partner suggestions', () => {
  it('rank the partners that make the network pass first, with their populations', () => {
    const member = (code: string, name: string, persons: number) => ({ code, name, kind: 'municipality' as const, population: { persons, year: 2025 } });
    const suggestions = suggestPartners(RULES, [member('4001', 'Porsgrunn', 37_400)], [member('4005', 'Notodden', 13_200), member('4003', 'Skien', 55_900), member('4001', 'Porsgrunn', 37_400)]);
    expect(suggestions).toEqual([
      { code: '4003', name: 'Skien', persons: 55_900, passes: true },
      { code: '4005', name: 'Notodden', persons: 13_200, passes: false },
    ]);
  });
});
