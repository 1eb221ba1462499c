import { describe, expect, it } from 'vitest';
import { formatNumber, translator } from '../../platform/i18n/index.js';
import { areaFigures, figuresIn, percentChange, type AreaFigures } from '../engine/figures.js';
import { headlineFacts, headlineSentences } from './headline.js';
import { indicatorValue, quantileBreaks, rankAmong, sortRows } from '../engine/indicators.js';
import { CELL_COUNT, cellIndex, FEMALE, MALE, type Projection } from '../engine/model.js';
import { cacheKey, LruCache, populationHistoryOf } from './service.js';
import { scenarioChoice, scenarioSearch } from './scenario-query.js';
import { staffingRates } from '../engine/staffing.js';

/** A made-up projection over two years: everyone ages by a year, nobody dies or moves. */
function projection(code: string, persons: (sex: number, age: number) => number): Projection {
  const population = new Float64Array(2 * CELL_COUNT);
  for (const sex of [MALE, FEMALE]) {
    for (let age = 0; age <= 105; age++) {
      population[cellIndex(sex, age)] = persons(sex, age);
      const to = CELL_COUNT + cellIndex(sex, Math.min(age + 1, 105));
      population[to] = population[to]! + persons(sex, age);
    }
  }
  return { code, scenario: 'main', baseYear: 2039, endYear: 2040, population, births: new Float64Array(1), deaths: new Float64Array(1), netMigration: new Float64Array(1) };
}

const rates = staffingRates({ homeCare: [0.01, 0.1, 0.3], institution: [0, 0.01, 0.1] });
const flat = (n: number) => () => n;

describe('figures', () => {
  it('sum a set of municipalities and keep the ratios of the sum', () => {
    const one = areaFigures([{ projection: projection('a', flat(10)), rates }]);
    const two = areaFigures([
      { projection: projection('a', flat(10)), rates },
      { projection: projection('b', flat(30)), rates },
    ]);
    expect(figuresIn(two, 2039).total).toBe(4 * figuresIn(one, 2039).total);
    expect(figuresIn(two, 2039).workingAgePer80Plus).toBeCloseTo(figuresIn(one, 2039).workingAgePer80Plus, 10);
    expect(figuresIn(one, 2039).workingAgePer80Plus).toBeCloseTo(47 / 26, 10);
    expect(figuresIn(two, 2040).staffing.fteTotal).toBeCloseTo(4 * figuresIn(one, 2040).staffing.fteTotal, 8);
    expect(() => figuresIn(one, 2041)).toThrow(RangeError);
  });

  it('percentChange is NaN from zero', () => {
    expect(percentChange(100, 125)).toBe(25);
    expect(percentChange(0, 5)).toBeNaN();
  });
});

describe('headline sentences', () => {
  const figures: AreaFigures = areaFigures([{ projection: projection('a', (_sex, age) => (age >= 80 ? 5 : 20)), rates }]);
  const facts = headlineFacts(figures, 2040, { all: { rank: 3, of: 357 }, county: { rank: 1, of: 17 } });

  it('state the ratio then and now, the change in care and the rank, from the numbers', () => {
    const today = figuresIn(figures, 2039);
    expect(facts.workingAgePer80Plus.today).toBeCloseTo(today.workingAgePer80Plus);
    expect(facts.careChange).toBeGreaterThan(0);
    const en = headlineSentences(facts, 'Porsgrunn', 'en', translator('en'));
    expect(en[0]).toBe(`In 2040 Porsgrunn will have ${facts.workingAgePer80Plus.future.toFixed(1)} persons of working age (20–66) per person over 80, against ${facts.workingAgePer80Plus.today.toFixed(1)} today.`);
    expect(en[1]).toMatch(/^Care services will need \d+ % more full-time equivalents in 2040/);
    expect(en[3]).toContain('ranks 3 of 357');
  });

  it('are written in each language with its number format', () => {
    const comma = facts.workingAgePer80Plus.future.toFixed(1).replace('.', ',');
    expect(headlineSentences(facts, 'Porsgrunn', 'nb', translator('nb'))[0]).toContain(`ha ${comma} personer i arbeidsfør alder`);
    expect(headlineSentences(facts, 'Porsgrunn', 'nn', translator('nn'))[0]).toContain(`ha ${comma} personar`);
    expect(headlineSentences(facts, 'Porsgrunn', 'da', translator('da'))[0]).toContain(`have ${comma} personer`);
  });

  it('say fewer and shrink when the numbers fall', () => {
    const falling = { ...facts, careChange: -12.4, population: { today: 12000, future: 10000, change: -16.7 }, rank: undefined };
    const nb = headlineSentences(falling, 'Rødøy', 'nb', translator('nb'));
    expect(nb[1]).toBe('Pleie og omsorg vil trenge 12 % færre årsverk i 2040 enn i dag.');
    expect(nb[2]).toBe(`Folketallet går ned fra ${formatNumber('nb', 12000)} til ${formatNumber('nb', 10000)} i 2040 (${formatNumber('nb', -16.7, 1)} %).`);
    expect(nb).toHaveLength(3);
  });
});

