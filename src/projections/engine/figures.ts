/**
 * What the municipality overview (kommunebilde) shows of a projection: population by age group
 * and by five-year band per year, and staffing needs per service area with the ratios of persons
 * of working age to the old. Pure; a set of municipalities (a county, a merger, a network) is
 * the sum of its parts, each part with its own care coverage.
 */
import { personsAged, populationInYear, stepCount, totalPersons, type Projection } from './model.js';
import {
  LEGAL_MINIMUM_AREAS,
  SERVICE_AREAS,
  WORKING_AGE,
  staffingNeeds,
  type LegalMinimumArea,
  type ServiceArea,
  type StaffingRates,
} from './staffing.js';

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
  /** Årsverk at the legal minimum, where the law sets one. */
  readonly legalMinimum: Readonly<Record<LegalMinimumArea, number>>;
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
  const sum = new AreaSum(first.projection);
  for (const part of parts) sum.add(part);
  return sum.figures();
}

/**
 * An area's figures summed one part at a time, so that a large area can be summed in pieces;
 * each sum adds the parts in the order they came, as areaFigures does.
 */
export class AreaSum {
  private readonly baseYear: number;
  private readonly endYear: number;
  private readonly years: number;
  private readonly total: Float64Array;
  private readonly ageGroups: Float64Array;
  private readonly male: Float64Array;
  private readonly female: Float64Array;
  private readonly workingAge: Float64Array;
  private readonly aged80Plus: Float64Array;
  private readonly aged67Plus: Float64Array;
  private readonly users: Float64Array;
  private readonly fte: Float64Array;
  private readonly legalMinimum: Float64Array;
  private parts = 0;

  /** `span` gives the years every part covers. */
  constructor(span: { readonly baseYear: number; readonly endYear: number }) {
    this.baseYear = span.baseYear;
    this.endYear = span.endYear;
    this.years = stepCount(span) + 1;
    const perYear = (width: number) => new Float64Array(this.years * width);
    this.total = perYear(1);
    this.ageGroups = perYear(AGE_GROUPS.length);
    this.male = perYear(PYRAMID_BANDS.length);
    this.female = perYear(PYRAMID_BANDS.length);
    this.workingAge = perYear(1);
    this.aged80Plus = perYear(1);
    this.aged67Plus = perYear(1);
    this.users = perYear(SERVICE_AREAS.length);
    this.fte = perYear(SERVICE_AREAS.length);
    this.legalMinimum = perYear(LEGAL_MINIMUM_AREAS.length);
  }

  add({ projection, rates }: ProjectedPart): void {
    const staffing = staffingNeeds(projection, rates);
    for (let k = 0; k < this.years; k++) {
      const cells = populationInYear(projection, this.baseYear + k);
      addTo(this.total, k, totalPersons(cells));
      AGE_GROUPS.forEach(([from, to], g) => addTo(this.ageGroups, k * AGE_GROUPS.length + g, personsAged(cells, from, to)));
      PYRAMID_BANDS.forEach(([from, to], b) => {
        addTo(this.male, k * PYRAMID_BANDS.length + b, personsAged(cells, from, to, 'male'));
        addTo(this.female, k * PYRAMID_BANDS.length + b, personsAged(cells, from, to, 'female'));
      });
      addTo(this.workingAge, k, personsAged(cells, WORKING_AGE[0], WORKING_AGE[1]));
      addTo(this.aged80Plus, k, personsAged(cells, 80, 105));
      addTo(this.aged67Plus, k, personsAged(cells, 67, 105));
      SERVICE_AREAS.forEach((area, a) => {
        addTo(this.users, k * SERVICE_AREAS.length + a, staffing[k]!.users[area]);
        addTo(this.fte, k * SERVICE_AREAS.length + a, staffing[k]!.fte[area]);
      });
      LEGAL_MINIMUM_AREAS.forEach((area, a) =>
        addTo(this.legalMinimum, k * LEGAL_MINIMUM_AREAS.length + a, staffing[k]!.legalMinimum[area]),
      );
    }
    this.parts++;
  }

  figures(): AreaFigures {
    if (this.parts === 0) throw new RangeError('an area needs at least one municipality');
    const row = (values: Float64Array, k: number, width: number) => Array.from(values.subarray(k * width, (k + 1) * width));
    const byArea = (values: Float64Array, k: number) =>
      Object.fromEntries(SERVICE_AREAS.map((area, a) => [area, values[k * SERVICE_AREAS.length + a]!])) as Record<ServiceArea, number>;
    const years = Array.from({ length: this.years }, (_, k): YearFigures => {
      const fte = byArea(this.fte, k);
      const fteTotal = SERVICE_AREAS.reduce((acc, area) => acc + fte[area], 0);
      const workingAge = this.workingAge[k]!;
      const total = this.total[k]!;
      return {
        year: this.baseYear + k,
        total,
        ageGroups: row(this.ageGroups, k, AGE_GROUPS.length),
        male: row(this.male, k, PYRAMID_BANDS.length),
        female: row(this.female, k, PYRAMID_BANDS.length),
        workingAge,
        workingAgePer80Plus: ratio(workingAge, this.aged80Plus[k]!),
        workingAgePer67Plus: ratio(workingAge, this.aged67Plus[k]!),
        share80Plus: ratio(this.aged80Plus[k]!, total),
        staffing: {
          users: byArea(this.users, k),
          fte,
          legalMinimum: Object.fromEntries(
            LEGAL_MINIMUM_AREAS.map((area, a) => [area, this.legalMinimum[k * LEGAL_MINIMUM_AREAS.length + a]!]),
          ) as Record<LegalMinimumArea, number>,
          fteTotal,
          ftePer1000WorkingAge: ratio(1000 * fteTotal, workingAge),
        },
      };
    });
    return { baseYear: this.baseYear, endYear: this.endYear, years };
  }
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

function addTo(sums: Float64Array, index: number, value: number): void {
  sums[index] = sums[index]! + value;
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}
