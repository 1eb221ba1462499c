/**
 * Net migration (nettoflytting) by sex and age per municipality, estimated as the residual of
 * observed population change after national survival, smoothed over age and shrunk towards the
 * county's pattern so small municipalities do not produce noise.
 */
import type { PopulationHistory, TotalPopulationHistory } from './inputs.js';
import { AGE_COUNT, CELL_COUNT, MAX_AGE, SEXES } from './model.js';

/**
 * Standard deviation, in years of age, of the Gaussian kernel smoothing migration over age.
 * Backtest WAPE base 2020 fitted to 2022 → 2026 (0 / 16–19 / 20–44, MAPE totals) with σ = 1:
 * 7.63 / 2.68 / 2.81 %, 1.95 %; 1.5: 7.60 / 3.07 / 2.66 %, 1.90 %; 2: 7.57 / 3.63 / 2.52 %,
 * 1.87 %; 3: 7.53 / 4.89 / 2.29 %, 1.83 % (base 2024 → 2026 MAPE 1.17 % for all). A narrow
 * kernel at 15–24 (student moves) with a wide one elsewhere did worse at 0 and 20–44 (σ 1 and 3:
 * 7.98 / 3.16 / 2.98 %): the change of width makes steps in the rates. Letting large
 * municipalities keep their unsmoothed single-age rates (raw residuals with the smoothed rates
 * as a prior of 300 / 1 000 / 3 000 / 10 000 person-years) helped 16–19 (2.47–3.34 %) but not
 * 0 (7.60–7.70 %) or 20–44 (2.61–2.68 %), MAPE 1.84–1.87 %. So did smoothing only each
 * municipality's deviation from its county's unsmoothed rates (which keeps the sharp step at
 * 18–19): 16–19 2.63 %, 0 7.71 %, 20–44 2.69 %, 90+ 6.05 %, MAPE 1.87 % (base 2024: 16–19
 * 2.17 → 1.66 %, MAPE 1.17 %). The sharper age patterns of 2020–2022 are the truer ones, but
 * young adults moved less into the cities after 2022 (Oslo women 18–19: net in-migration
 * 13–17 % a year in 2020–2022, 9–14 % in 2022–2026), which the blur happened to offset.
 */
export const MIGRATION_SMOOTHING_SD = 2;
/**
 * Person-years per age (after smoothing) of prior weight pulling a municipality's rates towards
 * its county's: a municipality needs well over 500 persons per age and sex (summed over the
 * observed years) before its own pattern dominates. Chosen by backtest (50–3 000 tried).
 * Re-checked at old ages, backtest base 2020 fitted to 2022 → 2026, WAPE 90+ (5.94 % with 500
 * everywhere): 300 / 800 everywhere 5.91 / 5.96 %; a separate prior from age 80 of 250 / 1 000:
 * 5.91 / 5.97 % (base 2024: 3.67 → 3.70 / 3.66 %). Old-age residuals as the county's alone
 * (7.53 %), as zero (7.72 %), or as one mortality ratio per municipality pooled over ages 75+,
 * 80+, 85+ or 90+ times each age's death probability, shrunk to the county's (7.52–9.51 %, all
 * measured before residuals used each year's survival, when 500 gave 7.14 %), were worse:
 * migration into and out of care homes, not only mortality, makes the old-age residuals.
 */
export const MIGRATION_PRIOR_EXPOSURE = 500;
/** A yearly change of a municipality's total above this share is a border artefact, not migration. */
export const MAX_PLAUSIBLE_YEARLY_CHANGE = 0.15;
/** Years of total population behind a municipality's long-run growth. */
export const LONG_RUN_YEARS = 10;

