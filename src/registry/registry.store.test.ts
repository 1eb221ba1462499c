import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { JsonStatDataset } from './jsonstat.js';
import { readFileSync } from 'node:fs';
import { importFolk1aByAge, importNationalProjections, importPopulation07459, importShippedRegistry } from './importer.js';
import { statBankDataset } from './statbank.js';
import {
  currentCodesFor,
  findMunicipality,
  listImports,
  listMunicipalities,
  latestPopulationByAge,
  populationByAge,
  danishPopulationTotals,
  populationTotals,
  registryIsEmpty,
  registryRowCounts,
  searchMunicipalities,
} from './store.js';

const EXPECTED_COUNTS = {
  registry_regions: 20,
  registry_municipalities: 976,
  registry_names: 1073,
  registry_code_changes: 559,
  registry_code_crosswalk: 35_145,
  registry_population: 357 * 2 * 106 * 7,
  registry_population_totals: 98 * 17,
  registry_national_projections: 810 + 750, // 14288 (2024–2050), 14746 (2026–2050)
};

const oneCell = (region: string, year: string, persons: number) =>
  JsonStatDataset.parse({
    id: ['Region', 'Kjonn', 'Alder', 'ContentsCode', 'Tid'],
    size: [1, 1, 1, 1, 1],
    dimension: {
      Region: { category: { index: [region] } },
      Kjonn: { category: { index: ['2'] } },
      Alder: { category: { index: ['080'] } },
      ContentsCode: { category: { index: ['Personer1'] } },
      Tid: { category: { index: [year] } },
    },
    value: [persons],
  });

