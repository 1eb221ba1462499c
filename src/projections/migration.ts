/**
 * Net migration (nettoflytting) by sex and age per municipality, estimated as the residual of
 * observed population change after national survival, smoothed over age and shrunk towards the
 * county's pattern so small municipalities do not produce noise.
 */
import type { PopulationHistory, TotalPopulationHistory } from './inputs.js';
import { AGE_COUNT, CELL_COUNT, MAX_AGE, SEXES } from './model.js';

/** Standard deviation, in years of age, of the Gaussian kernel smoothing migration over age. */
export const MIGRATION_SMOOTHING_SD = 2;
/**
 * Person-years per age (after smoothing) of prior weight pulling a municipality's rates towards
 * its county's: a municipality needs well over 500 persons per age and sex (summed over the
 * observed years) before its own pattern dominates. Chosen by backtest (50–3 000 tried).
 */
export const MIGRATION_PRIOR_EXPOSURE = 500;
/** A yearly change of a municipality's total above this share is a border artefact, not migration. */
export const MAX_PLAUSIBLE_YEARLY_CHANGE = 0.15;
/** Years of total population behind a municipality's long-run growth. */
export const LONG_RUN_YEARS = 10;

export interface MigrationEvidence {
  /** Net migrants by cell on 1 January of the start year, summed over transitions. */
  readonly migrants: Float64Array;
  /** Persons by cell on 1 January of the start year, summed over transitions. */
  readonly exposure: Float64Array;
}

function cellsOf(population: PopulationHistory, m: number, y: number): Float64Array {
  const at = (m * population.years.length + y) * CELL_COUNT;
  return population.persons.subarray(at, at + CELL_COUNT);
}

/**
 * Transitions y → y + 1 (y < untilIndex) after the last implausible change of the municipality's
 * total: such a change marks a border break, and the years before it describe other borders
 * (1508 Ålesund and 1580 Haram before 2024 are a 50/50 split of old Ålesund).
 */
export function usableTransitions(population: PopulationHistory, m: number, untilIndex: number): number[] {
  const usable: number[] = [];
  for (let y = 0; y < untilIndex; y++) {
    const before = sum(cellsOf(population, m, y));
    const after = sum(cellsOf(population, m, y + 1));
    if (before > 0 && Math.abs(after / before - 1) <= MAX_PLAUSIBLE_YEARLY_CHANGE) usable.push(y);
    else usable.length = 0;
  }
  return usable;
}

/**
 * Residual net migration: population a year later minus the survivors of a year earlier. The
 * open group's residual is shared by its two source ages in proportion to their numbers; births
 * and migration of infants born in the year are left to fertility.
 */
export function residualMigration(
  population: PopulationHistory,
  m: number,
  transitions: readonly number[],
  survival: Float64Array,
): MigrationEvidence {
  const migrants = new Float64Array(CELL_COUNT);
  const exposure = new Float64Array(CELL_COUNT);
  for (const y of transitions) {
    const start = cellsOf(population, m, y);
    const end = cellsOf(population, m, y + 1);
    for (let sex = 0; sex < SEXES.length; sex++) {
      const o = sex * AGE_COUNT;
      for (let age = 0; age < MAX_AGE - 1; age++) {
        migrants[o + age] = migrants[o + age]! + end[o + age + 1]! - start[o + age]! * survival[o + age]!;
      }
      const openStart = start[o + MAX_AGE - 1]! + start[o + MAX_AGE]!;
      const openResidual =
        end[o + MAX_AGE]! - start[o + MAX_AGE - 1]! * survival[o + MAX_AGE - 1]! - start[o + MAX_AGE]! * survival[o + MAX_AGE]!;
      for (const age of [MAX_AGE - 1, MAX_AGE]) {
        const share = openStart > 0 ? start[o + age]! / openStart : 0.5;
        migrants[o + age] = migrants[o + age]! + openResidual * share;
      }
      for (let age = 0; age <= MAX_AGE; age++) exposure[o + age] = exposure[o + age]! + start[o + age]!;
    }
  }
  return { migrants, exposure };
}

