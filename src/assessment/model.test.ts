import { describe, expect, it } from 'vitest';
import type { Principal } from '../platform/auth/model.js';
import { refuse } from '../platform/outcome.js';
import {
  criteriaOf,
  declare,
  exclusionFor,
  mayRecordConsensus,
  parseDeclaration,
  parseScoreSheet,
  pauseReview,
  planAssignments,
  progressOf,
  recordConsensus,
  reopenScores,
  resumeReview,
  SCORE_SCALE,
  scoreApplication,
  startReview,
  type ApplicationToAssign,
  type ReviewerProfile,
} from './model.js';

const per: ReviewerProfile = { userId: 'per', name: 'Per Holm', employerCodes: ['4001'], homeMunicipalityCode: null };
const anne: ReviewerProfile = { userId: 'anne', name: 'Anne Strand', employerCodes: [], homeMunicipalityCode: null };
const kari: ReviewerProfile = { userId: 'kari', name: 'Kari Nord', employerCodes: [], homeMunicipalityCode: '3909' };
const app = (id: string, codes: string[], extra: Partial<ApplicationToAssign> = {}): ApplicationToAssign => ({
  applicationId: id,
  members: codes.map((code) => ({ code, name: `M${code}` })),
  assignedReviewerIds: [],
  conflictedReviewerIds: [],
  ...extra,
});
const fields = (body: Record<string, string>) => (name: string) => body[name];
const criteria = criteriaOf({
  criteria: [
    { title: 'A', description: '', weight: 60 },
    { title: 'B', description: '', weight: 40 },
  ],
});

describe('conflicts the platform can know', () => {
  it('excludes a reviewer employed by a member municipality, naming the member', () => {
    expect(exclusionFor(per, app('grenland', ['4001', '4003', '4005']))).toEqual({
      applicationId: 'grenland',
      reviewerId: 'per',
      reason: 'employer',
      municipality: { code: '4001', name: 'M4001' },
    });
    expect(exclusionFor(per, app('larvik', ['3909']))).toBeUndefined();
  });
  it("excludes the reviewer's own municipality, a declared conflict and a double assignment", () => {
    expect(exclusionFor(kari, app('larvik', ['3909']))?.reason).toBe('own-municipality');
    expect(exclusionFor(anne, app('x', ['1804'], { conflictedReviewerIds: ['anne'] }))?.reason).toBe('declared-conflict');
    expect(exclusionFor(anne, app('x', ['1804'], { assignedReviewerIds: ['anne'] }))?.reason).toBe('already-assigned');
  });
});

describe('batch assignment', () => {
  const six = [
    app('a1', ['4001', '4003', '4005']),
    app('a2', ['3909']),
    app('a3', ['4014', '4012']),
    app('a4', ['4026']),
    app('a5', ['3405', '3407']),
    app('a6', ['1804']),
  ];

  it('gives two reviewers to six applications, never Per the Porsgrunn network, and says why', () => {
    const plan = planAssignments([per, anne], six, 2, new Map());
    expect(plan.assignments).toHaveLength(11);
    expect(plan.assignments).not.toContainEqual({ applicationId: 'a1', reviewerId: 'per' });
    expect(plan.exclusions).toEqual([
      { applicationId: 'a1', reviewerId: 'per', reason: 'employer', municipality: { code: '4001', name: 'M4001' } },
    ]);
    expect(plan.shortfalls).toEqual([{ applicationId: 'a1', missing: 1 }]);
  });

  it('balances load: one reviewer per application over three reviewers gives two each', () => {
    const plan = planAssignments([per, anne, { ...kari, homeMunicipalityCode: null }], six, 1, new Map());
    const load = (id: string) => plan.assignments.filter((a) => a.reviewerId === id).length;
    expect([load('per'), load('anne'), load('kari')]).toEqual([2, 2, 2]);
    expect(plan.assignments.find((a) => a.applicationId === 'a1')?.reviewerId).not.toBe('per');
  });

  it('counts existing assignments and load, and adds only what is missing', () => {
    const withAnne = six.map((a) => ({ ...a, assignedReviewerIds: ['anne'] }));
    const plan = planAssignments([per, anne], withAnne, 2, new Map([['anne', 6]]));
    expect(plan.assignments.every((a) => a.reviewerId === 'per')).toBe(true);
    expect(plan.assignments).toHaveLength(5);
    expect(planAssignments([per, anne], withAnne, 1, new Map()).assignments).toEqual([]);
  });
});

