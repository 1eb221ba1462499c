/**
 * A municipal-structure scenario summed up: the set's combined projection and staffing need, its
 * key figures as one municipality (summed numerators over summed denominators), the cooperations
 * its members share and what the boundaries and counties say. Pure: the data is passed in.
 */
import { figuresIn, type AreaFigures } from '../projections/index.js';
import { PROJECTED_YEARS, type CountryData, type Place } from './key-figure-service.js';
import { figureSum, figureYears, KEY_FIGURES, rateOf, type KeyFigure } from './key-figures.js';
import { cooperationsAmong, geographyOf, type Geography, type ThenAndNow } from './scenarios.js';

/** Where a scenario comes from: seed 001's list, one saved by someone, or a set made up on the spot to compare. */
export type ScenarioOrigin =
  | { readonly kind: 'demo'; readonly slug: string; readonly thenAndNow: ThenAndNow }
  | { readonly kind: 'saved'; readonly id: string; readonly ownerId: string; readonly version: number }
  | { readonly kind: 'alternative' };

export interface ScenarioSet {
  readonly origin: ScenarioOrigin;
  /** The saved name; empty for seed 001's sets and alternatives, whose names the page words. */
  readonly name: string;
  readonly members: readonly Place[];
}

export interface ProjectedYear {
  readonly year: number;
  readonly population: number;
  readonly workingAge: number;
  readonly workingAgePer80Plus: number;
  readonly fteTotal: number;
  readonly ftePer1000WorkingAge: number;
}

export interface ScenarioFigure {
  readonly figure: KeyFigure;
  readonly year: number;
  readonly value: number;
  /** How many of the members the figure is published for that year. */
  readonly counted: number;
}

export interface ScenarioSummary {
  readonly set: ScenarioSet;
  readonly country: 'NO' | 'DK';
  readonly regions: readonly string[];
  readonly population: { readonly year: number; readonly persons: number } | undefined;
  /** The base year and the projected years (Norway only). */
  readonly projection: readonly ProjectedYear[];
  readonly figures: readonly ScenarioFigure[];
  /** The registry's cooperations two or more members share, with only those members. */
  readonly cooperations: readonly {
    readonly name: string;
    readonly members: readonly Place[] | readonly { code: string; name: string }[];
  }[];
  readonly geography: Geography;
  /** The shared boundaries by name. */
  readonly boundaryPairs: readonly (readonly [string, string])[];
}

/**
 * A figure's latest year in which every member has it published (or, when none has, the latest in
 * which any has), and for projected figures each projected year.
 */
function setFigures(figures: readonly KeyFigure[], data: CountryData, codes: readonly string[]): ScenarioFigure[] {
  return figures.flatMap((figure) => {
    const years = figureYears(figure, data.observations).reverse();
    const valued = (year: number) => {
      const sum = figureSum(figure, data.observations, codes, year);
      const value = rateOf(figure, sum);
      return value === null ? undefined : { figure, year, value, counted: sum.counted };
    };
    if (figure.source === 'projection')
      return PROJECTED_YEARS.flatMap((year) => (years.includes(year) ? [valued(year)].filter((v) => v !== undefined) : []));
    const complete = years.map(valued).find((v) => v?.counted === codes.length);
    const any = complete ?? years.map(valued).find((v) => v !== undefined);
    return any ? [any] : [];
  });
}

/** The latest year every member's population is observed, and the sum. */
function setPopulation(data: CountryData, codes: readonly string[]): ScenarioSummary['population'] {
  const years = [...(data.observations.get(codes[0]!)?.keys() ?? [])].sort((a, b) => b - a);
  for (const year of years) {
    const persons = codes.map((code) => data.observations.get(code)?.get(year)?.population);
    if (persons.every((p) => p !== undefined)) return { year, persons: persons.reduce((s, p) => s! + p!, 0)! };
  }
  return undefined;
}

export function summariseScenario(
  set: ScenarioSet,
  data: CountryData,
  neighbours: ReadonlyMap<string, readonly string[]>,
  projected: AreaFigures | undefined,
  cooperations: readonly { readonly name: string; readonly members: readonly { code: string; name: string }[] }[],
): ScenarioSummary {
  const codes = set.members.map((m) => m.code);
  const nameOf = new Map(set.members.map((m) => [m.code, m.name]));
  const regionOf = (code: string) => data.regions.get(set.members.find((m) => m.code === code)?.regionCode ?? '') ?? '';
  const geography = geographyOf(codes, neighbours, regionOf);
  const years = projected ? [projected.baseYear, ...PROJECTED_YEARS.filter((y) => y > projected.baseYear && y <= projected.endYear)] : [];
  return {
    set,
    country: data.country,
    regions: geography.regions,
    population: setPopulation(data, codes),
    projection: years.map((year) => {
      const f = figuresIn(projected!, year);
      return {
        year,
        population: f.total,
        workingAge: f.workingAge,
        workingAgePer80Plus: f.workingAgePer80Plus,
        fteTotal: f.staffing.fteTotal,
        ftePer1000WorkingAge: f.staffing.ftePer1000WorkingAge,
      };
    }),
    figures: setFigures(
      KEY_FIGURES.filter((f) => data.country === 'NO' || f.denmark),
      data,
      codes,
    ),
    cooperations: cooperationsAmong(cooperations, codes),
    geography,
    boundaryPairs: geography.sharedBoundaries.map(([a, b]) => [nameOf.get(a)!, nameOf.get(b)!] as const),
  };
}
