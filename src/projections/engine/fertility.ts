/**
 * Fertility (fruktbarhet): the national age pattern from the Human Fertility Database, its
 * level over time, and each municipality's own level relative to the nation.
 */
import type { FertilityHistory, PopulationHistory } from './inputs.js';
import { AGE_COUNT, CELL_COUNT, FEMALE, MALE, MAX_AGE, cellIndex } from './model.js';

/** Observed years averaged into the age pattern. */
export const FERTILITY_SHAPE_YEARS = 3;
/**
 * Births of prior weight pulling a municipality's level towards its county's (pooled over the
 * county's municipalities): with 80 expected births the observed level counts half. Backtest WAPE
 * at age 0, base 2020 fitted to 2022 → 2026 / base 2024 → 2026: towards the national level with
 * 20 births 7.69 / 5.43 %; towards the county with 20, 40, 80 births 7.69 / 5.42, 7.63 / 5.40,
 * 7.57 / 5.38 %. Weighting recent transitions more (0.7 a year) gave 7.52 / 5.43 % (county, 80):
 * no clear gain. A child–woman ratio (children 0–1 on 1 January of the fitted years per woman
 * where they live now, which follows families that move) estimated the levels better for base
 * 2020 (WAPE with the observed women of 2025: 6.21 → 5.84 %) but worse for base 2024 (5.35 →
 * 5.71 %). Municipal fertility after a move of the mother could not be separated from the level:
 * the data have no births by the mother's previous municipality.
 */
export const FERTILITY_PRIOR_BIRTHS = 80;

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
 * Total fertility by year: observed up to lastYear, then held at the mean of the last
 * FERTILITY_SHAPE_YEARS observed. A linear trend over the last 10 observed years (Norway's TFR
 * fell from 1.88 in 2011 to 1.48 in 2020), continued or damped, did worse: WAPE at age 0 in the
 * backtest base 2020 fitted to 2022 → 2026 went 7.64 → 12.35 % (trend), 7.15 % (damped by half
 * a year), and base 2024 → 2026 5.43 → 11.88 % / 7.52 %, because births rose again in 2024–2025;
 * it helped only ages 1–5 (4.83 → 3.65 %).
 */
export function heldFertility(history: FertilityHistory, lastYear: number): (year: number) => number {
  const last = history.years[yearIndex(history, lastYear)]!;
  let level = 0;
  for (let year = last - FERTILITY_SHAPE_YEARS + 1; year <= last; year++) level += totalFertility(history, year) / FERTILITY_SHAPE_YEARS;
  return (year) => (year <= last ? totalFertility(history, year) : level);
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
  /** Each municipality's level relative to the national, shrunk towards its group's. */
  readonly relative: Float64Array;
}

/**
 * Fertility levels from 0-year-olds on 1 January over the given transitions (year index y means
 * y → y + 1). Municipalities have no birth counts here, so the 0-year-olds stand for births;
 * transitions[m] lists the usable transitions of municipality m; groupOf(m) names the group
 * (county) whose pooled level a municipality's own is shrunk towards.
 */
export function fertilityLevels(
  population: PopulationHistory,
  transitions: readonly (readonly number[])[],
  shape: Float64Array,
  newbornSurvival: number,
  groupOf: (m: number) => string = () => '',
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
  const evidence = transitions.map((ys, m) => {
    let observed = 0;
    let expected = 0;
    for (const y of ys) {
      observed += newbornsOn1January(cellsOf(m, y + 1));
      expected += national[y]! * expectedNewborns(cellsOf(m, y), shape, newbornSurvival);
    }
    return { observed, expected };
  });
  const groups = new Map<string, { observed: number; expected: number }>();
  evidence.forEach((e, m) => {
    const g = groups.get(groupOf(m)) ?? { observed: 0, expected: 0 };
    groups.set(groupOf(m), { observed: g.observed + e.observed, expected: g.expected + e.expected });
  });
  const relative = Float64Array.from(evidence, ({ observed, expected }, m) => {
    const group = groups.get(groupOf(m))!;
    const prior = group.expected > 0 ? group.observed / group.expected : 1;
    return (observed + FERTILITY_PRIOR_BIRTHS * prior) / (expected + FERTILITY_PRIOR_BIRTHS);
  });
  const totalObserved = observedByYear.reduce((a, b) => a + b, 0);
  const totalExpected = expectedByYear.reduce((a, b) => a + b, 0);
  return { nationalLevel: totalObserved / totalExpected, relative };
}
