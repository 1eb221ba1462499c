/**
 * Fertility (fruktbarhet): the national age pattern from the Human Fertility Database, its
 * level over time, and each municipality's own level relative to the nation.
 */
import type { FertilityHistory, PopulationHistory } from './inputs.js';
import { AGE_COUNT, CELL_COUNT, FEMALE, MALE, MAX_AGE, cellIndex } from './model.js';

/** Observed years averaged into the age pattern. */
export const FERTILITY_SHAPE_YEARS = 3;
/** Years of observed total fertility the trend is fitted on, and the yearly damping of that trend. */
export const FERTILITY_TREND_YEARS = 10;
export const FERTILITY_TREND_DAMPING = Number(process.env.FD ?? 0.8);
/**
 * Births of prior weight pulling a municipality's level towards the national level (1): with 20
 * expected births the observed level counts half.
 */
export const FERTILITY_PRIOR_BIRTHS = 20;

function yearIndex(history: FertilityHistory, year: number): number {
  const y = history.years.indexOf(Math.min(year, history.years[history.years.length - 1]!));
  if (y < 0) throw new RangeError(`no fertility data for ${year}`);
  return y;
}

export function totalFertility(history: FertilityHistory, year: number): number {
  const y = yearIndex(history, year);
  return history.rates.subarray(y * AGE_COUNT, (y + 1) * AGE_COUNT).reduce((a, b) => a + b, 0);
}

/**
 * Births per woman by her age on 1 January, summing to 1: she spends half the year at that age
 * and half at the next (rates are by age in completed years).
 */
export function fertilityShape(history: FertilityHistory, lastYear: number): Float64Array {
  const last = yearIndex(history, lastYear);
  const byAge = new Float64Array(AGE_COUNT);
  for (let y = last - FERTILITY_SHAPE_YEARS + 1; y <= last; y++) {
    for (let age = 0; age < MAX_AGE; age++) {
      byAge[age] = byAge[age]! + (history.rates[y * AGE_COUNT + age]! + history.rates[y * AGE_COUNT + age + 1]!) / 2;
    }
  }
  const sum = byAge.reduce((a, b) => a + b, 0);
  return byAge.map((v) => v / sum);
}

/**
 * Total fertility after lastYear continuing the observed linear trend, damped: from the mean of
 * the last FERTILITY_SHAPE_YEARS, each year adds the trend times the damping to the power of
 * the years ahead.
 */
export function dampedTrendFertility(history: FertilityHistory, lastYear: number): (year: number) => number {
  const last = history.years[yearIndex(history, lastYear)]!;
  const years = Array.from({ length: FERTILITY_TREND_YEARS }, (_, i) => last - FERTILITY_TREND_YEARS + 1 + i);
  const values = years.map((year) => totalFertility(history, year));
  const meanYear = years.reduce((a, b) => a + b, 0) / years.length;
  const meanValue = values.reduce((a, b) => a + b, 0) / values.length;
  let covariance = 0;
  let variance = 0;
  years.forEach((year, i) => {
    covariance += (year - meanYear) * (values[i]! - meanValue);
    variance += (year - meanYear) ** 2;
  });
  const trend = covariance / variance;
  const recent = values.slice(-FERTILITY_SHAPE_YEARS);
  const level = recent.reduce((a, b) => a + b, 0) / recent.length;
  const levelYear = last - (FERTILITY_SHAPE_YEARS - 1) / 2;
  return (year) => {
    if (year <= last) return totalFertility(history, year);
    let value = level;
    for (let h = 1; h <= year - levelYear; h++) value += trend * FERTILITY_TREND_DAMPING ** h;
    return value;
  };
}

/** Births expected at total fertility 1 from the women on 1 January, alive at the next 1 January. */
export function expectedNewborns(cells: Float64Array, shape: Float64Array, newbornSurvival: number): number {
  let births = 0;
  for (let age = 0; age <= MAX_AGE; age++) births += shape[age]! * cells[cellIndex(FEMALE, age)]!;
  return births * newbornSurvival;
}

function newbornsOn1January(cells: Float64Array): number {
  return cells[cellIndex(MALE, 0)]! + cells[cellIndex(FEMALE, 0)]!;
}

export interface FertilityLevels {
  /**
   * Observed national total fertility in the engine's own terms (0-year-olds on 1 January per
   * expected newborn at TFR 1), pooled over the transitions; includes infants' net migration.
   */
  readonly nationalLevel: number;
  /** Each municipality's level relative to the national, shrunk towards 1. */
  readonly relative: Float64Array;
}

/**
 * Fertility levels from 0-year-olds on 1 January over the given transitions (year index y means
 * y → y + 1). Municipalities have no birth counts here, so the 0-year-olds stand for births;
 * transitions[m] lists the usable transitions of municipality m.
 */
export function fertilityLevels(
  population: PopulationHistory,
  transitions: readonly (readonly number[])[],
  shape: Float64Array,
  newbornSurvival: number,
): FertilityLevels {
  const yearCount = population.years.length;
  const cellsOf = (m: number, y: number) =>
    population.persons.subarray((m * yearCount + y) * CELL_COUNT, (m * yearCount + y + 1) * CELL_COUNT);
  const observedByYear = new Float64Array(yearCount);
  const expectedByYear = new Float64Array(yearCount);
  transitions.forEach((ys, m) => {
    for (const y of ys) {
      observedByYear[y] = observedByYear[y]! + newbornsOn1January(cellsOf(m, y + 1));
      expectedByYear[y] = expectedByYear[y]! + expectedNewborns(cellsOf(m, y), shape, newbornSurvival);
    }
  });
  const national = observedByYear.map((o, y) => (expectedByYear[y]! > 0 ? o / expectedByYear[y]! : 0));
  const relative = Float64Array.from(transitions, (ys, m) => {
    let observed = 0;
    let expected = 0;
    for (const y of ys) {
      observed += newbornsOn1January(cellsOf(m, y + 1));
      expected += national[y]! * expectedNewborns(cellsOf(m, y), shape, newbornSurvival);
    }
    return (observed + FERTILITY_PRIOR_BIRTHS) / (expected + FERTILITY_PRIOR_BIRTHS);
  });
  const totalObserved = observedByYear.reduce((a, b) => a + b, 0);
  const totalExpected = expectedByYear.reduce((a, b) => a + b, 0);
  return { nationalLevel: totalObserved / totalExpected, relative };
}
