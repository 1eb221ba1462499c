/**
 * Test fixtures: a small registry (Telemark's three demo municipalities and one Danish one) written
 * through the registry's own store functions, with made-up but plausible populations.
 */
import type { Queryable } from '../platform/db/database.js';
import { insertPopulation, replacePopulationTotals, replaceUnits } from '../registry/index.js';

export const FIXTURE_POPULATION = { '4001': 37_400, '4003': 55_900, '4005': 13_200 } as const;
export const FIXTURE_YEAR = 2025;

export async function seedSmallRegistry(db: Queryable): Promise<void> {
  const unit = (country: 'NO' | 'DK', code: string, name: string, regionCode: string) => ({
    country,
    code,
    regionCode,
    names: [{ name, language: country === 'NO' ? 'no' : 'da', official: true }],
    validFrom: null,
    validTo: null,
  });
  await replaceUnits(
    db,
    [
      { country: 'NO', code: '40', names: [{ name: 'Telemark', language: 'no', official: true }], validFrom: null, validTo: null },
      {
        country: 'DK',
        code: '1083',
        names: [{ name: 'Region Syddanmark', language: 'da', official: true }],
        validFrom: null,
        validTo: null,
      },
    ],
    [
      unit('NO', '4001', 'Porsgrunn', '40'),
      unit('NO', '4003', 'Skien', '40'),
      unit('NO', '4005', 'Notodden', '40'),
      unit('DK', '607', 'Fredericia', '1083'),
    ],
  );
  const codes = Object.keys(FIXTURE_POPULATION) as (keyof typeof FIXTURE_POPULATION)[];
  const rows = codes.flatMap((code) =>
    [FIXTURE_YEAR - 1, FIXTURE_YEAR].flatMap((year) => [
      { code, year, sex: 'male' as const, persons: FIXTURE_POPULATION[code] / 2 - (FIXTURE_YEAR - year) * 100 },
      { code, year, sex: 'female' as const, persons: FIXTURE_POPULATION[code] / 2 },
    ]),
  );
  await insertPopulation(db, {
    municipality: rows.map((r) => r.code),
    year: Int16Array.from(rows.map((r) => r.year)),
    sex: rows.map((r) => r.sex),
    age: Int16Array.from(rows.map(() => 40)),
    persons: Int32Array.from(rows.map((r) => r.persons)),
  });
  await replacePopulationTotals(db, 'DK', [{ country: 'DK', municipalityCode: '607', year: 2024, persons: 52_000 }]);
}
