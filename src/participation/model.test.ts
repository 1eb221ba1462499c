import { describe, expect, it } from 'vitest';
import type { Membership } from '../platform/auth/model.js';
import {
  answersFor,
  caseWorkerAreas,
  decisionDeadline,
  draftProblems,
  fileKindOf,
  fileProblem,
  INITIATIVE_FILE_LIMITS,
  localRuleProblems,
  progressPercent,
  signatureThreshold,
  thresholdOf,
} from './model.js';

describe('the signature threshold of kommuneloven § 12-1', () => {
  it('is 2 % of the residents rounded up, capped at 300 in a municipality and 500 in a county', () => {
    expect(signatureThreshold('municipality', 0)).toBe(0);
    expect(signatureThreshold('municipality', 1)).toBe(1);
    expect(signatureThreshold('municipality', 50)).toBe(1);
    expect(signatureThreshold('municipality', 51)).toBe(2);
    expect(signatureThreshold('municipality', 200)).toBe(4);
    expect(signatureThreshold('municipality', 14_950)).toBe(299);
    expect(signatureThreshold('municipality', 14_951)).toBe(300);
    expect(signatureThreshold('municipality', 15_000)).toBe(300);
    expect(signatureThreshold('municipality', 717_710)).toBe(300);
    expect(signatureThreshold('county', 24_950)).toBe(499);
    expect(signatureThreshold('county', 260_000)).toBe(500);
    expect(() => signatureThreshold('county', -1)).toThrow(RangeError);
    expect(() => signatureThreshold('county', 1.5)).toThrow(RangeError);
  });

  it('says where the cap decides, and that Denmark has no statutory threshold', () => {
    const population = { persons: 36_000, year: 2025, source: 'SSB 07459' };
    const porsgrunn = thresholdOf({ country: 'NO', kind: 'municipality', code: '4001', name: 'Porsgrunn' }, population);
    expect(porsgrunn).toMatchObject({ signatures: 300, capped: true, rule: { statutory: true } });
    const fredericia = thresholdOf({ country: 'DK', kind: 'municipality', code: '607', name: 'Fredericia' }, population);
    expect(fredericia).toMatchObject({ signatures: null, capped: false, rule: { statutory: false } });
  });
});

describe('the council’s deadline', () => {
  it('falls six months after the proposal was put forward, on the month’s last day where the day does not exist', () => {
    expect(decisionDeadline('2026-12-04')).toBe('2027-06-04');
    expect(decisionDeadline('2026-08-31')).toBe('2027-02-28');
    expect(decisionDeadline('2027-08-31')).toBe('2028-02-29');
  });
});

describe('progress towards the threshold', () => {
  it('is a whole percentage, never above 100', () => {
    expect(progressPercent(0, 300)).toBe(0);
    expect(progressPercent(150, 300)).toBe(50);
    expect(progressPercent(450, 300)).toBe(100);
    expect(progressPercent(3, null)).toBe(0);
  });
});

describe('a draft', () => {
  const good = {
    scope: 'municipality',
    title: 'Lys i lysløypa',
    proposal: 'Sett opp lys.',
    reason: 'Mørkt om vinteren.',
    coInitiators: '',
  };
  it('names every problem at its field', () => {
    expect(draftProblems({ scope: 'x', title: ' ', proposal: 'a'.repeat(4001), reason: '', coInitiators: 'not-an-address' })).toEqual([
      { field: 'scope', code: 'required' },
      { field: 'title', code: 'required' },
      { field: 'proposal', code: 'tooLong' },
      { field: 'reason', code: 'required' },
      { field: 'coInitiators', code: 'badEmail' },
    ]);
  });
  it('trims, and reads co-initiators’ addresses once each, in lower case', () => {
    expect(draftProblems({ ...good, title: ' Lys ', coInitiators: 'A@example.no, a@example.no\nb@example.no' })).toEqual({
      scope: 'municipality',
      title: 'Lys',
      proposal: 'Sett opp lys.',
      reason: 'Mørkt om vinteren.',
      coInitiatorEmails: ['a@example.no', 'b@example.no'],
    });
  });
});

describe('the council’s treatment, reminders and the signers’ list', () => {
  it('checks what the municipality records', async () => {
    const { treatmentProblems } = await import('./model.js');
    expect(treatmentProblems({ meetingDate: '2027-02-30', caseNumber: '', decision: 'x', minutesUrl: 'javascript:alert(1)' })).toEqual([
      { field: 'meetingDate', code: 'badDate' },
      { field: 'caseNumber', code: 'required' },
      { field: 'minutesUrl', code: 'badUrl' },
    ]);
    expect(treatmentProblems({ meetingDate: '2027-03-01', caseNumber: ' 27/12 ', decision: 'Vedtatt', minutesUrl: '' })).toEqual({
      meetingDate: '2027-03-01',
      caseNumber: '27/12',
      decision: 'Vedtatt',
      minutesUrl: null,
    });
  });
  it('reminds a month and a week before the deadline, not after', async () => {
    const { dueReminders } = await import('./model.js');
    expect(dueReminders('2027-06-04', '2027-04-01')).toEqual([]);
    expect(dueReminders('2027-06-04', '2027-05-04')).toEqual(['month']);
    expect(dueReminders('2027-06-04', '2027-05-28')).toEqual(['month', 'week']);
    expect(dueReminders('2027-06-04', '2027-06-05')).toEqual([]);
  });
  it('writes the signers as CSV without formulas', async () => {
    const { signersCsv } = await import('./model.js');
    expect(
      signersCsv(
        [
          { name: '=HYPERLINK("x")', birthYear: '1990', signedOn: '2026-12-04' },
          { name: 'Nora Bakke', birthYear: '', signedOn: '2026-12-05' },
        ],
        { name: 'Navn', birthYear: 'Fødselsår', signedOn: 'Signert' },
      ),
    ).toBe('Navn;Fødselsår;Signert\r\n"\'=HYPERLINK(""x"")";1990;2026-12-04\r\nNora Bakke;;2026-12-05\r\n');
  });
});

