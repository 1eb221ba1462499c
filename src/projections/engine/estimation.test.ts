import { describe, expect, it } from 'vitest';
import { FERTILITY_PRIOR_BIRTHS, fertilityLevels, fertilityShape, heldFertility, totalFertility } from './fertility.js';
import type { PopulationHistory } from './inputs.js';
import { CELL_COUNT, FEMALE, MALE, cellIndex } from './model.js';
import { excessPersistence, residualMigration, shrunkRates, smoothOverAge, sum, usableTransitions } from './migration.js';
import { loadProjectionInputs } from '../sources.js';

const inputs = loadProjectionInputs();

describe('fertility', () => {
  it('reads Norway’s total fertility from HFD and holds the recent level', () => {
    expect(totalFertility(inputs.fertility, 2020)).toBeCloseTo(1.48, 2);
    const held = heldFertility(inputs.fertility, 2021);
    expect(held(2021)).toBeCloseTo(totalFertility(inputs.fertility, 2021), 12);
    const mean =
      (totalFertility(inputs.fertility, 2019) + totalFertility(inputs.fertility, 2020) + totalFertility(inputs.fertility, 2021)) / 3;
    expect(held(2030)).toBeCloseTo(mean, 12);
  });

  it('has an age pattern summing to one, peaking around 30', () => {
    const shape = fertilityShape(inputs.fertility, 2022);
    expect(sum(shape)).toBeCloseTo(1, 12);
    const peak = shape.indexOf(Math.max(...shape));
    expect(peak).toBeGreaterThanOrEqual(28);
    expect(peak).toBeLessThanOrEqual(33);
  });

  it('shrinks a small municipality’s level towards the national level', () => {
    // two municipalities with 100 women aged 30 each; one has twice the newborns of the other
    const persons = new Float64Array(2 * 2 * CELL_COUNT);
    const at = (m: number, y: number) => (m * 2 + y) * CELL_COUNT;
    for (const m of [0, 1]) persons[at(m, 0) + cellIndex(FEMALE, 30)] = 100;
    persons[at(0, 1) + cellIndex(MALE, 0)] = 4;
    persons[at(1, 1) + cellIndex(MALE, 0)] = 8;
    const population: PopulationHistory = { codes: ['0001', '0002'], years: [2023, 2024], persons };
    const shape = new Float64Array(106);
    shape[30] = 1;
    const levels = fertilityLevels(population, [[0], [0]], shape, 1);
    expect(levels.nationalLevel).toBeCloseTo(12 / 200, 12);
    // own ratio 4/6 and 8/6, pulled towards their one group's level 1 by the prior births
    const k = FERTILITY_PRIOR_BIRTHS;
    expect(levels.relative[0]).toBeCloseTo((4 + k) / (6 + k), 12);
    expect(levels.relative[1]).toBeCloseTo((8 + k) / (6 + k), 12);
  });

  it('shrinks a municipality’s level towards its own county’s', () => {
    // counties A (0001, 0002) and B (0003): same women, A has more newborns
    const persons = new Float64Array(3 * 2 * CELL_COUNT);
    const at = (m: number, y: number) => (m * 2 + y) * CELL_COUNT;
    for (const m of [0, 1, 2]) persons[at(m, 0) + cellIndex(FEMALE, 30)] = 100;
    [9, 9, 3].forEach((newborns, m) => (persons[at(m, 1) + cellIndex(MALE, 0)] = newborns));
    const population: PopulationHistory = { codes: ['0001', '0002', '0003'], years: [2023, 2024], persons };
    const shape = new Float64Array(106);
    shape[30] = 1;
    const levels = fertilityLevels(population, [[0], [0], [0]], shape, 1, (m) => (m < 2 ? 'A' : 'B'));
    // national 21 newborns over 3 × 100 women: A's own and pooled level 9 / 7, B's 3 / 7
    expect(levels.relative[0]).toBeCloseTo(9 / 7, 12);
    expect(levels.relative[2]).toBeCloseTo(3 / 7, 12);
  });
});

describe('migration estimation', () => {
  it('leaves out the 2023 → 2024 border artefact of 1508 Ålesund and 1580 Haram', () => {
    const haram = inputs.population.codes.indexOf('1580');
    const oslo = inputs.population.codes.indexOf('0301');
    expect(usableTransitions(inputs.population, haram, 6)).toEqual([4, 5]);
    expect(usableTransitions(inputs.population, oslo, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps the number of migrants when smoothing over age', () => {
    const oslo = inputs.population.codes.indexOf('0301');
    const survival = new Float64Array(CELL_COUNT).fill(0.99);
    const raw = residualMigration(inputs.population, oslo, [0, 1], () => survival);
    const smooth = smoothOverAge(raw);
    // the kernel weights sum to about 2.5 (σ = 2); edges reflect onto the end ages, so totals scale alike
    expect(sum(smooth.migrants) / sum(smooth.exposure)).toBeCloseTo(sum(raw.migrants) / sum(raw.exposure), 3);
  });

  it('keeps more of a large municipality’s excess than of a small one’s, and all of it with one year', () => {
    const years = [0, 1, 2, 3];
    const sizes = [100_000, 50_000, 20_000, 2_000, 1_000, 500, 1_000];
    // yearly swings grow as the population shrinks; persistent levels differ
    const yearly = sizes.map((size, m) => {
      const level = [0.01, -0.01, 0.004, -0.006, 0.012, -0.02, 0.03][m]!;
      const swing = 1 / Math.sqrt(size);
      return { years, rates: [level + swing, level - swing, level + swing, level - swing] };
    });
    yearly[6] = { years: [3], rates: [0.03] };
    const persistence = excessPersistence(yearly, sizes);
    expect(persistence[0]).toBeGreaterThan(0.9);
    expect(persistence[5]).toBeLessThan(persistence[3]!);
    expect(persistence[3]).toBeLessThan(persistence[0]!);
    expect(persistence[6]).toBe(1);
    for (const w of persistence) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('uses the reference rates where a municipality has no people', () => {
    const empty = { migrants: new Float64Array(CELL_COUNT), exposure: new Float64Array(CELL_COUNT) };
    const reference = new Float64Array(CELL_COUNT).fill(0.01);
    expect(shrunkRates(empty, reference, 500)[cellIndex(MALE, 25)]).toBe(0.01);
    expect(shrunkRates(empty, null, 0)[cellIndex(MALE, 25)]).toBe(0);
  });
});
