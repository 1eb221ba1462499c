/**
 * Staffing needs (tjenestebehov): users and årsverk (full-time equivalents) in barnehage,
 * grunnskole and pleie og omsorg from a projected population, holding the base year's coverage
 * and årsverk per user constant ("today's standard": the staffing services actually have, seed
 * 002), with the legal minimum beside it where the law sets one (barnehage, grunnskole).
 */
import type { CareUsersPanel } from './inputs.js';
import { personsAged, populationInYear, stepCount, type Projection } from './model.js';

export const SERVICE_AREAS = ['barnehage', 'grunnskole', 'hjemmetjenester', 'institusjon'] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/** Users per inhabitant of an age band, and årsverk per user. */
export interface AgeBandRate {
  readonly from: number;
  /** Inclusive; 105 means 105+. */
  readonly to: number;
  readonly coverage: number;
  readonly ftePerUser: number;
}

export type StaffingRates = Readonly<Record<ServiceArea, readonly AgeBandRate[]>>;

// National defaults. The figures are rounded; a municipality may override any of them.

/** Share of children aged 1–2 and 3–5 in barnehage (SSB table 09169, 2023, rounded; verify against the latest year). */
export const BARNEHAGE_COVERAGE_AGES_1_2 = 0.87;
export const BARNEHAGE_COVERAGE_AGES_3_5 = 0.97;
/**
 * Norm for basic staffing (grunnbemanning), forskrift om pedagogisk bemanning og norm for
 * grunnbemanning i barnehager (barnehageloven § 26): one adult per three children under three,
 * one per six children over three. A minimum: leaders and extra support come on top.
 */
export const BARNEHAGE_FTE_PER_CHILD_UNDER_3 = 1 / 3;
export const BARNEHAGE_FTE_PER_CHILD_OVER_3 = 1 / 6;
/** Share of pupils in the municipality's own schools; about 4 % attend private schools (Udir, GSI 2023/24, rounded). */
export const GRUNNSKOLE_COVERAGE = 0.96;
/**
 * Teacher norm (lærernormen, forskrift til opplæringsloven § 14A-1 from 2018): at most 15 pupils
 * per teacher in years 1–4 (ages 6–9) and 20 in years 5–10 (ages 10–15), in ordinary teaching.
 * The legal minimum line: special needs teaching and other staff come on top.
 */
export const GRUNNSKOLE_FTE_PER_PUPIL_AGES_6_9 = 1 / 15;
export const GRUNNSKOLE_FTE_PER_PUPIL_AGES_10_15 = 1 / 20;
/**
 * Today's teaching staff: 11.6 pupils per årsverk til undervisning in all of grunnskolen
 * (Udir, Grunnskolens informasjonssystem (GSI) 2019/20, per 1 October 2019; 636 250 pupils),
 * the latest national ratio the product ships. Special needs teaching included.
 */
export const GRUNNSKOLE_PUPILS_PER_FTE = 11.6;
/**
 * Today's care staff: SSB counts 157 076 avtalte årsverk in the omsorgstjenester in 2023 (SSB
 * table 11924, "Sjukeheimar, heimetenester og andre omsorgstenester", published 17 June 2024).
 * Per-municipality årsverk are not shipped, so the split between home services and institutions
 * keeps the rough national ratio (0.25 årsverk per home-care user, 1.2 per long-term resident)
 * and both are scaled so the base year's national total equals SSB's: 93 640 årsverk came out
 * of the unscaled ratios for 2026, hence the factor below.
 */
export const CARE_FTE_PUBLISHED = { total: 157_076, year: 2023, table: '11924' } as const;
const CARE_CALIBRATION = CARE_FTE_PUBLISHED.total / 93_640;
export const HOME_CARE_FTE_PER_USER = 0.25 * CARE_CALIBRATION;
export const INSTITUTION_FTE_PER_RESIDENT = 1.2 * CARE_CALIBRATION;

/** SSB's age bands for pleie og omsorg. */
export const CARE_BANDS: readonly (readonly [number, number])[] = [
  [0, 66],
  [67, 79],
  [80, 105],
];
/** Years are pooled back from the base year until a band has this many users … */
export const CARE_MIN_POOLED_USERS = 30;
/** … or the pool reaches this many years back (unpublished years are skipped, not replaced). */
export const CARE_MAX_POOLED_YEARS = 5;

export const WORKING_AGE: readonly [number, number] = [20, 66];

export interface CareCoverage {
  /** Users per inhabitant by CARE_BANDS. */
  readonly homeCare: readonly number[];
  readonly institution: readonly number[];
}

/**
 * A municipality's care coverage by band, pooled over recent years up to the base year where the
 * numbers are small. Bands never published for it take the national coverage.
 */
export function careCoverage(panel: CareUsersPanel, code: string, baseYear: number): CareCoverage {
  const m = panel.codes.indexOf(code);
  const coverageOf = (users: Float64Array) =>
    CARE_BANDS.map((_, band) => {
      const own = m < 0 ? Number.NaN : pooledCoverage(panel, users, m, band, baseYear);
      return Number.isNaN(own) ? nationalCoverage(panel, users, band, baseYear) : own;
    });
  return { homeCare: coverageOf(panel.homeCare), institution: coverageOf(panel.institution) };
}

function panelAt(panel: CareUsersPanel, m: number, year: number, band: number): number {
  return (m * panel.years.length + year - panel.years[0]!) * CARE_BANDS.length + band;
}

function lastPanelYear(panel: CareUsersPanel, baseYear: number): number {
  return Math.min(baseYear, panel.years[panel.years.length - 1]!);
}

