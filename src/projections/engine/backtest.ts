/**
 * Backtest (etterprøving): project from an earlier base year with assumptions fitted only on data
 * up to a fit year, and measure the error against the observed population of a target year.
 */
import { buildEngine } from './engine.js';
import type { ProjectionInputs } from './inputs.js';
import { CELL_COUNT, personsAged, populationInYear, totalPersons } from './model.js';

/** Age groups of SSB's national projection tables, used for the error by age. */
export const BACKTEST_AGE_GROUPS: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 5],
  [6, 12],
  [13, 15],
  [16, 19],
  [20, 44],
  [45, 66],
  [67, 79],
  [80, 89],
  [90, 105],
];

/** Upper bounds (exclusive) of the size classes by base-year population; the last is open. */
export const SIZE_CLASSES = [2_000, 5_000, 20_000, Number.POSITIVE_INFINITY] as const;

/** 1508 Ålesund and 1580 Haram: their 2020–2023 split in the data is a 50/50 approximation. */
export const BACKTEST_EXCLUDED = ['1508', '1580'] as const;

export interface BacktestOptions {
  readonly baseYear: number;
  readonly fitUntil: number;
  readonly targetYear: number;
}

export interface MunicipalityError {
  readonly code: string;
  readonly basePopulation: number;
  readonly observed: number;
  readonly projected: number;
  /** (projected − observed) / observed. */
  readonly relativeError: number;
}

export interface AgeGroupError {
  readonly from: number;
  readonly to: number;
  /** Mean absolute percentage error over municipalities with people in the group. */
  readonly mape: number;
  /** Sum of absolute errors over the sum observed. */
  readonly wape: number;
  /**
   * Sum projected over the sum observed, minus 1: the error of the national total, which WAPE
   * cannot be below (the sum of absolute errors is at least the absolute error of the sum).
   */
  readonly national: number;
}

export interface BacktestResult {
  readonly options: BacktestOptions;
  readonly municipalities: readonly MunicipalityError[];
  readonly mapeTotal: number;
  /** MAPE of assuming no change from the base year, for comparison. */
  readonly mapeNoChange: number;
  readonly mapeBySize: readonly { readonly below: number; readonly count: number; readonly mape: number }[];
  readonly byAgeGroup: readonly AgeGroupError[];
}

export function runBacktest(
  inputs: ProjectionInputs,
  options: BacktestOptions,
  onProgress: (done: number, total: number) => void = () => {},
): BacktestResult {
  const { baseYear, fitUntil, targetYear } = options;
  if (!(baseYear <= fitUntil && fitUntil < targetYear)) throw new RangeError('need base ≤ fit-until < target');
  const engine = buildEngine(inputs, { baseYear, fitUntil, endYear: targetYear, mode: 'backtest' });
  const { population } = inputs;
  const observedCells = (m: number, year: number) => {
    const at = (m * population.years.length + year - population.years[0]!) * CELL_COUNT;
    return population.persons.subarray(at, at + CELL_COUNT);
  };
  const codes = population.codes.filter((c) => !(BACKTEST_EXCLUDED as readonly string[]).includes(c));
  const groupAbsError = new Float64Array(BACKTEST_AGE_GROUPS.length);
  const groupProjected = new Float64Array(BACKTEST_AGE_GROUPS.length);
  const groupObserved = new Float64Array(BACKTEST_AGE_GROUPS.length);
  const groupApe: number[][] = BACKTEST_AGE_GROUPS.map(() => []);
  let noChange = 0;
  const municipalities = codes.map((code, i) => {
    const m = population.codes.indexOf(code);
    const projected = populationInYear(engine.project(code), targetYear);
    const observed = observedCells(m, targetYear);
    const base = observedCells(m, baseYear);
    BACKTEST_AGE_GROUPS.forEach(([from, to], g) => {
      const o = personsAged(observed, from, to);
      const p = personsAged(projected, from, to);
      const error = Math.abs(p - o);
      groupAbsError[g] = groupAbsError[g]! + error;
      groupProjected[g] = groupProjected[g]! + p;
      groupObserved[g] = groupObserved[g]! + o;
      if (o > 0) groupApe[g]!.push(error / o);
    });
    const observedTotal = totalPersons(observed);
    noChange += Math.abs(totalPersons(base) - observedTotal) / observedTotal;
    onProgress(i + 1, codes.length);
    const projectedTotal = totalPersons(projected);
    return {
      code,
      basePopulation: totalPersons(base),
      observed: observedTotal,
      projected: projectedTotal,
      relativeError: (projectedTotal - observedTotal) / observedTotal,
    };
  });
  const mapeOf = (list: readonly MunicipalityError[]) => mean(list.map((e) => Math.abs(e.relativeError)));
  return {
    options,
    municipalities,
    mapeTotal: mapeOf(municipalities),
    mapeNoChange: noChange / codes.length,
    mapeBySize: SIZE_CLASSES.map((below, i) => {
      const inClass = municipalities.filter((e) => e.basePopulation < below && e.basePopulation >= (SIZE_CLASSES[i - 1] ?? 0));
      return { below, count: inClass.length, mape: mapeOf(inClass) };
    }),
    byAgeGroup: BACKTEST_AGE_GROUPS.map(([from, to], g) => ({
      from,
      to,
      mape: mean(groupApe[g]!),
      wape: groupAbsError[g]! / groupObserved[g]!,
      national: groupProjected[g]! / groupObserved[g]! - 1,
    })),
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
