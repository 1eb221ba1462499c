/**
 * Puts the projection together: estimates national schedules once per scenario and base year,
 * estimates every municipality's fertility and migration, aligns the sum to SSB's national
 * projection, and then projects any municipality (or set of them) in well under a millisecond.
 */
import { alignmentFactors, nationalTableFor } from './alignment.js';
import { heldFertility, fertilityLevels, fertilityShape } from './fertility.js';
import type { ProjectionInputs, YearlyPath } from './inputs.js';
import {
  MIGRATION_PRIOR_EXPOSURE,
  addEvidence,
  emptyEvidence,
  excessPersistence,
  longRunGrowth,
  migrationDistribution,
  migrationIntensity,
  residualMigration,
  shrunkRates,
  smoothOverAge,
  sum,
  usableTransitions,
  yearlyMigration,
  type MigrationEvidence,
} from './migration.js';
import {
  AGE_COUNT,
  CELL_COUNT,
  HORIZON_YEAR,
  SEXES,
  birthsPerLevel,
  projectMunicipality,
  sumProjections,
  type Adjustments,
  type MunicipalityAssumptions,
  type NationalSchedules,
  type Projection,
  type ScenarioName,
} from './model.js';
import {
  cohortSurvival,
  fitMortality,
  lifeExpectancy,
  newbornSurvival,
  observedSurvivalByYear,
  projectedDeathRates,
  type MortalityModel,
} from './mortality.js';

export type EngineMode = 'published' | 'backtest';

export interface EngineOptions {
  readonly baseYear: number;
  readonly scenario?: ScenarioName;
  /**
   * Last year of municipal population data the assumptions are fitted on (default: the base
   * year, but at least two observed transitions).
   */
  readonly fitUntil?: number;
  readonly endYear?: number;
  /**
   * published: national assumptions from UN WPP 2024 and alignment to SSB's national projection.
   * backtest: nothing after fitUntil enters; observed trends are extrapolated, no alignment.
   */
  readonly mode?: EngineMode;
  /** Align the sum of municipalities to SSB's national projection (published mode only; default true). */
  readonly align?: boolean;
}

type Band = 'median' | 'lower' | 'upper';

export interface ScenarioParameters {
  readonly description: string;
  /** Which band of the UN WPP 2024 life expectancy path (80 % interval) mortality follows. */
  readonly lifeExpectancy: Band;
  /** Which band of the UN WPP 2024 total fertility path (80 % interval) fertility follows. */
  readonly fertility: Band;
  /** Which band of the UN WPP 2024 net migration path (80 % interval) migration is damped towards. */
  readonly migration: Band;
}

export const SCENARIO_PARAMETERS: Readonly<Record<ScenarioName, ScenarioParameters>> = {
  main: {
    description: 'UN WPP 2024 median fertility, life expectancy and net migration; aligned to SSB MMMM',
    lifeExpectancy: 'median',
    fertility: 'median',
    migration: 'median',
  },
  high: {
    description: 'UN WPP 2024 upper 80 % bound of fertility, life expectancy and net migration; aligned to SSB HHMH',
    lifeExpectancy: 'upper',
    fertility: 'upper',
    migration: 'upper',
  },
  low: {
    description: 'UN WPP 2024 lower 80 % bound of fertility, life expectancy and net migration; aligned to SSB LLML',
    lifeExpectancy: 'lower',
    fertility: 'lower',
    migration: 'lower',
  },
};

/**
 * Damping of national net migration from the recent level towards the long-run level: share of
 * the gap left after each year (0.3: 70 % of the way in the second projection year). Chosen by
 * backtest (0.3, 0.6, 0.8 tried).
 */
export const MIGRATION_DAMPING = 0.3;

/** Observed years of births by sex behind the sex ratio at birth. */
export const SEX_RATIO_YEARS = 10;

export interface ProjectionEngine {
  readonly options: Required<EngineOptions>;
  readonly codes: readonly string[];
  readonly schedules: NationalSchedules;
  assumptions(code: string): MunicipalityAssumptions;
  /** One municipality, or several projected as one (their sum). */
  project(codes: string | readonly string[], adjustments?: Adjustments): Projection;
}

