import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { importShippedRegistry, populationTotals } from '../registry/index.js';
import { findCountyArea, findMunicipalityArea, thresholdFor } from './thresholds.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await importShippedRegistry(database.db);
}, 120_000);
afterAll(() => database.dispose());

const municipality = async (code: string) => thresholdFor(database.db, (await findMunicipalityArea(database.db, code))!);

describe('the threshold from the registry’s latest population', () => {
  it('is 2 % rounded up in Utsira, the smallest municipality', async () => {
    const utsira = await municipality('1151');
    const latest = (await populationTotals(database.db, 'NO', '1151')).at(-1)!;
    expect(utsira).toMatchObject({ name: 'Utsira', capped: false, population: { persons: latest.persons, year: latest.year } });
    expect(utsira.signatures).toBe(Math.ceil((latest.persons * 2) / 100));
    expect(utsira.signatures).toBeLessThan(10);
    expect(utsira.population!.source).toContain('07459');
  });

  it('is capped at 300 in Porsgrunn and Oslo', async () => {
    for (const code of ['4001', '0301']) {
      const threshold = await municipality(code);
      expect(threshold).toMatchObject({ signatures: 300, capped: true });
      expect(threshold.population!.persons).toBeGreaterThan(15_000);
    }
  });

  it('sums a county’s municipalities and caps Vestfold at 500', async () => {
    const vestfold = (await findCountyArea(database.db, '39'))!;
    expect(vestfold.name).toContain('Vestfold');
    const threshold = await thresholdFor(database.db, vestfold);
    expect(threshold).toMatchObject({ kind: 'county', signatures: 500, capped: true });
    expect(threshold.population!.persons).toBeGreaterThan(200_000);
    const porsgrunn = (await municipality('4001')).population!.persons;
    const telemark = (await thresholdFor(database.db, (await findCountyArea(database.db, '40'))!)).population!.persons;
    expect(telemark).toBeGreaterThan(porsgrunn);
  });

  it('finds a Danish municipality by its three digits (or with a leading zero) and gives it no statutory threshold', async () => {
    const fredericia = (await findMunicipalityArea(database.db, '0607'))!;
    expect(fredericia).toMatchObject({ country: 'DK', code: '607' });
    const threshold = await thresholdFor(database.db, fredericia);
    expect(threshold).toMatchObject({ signatures: null, rule: { statutory: false } });
    expect(threshold.population?.persons).toBeGreaterThan(40_000);
  });

  it('knows no unknown area', async () => {
    expect(await findMunicipalityArea(database.db, '9999')).toBeUndefined();
    expect(await findMunicipalityArea(database.db, '999')).toBeUndefined();
    expect(await findCountyArea(database.db, '99')).toBeUndefined();
  });
});
