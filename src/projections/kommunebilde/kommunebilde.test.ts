import { describe, expect, it } from 'vitest';
import { formatNumber, translator } from '../../platform/i18n/index.js';
import { areaFigures, figuresIn, type AreaFigures } from '../engine/figures.js';
import { CELL_COUNT, cellIndex, FEMALE, MALE } from '../engine/model.js';
import { madeUpProjection as projection, madeUpRates as rates } from '../engine/testing.js';
import { headlineFacts, headlineSentences } from './headline.js';
import { cacheKey, LruCache, populationHistoryOf } from './service.js';
import { scenarioChoice, scenarioSearch } from './scenario-query.js';

describe('headline sentences', () => {
  const figures: AreaFigures = areaFigures([{ projection: projection('a', (_sex, age) => (age >= 80 ? 5 : 20)), rates }]);
  const facts = headlineFacts(figures, 2040, { all: { rank: 3, of: 357 }, county: { rank: 1, of: 17 } });

  it('state the ratio then and now, the change in care and the rank, from the numbers', () => {
    const today = figuresIn(figures, 2039);
    expect(facts.workingAgePer80Plus.today).toBeCloseTo(today.workingAgePer80Plus);
    expect(facts.careChange).toBeGreaterThan(0);
    const en = headlineSentences(facts, 'Porsgrunn', 'en', translator('en'));
    expect(en[0]).toBe(
      `In 2040 Porsgrunn will have ${facts.workingAgePer80Plus.future.toFixed(1)} persons of working age (20–66) per person over 80, against ${facts.workingAgePer80Plus.today.toFixed(1)} today.`,
    );
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
    expect(nb[2]).toBe(
      `Folketallet går ned fra ${formatNumber('nb', 12000)} til ${formatNumber('nb', 10000)} i 2040 (${formatNumber('nb', -16.7, 1)} %).`,
    );
    expect(nb).toHaveLength(3);
  });
});

describe('service pieces', () => {
  it('caches by input, not by how it was asked', () => {
    const choice = scenarioChoice({ fertility: 10 });
    expect(cacheKey({ codes: ['4003', '4001'], ...choice })).toBe(
      cacheKey({ codes: ['4001', '4003', '4001'], ...scenarioChoice({ fertility: 10, migration: 0 }) }),
    );
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
    expect(history.persons[3 * CELL_COUNT + cellIndex(FEMALE, 7)]).toBe(2);
    expect(history.persons[2 * CELL_COUNT + cellIndex(FEMALE, 7)]).toBe(0);
  });
});