export function buildEngine(inputs: ProjectionInputs, options: EngineOptions): ProjectionEngine {
  const population = inputs.population;
  const firstYear = population.years[0]!;
  const lastDataYear = population.years[population.years.length - 1]!;
  const resolved: Required<EngineOptions> = {
    baseYear: options.baseYear,
    scenario: options.scenario ?? 'main',
    fitUntil: options.fitUntil ?? Math.max(options.baseYear, firstYear + 2),
    endYear: options.endYear ?? HORIZON_YEAR,
    mode: options.mode ?? 'published',
    align: options.align ?? true,
  };
  const { baseYear, scenario, fitUntil, endYear, mode } = resolved;
  if (baseYear < firstYear || baseYear > lastDataYear) throw new RangeError(`base year must be within ${firstYear}–${lastDataYear}`);
  if (fitUntil <= firstYear || fitUntil > lastDataYear) throw new RangeError(`fitUntil must be within ${firstYear + 1}–${lastDataYear}`);
  if (endYear <= baseYear) throw new RangeError('end year must come after the base year');
  const parameters = SCENARIO_PARAMETERS[scenario];
  const published = mode === 'published';
  const knownUntil = published ? Number.POSITIVE_INFINITY : fitUntil - 1;

  const mortality = fitMortality(inputs.mortality, knownUntil);
  const projectionYears = Array.from({ length: endYear - baseYear }, (_, k) => baseYear + k);
  const lifeExpectancyPath = (sex: number) => (sex === 0 ? inputs.lifeExpectancy.male : inputs.lifeExpectancy.female);
  const mortalityTarget = published
    ? (sex: number, year: number) => pathValue(lifeExpectancyPath(sex), parameters.lifeExpectancy, year)
    : undefined;

  const jumpOffSurvival = new Float64Array(CELL_COUNT);
  cohortSurvival(mortality.rates, jumpOffSurvival);
  const jumpOffNewbornSurvival = (newbornSurvival(mortality.rates, 0) + newbornSurvival(mortality.rates, 1)) / 2;

  const fitIndex = fitUntil - firstYear;
  const transitions = population.codes.map((_, m) => usableTransitions(population, m, fitIndex));
  const shape = fertilityShape(inputs.fertility, knownUntil);
  const levels = fertilityLevels(population, transitions, shape, jumpOffNewbornSurvival, (m) => countyOf(population.codes[m]!));
  const fertilityPath = published
    ? (year: number) => pathValue(inputs.totalFertility, parameters.fertility, year)
    : heldFertility(inputs.fertility, knownUntil);
  const fittedYears = Array.from({ length: fitIndex }, (_, y) => firstYear + y);
  const fertilityScale = levels.nationalLevel / mean(fittedYears.map(fertilityPath));
  const fertility = new Float64Array(projectionYears.length * AGE_COUNT);
  projectionYears.forEach((year, k) =>
    fertility.set(
      shape.map((v) => v * fertilityScale * fertilityPath(year)),
      k * AGE_COUNT,
    ),
  );

  const baseIndex = baseYear - firstYear;
  const basePopulationOf = (m: number) => {
    const at = (m * population.years.length + baseIndex) * CELL_COUNT;
    return population.persons.slice(at, at + CELL_COUNT);
  };
  const nationalBase = new Float64Array(CELL_COUNT);
  population.codes.forEach((_, m) => basePopulationOf(m).forEach((v, c) => (nationalBase[c] = nationalBase[c]! + v)));

  const schedulesWithShift = (lifeExpectancyShift: number): NationalSchedules => {
    const target =
      lifeExpectancyShift === 0 ? mortalityTarget : shiftedTarget(mortality, mortalityTarget, lifeExpectancyShift, baseYear, endYear);
    const deathRates = projectedDeathRates(mortality, projectionYears, target);
    const survival = new Float64Array(projectionYears.length * CELL_COUNT);
    const newborn = new Float64Array(projectionYears.length * SEXES.length);
    projectionYears.forEach((_, k) => {
      const rates = deathRates.subarray(k * CELL_COUNT, (k + 1) * CELL_COUNT);
      cohortSurvival(rates, survival.subarray(k * CELL_COUNT, (k + 1) * CELL_COUNT));
      for (let sex = 0; sex < SEXES.length; sex++) newborn[k * SEXES.length + sex] = newbornSurvival(rates, sex);
    });
    return {
      scenario,
      baseYear,
      endYear,
      survival,
      fertility,
      newbornSurvival: newborn,
      maleShareOfBirths: maleShareOfBirths(inputs, knownUntil),
      migrationIntensity: migrationIntensity(inputs.migrationAgeProfile, nationalBase),
      migrationShift: new Float64Array(projectionYears.length),
      migrationDistribution: migrationDistribution(inputs.migrationAgeProfile),
      alignment: null,
    };
  };
  const unaligned = schedulesWithShift(0);

  const observedSurvival = observedSurvivalByYear(inputs.mortality, knownUntil, jumpOffSurvival);
  const survivalIn = (y: number) => observedSurvival(firstYear + y);
  const evidence = population.codes.map((_, m) => smoothOverAge(residualMigration(population, m, transitions[m]!, survivalIn)));
  const countyRates = ratesByCounty(population.codes, evidence);
  const recentMigration = population.codes.map((code, m) =>
    shrunkRates(evidence[m]!, countyRates.get(countyOf(code)) ?? null, MIGRATION_PRIOR_EXPOSURE),
  );
  dampTransientExcess(
    recentMigration,
    population.codes.map((_, m) => basePopulationOf(m)),
    excessPersistence(
      population.codes.map((_, m) => yearlyMigration(population, m, transitions[m]!, survivalIn)),
      population.codes.map((_, m) => sum(basePopulationOf(m))),
    ),
    unaligned.migrationIntensity,
  );
  const nationalMigration = nationalMigrationLevels(
    population.codes.map((code, m) => {
      const base = basePopulationOf(m);
      const total = sum(base);
      const recent = recentMigration[m]!.reduce((acc, r, c) => acc + r * base[c]!, 0) / total;
      const growth = longRunGrowth(inputs.totalPopulation, code, Math.min(fitUntil, lastYearOf(inputs.totalPopulation.years)));
      const longRun = growth === undefined ? undefined : growth - naturalGrowthRate(base, levels.relative[m]!, unaligned);
      return { total, recent, longRun };
    }),
  );
  const nationalTotal = sum(nationalBase);
  const longRunMigration = published
    ? (year: number) => pathValue(inputs.netMigration, parameters.migration, year) / nationalTotal
    : () => nationalMigration.longRun;
  unaligned.migrationShift.set(
    projectionYears.map((year, k) => (longRunMigration(year) - nationalMigration.recent) * (1 - MIGRATION_DAMPING ** k)),
  );
  const assumptionsList: MunicipalityAssumptions[] = population.codes.map((code, m) => ({
    code,
    basePopulation: basePopulationOf(m),
    fertilityLevel: levels.relative[m]!,
    recentMigration: recentMigration[m]!,
  }));
  const byCode = new Map(assumptionsList.map((a) => [a.code, a]));

  const table = published && resolved.align ? nationalTableFor(inputs.nationalProjections, baseYear) : undefined;
  const alignment = table ? alignmentFactors(assumptionsList, unaligned, table) : null;
  const schedulesCache = new Map<number, NationalSchedules>([[0, { ...unaligned, alignment }]]);
  const schedulesFor = (shift: number) => {
    let s = schedulesCache.get(shift);
    if (!s) {
      s = { ...schedulesWithShift(shift), migrationShift: unaligned.migrationShift, alignment };
      schedulesCache.set(shift, s);
    }
    return s;
  };

  const assumptions = (code: string) => {
    const a = byCode.get(code);
    if (!a) throw new RangeError(`unknown municipality ${code}`);
    return a;
  };
  return {
    options: resolved,
    codes: population.codes,
    schedules: schedulesFor(0),
    assumptions,
    project(codes, adjustments = {}) {
      const schedules = schedulesFor(adjustments.lifeExpectancyShift ?? 0);
      const list = typeof codes === 'string' ? [codes] : codes;
      const parts = list.map((code) => projectMunicipality(assumptions(code), schedules, adjustments));
      return parts.length === 1 ? parts[0]! : sumProjections(list.join('+'), parts);
    },
  };
}

