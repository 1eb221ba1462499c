import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonStatDataset } from './jsonstat.js';
import {
  ageGroup,
  danishUnits,
  formerNorwegianMunicipalities,
  nationalProjectionFromJsonStat,
  norwegianNameForms,
  norwegianUnits,
  officialName,
  parseCodeChanges,
  parseCsvRecords,
  parseNationalProjectionCsv,
  populationColumns,
  searchKey,
  unknownCodes,
  withSsbForms,
  type CodeChange,
} from './model.js';

const shipped = (file: string) => readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8');
const changes = parseCodeChanges(JSON.parse(shipped('ssb/municipality_code_changes_1988-2024.json')));

describe('name forms', () => {
  it('splits an official name into its forms with their languages', () => {
    expect(norwegianNameForms('Kárášjohka - Karasjok')).toEqual([
      { name: 'Kárášjohka', language: 'se', official: true },
      { name: 'Karasjok', language: 'no', official: true },
    ]);
    expect(norwegianNameForms('Storfjord - Omasvuotna - Omasvuono').map((f) => f.language)).toEqual(['no', 'se', 'fkv']);
  });

  it('keeps hyphens inside a form', () => {
    expect(norwegianNameForms('Aurskog-Høland').map((f) => f.name)).toEqual(['Aurskog-Høland']);
  });

  it("adds SSB's Sami forms that Kartverket's name lacks, but not parts of hyphenated names", () => {
    expect(withSsbForms(norwegianNameForms('Oslo'), 'Oslo-Oslove').map((f) => [f.name, f.language])).toEqual([
      ['Oslo', 'no'],
      ['Oslove', 'sma'],
    ]);
    expect(withSsbForms(norwegianNameForms('Nord-Odal'), 'Nord-Odal').map((f) => f.name)).toEqual(['Nord-Odal']);
  });

  it('joins official forms with an en dash and leaves exonyms out', () => {
    expect(officialName(norwegianNameForms('Kárášjohka - Karasjok'))).toBe('Kárášjohka – Karasjok');
    expect(
      officialName([
        { name: 'København', language: 'da', official: true },
        { name: 'Copenhagen', language: 'en', official: false },
      ]),
    ).toBe('København');
  });

  it('matches search without case or accents', () => {
    expect(searchKey('Kárášjohka')).toBe('karasjohka');
    expect(searchKey('Porsáŋgu')).toBe('porsangu');
  });
});

describe('Norwegian units', () => {
  const { regions, municipalities } = norwegianUnits(shipped('ssb/municipalities_2024.csv'), changes);

  it('has the 357 municipalities and 15 counties of 2024', () => {
    expect(municipalities).toHaveLength(357);
    expect(regions).toHaveLength(15);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(357);
  });

  it('gives every multi-form name exactly one Norwegian form', () => {
    for (const unit of [...municipalities, ...regions]) {
      expect(
        unit.names.filter((f) => f.language === 'no'),
        unit.code,
      ).toHaveLength(1);
    }
  });

  it('dates a code from the change that created it', () => {
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    expect(byCode.get('1508')?.validFrom).toBe('2024-01-01');
    expect(byCode.get('5001')?.validFrom).toBe('2018-01-01');
    expect(byCode.get('0301')?.validFrom).toBeNull();
    expect(officialName(byCode.get('5610')!.names)).toBe('Kárášjohka – Karasjok');
    expect(regions.find((r) => r.code === '55')?.names.map((f) => f.name)).toEqual(['Troms', 'Romsa', 'Tromssa', 'Romssa']); // Romssa: SSB's spelling
  });

  it('keeps former codes with the period they were in use', () => {
    const former = formerNorwegianMunicipalities(changes, new Set(municipalities.map((m) => m.code)));
    const alesund2020 = former.find((m) => m.code === '1507');
    expect(alesund2020).toMatchObject({ validFrom: '2020-01-01', validTo: '2024-01-01', regionCode: null });
    expect(former.some((m) => municipalities.some((c) => c.code === m.code))).toBe(false);
  });

  it('treats a renaming under the same code as no change of code', () => {
    const renamed: CodeChange[] = [
      { oldCode: '2011', oldName: 'Kautokeino', newCode: '2011', newName: 'Guovdageaidnu - Kautokeino', changedOn: '1988-01-01' },
    ];
    expect(formerNorwegianMunicipalities(renamed, new Set())).toEqual([]);
  });
});

describe('Danish units', () => {
  const { regions, municipalities } = danishUnits(shipped('dk/dk_municipalities_dagi2014_properties.csv'));

  it('has 98 municipalities in 5 regions, without Christiansø', () => {
    expect(municipalities).toHaveLength(98);
    expect(regions.map((r) => r.code)).toEqual(['81', '82', '83', '84', '85']);
    expect(municipalities.some((m) => m.code === '411')).toBe(false);
    expect(municipalities.every((m) => regions.some((r) => r.code === m.regionCode))).toBe(true);
  });

  it('keeps an English exonym for search, not as an official form', () => {
    const copenhagen = municipalities.find((m) => m.code === '101')!;
    expect(copenhagen.names).toEqual([
      { name: 'København', language: 'da', official: true },
      { name: 'Copenhagen', language: 'en', official: false },
    ]);
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas and escaped quotes, and a BOM', () => {
    const rows = parseCsvRecords('\uFEFFa,b\n"x, y","say ""hi"""\n');
    expect(rows[0]?.get('a')).toBe('x, y');
    expect(rows[0]?.get('b')).toBe('say "hi"');
  });
});