describe('a Danish municipality’s own rule', () => {
  const fredericia = { country: 'DK' as const, kind: 'municipality' as const, code: '607', name: 'Fredericia' };
  const population = { persons: 52_000, year: 2026, source: 'Danmarks Statistik' };

  it('gives no threshold while switched off, and the municipality’s figure and deadline, with its decision as source, while on', () => {
    for (const local of [undefined, { enabled: false, signatures: 400, decisionMonths: 4 }])
      expect(thresholdOf(fredericia, population, local)).toMatchObject({
        signatures: null,
        decisionMonths: null,
        rule: { statutory: false },
      });
    const on = thresholdOf(fredericia, population, { enabled: true, signatures: 400, decisionMonths: 4 });
    expect(on).toMatchObject({
      signatures: 400,
      capped: false,
      decisionMonths: 4,
      rule: { local: { signatures: 400, decisionMonths: 4 } },
    });
    expect(on.rule.source.title).toBe('Fredericia Kommunes egen beslutning (ikke kommunestyrelsesloven)');
    expect(decisionDeadline('2026-10-31', on.decisionMonths!)).toBe('2027-02-28');
  });

  it('never changes a Norwegian municipality’s statutory rule', () => {
    const porsgrunn = { country: 'NO' as const, kind: 'municipality' as const, code: '4001', name: 'Porsgrunn' };
    expect(thresholdOf(porsgrunn, population, { enabled: true, signatures: 5, decisionMonths: 1 })).toMatchObject({
      signatures: 300,
      capped: true,
      decisionMonths: 6,
    });
  });

  it('takes whole numbers within their limits from the form, and says which are out of range', () => {
    expect(localRuleProblems({ enabled: true, signatures: ' 500 ', decisionMonths: '6' })).toEqual({
      enabled: true,
      signatures: 500,
      decisionMonths: 6,
    });
    expect(localRuleProblems({ enabled: false, signatures: '100000', decisionMonths: '12' })).toEqual({
      enabled: false,
      signatures: 100_000,
      decisionMonths: 12,
    });
    for (const [signatures, decisionMonths, fields] of [
      ['0', '1', ['signatures']],
      ['100001', '0', ['signatures', 'decisionMonths']],
      ['1.5', '13', ['signatures', 'decisionMonths']],
      ['', '-1', ['signatures', 'decisionMonths']],
      ['1e3', '6', ['signatures']],
    ] as const)
      expect((localRuleProblems({ enabled: true, signatures, decisionMonths }) as { field: string }[]).map((p) => p.field)).toEqual(fields);
  });
});

describe('who answers for an initiative', () => {
  const membership = (
    organisationKind: Membership['organisationKind'],
    codes: Partial<Membership>,
    role: Membership['role'] = 'case_worker',
  ) => ({ organisationId: 'o', organisationName: 'x', organisationKind, municipalityCode: null, role, ...codes }) as Membership;

  it('is the case workers of the municipality, or of the county authority, the initiative is for', () => {
    const vestfold = [membership('county', { countyCode: '39' })];
    const porsgrunn = [membership('municipality', { municipalityCode: '4001' })];
    expect(caseWorkerAreas(vestfold)).toEqual([{ scope: 'county', code: '39' }]);
    expect(answersFor(vestfold, { scope: 'county', code: '39' })).toBe(true);
    expect(answersFor(vestfold, { scope: 'county', code: '40' })).toBe(false);
    expect(answersFor(porsgrunn, { scope: 'county', code: '40' })).toBe(false);
    expect(answersFor(porsgrunn, { scope: 'municipality', code: '4001' })).toBe(true);
    expect(caseWorkerAreas([membership('county', { countyCode: '39' }, 'reviewer')])).toEqual([]);
  });
});

describe('a file on a draft', () => {
  const pdf = (size: number) => ({
    contentType: 'application/pdf',
    content: Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(size - 8)]),
  });

  it('is a PDF, Word, OpenDocument, PNG or JPEG that is what it says, of at most 5 MB', () => {
    expect(fileProblem(pdf(2_000))).toBeUndefined();
    expect(fileProblem(pdf(INITIATIVE_FILE_LIMITS.bytes))).toBeUndefined();
    expect(fileProblem(pdf(INITIATIVE_FILE_LIMITS.bytes + 1))).toBe('fileSize');
    expect(fileProblem({ contentType: 'application/pdf', content: Buffer.from('<html>') })).toBe('fileType');
    expect(fileProblem({ contentType: 'text/html', content: Buffer.from('%PDF-1.7') })).toBe('fileType');
    expect(fileProblem({ contentType: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]) })).toBeUndefined();
    expect(fileKindOf('application/vnd.oasis.opendocument.text')).toBe('odt');
    expect(fileKindOf('toString')).toBeUndefined();
  });
});