/** One-year survival by cell in transition y (y → y + 1, an index into the population's years). */
export type SurvivalInTransition = (y: number) => Float64Array;

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
  survivalIn: SurvivalInTransition,
): MigrationEvidence {
  const migrants = new Float64Array(CELL_COUNT);
  const exposure = new Float64Array(CELL_COUNT);
  for (const y of transitions) {
    const survival = survivalIn(y);
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

/** One municipality's yearly total net migration rates (per person), by transition. */
export interface YearlyMigration {
  /** Transition year indices (y means y → y + 1). */
  readonly years: readonly number[];
  readonly rates: readonly number[];
}

/** Total residual net migration per person in each usable transition, unsmoothed. */
export function yearlyMigration(
  population: PopulationHistory,
  m: number,
  transitions: readonly number[],
  survival: SurvivalInTransition,
): YearlyMigration {
  const rates = transitions.map((y) => {
    const e = residualMigration(population, m, [y], survival);
    const exposure = sum(e.exposure);
    return exposure > 0 ? sum(e.migrants) / exposure : 0;
  });
  return { years: transitions, rates };
}

/**
 * How much of each municipality's excess net migration (its rate minus the nation's in the same
 * year, averaged over the fitted years) is expected to persist: an empirical-Bayes shrinkage
 * factor τ² / (τ² + σ²_m / n_m) in a random-effects model of yearly excess = persistent level +
 * transient noise. The transient variance σ²_m is modelled across municipalities as α + β / P_m
 * (a common part plus sampling noise falling with population P_m), fitted by least squares to
 * each municipality's own sample variance over its years; τ² is the between-municipality
 * variance of the mean excess less the mean transient part (method of moments). Everything is
 * estimated from the fitted years alone. Small municipalities, whose yearly rates swing most
 * (a reception centre opening, a group of refugees settled in one year), keep least of their
 * excess; large ones keep most. A municipality's own sample variance was tried as σ²_m instead
 * (or averaged with the model) and did no better: two to four years are too few to estimate it.
 * Municipalities with a single usable year keep all of it.
 *
 * Backtests (MAPE of municipal totals, keeping the full excess → with this factor): base 2024
 * fitted to 2024 → 2026: 1.26 → 1.18 %; base 2020 fitted to 2022: 1.96 → 1.87 %; base 2023:
 * 1.77 → 1.57 %; base 2022: 2.36 → 2.05 %.
 */
export function excessPersistence(yearly: readonly YearlyMigration[], populations: readonly number[]): Float64Array {
  const yearCount = Math.max(0, ...yearly.flatMap((y) => y.years)) + 1;
  const migrants = new Float64Array(yearCount);
  const exposure = new Float64Array(yearCount);
  yearly.forEach(({ years, rates }, m) =>
    years.forEach((y, i) => {
      migrants[y] = migrants[y]! + rates[i]! * populations[m]!;
      exposure[y] = exposure[y]! + populations[m]!;
    }),
  );
  const excess = yearly.map(({ years, rates }) => rates.map((r, i) => r - migrants[years[i]!]! / exposure[years[i]!]!));
  const withVariance = excess.flatMap((e, m) => (e.length > 1 ? [m] : []));
  if (withVariance.length < 3) return new Float64Array(yearly.length).fill(1);
  const meanOf = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const means = excess.map((e) => (e.length > 0 ? meanOf(e) : 0));
  const variances = excess.map((e, m) => (e.length > 1 ? e.reduce((a, x) => a + (x - means[m]!) ** 2, 0) / (e.length - 1) : 0));
  const x = withVariance.map((m) => 1 / populations[m]!);
  const y = withVariance.map((m) => variances[m]!);
  const xMean = meanOf(x);
  const yMean = meanOf(y);
  const spread = x.reduce((a, xi) => a + (xi - xMean) ** 2, 0);
  const beta = spread > 0 ? x.reduce((a, xi, i) => a + (xi - xMean) * (y[i]! - yMean), 0) / spread : 0;
  const alpha = yMean - beta * xMean;
  const transient = (m: number) => Math.max(0, alpha + beta / populations[m]!) / excess[m]!.length;
  const grandMean = meanOf(withVariance.map((m) => means[m]!));
  const between = withVariance.reduce((a, m) => a + (means[m]! - grandMean) ** 2, 0) / (withVariance.length - 1);
  const tau2 = Math.max(0, between - meanOf(withVariance.map(transient)));
  return Float64Array.from(yearly, (_, m) => {
    if (excess[m]!.length < 2) return 1;
    const noise = transient(m);
    return tau2 + noise > 0 ? tau2 / (tau2 + noise) : 1;
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
