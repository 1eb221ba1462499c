import { describe, expect, it } from 'vitest';
import type { Principal } from '../platform/auth/model.js';
import {
  languageProblems,
  amendCall,
  callPhase,
  canManage,
  changedFields,
  closeCall,
  contentProblems,
  createDraft,
  currentRound,
  editDraft,
  programmeProblems,
  publishCall,
  type CallContent,
  type DraftCall,
  type PublishedCall,
} from './model.js';
import { instantToLocal, localToInstant, offsetMinutes } from './time.js';

const content = (over: Partial<CallContent> = {}): CallContent => ({
  title: 'Frikommuneforsøg III',
  purpose: 'Nye veje i den offentlige service.',
  language: 'da',
  timeZone: 'Europe/Copenhagen',
  rounds: [
    { opensAt: '2018-10-12T08:00:00.000Z', closesAt: '2019-03-31T22:00:00.000Z', expectedSelections: 10 },
    { opensAt: '2019-04-02T08:00:00.000Z', closesAt: '2019-09-30T22:00:00.000Z', expectedSelections: 10 },
  ],
  quota: { minSelected: null, maxSelected: 20 },
  budget: { amount: null, currency: 'DKK' },
  themes: ['Administrative effektiviseringer'],
  criteria: [
    { title: 'Ambition', description: '', weight: 60 },
    { title: 'Målbar målsætning', description: '', weight: 40 },
  ],
  rules: [{ kind: 'network-population', minimum: 60_000 }],
  templateId: 'template-1',
  ...over,
});

const snapshot = {
  form: { sections: [] },
  rules: [{ kind: 'network-population' as const, minimum: 60_000 }],
  templateId: 'template-1',
  templateVersion: 3,
};
const at = new Date('2018-10-12T08:00:00Z');

function draft(over: Partial<CallContent> = {}): DraftCall {
  const created = createDraft('call-1', 'programme-1', content(over));
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  return created.call;
}

function published(): PublishedCall {
  const result = publishCall(draft(), snapshot, at);
  if (!result.ok) throw new Error('not published');
  return result.call;
}

describe('the call lifecycle', () => {
  it('publishes a draft, copying the snapshot and raising the version', () => {
    const result = publishCall(draft(), snapshot, at);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.call.status).toBe('published');
    expect(result.call.version).toBe(2);
    expect(result.call.snapshot.takenAt).toBe(at.toISOString());
    expect(result.event).toEqual({ type: 'published', at: at.toISOString() });
  });

  it('refuses to publish a draft without rounds, purpose or form, saying which field', () => {
    const result = publishCall(draft({ rounds: [], purpose: '', templateId: null }), snapshot, at);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code).sort()).toEqual(['noRounds', 'noTemplate', 'required']);
  });

  it('amends a published call with a reason, listing the changed fields, and keeps its rules', () => {
    const call = published();
    const result = amendCall(
      call,
      { ...content(), title: 'Frikommuneforsøg III (rettet)', rules: [] },
      'Stavefejl i titlen',
      new Date('2018-11-01T10:00:00Z'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toMatchObject({ type: 'amended', reason: 'Stavefejl i titlen', fields: ['title'] });
    expect(result.call.content.rules).toEqual(call.content.rules);
    expect(result.call.version).toBe(call.version + 1);
  });

  it('refuses an amendment without a reason', () => {
    const result = amendCall(published(), content({ title: 'Ny' }), '  ', at);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ field: 'reason', code: 'required' });
  });

  it('closes a published call', () => {
    const result = closeCall(published(), 'Kvoten er fylt', new Date('2019-10-02T10:00:00Z'));
    expect(result.ok && result.call.status).toBe('closed');
    expect(result.ok && result.event).toEqual({ type: 'closed', at: '2019-10-02T10:00:00.000Z', reason: 'Kvoten er fylt' });
  });

  it('takes only the state a transition is legal from (the type checker refuses the rest; callWorkflow decides at run time)', () => {
    const call = published();
    const closed = closeCall(call, null, at);
    expect(closed.ok).toBe(true);
    // @ts-expect-error a published call cannot be published again
    void (() => publishCall(call, snapshot, at));
    // @ts-expect-error a published call is amended, not edited
    void (() => editDraft(call, content(), at));
    // @ts-expect-error a draft cannot be closed
    void (() => closeCall(draft(), null, at));
    // @ts-expect-error a draft is edited, not amended
    void (() => amendCall(draft(), content(), 'x', at));
  });

  it('edits a draft and names the fields that changed', () => {
    const result = editDraft(draft(), content({ themes: [], budget: { amount: 5_000_000, currency: 'DKK' } }), at);
    expect(result.ok && result.event).toMatchObject({ type: 'edited', fields: ['budget', 'themes'] });
    expect(changedFields(content(), content())).toEqual([]);
  });
});