describe('indicators and ranks', () => {
  it('rank 1 is the highest, ties share the better rank, NaN is not ranked', () => {
    expect(rankAmong(5, [1, 5, 9, 5, Number.NaN])).toEqual({ rank: 2, of: 4 });
    expect(rankAmong(9, [1, 5, 9])).toEqual({ rank: 1, of: 3 });
    expect(rankAmong(Number.NaN, [1])).toBeUndefined();
  });

  it('growth, share 80+ and the other indicators come from the figures', () => {
    const figures = areaFigures([{ projection: projection('a', flat(10)), rates }]);
    expect(indicatorValue(figures, 'growth', 2040)).toBeCloseTo(percentChange(figuresIn(figures, 2039).total, figuresIn(figures, 2040).total));
    expect(indicatorValue(figures, 'share80Plus', 2039)).toBeCloseTo((100 * 26) / 106);
    expect(indicatorValue(figures, 'ftePer1000WorkingAge', 2039)).toBeGreaterThan(0);
  });

  it('sorts rows by value with NaN last, or by name in the language', () => {
    const rows = [
      { code: '1', name: 'Øksnes', countyCode: '18', value: 2 },
      { code: '2', name: 'Aukra', countyCode: '15', value: Number.NaN },
      { code: '3', name: 'Ås', countyCode: '32', value: 7 },
    ];
    expect(sortRows(rows, 'value', 'desc', 'nb').map((r) => r.code)).toEqual(['3', '1', '2']);
    expect(sortRows(rows, 'value', 'asc', 'nb').map((r) => r.code)).toEqual(['1', '3', '2']);
    expect(sortRows(rows, 'name', 'asc', 'nb').map((r) => r.name)).toEqual(['Aukra', 'Øksnes', 'Ås']);
    expect(quantileBreaks([1, 2, 3, 4, Number.NaN], 2)).toEqual([3]);
  });
});

describe('service pieces', () => {
  it('caches by input, not by how it was asked', () => {
    const choice = scenarioChoice({ fertility: 10 });
    expect(cacheKey({ codes: ['4003', '4001'], ...choice })).toBe(cacheKey({ codes: ['4001', '4003', '4001'], ...scenarioChoice({ fertility: 10, migration: 0 }) }));
    expect(cacheKey({ codes: ['4001'], ...choice })).not.toBe(cacheKey({ codes: ['4001'], ...scenarioChoice({}) }));
    expect(scenarioSearch(scenarioChoice({ scenario: 'high', fertility: -20, lifeExpectancy: 1.5, migration: 40 }))).toEqual([
      ['scenario', 'high'],
      ['fertility', '-20'],
      ['lifeExpectancy', '1.5'],
      ['migration', '40'],
    ]);
  });

  it('the LRU cache forgets the least recently used entry', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('lays the registry rows out as the engine’s population history, missing rows as zero', () => {
    const ages = (n: number) => Array.from({ length: 106 }, () => n);
    const history = populationHistoryOf([
      { code: '4001', year: 2025, sex: 'female', persons: ages(2) },
      { code: '0301', year: 2024, sex: 'male', persons: ages(1) },
    ]);
    expect(history.codes).toEqual(['0301', '4001']);
    expect(history.years).toEqual([2024, 2025]);
    expect(history.persons[cellIndex(MALE, 5)]).toBe(1);
    expect(history.persons[(3 * CELL_COUNT) + cellIndex(FEMALE, 7)]).toBe(2);
    expect(history.persons[(2 * CELL_COUNT) + cellIndex(FEMALE, 7)]).toBe(0);
  });
});
