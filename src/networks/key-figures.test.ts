/**
 * Every key figure against values worked out by hand from the shipped care panel and Grønt hefte
 * for three municipalities: Stavanger (1103, reported under three older codes until 2019), Gran
 * (3446, under 0534 until 2019) and Porsgrunn (4001, under 0805 until 2019).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureValue, keyFigure, KEY_FIGURES, sizeClassOf, type KeyFigure } from './key-figures.js';
import { loadShippedObservations, projectedObservations } from './sources.js';

const observations = loadShippedObservations();
const figure = (key: string): KeyFigure => keyFigure(key)!;
const value = (key: string, code: string | string[], year: number) =>
  figureValue(figure(key), observations, typeof code === 'string' ? [code] : code, year);

/** The rows' values copied from data/kostra/no_pleie_omsorg_paneldata_2007-2025.csv, summed over older codes. */
const HAND = {
  stavanger2016: {
    'home-care-0-66': ((1817 + 14 + 97) / 124881) * 1000,
    'home-care-67-79': ((609 + 22 + 25) / 10985) * 1000,
    'home-care-80': ((1235 + 54 + 51) / 4855) * 1000,
    'institution-0-66': ((76 + 0 + 0) / 124881) * 1000,
    // 158 under 1103, not published under 1141 and 1142: not published for Stavanger.
    'institution-67-79': null,
    'institution-80': ((632 + 9 + 9) / 4855) * 1000,
    'care-users-per-80': ((3661 + 90 + 173 + 866 + 14 + 20) / 4855) * 1000,
    'nurse-fte-per-user': (656.465 + 20.205 + 18.78) / (3661 + 90 + 173 + 866 + 14 + 20),
    'share-80': (4855 / 140721) * 100,
    growth: ((140721 - 140043) / 140043) * 100,
  },
  gran2025: {
    'home-care-0-66': (190 / 10772) * 1000,
    'home-care-67-79': null,
    'home-care-80': (175 / 858) * 1000,
    'institution-0-66': (6 / 10772) * 1000,
    'institution-67-79': (27 / 2030) * 1000,
    'institution-80': (79 / 858) * 1000,
    'care-users-per-80': ((446 + 112) / 858) * 1000,
    'nurse-fte-per-user': 115 / (446 + 112),
    'share-80': (858 / 13660) * 100,
    growth: ((13660 - 13593) / 13593) * 100,
    dki: 1.0151,
  },
  porsgrunn2025: {
    'home-care-0-66': (591 / 30186) * 1000,
    'home-care-67-79': null,
    'home-care-80': (485 / 2073) * 1000,
    'institution-0-66': (8 / 30186) * 1000,
    'institution-67-79': (56 / 5030) * 1000,
    'institution-80': (167 / 2073) * 1000,
    'care-users-per-80': ((1403 + 231) / 2073) * 1000,
    'nurse-fte-per-user': 268 / (1403 + 231),
    'share-80': (2073 / 37289) * 100,
    growth: ((37289 - 37193) / 37193) * 100,
    dki: 0.9893,
  },
} as const;