export function addEvidence(into: MigrationEvidence, from: MigrationEvidence): void {
  for (let c = 0; c < CELL_COUNT; c++) {
    into.migrants[c] = into.migrants[c]! + from.migrants[c]!;
    into.exposure[c] = into.exposure[c]! + from.exposure[c]!;
  }
}

export function emptyEvidence(): MigrationEvidence {
  return { migrants: new Float64Array(CELL_COUNT), exposure: new Float64Array(CELL_COUNT) };
}

const KERNEL = Float64Array.from({ length: 4 * MIGRATION_SMOOTHING_SD + 1 }, (_, i) =>
  Math.exp(-(((i - 2 * MIGRATION_SMOOTHING_SD) / MIGRATION_SMOOTHING_SD) ** 2) / 2),
);

/** Gaussian smoothing over age within each sex, of migrants and exposure alike. */
export function smoothOverAge(e: MigrationEvidence): MigrationEvidence {
  const smooth = (v: Float64Array) => {
    const out = new Float64Array(CELL_COUNT);
    const reach = 2 * MIGRATION_SMOOTHING_SD;
    for (let sex = 0; sex < SEXES.length; sex++) {
      const o = sex * AGE_COUNT;
      for (let age = 0; age <= MAX_AGE; age++) {
        let acc = 0;
        for (let d = -reach; d <= reach; d++) {
          const a = Math.min(MAX_AGE, Math.max(0, age + d));
          acc += KERNEL[d + reach]! * v[o + a]!;
        }
        out[o + age] = acc;
      }
    }
    return out;
  };
  return { migrants: smooth(e.migrants), exposure: smooth(e.exposure) };
}

/** Rates per person from evidence, with priorExposure person-years of the reference rates mixed in. */
export function shrunkRates(e: MigrationEvidence, reference: Float64Array | null, priorExposure: number): Float64Array {
  return Float64Array.from(e.migrants, (migrants, c) => {
    const prior = reference ? priorExposure : 0;
    const denominator = e.exposure[c]! + prior;
    return denominator > 0 ? (migrants + prior * (reference?.[c] ?? 0)) / denominator : 0;
  });
}

/**
 * The standard intensity of net migration by cell: national net migrants (UN WPP age profile)
 * per person of the national population, scaled to a population-weighted mean of 1.
 */
export function migrationIntensity(profile: Float64Array, nationalPopulation: Float64Array): Float64Array {
  const perPerson = Float64Array.from(profile, (v, c) => (nationalPopulation[c]! > 0 ? v / nationalPopulation[c]! : 0));
  const weighted = perPerson.reduce((acc, v, c) => acc + v * nationalPopulation[c]!, 0);
  const total = sum(nationalPopulation);
  return perPerson.map((v) => (v * total) / weighted);
}

/** Where added net migrants land: the national net migration profile as shares. */
export function migrationDistribution(profile: Float64Array): Float64Array {
  const positive = profile.map((v) => Math.max(0, v));
  const total = sum(positive);
  return positive.map((v) => v / total);
}

/**
 * Yearly growth rate (log) of a municipality's total population over the LONG_RUN_YEARS up to
 * lastYear, or undefined when the totals are not known at both ends.
 */
export function longRunGrowth(totals: TotalPopulationHistory, code: string, lastYear: number): number | undefined {
  const m = totals.codes.indexOf(code);
  const at = (year: number) => {
    const y = year - totals.years[0]!;
    return m < 0 || y < 0 || y >= totals.years.length ? Number.NaN : totals.persons[m * totals.years.length + y]!;
  };
  const end = at(lastYear);
  const start = at(lastYear - LONG_RUN_YEARS);
  if (!(end > 0 && start > 0)) return undefined;
  return Math.log(end / start) / LONG_RUN_YEARS;
}

export function sum(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s;
}