function pathValue(path: YearlyPath, band: Band, year: number): number {
  const y = Math.min(Math.max(year, path.years[0]!), lastYearOf(path.years)) - path.years[0]!;
  return path[band === 'median' ? 'median' : band][y]!;
}

/** Life expectancy targets raised by `shift` years at the end year, phased in linearly from the base. */
function shiftedTarget(
  model: MortalityModel,
  target: ((sex: number, year: number) => number) | undefined,
  shift: number,
  baseYear: number,
  endYear: number,
) {
  return (sex: number, year: number) => {
    const planned = target ? target(sex, year) : lifeExpectancy(projectedDeathRates(model, [year]), sex);
    return planned + (shift * (year - baseYear + 1)) / (endYear - baseYear);
  };
}

/**
 * National net migration per person per year: recent (the estimated pattern on the base
 * population) and observed long-run (each municipality's total growth over the last
 * LONG_RUN_YEARS minus its present natural growth), the level a backtest damps towards; a
 * published projection damps towards the UN WPP 2024 path instead. Only the national level
 * reverts: municipalities keep their own pattern relative to it (letting each revert to its own
 * long-run level did worse in the backtest, as 2022–2025 refugee settlement lifted small
 * municipalities that had been shrinking).
 */
function nationalMigrationLevels(municipalities: readonly { total: number; recent: number; longRun: number | undefined }[]): {
  recent: number;
  longRun: number;
} {
  let total = 0,
    recent = 0,
    knownTotal = 0,
    longRun = 0;
  for (const m of municipalities) {
    total += m.total;
    recent += m.recent * m.total;
    if (m.longRun === undefined) continue;
    knownTotal += m.total;
    longRun += m.longRun * m.total;
  }
  return { recent: recent / total, longRun: longRun / knownTotal };
}

