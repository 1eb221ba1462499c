/**
 * The key figures as pages and the API use them: Norway's from the shipped care panel, the
 * Grønt hefte and the projections (main scenario); Denmark's from the population totals in the
 * registry. Loaded once per data version of the projections, then computed per request.
 */
import type { Queryable } from '../platform/db/database.js';
import type { ProjectionService } from '../projections/index.js';
import { danishPopulationTotals, listMunicipalities, listRegions } from '../registry/index.js';
import {
  KEY_FIGURES,
  figureSeries,
  joinObservations,
  latestPopulation,
  populationObservations,
  sizeClassOf,
  type FigureSeries,
  type KeyFigure,
  type Observation,
  type Observations,
  type SizeClass,
} from './key-figures.js';
import type { ImportReport, MatchedCooperation } from './cooperations.js';
import { loadShippedCooperations, loadShippedObservations, projectedObservations } from './sources.js';

/** The years the projected figures are shown for, after the projection's base year. */
export const PROJECTED_YEARS = [2030, 2040] as const;

export type Country = 'NO' | 'DK';

export interface Place {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
}

export interface CountryData {
  readonly country: Country;
  readonly observations: Observations;
  readonly municipalities: readonly Place[];
  readonly regions: ReadonlyMap<string, string>;
  /** Inter-municipal child-welfare cooperations (Norway only: none are shipped for Denmark). */
  readonly cooperations: readonly MatchedCooperation[];
  /** What matching the shipped cooperations' members to today's municipalities found. */
  readonly cooperationReport: ImportReport | undefined;
}

/** Which group a comparison series is, the words for it are the page's. */
export type GroupKind = 'municipality' | 'region' | 'country' | 'sizeClass';

export interface KeyFigureGroup {
  readonly kind: GroupKind;
  /** The municipality's or region's name; the size class for `sizeClass`. */
  readonly name: string;
  readonly codes: readonly string[];
}

export interface MunicipalityKeyFigures {
  readonly country: Country;
  readonly municipality: Place;
  readonly regionName: string;
  readonly population: { readonly year: number; readonly persons: number } | undefined;
  readonly sizeClass: SizeClass | undefined;
  readonly groups: readonly KeyFigureGroup[];
  readonly series: readonly FigureSeries[];
  /** What the country's data has no source for (Denmark: everything but the population-based figures). */
  readonly missing: readonly KeyFigure[];
}

export type KeyFigureService = ReturnType<typeof createKeyFigureService>;

export function createKeyFigureService(db: Queryable, projections: ProjectionService, loadShipped = loadShippedObservations) {
  let shipped: Observations | undefined;
  let norway: { version: string; data: Promise<CountryData> } | undefined;
  let denmark: Promise<CountryData> | undefined;

  async function loadNorway(): Promise<CountryData> {
    shipped ??= loadShipped();
    const [directory, baseYear, figures] = await Promise.all([
      projections.directory(),
      projections.baseYear(),
      projections.allMunicipalities('main'),
    ]);
    const municipalities = directory.municipalities.map((m) => ({ code: m.code, name: m.name, regionCode: m.countyCode }));
    const shippedCooperations = loadShippedCooperations(new Map(municipalities.map((m) => [m.code, m.name])));
    return {
      country: 'NO',
      observations: joinObservations(shipped, projectedObservations(figures, [baseYear, ...PROJECTED_YEARS])),
      municipalities,
      regions: new Map(directory.counties.map((c) => [c.code, c.name])),
      cooperations: shippedCooperations.cooperations,
      cooperationReport: shippedCooperations.report,
    };
  }

  async function loadDenmark(): Promise<CountryData> {
    const [municipalities, regions, totals] = await Promise.all([
      listMunicipalities(db, 'DK'),
      listRegions(db, 'DK'),
      danishPopulationTotals(db),
    ]);
    const observations = new Map<string, Map<number, Observation>>();
    for (const [code, byYear] of totals) observations.set(code, populationObservations(new Map(byYear.map((t) => [t.year, t.persons]))));
    return {
      country: 'DK',
      observations,
      municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, regionCode: m.regionCode ?? '' })),
      regions: new Map(regions.map((r) => [r.code, r.name])),
      cooperations: [],
      cooperationReport: undefined,
    };
  }

  async function countryData(country: Country): Promise<CountryData> {
    if (country === 'DK') {
      denmark ??= loadDenmark();
      denmark.catch(() => (denmark = undefined));
      return denmark;
    }
    const version = await projections.version();
    if (norway?.version !== version) {
      norway = { version, data: loadNorway() };
      norway.data.catch(() => (norway = undefined));
    }
    return norway.data;
  }

  return {
    countryData,
    /** A municipality's figures beside its county or region, its country and its size class; undefined for an unknown code. */
    async municipality(code: string): Promise<MunicipalityKeyFigures | undefined> {
      const country: Country = code.length === 3 ? 'DK' : 'NO';
      const data = await countryData(country);
      const municipality = data.municipalities.find((m) => m.code === code);
      if (!municipality) return undefined;
      const groups = comparisonGroups(data, municipality);
      const figures = KEY_FIGURES.filter((f) => country === 'NO' || f.denmark);
      const population = latestPopulation(data.observations, code);
      return {
        country,
        municipality,
        regionName: data.regions.get(municipality.regionCode) ?? '',
        population,
        sizeClass: population ? sizeClassOf(population.persons) : undefined,
        groups,
        series: figures.map((f) => figureSeries(f, data.observations, groups)).filter((s) => s.years.length > 0),
        missing: KEY_FIGURES.filter((f) => !figures.includes(f)),
      };
    },
  };
}

/** The municipality, its county (or Danish region), its country and the municipalities of its size class. */
export function comparisonGroups(data: CountryData, municipality: Place): KeyFigureGroup[] {
  const all = data.municipalities.map((m) => m.code);
  const classOf = (code: string) => {
    const population = latestPopulation(data.observations, code);
    return population ? sizeClassOf(population.persons) : undefined;
  };
  const own = classOf(municipality.code);
  return [
    { kind: 'municipality', name: municipality.name, codes: [municipality.code] },
    {
      kind: 'region',
      name: data.regions.get(municipality.regionCode) ?? '',
      codes: data.municipalities.filter((m) => m.regionCode === municipality.regionCode).map((m) => m.code),
    },
    { kind: 'country', name: data.country, codes: all },
    ...(own ? [{ kind: 'sizeClass' as const, name: own, codes: all.filter((code) => classOf(code) === own) }] : []),
  ];
}
