import { describe, expect, it } from 'vitest';
import { CELL_COUNT, FEMALE, MALE, MAX_AGE, cellIndex } from './model.js';
import { cohortSurvival, fitMortality, lifeExpectancy, projectedDeathRates } from './mortality.js';
import { loadProjectionInputs } from '../sources.js';

const inputs = loadProjectionInputs();

describe('mortality', () => {
  it('gives the life expectancy of a constant death rate as its inverse', () => {
    const rates = new Float64Array(CELL_COUNT).fill(0.02);
    // an exponential life with the infant's shorter first year: close to 1 / 0.02
    expect(lifeExpectancy(rates, MALE)).toBeCloseTo(50, 0);
  });

  it('fits Norway’s jump-off schedule near the observed life expectancy of 2021–2023', () => {
    const model = fitMortality(inputs.mortality, 2023);
    expect(model.jumpOffYear).toBe(2023);
    // UN WPP 2024 estimates for 2021–2023: men 81.6, 80.9, 81.7; women 84.7, 84.4, 84.8
    expect(lifeExpectancy(model.rates, MALE)).toBeGreaterThan(80.8);
    expect(lifeExpectancy(model.rates, MALE)).toBeLessThan(81.9);
    expect(lifeExpectancy(model.rates, FEMALE)).toBeGreaterThan(84.2);
    expect(lifeExpectancy(model.rates, FEMALE)).toBeLessThan(85.0);
    expect(model.rates[cellIndex(FEMALE, MAX_AGE)]).toBeLessThanOrEqual(0.7);
  });

  it('hits a life expectancy target exactly and improves with time without one', () => {
    const model = fitMortality(inputs.mortality, 2023);
    const targeted = projectedDeathRates(model, [2050], (sex) => (sex === MALE ? 85.63 : 87.93));
    expect(lifeExpectancy(targeted, MALE)).toBeCloseTo(85.63, 3);
    expect(lifeExpectancy(targeted, FEMALE)).toBeCloseTo(87.93, 3);
    const trend = projectedDeathRates(model, [2030, 2040]);
    expect(lifeExpectancy(trend.subarray(CELL_COUNT), FEMALE)).toBeGreaterThan(lifeExpectancy(trend.subarray(0, CELL_COUNT), FEMALE));
  });

  it('turns rates into one-year survival between 0 and 1', () => {
    const survival = new Float64Array(CELL_COUNT);
    cohortSurvival(fitMortality(inputs.mortality, 2023).rates, survival);
    expect(Math.min(...survival)).toBeGreaterThan(0);
    expect(Math.max(...survival)).toBeLessThan(1);
    expect(survival[cellIndex(FEMALE, 40)]).toBeGreaterThan(0.999);
  });
});