describe('registry store', () => {
  let database: TestDatabase;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    expect(await registryIsEmpty(database.db)).toBe(true);
    await importShippedRegistry(database.db, (done, total, step) => progress.push([done, total, step]));
  }, 120_000);
  afterAll(() => database?.dispose());

  it('imports every shipped table with its row count and reports progress to the end', async () => {
    expect(await registryRowCounts(database.db)).toEqual(EXPECTED_COUNTS);
    expect(await registryIsEmpty(database.db)).toBe(false);
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
    expect(progress.filter(([, , step]) => step === 'population 07459').length).toBeGreaterThan(10);
    expect((await listImports(database.db)).map((i) => [i.dataset, i.source])).toEqual([
      ['dst-folk1a', 'shipped'],
      ['ssb-07459', 'shipped'],
      ['ssb-national-projections', 'shipped'],
      ['units', 'shipped'],
    ]);
  });

  it('is idempotent: a second import leaves the same rows', async () => {
    await importShippedRegistry(database.db);
    expect(await registryRowCounts(database.db)).toEqual(EXPECTED_COUNTS);
    expect((await populationTotals(database.db, 'NO', '5610')).map((r) => r.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  }, 120_000);

  it("lists today's municipalities with every name form", async () => {
    const norway = await listMunicipalities(database.db, 'NO');
    expect(norway).toHaveLength(357);
    expect(await listMunicipalities(database.db, 'DK')).toHaveLength(98);
    const karasjok = norway.find((m) => m.code === '5610')!;
    expect(karasjok.name).toBe('Kárášjohka – Karasjok');
    expect(karasjok.names.map((f) => [f.name, f.language])).toEqual([
      ['Kárášjohka', 'se'],
      ['Karasjok', 'no'],
    ]);
    expect(karasjok.regionCode).toBe('56');
  });

  it("keeps former codes with their validity and maps them to today's, weighted where split", async () => {
    expect(await findMunicipality(database.db, 'NO', '1507')).toMatchObject({ validFrom: '2020-01-01', validTo: '2024-01-01' });
    expect(await currentCodesFor(database.db, '1507', 2022)).toEqual([
      { code: '1508', weight: 0.5 },
      { code: '1580', weight: 0.5 },
    ]);
    expect(await currentCodesFor(database.db, '0821', 2019)).toEqual([{ code: '4020', weight: 1 }]); // Bø → Midt-Telemark
  });

  it('finds a municipality by any name form, without accents, or by code', async () => {
    const codes = async (q: string, country?: 'NO' | 'DK') => (await searchMunicipalities(database.db, q, country)).map((m) => m.code);
    expect(await codes('karasj')).toEqual(['5610']);
    expect(await codes('Kárášjohka')).toEqual(['5610']);
    expect(await codes('karasjohka')).toEqual(['5610']);
    expect(await codes('omasvuono')).toEqual(['5538']);
    expect(await codes('copenhagen')).toEqual(['101']);
    expect(await codes('5610')).toEqual(['5610']);
    expect(await codes('odal', 'NO')).toEqual(['3414', '3415']); // Nord-Odal, Sør-Odal
    expect(await codes('odal', 'DK')).toEqual([]);
    expect(await codes('')).toEqual([]);
  });

  it('reads population by age; Denmark has totals', async () => {
    const oslo = (await populationByAge(database.db, '0301', 2024))!;
    const total = oslo.male.reduce((a, b) => a + b, 0) + oslo.female.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(700_000);
    expect(await populationByAge(database.db, '0301', 1999)).toBeUndefined();
    expect((await populationTotals(database.db, 'DK', '101')).at(-1)).toEqual({ year: 2023, persons: 653_664 });
    const danish = await danishPopulationTotals(database.db);
    expect(danish.size).toBe(98);
    expect(danish.get('101')).toEqual(await populationTotals(database.db, 'DK', '101'));
  });

  it('replaces only the years a population import covers, and refuses unknown codes', async () => {
    const replaced = await importPopulation07459(database.db, oneCell('0301', '2026', 1234), 'test');
    expect(replaced).toEqual({ ok: true, rows: 1 });
    const counts = await registryRowCounts(database.db);
    expect(counts.registry_population).toBe(357 * 2 * 106 * 6 + 1);
    expect((await populationByAge(database.db, '0301', 2026))?.female[80]).toBe(1234);
    expect((await populationByAge(database.db, '0301', 2025))?.female[80]).toBeGreaterThan(0);

    const refused = await importPopulation07459(database.db, oneCell('3001', '2022', 5), 'test');
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? '' : refused.error).toContain('3001');
    expect((await registryRowCounts(database.db)).registry_population).toBe(357 * 2 * 106 * 6 + 1);
  });

  it("imports Denmark's population by age from StatBank's answer, leaving Norway's rows alone; again gives the same rows", async () => {
    const fixture = statBankDataset(JSON.parse(readFileSync(new URL('./fixtures/folk1a-statbank.json', import.meta.url), 'utf8')));
    const norway = (await registryRowCounts(database.db)).registry_population ?? 0;
    const steps: number[] = [];
    expect(await importFolk1aByAge(database.db, fixture, 'test', (done) => steps.push(done))).toEqual({ ok: true, rows: 3 * 2 * 106 * 2 });
    expect(steps.at(-1)).toBe(3 * 2 * 106 * 2);
    expect(await importFolk1aByAge(database.db, fixture, 'test')).toEqual({ ok: true, rows: 3 * 2 * 106 * 2 });
    expect((await registryRowCounts(database.db)).registry_population).toBe(norway + 3 * 2 * 106 * 2);
    const fredericia = (await latestPopulationByAge(database.db, 'DK', '607'))!;
    expect(fredericia.year).toBe(2025);
    expect(fredericia.male.length).toBe(106);
    expect((await latestPopulationByAge(database.db, 'NO', '0301'))?.year).toBe(2026);
    expect(await latestPopulationByAge(database.db, 'DK', '151')).toBeUndefined();
    // A re-import of Norway's years leaves the Danish rows.
    await importPopulation07459(database.db, oneCell('0301', '2026', 1234), 'test');
    expect((await latestPopulationByAge(database.db, 'DK', '607'))?.year).toBe(2025);
    expect((await listImports(database.db)).map((i) => i.dataset)).toContain('dst-folk1a-age');
  });

  it('refuses a Danish import with a code the registry does not know, writing nothing', async () => {
    const bundle = JSON.parse(readFileSync(new URL('./fixtures/folk1a-statbank.json', import.meta.url), 'utf8'));
    bundle.dataset.dimension.OMRÅDE.category.index = { '101': 0, '999': 1, '410': 2 };
    const before = await registryRowCounts(database.db);
    const refused = await importFolk1aByAge(database.db, statBankDataset(bundle), 'test');
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('999') });
    expect(await registryRowCounts(database.db)).toEqual(before);
  });

  it('refuses an empty national projection import without touching the tables', async () => {
    expect(await importNationalProjections(database.db, [], 'test')).toMatchObject({ ok: false });
    expect((await registryRowCounts(database.db)).registry_national_projections).toBe(EXPECTED_COUNTS.registry_national_projections);
  });
});