describe('key figures worked out by hand', () => {
  const cases = [
    ['Stavanger', '1103', 2016, HAND.stavanger2016],
    ['Gran', '3446', 2025, HAND.gran2025],
    ['Porsgrunn', '4001', 2025, HAND.porsgrunn2025],
  ] as const;
  for (const [name, code, year, expected] of cases)
    for (const [key, hand] of Object.entries(expected))
      it(`${key} of ${name} in ${year}`, () => {
        const computed = value(key, code, year);
        if (hand === null) expect(computed).toBeNull();
        else expect(computed).toBeCloseTo(hand, 9);
      });

  it('every figure from the shipped tables is checked for at least one of the three', () => {
    const checked = new Set(cases.flatMap(([, , , expected]) => Object.keys(expected)));
    const shipped = KEY_FIGURES.filter((f) => f.source !== 'projection').map((f) => f.key);
    expect(shipped.filter((key) => !checked.has(key))).toEqual([]);
  });

  it('the 67–79 band of home care ends in 2016 (method break), it is not filled in from the total', () => {
    expect(value('home-care-67-79', '4001', 2016)).toBeCloseTo((284 / 4074) * 1000, 9);
    expect(value('home-care-67-79', '4001', 2017)).toBeNull();
    expect(figure('home-care-67-79').breaks.map((b) => b.from)).toEqual([2017]);
    expect(figure('nurse-fte-per-user').breaks).toEqual([{ from: 2015, to: 2017, reason: 'nurseFte' }]);
  });

  it("a set's rate is its summed numerators over summed denominators, not the mean of its members' rates", () => {
    expect(value('dki', ['4001', '3446'], 2025)).toBeCloseTo((0.9893 * 37289 + 1.0151 * 13660) / (37289 + 13660), 9);
    expect(value('home-care-80', ['4001', '3446'], 2025)).toBeCloseTo(((485 + 175) / (2073 + 858)) * 1000, 9);
    // Where one member's part is not published, that member is left out of both sums.
    expect(value('institution-67-79', ['1103', '4001'], 2016)).toBeCloseTo((43 / 4074) * 1000, 9);
  });

  it('the projected staffing need and persons 20–66 per person 80+ come from the projections summed the same way', () => {
    const area = (baseYear: number, fte: number, workingAge: number, aged80: number, total: number) => ({
      baseYear,
      endYear: 2050,
      years: Array.from({ length: 2051 - baseYear }, (_, k) => ({
        year: baseYear + k,
        total,
        workingAge,
        share80Plus: aged80 / total,
        staffing: { fteTotal: fte },
      })),
    });
    const projected = projectedObservations(
      new Map([
        ['A', area(2026, 300, 6000, 500, 10_000)],
        ['B', area(2026, 100, 4000, 100, 5_000)],
      ]) as never,
      [2026, 2030, 2040],
    );
    expect(figureValue(figure('staffing-need'), projected, ['A'], 2030)).toBeCloseTo(50, 9);
    expect(figureValue(figure('staffing-need'), projected, ['A', 'B'], 2040)).toBeCloseTo((1000 * 400) / 10_000, 9);
    expect(figureValue(figure('working-age-per-80'), projected, ['A', 'B'], 2040)).toBeCloseTo(10_000 / 600, 9);
    expect(figureValue(figure('staffing-need'), projected, ['A'], 2025)).toBeNull();
  });

  it('size classes follow KOSTRA: under 5 000, 5 000–19 999, 20 000 and more', () => {
    expect([4999, 5000, 19_999, 20_000].map(sizeClassOf)).toEqual(['small', 'medium', 'medium', 'large']);
  });
});

describe('a merged set of municipalities (property)', () => {
  it("has every rate equal to its members' summed numerators over their summed denominators", () => {
    const member = fc.record({
      users: fc.integer({ min: 0, max: 5000 }),
      institution: fc.integer({ min: 0, max: 2000 }),
      aged80: fc.integer({ min: 1, max: 20_000 }),
      population: fc.integer({ min: 1, max: 200_000 }),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 12 }), (members) => {
        const observations = new Map(
          members.map((m, i) => [
            `m${i}`,
            new Map([
              [
                2025,
                {
                  homeCare80plus: m.users,
                  homeCareAll: m.users,
                  institutionAll: m.institution,
                  population80plus: m.aged80,
                  population: m.population,
                },
              ],
            ]),
          ]),
        );
        const codes = [...observations.keys()];
        const sum = (f: (m: (typeof members)[number]) => number) => members.reduce((s, m) => s + f(m), 0);
        expect(figureValue(figure('home-care-80'), observations, codes, 2025)).toBeCloseTo(
          (1000 * sum((m) => m.users)) / sum((m) => m.aged80),
          9,
        );
        expect(figureValue(figure('care-users-per-80'), observations, codes, 2025)).toBeCloseTo(
          (1000 * sum((m) => m.users + m.institution)) / sum((m) => m.aged80),
          9,
        );
        expect(figureValue(figure('share-80'), observations, codes, 2025)).toBeCloseTo(
          (100 * sum((m) => m.aged80)) / sum((m) => m.population),
          9,
        );
      }),
    );
  });
});
