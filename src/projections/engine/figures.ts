/**
 * What the municipality overview (kommunebilde) shows of a projection: population by age group
 * and by five-year band per year, and staffing needs per service area with the ratios of persons
 * of working age to the old. Pure; a set of municipalities (a county, a merger, a network) is
 * the sum of its parts, each part with its own care coverage.
 */
import { personsAged, populationInYear, stepCount, totalPersons, type Projection } from './model.js';
import { SERVICE_AREAS, WORKING_AGE, staffingNeeds, type ServiceArea, type StaffingRates } from './staffing.js';

export type AgeRange = readonly [from: number, to: number];

/** The age groups of the overview's lines (90 means 90+). */
export const AGE_GROUPS: readonly AgeRange[] = [
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

/** Five-year bands of the population pyramid, the last one 90+. */
export const PYRAMID_BANDS: readonly AgeRange[] = Array.from({ length: 19 }, (_, i) => [i * 5, i === 18 ? 105 : i * 5 + 4] as const);

/** The years the staffing table reports, after the base year. */
export const STAFFING_YEARS: readonly number[] = [2030, 2040, 2050];
/** The year the headline and the pyramid compare today with. */
export const COMPARISON_YEAR = 2040;

export interface StaffingFigures {
  readonly users: Readonly<Record<ServiceArea, number>>;
  readonly fte: Readonly<Record<ServiceArea, number>>;
  readonly fteTotal: number;
  readonly ftePer1000WorkingAge: number;
}

export interface YearFigures {
  readonly year: number;
  readonly total: number;
  /** Persons by AGE_GROUPS. */
  readonly ageGroups: readonly number[];
  /** Persons by PYRAMID_BANDS. */
  readonly male: readonly number[];
  readonly female: readonly number[];
  readonly workingAge: number;
  readonly workingAgePer80Plus: number;
  readonly workingAgePer67Plus: number;
  readonly share80Plus: number;
  readonly staffing: StaffingFigures;
}

export interface AreaFigures {
  readonly baseYear: number;
  readonly endYear: number;
  /** One entry per year from the base year to the end year. */
  readonly years: readonly YearFigures[];
}

/** One municipality of a set: its projection and its staffing rates (own care coverage). */
export interface ProjectedPart {
  readonly projection: Projection;
  readonly rates: StaffingRates;
}

/** The figures of one municipality or of a set of them summed as one. */
export function areaFigures(parts: readonly ProjectedPart[]): AreaFigures {
  const first = parts[0];
  if (!first) throw new RangeError('an area needs at least one municipality');
  const { baseYear, endYear } = first.projection;
  const staffing = parts.map((part) => staffingNeeds(part.projection, part.rates));
  const years = Array.from({ length: stepCount(first.projection) + 1 }, (_, k) => {
    const cells = parts.map((part) => populationInYear(part.projection, baseYear + k));
    const aged = (from: number, to: number, sex?: 'male' | 'female') => sumOf(cells.map((c) => personsAged(c, from, to, sex)));
    const users = sumByArea(staffing.map((s) => s[k]!.users));
    const fte = sumByArea(staffing.map((s) => s[k]!.fte));
    const fteTotal = SERVICE_AREAS.reduce((acc, area) => acc + fte[area], 0);
    const workingAge = aged(WORKING_AGE[0], WORKING_AGE[1]);
    const total = sumOf(cells.map(totalPersons));
    return {
      year: baseYear + k,
      total,
      ageGroups: AGE_GROUPS.map(([from, to]) => aged(from, to)),
      male: PYRAMID_BANDS.map(([from, to]) => aged(from, to, 'male')),
      female: PYRAMID_BANDS.map(([from, to]) => aged(from, to, 'female')),
      workingAge,
      workingAgePer80Plus: ratio(workingAge, aged(80, 105)),
      workingAgePer67Plus: ratio(workingAge, aged(67, 105)),
      share80Plus: ratio(aged(80, 105), total),
      staffing: { users, fte, fteTotal, ftePer1000WorkingAge: ratio(1000 * fteTotal, workingAge) },
    };
  });
  return { baseYear, endYear, years };
}

/** The figures of one year; throws outside the projection. */
export function figuresIn(figures: AreaFigures, year: number): YearFigures {
  const found = figures.years[year - figures.baseYear];
  if (!found) throw new RangeError(`year ${year} is outside ${figures.baseYear}–${figures.endYear}`);
  return found;
}

/** Relative change from `from` to `to` in per cent (NaN when `from` is 0). */
export function percentChange(from: number, to: number): number {
  return from === 0 ? Number.NaN : (100 * (to - from)) / from;
}

/** Care: home services and institutions together. */
export function careFte(year: YearFigures): number {
  return year.staffing.fte.hjemmetjenester + year.staffing.fte.institusjon;
}

function sumOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function sumByArea(records: readonly Readonly<Record<ServiceArea, number>>[]): Record<ServiceArea, number> {
  return Object.fromEntries(SERVICE_AREAS.map((area) => [area, sumOf(records.map((r) => r[area]))])) as Record<ServiceArea, number>;
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}
