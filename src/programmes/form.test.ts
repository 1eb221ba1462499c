import { describe, expect, it } from 'vitest';
import {
  answeredSections,
  checkFormDefinition,
  countWords,
  parseNumber,
  requiredSectionKeys,
  validateAnswers,
  type FormDefinition,
} from './form.js';

const form: FormDefinition = {
  sections: [
    {
      key: 'vision',
      title: 'Visjon og verdier',
      guidance: 'Kommunens visjon for utviklingen.',
      parts: [{ kind: 'text', key: 'vision.text', label: 'Visjon', required: true, maxWords: 5, minWords: 2 }],
    },
    {
      key: 'economy',
      title: 'Økonomi',
      parts: [
        { kind: 'amount', key: 'economy.amount', label: 'Søkt beløp', required: true, currency: 'NOK', max: 1_000_000 },
        { kind: 'number', key: 'economy.staff', label: 'Årsverk', required: false, min: 0, max: 50, integer: true },
        {
          kind: 'choice',
          key: 'economy.theme',
          label: 'Tema',
          required: false,
          multiple: false,
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
        { kind: 'date', key: 'economy.start', label: 'Oppstart', required: false, notBefore: '2026-01-01', notAfter: '2027-12-31' },
        {
          kind: 'table',
          key: 'economy.targets',
          label: 'Målgrupper',
          required: false,
          maxRows: 2,
          columns: [
            { key: 'group', label: 'Målgruppe', type: 'text' },
            { key: 'value', label: 'Nytteverdi', type: 'text' },
            { key: 'priority', label: 'Prio', type: 'number' },
          ],
        },
        {
          kind: 'projected-challenge',
          key: 'economy.challenge',
          label: 'Framskrevet utfordring',
          required: true,
          indicator: 'age-80-plus',
          horizonYear: 2040,
        },
        {
          kind: 'attachment',
          key: 'economy.decision',
          label: 'Vedtak',
          required: true,
          allowedTypes: ['application/pdf'],
          maxBytes: 1000,
          maxFiles: 1,
        },
      ],
    },
  ],
};

const good = {
  'vision.text': 'Ei kommune for alle',
  'economy.amount': '250 000',
  'economy.decision': [{ name: 'vedtak.pdf', type: 'application/pdf', bytes: 900 }],
};

describe('answers to a form', () => {
  it('accept a complete application', () => {
    expect(validateAnswers(form, good, 'submit')).toEqual({ errors: [], warnings: [] });
  });

  it('are warnings on a draft and errors on submission', () => {
    const draft = validateAnswers(form, {}, 'draft');
    expect(draft.errors).toEqual([]);
    expect(draft.warnings.map((i) => i.part)).toEqual(['vision.text', 'economy.amount', 'economy.decision']);
    expect(validateAnswers(form, {}, 'submit').errors).toHaveLength(3);
  });

  it('count words against the limits', () => {
    const long = validateAnswers(form, { ...good, 'vision.text': 'en to tre fire fem seks' }, 'submit').errors;
    expect(long).toEqual([{ part: 'vision.text', code: 'tooManyWords', params: { words: 6, max: 5 } }]);
    expect(validateAnswers(form, { ...good, 'vision.text': 'én' }, 'submit').errors[0]?.code).toBe('tooFewWords');
    expect(countWords(' a\n b\tc  ')).toBe(3);
    expect(countWords('word '.repeat(50_000))).toBe(50_000);
  });

  it('read numbers as people type them and refuse malformed ones', () => {
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('1\u00a0000')).toBe(1000);
    expect(parseNumber('12abc')).toBeUndefined();
    const issues = validateAnswers(form, { ...good, 'economy.amount': '12,5', 'economy.staff': 'mange' }, 'submit').errors.map(
      (i) => i.code,
    );
    expect(issues).toEqual(['notAnInteger', 'notANumber']);
    expect(validateAnswers(form, { ...good, 'economy.amount': '2 000 000' }, 'submit').errors[0]).toMatchObject({
      code: 'aboveMax',
      params: { max: 1_000_000 },
    });
    expect(validateAnswers(form, { ...good, 'economy.amount': '-5' }, 'submit').errors[0]?.code).toBe('belowMin');
  });

  it('check choices, dates, tables and attachments', () => {
    const codes = (answers: Record<string, unknown>) =>
      validateAnswers(form, { ...good, ...answers } as never, 'submit').errors.map((i) => i.code);
    expect(codes({ 'economy.theme': 'c' })).toEqual(['unknownOption']);
    expect(codes({ 'economy.theme': ['a', 'b'] })).toEqual(['oneOptionOnly']);
    expect(codes({ 'economy.start': '2026-02-30' })).toEqual(['notADate']);
    expect(codes({ 'economy.start': '2025-12-31' })).toEqual(['dateTooEarly']);
    expect(codes({ 'economy.start': '2028-01-01' })).toEqual(['dateTooLate']);
    expect(codes({ 'economy.targets': [{ group: 'Ressurskommunene', value: 'Erfaring', priority: '1' }] })).toEqual([]);
    expect(codes({ 'economy.targets': [{ group: 'a', priority: 'høy' }, { secret: 'x' }] })).toEqual(['notANumber', 'unknownColumn']);
    expect(codes({ 'economy.targets': [{}, {}, {}] })).toEqual(['tooManyRows']);
    expect(codes({ 'economy.decision': [{ name: 'vedtak.exe', type: 'application/x-msdownload', bytes: 5000 }] })).toEqual([
      'typeNotAllowed',
      'fileTooLarge',
    ]);
    expect(codes({ 'economy.decision': [good['economy.decision'][0], good['economy.decision'][0]] })).toEqual(['tooManyFiles']);
    expect(codes({ 'economy.decision': 'vedtak.pdf' })).toEqual(['wrongShape']);
  });

  it('know which sections are answered and which are required', () => {
    expect(answeredSections(form, { 'vision.text': 'noe' })).toEqual(['vision']);
    expect(answeredSections(form, good)).toEqual(['vision', 'economy']);
    expect(requiredSectionKeys(form)).toEqual(['vision', 'economy']);
  });
});

describe('a form definition', () => {
  it('is sound as written', () => {
    expect(checkFormDefinition(form)).toEqual([]);
  });
  it('refuses duplicate keys, empty sections, bad limits and parts without options', () => {
    const problems = checkFormDefinition({
      sections: [
        { key: 'a', title: '', parts: [] },
        {
          key: 'b',
          title: 'B',
          parts: [
            { kind: 'text', key: 'a', label: 'x', required: false, maxWords: 0 },
            { kind: 'choice', key: 'c', label: 'c', required: false, multiple: true, options: [] },
            { kind: 'table', key: 't', label: 't', required: false, maxRows: 0, columns: [] },
            { kind: 'attachment', key: 'f', label: 'f', required: false, allowedTypes: [], maxBytes: 1, maxFiles: 1 },
            { kind: 'number', key: 'n', label: 'n', required: false, min: 5, max: 1 },
          ],
        },
      ],
    });
    expect(problems.map((p) => p.code)).toEqual([
      'emptyTitle',
      'noParts',
      'duplicateKey',
      'badLimit',
      'noOptions',
      'noColumns',
      'noTypes',
      'badLimit',
    ]);
  });
});