function pooledCoverage(panel: CareUsersPanel, users: Float64Array, m: number, band: number, baseYear: number): number {
  let pooledUsers = 0;
  let pooledPopulation = 0;
  let years = 0;
  const last = lastPanelYear(panel, baseYear);
  for (let year = last; year > last - CARE_MAX_POOLED_YEARS && year >= panel.years[0]!; year--) {
    const u = users[panelAt(panel, m, year, band)]!;
    const p = panel.population[panelAt(panel, m, year, band)]!;
    if (Number.isNaN(u) || !(p > 0)) continue;
    pooledUsers += u;
    pooledPopulation += p;
    years++;
    if (pooledUsers >= CARE_MIN_POOLED_USERS) break;
  }
  return years === 0 ? Number.NaN : pooledUsers / pooledPopulation;
}

function nationalCoverage(panel: CareUsersPanel, users: Float64Array, band: number, baseYear: number): number {
  const year = lastPanelYear(panel, baseYear);
  let u = 0;
  let p = 0;
  panel.codes.forEach((_, m) => {
    const value = users[panelAt(panel, m, year, band)]!;
    const population = panel.population[panelAt(panel, m, year, band)]!;
    if (Number.isNaN(value) || !(population > 0)) return;
    u += value;
    p += population;
  });
  return p > 0 ? u / p : 0;
}

/** The national defaults with the municipality's own care coverage; any area may be overridden. */
export function staffingRates(coverage: CareCoverage, overrides: Partial<StaffingRates> = {}): StaffingRates {
  return {
    // No published national årsverk for barnehage is shipped yet: today's standard is the staffing norm.
    barnehage: LEGAL_MINIMUM_RATES.barnehage,
    grunnskole: [{ from: 6, to: 15, coverage: GRUNNSKOLE_COVERAGE, ftePerUser: 1 / GRUNNSKOLE_PUPILS_PER_FTE }],
    hjemmetjenester: CARE_BANDS.map(([from, to], band) => ({
      from,
      to,
      coverage: coverage.homeCare[band]!,
      ftePerUser: HOME_CARE_FTE_PER_USER,
    })),
    institusjon: CARE_BANDS.map(([from, to], band) => ({
      from,
      to,
      coverage: coverage.institution[band]!,
      ftePerUser: INSTITUTION_FTE_PER_RESIDENT,
    })),
    ...overrides,
  };
}

/** The services where the law sets a minimum staffing. */
export const LEGAL_MINIMUM_AREAS = ['barnehage', 'grunnskole'] as const;
export type LegalMinimumArea = (typeof LEGAL_MINIMUM_AREAS)[number];

/** The legal minimum staffing per user, with the same coverage as today. */
export const LEGAL_MINIMUM_RATES: Readonly<Record<LegalMinimumArea, readonly AgeBandRate[]>> = {
  barnehage: [
    { from: 1, to: 2, coverage: BARNEHAGE_COVERAGE_AGES_1_2, ftePerUser: BARNEHAGE_FTE_PER_CHILD_UNDER_3 },
    { from: 3, to: 5, coverage: BARNEHAGE_COVERAGE_AGES_3_5, ftePerUser: BARNEHAGE_FTE_PER_CHILD_OVER_3 },
  ],
  grunnskole: [
    { from: 6, to: 9, coverage: GRUNNSKOLE_COVERAGE, ftePerUser: GRUNNSKOLE_FTE_PER_PUPIL_AGES_6_9 },
    { from: 10, to: 15, coverage: GRUNNSKOLE_COVERAGE, ftePerUser: GRUNNSKOLE_FTE_PER_PUPIL_AGES_10_15 },
  ],
};

export interface StaffingYear {
  readonly year: number;
  readonly users: Readonly<Record<ServiceArea, number>>;
  readonly fte: Readonly<Record<ServiceArea, number>>;
  /** Årsverk at the legal minimum, where the law sets one. */
  readonly legalMinimum: Readonly<Record<LegalMinimumArea, number>>;
  readonly fteTotal: number;
  /** Årsverk per 1 000 inhabitants aged 20–66. */
  readonly ftePer1000WorkingAge: number;
  /** Persons aged 20–66 per person aged 80+ and per person aged 67+. */
  readonly workingAgePer80Plus: number;
  readonly workingAgePer67Plus: number;
}

/** Users and årsverk for every year of a projection. */
export function staffingNeeds(projection: Projection, rates: StaffingRates): StaffingYear[] {
  return Array.from({ length: stepCount(projection) + 1 }, (_, k) => {
    const year = projection.baseYear + k;
    const cells = populationInYear(projection, year);
    const users = {} as Record<ServiceArea, number>;
    const fte = {} as Record<ServiceArea, number>;
    for (const area of SERVICE_AREAS) {
      users[area] = 0;
      fte[area] = 0;
      for (const band of rates[area]) {
        const u = band.coverage * personsAged(cells, band.from, band.to);
        users[area] += u;
        fte[area] += u * band.ftePerUser;
      }
    }
    const legalMinimum = {} as Record<LegalMinimumArea, number>;
    for (const area of LEGAL_MINIMUM_AREAS)
      legalMinimum[area] = LEGAL_MINIMUM_RATES[area].reduce(
        (sum, band) => sum + band.coverage * personsAged(cells, band.from, band.to) * band.ftePerUser,
        0,
      );
    const fteTotal = SERVICE_AREAS.reduce((acc, area) => acc + fte[area], 0);
    const workingAge = personsAged(cells, WORKING_AGE[0], WORKING_AGE[1]);
    return {
      year,
      users,
      fte,
      legalMinimum,
      fteTotal,
      ftePer1000WorkingAge: (1000 * fteTotal) / workingAge,
      workingAgePer80Plus: workingAge / personsAged(cells, 80, 105),
      workingAgePer67Plus: workingAge / personsAged(cells, 67, 105),
    };
  });
}