describe('call content', () => {
  it('needs criteria weights that sum to 100', () => {
    const problems = contentProblems(content({ criteria: [{ title: 'A', description: '', weight: 30 }] }), 'draft');
    expect(problems).toContainEqual({ field: 'criterion1Weight', code: 'weightsSum', params: { sum: 30 } });
  });

  it('needs rounds that open before they close and do not overlap', () => {
    const problems = contentProblems(
      content({
        rounds: [
          { opensAt: '2019-01-01T00:00:00Z', closesAt: '2019-05-01T00:00:00Z', expectedSelections: null },
          { opensAt: '2019-04-01T00:00:00Z', closesAt: '2019-03-01T00:00:00Z', expectedSelections: null },
        ],
      }),
      'draft',
    );
    expect(problems.map((p) => p.code).sort()).toEqual(['roundOrder', 'roundsOverlap']);
  });

  it('checks quota order, negative budget and rule parameters', () => {
    const problems = contentProblems(
      content({
        quota: { minSelected: 7, maxSelected: 5 },
        budget: { amount: -1, currency: 'NOK' },
        rules: [{ kind: 'network-size', maxMembers: 0, allowAlone: true }],
      }),
      'draft',
    );
    expect(problems.map((p) => p.field)).toEqual(['quotaMax', 'budgetAmount', 'rule-network-size-maxMembers']);
  });

  it('needs a title even for a draft', () => {
    expect(createDraft('c', 'p', content({ title: ' ' })).ok).toBe(false);
  });
});