describe('national projections', () => {
  it('reads the three alternatives by age group', () => {
    const rows = parseNationalProjectionCsv(shipped('ssb/no_ssb14288_national_projection_2024-2050_agegroups.csv'));
    expect(rows).toHaveLength(810);
    expect(new Set(rows.map((r) => r.alternative))).toEqual(new Set(['MMMM', 'HHMH', 'LLML']));
    expect(rows[0]).toMatchObject({ tableCode: '14288', baseYear: 2024, year: 2024, ageFrom: 0, ageTo: 0, persons: 52408 });
  });

  it('reads age group labels', () => {
    expect(ageGroup('1-5 år')).toEqual([1, 5]);
    expect(ageGroup('90 år eller eldre')).toEqual([90, 105]);
    expect(() => ageGroup('alle')).toThrow();
  });
});

describe('population 07459', () => {
  const dataset = (values: (number | null)[], ages = ['000', '105+']) =>
    JsonStatDataset.parse({
      id: ['Region', 'Kjonn', 'Alder', 'ContentsCode', 'Tid'],
      size: [1, 2, ages.length, 1, 1],
      dimension: {
        Region: { category: { index: ['0301'] } },
        Kjonn: { category: { index: ['1', '2'] } },
        Alder: { category: { index: ages } },
        ContentsCode: { category: { index: ['Personer1'] } },
        Tid: { category: { index: ['2024'] } },
      },
      value: values,
    });

  it('gives one entry per cell with a value, 105+ as 105', () => {
    const result = populationColumns(dataset([10, 1, 12, null]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.population.sex).toEqual(['male', 'male', 'female']);
    expect([...result.population.age]).toEqual([0, 105, 0]);
    expect([...result.population.persons]).toEqual([10, 1, 12]);
  });

  it('refuses values that are not counts', () => {
    expect(populationColumns(dataset([1.5, 1, 1, 1]))).toEqual({ ok: false, error: 'population 1.5 is not a count' });
    expect(populationColumns(dataset([1, 1, 1, 1], ['000', '110']))).toMatchObject({ ok: false });
  });

  it('reads the shipped copy completely', () => {
    const result = populationColumns(JsonStatDataset.parse(JSON.parse(shipped('ssb/07459_population_2020-2026_b2024.json'))));
    expect(result.ok && result.population.persons.length).toBe(357 * 2 * 106 * 7);
  });

  it('names codes the registry does not know', () => {
    expect(unknownCodes(['0301', '9999', '9999', '0000'], new Set(['0301']))).toEqual(['0000', '9999']);
  });
});

describe('national projection from JSON-stat2', () => {
  const ds = JsonStatDataset.parse({
    id: ['Region', 'Alder', 'ContentsCode', 'Tid'],
    size: [1, 2, 3, 2],
    dimension: {
      Region: { category: { index: ['0'], label: { '0': 'Hele landet' } } },
      Alder: { category: { index: ['000', '090+'], label: { '000': '0 år', '090+': '90 år eller eldre' } } },
      ContentsCode: {
        category: {
          index: ['Fram1', 'Fram2', 'Fram3'],
          label: { Fram1: 'Hovedalternativet (MMMM)', Fram2: 'Konstant (KKKK)', Fram3: 'Lav nasjonal vekst (LLML)' },
        },
      },
      Tid: { category: { index: ['2024', '2025'] } },
    },
    value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  });

  it('reads the alternatives it knows by age group and year', () => {
    const result = nationalProjectionFromJsonStat(ds, '14288', 2024);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.alternative, r.ageFrom, r.ageTo, r.year, r.persons])).toEqual([
      ['MMMM', 0, 0, 2024, 1],
      ['MMMM', 0, 0, 2025, 2],
      ['MMMM', 90, 105, 2024, 7],
      ['MMMM', 90, 105, 2025, 8],
      ['LLML', 0, 0, 2024, 5],
      ['LLML', 0, 0, 2025, 6],
      ['LLML', 90, 105, 2024, 11],
      ['LLML', 90, 105, 2025, 12],
    ]);
  });

  it('refuses a table without the alternatives', () => {
    const plain = JsonStatDataset.parse({
      id: ['Alder', 'Tid'],
      size: [1, 1],
      dimension: { Alder: { category: { index: ['000'] } }, Tid: { category: { index: ['2024'] } } },
      value: [1],
    });
    expect(nationalProjectionFromJsonStat(plain, '14288', 2024)).toEqual({
      ok: false,
      error: 'the dataset has no MMMM, HHMH or LLML alternative',
    });
  });
});