describe('declarations and the assignment workflow', () => {
  it('parses no conflict, a typed conflict with text, and refuses the rest', () => {
    expect(parseDeclaration({ conflict: 'no', kind: undefined, text: undefined })).toEqual({ ok: true, declaration: { conflict: false } });
    expect(parseDeclaration({ conflict: 'yes', kind: 'personal', text: ' Søster i rådmannens stab ' })).toEqual({
      ok: true,
      declaration: { conflict: true, kind: 'personal', text: 'Søster i rådmannens stab' },
    });
    expect(parseDeclaration({ conflict: 'yes', kind: 'bribe', text: '' })).toEqual({ ok: false, problems: ['kind', 'textRequired'] });
    expect(parseDeclaration({ conflict: undefined, kind: 'other', text: 'x' })).toEqual({ ok: false, problems: ['kind'] });
  });
  it('declares only from assigned; a conflict removes', () => {
    expect(declare('assigned', { conflict: true, kind: 'personal', text: 'x' })).toEqual({
      from: 'assigned',
      to: 'conflicted',
      action: 'declareConflict',
    });
    expect(declare('assigned', { conflict: false })).toMatchObject({ to: 'declared' });
    expect(declare('declared', { conflict: false })).toEqual(
      refuse({ kind: 'illegalTransition', state: 'declared', action: 'declareNoConflict' }),
    );
  });
});

describe('scoring', () => {
  it('uses a 0–5 scale, refuses scores off the scale and over-long texts, keeps gaps', () => {
    expect(SCORE_SCALE).toEqual({ min: 0, max: 5 });
    const { sheet, problems } = parseScoreSheet(
      criteria,
      SCORE_SCALE,
      fields({ 'score-1': '4', 'rationale-1': ' Godt dokumentert ', 'score-2': '' }),
    );
    expect(sheet).toEqual({ '1': { score: 4, rationale: 'Godt dokumentert' }, '2': { score: null, rationale: '' } });
    expect(problems).toEqual([]);
    expect(parseScoreSheet(criteria, SCORE_SCALE, fields({ 'score-1': '6', 'score-2': '2.5' })).problems.map((p) => p.code)).toEqual([
      'badScore',
      'badScore',
    ]);
    expect(parseScoreSheet(criteria, SCORE_SCALE, fields({ 'score-1': '-1', 'rationale-2': 'x'.repeat(10_001) })).problems).toEqual([
      { criterionKey: '1', code: 'badScore' },
      { criterionKey: '2', code: 'tooLong' },
    ]);
  });
  it('saves a draft with warnings, refuses an incomplete or paused submission, submits a complete one', () => {
    const partial = { '1': { score: 4, rationale: 'ok' }, '2': { score: null, rationale: '' } };
    const full = { '1': { score: 4, rationale: 'ok' }, '2': { score: 0, rationale: 'mangler' } };
    expect(scoreApplication('declared', 'in_review', criteria, partial, false)).toEqual({
      submitted: false,
      transition: null,
      warnings: [
        { criterionKey: '2', code: 'missingScore' },
        { criterionKey: '2', code: 'missingRationale' },
      ],
    });
    expect(scoreApplication('declared', 'in_review', criteria, partial, true)).toMatchObject({ problem: { kind: 'incomplete' } });
    expect(scoreApplication('declared', 'paused', criteria, full, true)).toEqual(refuse({ kind: 'paused' }));
    expect(scoreApplication('assigned', 'in_review', criteria, full, false)).toMatchObject({ problem: { kind: 'illegalTransition' } });
    expect(scoreApplication('declared', 'in_review', criteria, full, true)).toMatchObject({
      submitted: true,
      transition: { from: 'declared', to: 'submitted' },
    });
  });
  it('reopens submitted scores until the consensus is recorded', () => {
    expect(reopenScores('submitted', 'in_review')).toMatchObject({ to: 'declared' });
    expect(reopenScores('submitted', 'agreed')).toEqual(refuse({ kind: 'agreed' }));
    expect(reopenScores('declared', 'in_review')).toMatchObject({ problem: { kind: 'illegalTransition' } });
  });
});

