import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from './backtest.js';
import { buildEngine, type ProjectionEngine } from './engine.js';
import type { ProjectionInputs } from './inputs.js';
import { CELL_COUNT, balanceError, cellIndex, personsAged, populationInYear, totalPersons, type Projection } from './model.js';
import { loadProjectionInputs } from '../sources.js';

let inputs: ProjectionInputs;
let main: ProjectionEngine;

beforeAll(() => {
  inputs = loadProjectionInputs();
  main = buildEngine(inputs, { baseYear: 2024, scenario: 'main' });
});

function nationalSum(engine: ProjectionEngine, year: number): Float64Array {
  const sum = new Float64Array(CELL_COUNT);
  for (const code of engine.codes) populationInYear(engine.project(code), year).forEach((v, c) => (sum[c] = sum[c]! + v));
  return sum;
}

function ssb(table: number, scenario: 'main' | 'high' | 'low', year: number): Float64Array {
  const t = inputs.nationalProjections.find((p) => p.baseYear === table)!;
  const y = t.years.indexOf(year);
  return t.alternatives[scenario].subarray(y * t.ageGroups.length, (y + 1) * t.ageGroups.length);
}

describe('loaded data', () => {
  it('reads known figures from the shipped files', () => {
    const oslo = inputs.population.codes.indexOf('0301');
    const years = inputs.population.years.length;
    const at = (oslo * years + 2026 - inputs.population.years[0]!) * CELL_COUNT;
    expect(totalPersons(inputs.population.persons.subarray(at, at + CELL_COUNT))).toBe(728714);
    expect(ssb(2024, 'main', 2024)[0]).toBe(52408);
    expect(inputs.nationalProjections.find((p) => p.baseYear === 2026)!.ageGroups[9]).toEqual([90, 105]);
    expect(inputs.population.codes).toHaveLength(357);
  });
});

describe('published projection, base 2024', () => {
  it('keeps every municipality non-negative and balanced in every year', () => {
    for (const code of main.codes) {
      const p = main.project(code);
      expect(Math.min(...p.population), code).toBeGreaterThanOrEqual(0);
      expect(balanceError(p) / totalPersons(p.population.subarray(0, CELL_COUNT)), code).toBeLessThan(1e-9);
    }
  });

  it('sums to SSB’s main alternative by age group (alignment)', () => {
    const nation = nationalSum(main, 2050);
    const target = ssb(2024, 'main', 2050);
    const groups = inputs.nationalProjections[0]!.ageGroups;
    groups.forEach(([from, to], g) => expect(personsAged(nation, from, to) / target[g]!).toBeCloseTo(1, 6));
  });

  it('lands near SSB’s national figure even before alignment', () => {
    const unaligned = buildEngine(inputs, { baseYear: 2024, scenario: 'main', align: false });
    const target2035 = ssb(2024, 'main', 2035).reduce((a, b) => a + b, 0);
    expect(Math.abs(totalPersons(nationalSum(unaligned, 2035)) / target2035 - 1)).toBeLessThan(0.03);
  });

  it('orders the scenarios high > main > low in 2050', () => {
    const high = buildEngine(inputs, { baseYear: 2024, scenario: 'high' });
    const low = buildEngine(inputs, { baseYear: 2024, scenario: 'low' });
    const total = (e: ProjectionEngine) => totalPersons(nationalSum(e, 2050));
    expect(total(high)).toBeGreaterThan(total(main));
    expect(total(main)).toBeGreaterThan(total(low));
    expect(total(high) / ssb(2024, 'high', 2050).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('is deterministic across engine builds', () => {
    const again = buildEngine(inputs, { baseYear: 2024, scenario: 'main' });
    expect(Array.from(again.project('3450').population)).toEqual(Array.from(main.project('3450').population));
  });

  it('recomputes with user adjustments in the expected direction', () => {
    const plain = main.project('4601');
    const pop2050 = (p: Projection) => totalPersons(populationInYear(p, 2050));
    const moreBirths = main.project('4601', { fertilityFactor: 1.1 });
    expect(moreBirths.births[0]! / plain.births[0]!).toBeCloseTo(1.1, 9);
    const moreMigrants = main.project('4601', { netMigrationPerYear: 100 });
    expect(pop2050(moreMigrants) - pop2050(plain)).toBeGreaterThan(26 * 100);
    const longerLives = main.project('4601', { lifeExpectancyShift: 2 });
    expect(longerLives.deaths.reduce((a, b) => a + b)).toBeLessThan(plain.deaths.reduce((a, b) => a + b));
    expect(balanceError(longerLives)).toBeLessThan(1e-6);
  });

  it('projects a set of municipalities as their sum', () => {
    const set = main.project(['1101', '1103']);
    const parts = totalPersons(populationInYear(main.project('1101'), 2040)) + totalPersons(populationInYear(main.project('1103'), 2040));
    expect(totalPersons(populationInYear(set, 2040))).toBeCloseTo(parts, 6);
  });

  it('starts from the observed base population', () => {
    const p = main.project('0301');
    expect(totalPersons(populationInYear(p, 2024))).toBe(717710);
    expect(populationInYear(p, 2024)[cellIndex(0, 0)]).toBeGreaterThan(0);
  });
});

describe('published projection, base 2026', () => {
  it('aligns to the 2026-based table 14746', () => {
    const e = buildEngine(inputs, { baseYear: 2026, scenario: 'low', endYear: 2030 });
    expect(totalPersons(nationalSum(e, 2030)) / ssb(2026, 'low', 2030).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});

describe('backtest', () => {
  it('beats assuming no change, 2020 → 2026 fitted on data to 2022', () => {
    const r = runBacktest(inputs, { baseYear: 2020, fitUntil: 2022, targetYear: 2026 });
    expect(r.municipalities).toHaveLength(355);
    expect(r.mapeNoChange).toBeCloseTo(0.0385, 3);
    expect(r.mapeTotal).toBeLessThan(0.025);
    expect(r.mapeTotal).toBeLessThan(r.mapeNoChange * 0.6);
  });
});
