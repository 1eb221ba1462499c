import { describe, expect, it } from 'vitest';
import {
  caseFileKind,
  parseSearch,
  readCaseForm,
  searchQueryString,
  seededCaseForm,
  seedFromProject,
  type ProjectSource,
} from './model.js';

const PROJECT: ProjectSource = {
  id: '6f1c2d7e-0000-4000-8000-000000000001',
  title: 'Porsgrunn: helhetlig omstilling',
  country: 'NO',
  programme: { name: 'Kommunalt omstillingsprogram' },
  members: [
    { code: '4001', name: 'Porsgrunn' },
    { code: '4003', name: 'Skien' },
  ],
  startsOn: '2004-01-01',
  endsOn: '2006-12-31',
  purpose: 'Helhetlig omstilling.',
  goals: ['Bedre styringsinformasjon', 'Økt brukermedvirkning'],
  finalReport: { results: 'Ti tjenester med brukerundersøkelse.', learned: 'Forankring fra start.', spreading: '', step: 'put-to-use' },
};

describe('a case seeded from a project', () => {
  const seed = seedFromProject(PROJECT, 'https://stifinner.example/prosjekter/x');

  it('prefills from the public facts and the final report, and offers only the parts the project has', () => {
    expect(seed.origin).toEqual({ kind: 'project', id: PROJECT.id });
    expect(seed.programme).toBe('Kommunalt omstillingsprogram');
    expect(seed.values).toMatchObject({ language: 'nb', phase: 'put_to_use', yearFrom: '2004', yearTo: '2006' });
    expect(seed.values.links).toBe('Porsgrunn: helhetlig omstilling | https://stifinner.example/prosjekter/x');
    expect(seed.parts.map((p) => p.key)).toEqual(['purpose', 'goals', 'results', 'learned']);
    expect(seed.parts.find((p) => p.key === 'goals')?.text).toBe('Bedre styringsinformasjon\nØkt brukermedvirkning');
  });

  it('starts a project without a final report as new, in Danish for a Danish project', () => {
    const danish = seedFromProject({ ...PROJECT, country: 'DK', finalReport: null }, 'https://x');
    expect(danish.values).toMatchObject({ language: 'da', phase: 'new' });
    expect(danish.parts.map((p) => p.key)).toEqual(['purpose', 'goals']);
  });

  it('keeps only the ticked parts, as reworded, and the source’s country, municipalities and programme whatever is posted', () => {
    const values = seededCaseForm(seed, {
      ...seed.values,
      title: 'Omstilling',
      sector: 'organisation',
      country: 'DK',
      municipalities: '0301 Oslo',
      programme: 'Noe annet',
      public: ['purpose', 'goals', 'learned'],
      'part-purpose': ' Omstilling, omskrevet. ',
      'part-goals': 'Mål',
      'part-results': 'Ikke offentlig',
      'part-learned': 'Lært',
    });
    const draft = readCaseForm(values);
    expect(draft).toMatchObject({
      problem: 'Omstilling, omskrevet.',
      done: 'Mål',
      results: 'Lært',
      country: 'NO',
      programme: 'Kommunalt omstillingsprogram',
      municipalities: [
        { country: 'NO', code: '4001', name: 'Porsgrunn' },
        { country: 'NO', code: '4003', name: 'Skien' },
      ],
    });
  });

  it('leaves a field empty when none of its parts is ticked (the form then asks for it)', () => {
    const draft = readCaseForm(
      seededCaseForm(seed, { ...seed.values, title: 'T', sector: 'organisation', public: 'purpose', 'part-purpose': 'P' }),
    );
    expect(draft).toEqual({ field: 'done', problem: 'doneMissing' });
  });
});

describe('the programme facet', () => {
  it('is read from and written to the URL like the other facets', () => {
    const search = parseSearch({ q: 'omstilling', programme: ['Saman om ein betre kommune', ''] });
    expect(search.programme).toEqual(['Saman om ein betre kommune']);
    expect(searchQueryString(search)).toBe('q=omstilling&programme=Saman+om+ein+betre+kommune');
  });
});

describe('files on a case', () => {
  it('are reports, presentations, spreadsheets and photos, named by kind; other types are not taken', () => {
    expect(caseFileKind('application/pdf')).toBe('pdf');
    expect(caseFileKind('image/jpeg')).toBe('image');
    expect(caseFileKind('application/vnd.oasis.opendocument.spreadsheet')).toBe('spreadsheet');
    for (const type of ['text/html', 'image/svg+xml', 'application/octet-stream', 'toString']) expect(caseFileKind(type)).toBeUndefined();
  });
});