/**
 * Keeps only the persistent share of each municipality's excess net migration (its recent rate
 * on its base population minus the national one): the rest is removed evenly over the standard
 * age intensity, leaving the municipality's age pattern otherwise as estimated.
 */
function dampTransientExcess(
  rates: readonly Float64Array[],
  bases: readonly Float64Array[],
  persistence: Float64Array,
  intensity: Float64Array,
): void {
  const totals = bases.map(sum);
  const levels = rates.map((r, m) => r.reduce((acc, v, c) => acc + v * bases[m]![c]!, 0) / totals[m]!);
  const national = levels.reduce((acc, v, m) => acc + v * totals[m]!, 0) / totals.reduce((a, b) => a + b, 0);
  rates.forEach((r, m) => {
    const shift = (persistence[m]! - 1) * (levels[m]! - national);
    for (let c = 0; c < CELL_COUNT; c++) r[c] = r[c]! + shift * intensity[c]!;
  });
}

/** (births − deaths) / population in the first projection year, without migration. */
function naturalGrowthRate(base: Float64Array, fertilityLevel: number, s: NationalSchedules): number {
  const births = fertilityLevel * birthsPerLevel(base, s, 0);
  let deaths = 0;
  for (let c = 0; c < CELL_COUNT; c++) deaths += base[c]! * (1 - s.survival[c]!);
  deaths += births * (1 - (s.newbornSurvival[0]! + s.newbornSurvival[1]!) / 2);
  return (births - deaths) / sum(base);
}

/** Share of boys among live births over the last SEX_RATIO_YEARS observed up to lastYear. */
function maleShareOfBirths(inputs: ProjectionInputs, lastYear: number): number {
  const { years, male, female } = inputs.births;
  let boys = 0;
  let all = 0;
  years.forEach((year, i) => {
    if (year <= lastYear && year > Math.min(lastYear, lastYearOf(years)) - SEX_RATIO_YEARS) {
      boys += male[i]!;
      all += male[i]! + female[i]!;
    }
  });
  return boys / all;
}

/** County (fylke) of a 2024 municipality code: its first two digits. */
export function countyOf(code: string): string {
  return code.slice(0, 2);
}

function ratesByCounty(codes: readonly string[], evidence: readonly MigrationEvidence[]): Map<string, Float64Array> {
  const byCounty = new Map<string, MigrationEvidence>();
  codes.forEach((code, m) => {
    const county = byCounty.get(countyOf(code)) ?? emptyEvidence();
    addEvidence(county, evidence[m]!);
    byCounty.set(countyOf(code), county);
  });
  return new Map([...byCounty].map(([county, e]) => [county, shrunkRates(e, null, 0)]));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function lastYearOf(years: readonly number[]): number {
  return years[years.length - 1]!;
}