describe('the phase of a call', () => {
  const call = published();
  it.each([
    ['2018-10-01T00:00:00Z', 'upcoming'],
    ['2018-12-01T00:00:00Z', 'open'],
    ['2019-03-31T21:59:59Z', 'open'],
    ['2019-03-31T22:00:00Z', 'between-rounds'],
    ['2019-06-01T00:00:00Z', 'open'],
    ['2019-10-01T00:00:00Z', 'deadline-passed'],
  ])('at %s it is %s', (now, phase) => {
    expect(callPhase(call, new Date(now))).toBe(phase);
  });

  it('is draft or closed by status', () => {
    expect(callPhase(draft(), new Date())).toBe('draft');
    const closed = closeCall(call, null, at);
    expect(closed.ok && callPhase(closed.call, new Date('2018-12-01T00:00:00Z'))).toBe('closed');
  });

  it('finds the current or next round', () => {
    expect(currentRound(call.content.rounds, new Date('2019-04-01T12:00:00Z'))?.index).toBe(1);
    expect(currentRound(call.content.rounds, new Date('2020-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('time zones', () => {
  it('reads 1 April 2019 23:59 in Copenhagen as 21:59 UTC (summer time)', () => {
    const result = localToInstant('2019-04-01T23:59', 'Europe/Copenhagen');
    expect(result.ok && result.instant.toISOString()).toBe('2019-04-01T21:59:00.000Z');
  });

  it('reads 1 July 2003 and 1 January in Oslo with the right offsets', () => {
    const summer = localToInstant('2003-07-01T23:59', 'Europe/Oslo');
    expect(summer.ok && summer.instant.toISOString()).toBe('2003-07-01T21:59:00.000Z');
    const winter = localToInstant('2027-01-15T12:00', 'Europe/Oslo');
    expect(winter.ok && winter.instant.toISOString()).toBe('2027-01-15T11:00:00.000Z');
  });

  it('refuses a wall-clock time inside the spring-forward gap', () => {
    expect(localToInstant('2026-03-29T02:30', 'Europe/Oslo')).toEqual({ ok: false, reason: 'nonexistent' });
  });

  it('takes the first (summer-time) occurrence of the repeated autumn hour', () => {
    const result = localToInstant('2026-10-25T02:30', 'Europe/Oslo');
    expect(result.ok && result.instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('shows instants on either side of a change in local time', () => {
    expect(instantToLocal(new Date('2026-03-29T00:59:00Z'), 'Europe/Oslo')).toBe('2026-03-29T01:59');
    expect(instantToLocal(new Date('2026-03-29T01:00:00Z'), 'Europe/Oslo')).toBe('2026-03-29T03:00');
    expect(offsetMinutes(new Date('2026-10-25T00:59:00Z'), 'Europe/Copenhagen')).toBe(120);
    expect(offsetMinutes(new Date('2026-10-25T01:00:00Z'), 'Europe/Copenhagen')).toBe(60);
  });

  it('round-trips every hour of a year', () => {
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3600_000) {
      const local = instantToLocal(new Date(t), 'Europe/Oslo');
      const back = localToInstant(local, 'Europe/Oslo');
      // The repeated autumn hour maps back to its first occurrence.
      if (t !== Date.parse('2026-10-25T01:00:00Z')) expect(back.ok && back.instant.getTime(), local).toBe(t);
    }
  });

  it('refuses malformed and impossible dates', () => {
    expect(localToInstant('2026-02-30T10:00', 'Europe/Oslo')).toEqual({ ok: false, reason: 'malformed' });
    expect(localToInstant('1. juli', 'Europe/Oslo')).toEqual({ ok: false, reason: 'malformed' });
    expect(localToInstant('2026-07-01T24:00', 'Europe/Oslo')).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('who manages a programme', () => {
  const principal = (role: 'programme_owner' | 'admin' | 'case_worker', organisationId: string): Principal => ({
    userId: 'u',
    name: 'n',
    loginKind: 'employee',
    homeMunicipalityCode: null,
    memberships: [{ organisationId, organisationName: 'o', organisationKind: 'ministry', municipalityCode: null, role }],
    roles: new Set([role]),
  });
  it('is a programme owner of the owning organisation, or an administrator', () => {
    expect(canManage(principal('programme_owner', 'kdd'), 'kdd')).toBe(true);
    expect(canManage(principal('programme_owner', 'sfvt'), 'kdd')).toBe(false);
    expect(canManage(principal('case_worker', 'kdd'), 'kdd')).toBe(false);
    expect(canManage(principal('admin', 'stifinner'), 'kdd')).toBe(true);
    expect(canManage(null, 'kdd')).toBe(false);
  });
});

describe('programme content', () => {
  it('needs a name, real dates in order, a language and valid e-mail addresses', () => {
    const problems = programmeProblems({
      name: '',
      purpose: '',
      country: 'NO',
      languages: [],
      periodStart: '2006-01-01',
      periodEnd: '2003-13-01',
      contacts: [{ name: 'Eivind Dale', title: 'ekspedisjonssjef', email: 'not-an-address' }],
    });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'name:required',
      'periodEnd:badDate',
      'languages:required',
      'contacts:badEmail',
    ]);
  });

  it('refuses a day the calendar does not have', () => {
    const problems = programmeProblems({
      name: 'X',
      purpose: '',
      country: 'NO',
      languages: ['nb'],
      periodStart: '2026-02-30',
      periodEnd: '2026-12-31',
      contacts: [],
    });
    expect(problems).toEqual([{ field: 'periodStart', code: 'badDate' }]);
  });
});

describe('a call and its form speak the same language', () => {
  it('refuses a call outside its programme’s languages and a template in another language than the call', () => {
    expect(languageProblems({ language: 'da' }, ['da'], 'da')).toEqual([]);
    expect(languageProblems({ language: 'da' }, ['da'], undefined)).toEqual([]);
    expect(languageProblems({ language: 'da' }, ['da'], 'nb')).toEqual([{ field: 'templateId', code: 'templateLanguage' }]);
    expect(languageProblems({ language: 'nb' }, ['da'], 'nb')).toEqual([{ field: 'language', code: 'languageNotInProgramme' }]);
  });
});
