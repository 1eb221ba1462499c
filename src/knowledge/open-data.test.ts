import { describe, expect, it } from 'vitest';
import { casesCsv, casesJson, csvCell, LICENCE } from './open-data.js';
import type { StoredCase } from './store.js';

const CASE: StoredCase = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'sms-for-snobroyting',
  language: 'nn',
  title: 'SMS før snøbrøyting, "Kristiansand"',
  problem: 'Bilar\ni vegen.',
  done: '=HYPERLINK("x")',
  results: '',
  phase: 'put_to_use',
  country: 'NO',
  sector: 'technical',
  themes: ['digital_communication'],
  yearFrom: null,
  yearTo: null,
  municipalities: [{ country: 'NO', code: '4204', name: 'Kristiansand', region: 'Agder', sizeClass: 'large' }],
  partners: [],
  contacts: [],
  links: [{ title: 'Kommunen', url: 'https://example.no' }],
  source: 'Seed 002',
  programme: null,
  origin: null,
  organisationId: null,
  recommended: false,
  version: 3,
  updatedAt: new Date('2026-12-04T07:00:00Z'),
  updatedByName: 'Ragnhild Aas',
};

describe('open data', () => {
  it('states its licence and leaves out internal ids, versions and who edited', () => {
    const json = casesJson([CASE], 'https://stifinner.example');
    expect(json.licence).toEqual(LICENCE);
    expect(json.cases[0]).toMatchObject({ url: 'https://stifinner.example/kunnskapsbank/sms-for-snobroyting', phase: 'put_to_use' });
    const text = JSON.stringify(json);
    expect(text).not.toContain(CASE.id);
    expect(text).not.toContain('Ragnhild');
  });

  it('writes one CSV row per case, quoting what must be quoted and defusing formulas', () => {
    const csv = casesCsv([CASE], 'https://stifinner.example');
    const [header, row] = csv.split('\r\n');
    expect(header).toMatch(/^url,language,title,problem,done/);
    expect(csv).toContain('"SMS før snøbrøyting, ""Kristiansand"""');
    expect(csv).toContain('"Bilar\ni vegen."');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('4204');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csvCell(null)).toBe('');
    expect(csvCell('-1')).toBe("'-1");
  });
});