describe('consensus, flags and review transitions', () => {
  const full = { '1': { score: 3, rationale: 'Enige' }, '2': { score: 4, rationale: 'Enige' } };
  it('records consensus only when complete, after a submitted sheet, and never while paused', () => {
    expect(recordConsensus('in_review', criteria, full, 2)).toEqual({ from: 'in_review', to: 'agreed', action: 'agree' });
    expect(recordConsensus('agreed', criteria, full, 2)).toMatchObject({ to: 'agreed' });
    expect(recordConsensus('paused', criteria, full, 2)).toEqual(refuse({ kind: 'paused' }));
    expect(recordConsensus('in_review', criteria, full, 0)).toEqual(refuse({ kind: 'noScores' }));
    expect(recordConsensus('awaiting', criteria, full, 1)).toMatchObject({ problem: { kind: 'illegalTransition' } });
    expect(recordConsensus('in_review', criteria, { '1': full['1'] }, 1)).toMatchObject({ problem: { kind: 'incomplete' } });
  });
  it('starts, pauses and resumes where the review belongs', () => {
    expect(startReview('awaiting')).toEqual({ from: 'awaiting', to: 'in_review', action: 'start' });
    expect(startReview('paused')).toBeNull();
    expect(pauseReview('agreed')).toEqual({ from: 'agreed', to: 'paused', action: 'pause' });
    expect(pauseReview('paused')).toBeNull();
    expect(resumeReview('paused', { openFlagsAfter: 1, consensusRecorded: false, assignments: 2 })).toBeNull();
    expect(resumeReview('paused', { openFlagsAfter: 0, consensusRecorded: true, assignments: 2 })?.to).toBe('agreed');
    expect(resumeReview('paused', { openFlagsAfter: 0, consensusRecorded: false, assignments: 2 })?.to).toBe('in_review');
    expect(resumeReview('paused', { openFlagsAfter: 0, consensusRecorded: false, assignments: 0 })?.to).toBe('awaiting');
  });
  it('lets the owner, or a lead who declared no conflict, record the consensus', () => {
    const principal = { userId: 'anne' } as Principal;
    const pool = [{ userId: 'anne', name: 'Anne', kind: 'external' as const, lead: true }];
    expect(mayRecordConsensus(principal, false, pool, 'submitted')).toBe(true);
    expect(mayRecordConsensus(principal, false, pool, 'assigned')).toBe(false);
    expect(mayRecordConsensus(principal, false, [{ ...pool[0]!, lead: false }], 'submitted')).toBe(false);
    expect(mayRecordConsensus(principal, true, [], undefined)).toBe(true);
  });
  it('counts progress per reviewer and per application', () => {
    const { perReviewer, perApplication } = progressOf([
      { applicationId: 'a1', reviewerId: 'anne', state: 'submitted' },
      { applicationId: 'a2', reviewerId: 'anne', state: 'declared' },
      { applicationId: 'a2', reviewerId: 'per', state: 'conflicted' },
      { applicationId: 'a1', reviewerId: 'per', state: 'withdrawn' },
    ]);
    expect(perReviewer.get('anne')).toEqual({ assigned: 2, declared: 2, scored: 1, conflicted: 0 });
    expect(perReviewer.get('per')).toEqual({ assigned: 0, declared: 0, scored: 0, conflicted: 1 });
    expect(perApplication.get('a2')).toEqual({ assigned: 1, declared: 1, scored: 0, conflicted: 1 });
  });
});
