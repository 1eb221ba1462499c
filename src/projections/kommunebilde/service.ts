/**
 * The projections as the overview pages and the API use them: the engines are built once per
 * scenario from the population last imported into the registry (and the national inputs shipped
 * in data/), and results are cached by their input (scenario, adjustments, set of municipalities)
 * whatever URL asked for them. A new import of population or units is noticed within
 * VERSION_CHECK_MS and rebuilds everything from it. What is not cached is computed one area at a
 * time, clients taking turns, yielding to other requests between municipalities.
 */
import type { Queryable } from '../../platform/db/database.js';
import {
  danishPopulationTotals,
  importedAt,
  latestPopulationByAge,
  listMunicipalities,
  listRegions,
  populationByAgeForAll,
  type NameForm,
  type PopulationByAgeRow,
  type RegionSummary,
} from '../../registry/index.js';
import { buildEngine, countyOf, type ProjectionEngine } from '../engine/engine.js';
import { AreaSum, type AreaFigures } from '../engine/figures.js';
import type { PopulationHistory, ProjectionInputs } from '../engine/inputs.js';
import { AGE_COUNT, CELL_COUNT, FEMALE, MALE, SCENARIOS, type Adjustments, type ScenarioName } from '../engine/model.js';
import { loadProjectionInputs } from '../sources.js';
import { careCoverage, staffingRates, type StaffingRates } from '../engine/staffing.js';
import { FairWorkQueue, yieldWhenDue } from './work-queue.js';

export const VERSION_CHECK_MS = 30_000;
/** Cached results (a few kB each). */
export const CACHE_SIZE = 5_000;
/** Who asks when no client is named (another capability, the warm-up). */
const SHARED_CLIENT = '';

export interface ScenarioChoice {
  readonly scenario: ScenarioName;
  readonly adjustments: Adjustments;
}

export interface AreaQuery extends ScenarioChoice {
  /** One municipality, or several summed as one. */
  readonly codes: readonly string[];
}

export interface MunicipalityEntry {
  readonly code: string;
  /** Official forms joined by an en dash. */
  readonly name: string;
  readonly names: readonly NameForm[];
  readonly countyCode: string;
}

export interface Directory {
  readonly municipalities: readonly MunicipalityEntry[];
  readonly counties: readonly RegionSummary[];
  municipality(code: string): MunicipalityEntry | undefined;
  county(code: string): RegionSummary | undefined;
  municipalitiesIn(countyCode: string): readonly MunicipalityEntry[];
}

/** The selected scenario with the low and high scenarios (same adjustments) as its band. */
export interface Outlook {
  readonly selected: AreaFigures;
  readonly low: AreaFigures;
  readonly high: AreaFigures;
}

export interface DanishMunicipality {
  readonly code: string;
  readonly name: string;
  readonly regionName: string;
  readonly totals: readonly { readonly year: number; readonly persons: number }[];
}

interface Dataset {
  readonly version: string;
  denmark?: Promise<DanishMunicipality[]>;
  readonly baseYear: number;
  readonly directory: Directory;
  engine(scenario: ScenarioName): ProjectionEngine;
  rates(code: string): StaffingRates;
  readonly cache: LruCache<AreaFigures>;
  /** Computations under way, so that the same query asked twice at once is computed once. */
  readonly pending: Map<string, Promise<AreaFigures>>;
}

export interface ProjectionServiceOptions {
  /** The national inputs (mortality, fertility, care coverage …); population comes from the registry. */
  loadInputs?: () => ProjectionInputs;
  now?: () => number;
}

export type ProjectionService = ReturnType<typeof createProjectionService>;

export function createProjectionService(db: Queryable, options: ProjectionServiceOptions = {}) {
  const loadInputs = options.loadInputs ?? loadProjectionInputs;
  const now = options.now ?? Date.now;
  let nationalInputs: ProjectionInputs | undefined;
  let current: Promise<Dataset> | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  const work = new FairWorkQueue();

  async function dataVersion(): Promise<string> {
    const dates = await Promise.all(['ssb-07459', 'units', 'dst-folk1a'].map((dataset) => importedAt(db, dataset)));
    return dates.map((d) => d?.toISOString() ?? '-').join('|');
  }

  async function load(version: string): Promise<Dataset> {
    nationalInputs ??= loadInputs();
    const [rows, municipalities, counties] = await Promise.all([
      populationByAgeForAll(db),
      listMunicipalities(db, 'NO'),
      listRegions(db, 'NO'),
    ]);
    const population = populationHistoryOf(rows);
    const inputs: ProjectionInputs = { ...nationalInputs, population };
    const projectable = new Set(population.codes);
    const directory = directoryOf(
      municipalities
        .filter((m) => projectable.has(m.code))
        .map((m) => ({ code: m.code, name: m.name, names: m.names, countyCode: m.regionCode ?? countyOf(m.code) })),
      counties,
    );
    const baseYear = population.years[population.years.length - 1] ?? 0;
    const engines = new Map<ScenarioName, ProjectionEngine>();
    const rates = new Map<string, StaffingRates>();
    return {
      version,
      baseYear,
      directory,
      engine(scenario) {
        let engine = engines.get(scenario);
        if (!engine) engines.set(scenario, (engine = buildEngine(inputs, { baseYear, scenario })));
        return engine;
      },
      rates(code) {
        let r = rates.get(code);
        if (!r) rates.set(code, (r = staffingRates(careCoverage(inputs.careUsers, code, baseYear))));
        return r;
      },
      cache: new LruCache(CACHE_SIZE),
      pending: new Map(),
    };
  }

  async function loadDenmark(): Promise<DanishMunicipality[]> {
    const [municipalities, regions, totals] = await Promise.all([
      listMunicipalities(db, 'DK'),
      listRegions(db, 'DK'),
      danishPopulationTotals(db),
    ]);
    const regionName = new Map(regions.map((r) => [r.code, r.name]));
    return municipalities
      .map((m) => ({ code: m.code, name: m.name, regionName: regionName.get(m.regionCode ?? '') ?? '', totals: totals.get(m.code) ?? [] }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  /** The dataset of the latest import (checked at most every VERSION_CHECK_MS). */
  async function dataset(): Promise<Dataset> {
    if (current && now() - checkedAt < VERSION_CHECK_MS) return current;
    checkedAt = now();
    const version = await dataVersion();
    const loaded = current ? await current.catch(() => undefined) : undefined;
    if (!loaded || loaded.version !== version) {
      current = load(version);
      current.catch(() => (current = undefined));
    }
    return current!;
  }

  async function computeFigures(data: Dataset, query: AreaQuery, client: string): Promise<AreaFigures> {
    const key = cacheKey(query);
    const cached = data.cache.get(key);
    if (cached) return cached;
    let pending = data.pending.get(key);
    if (!pending) {
      pending = work
        .run(client, async () => {
          const figures = await projectArea(data, query);
          data.cache.set(key, figures);
          return figures;
        })
        .finally(() => data.pending.delete(key));
      data.pending.set(key, pending);
    }
    return pending;
  }

  /** The parts are projected and summed one at a time, letting other requests in between. */
  async function projectArea(data: Dataset, query: AreaQuery): Promise<AreaFigures> {
    const engine = data.engine(query.scenario);
    const totals = query.codes.map((code) => sumCells(engine.assumptions(code).basePopulation));
    const all = totals.reduce((a, b) => a + b, 0);
    const sum = new AreaSum(engine.options);
    for (const [i, code] of query.codes.entries()) {
      await yieldWhenDue();
      sum.add({
        projection: engine.project(code, partAdjustments(query.adjustments, all > 0 ? totals[i]! / all : 1 / query.codes.length)),
        rates: data.rates(code),
      });
    }
    return sum.figures();
  }

  function checkCodes(data: Dataset, codes: readonly string[]): void {
    const unknown = codes.find((code) => !data.directory.municipality(code));
    if (unknown !== undefined) throw new UnknownMunicipalityError(unknown);
  }

  const service = {
    async directory(): Promise<Directory> {
      return (await dataset()).directory;
    },
    /** A version of the data the results come from, for ETags. */
    async version(): Promise<string> {
      return (await dataset()).version;
    },
    async baseYear(): Promise<number> {
      return (await dataset()).baseYear;
    },
    /** `client` names who asks (e.g. the address of an HTTP client), for taking turns. */
    async figures(query: AreaQuery, client = SHARED_CLIENT): Promise<AreaFigures> {
      const data = await dataset();
      checkCodes(data, query.codes);
      return computeFigures(data, query, client);
    },
    async outlook(query: AreaQuery, client = SHARED_CLIENT): Promise<Outlook> {
      const data = await dataset();
      checkCodes(data, query.codes);
      const [selected, low, high] = await Promise.all(
        [query.scenario, 'low' as const, 'high' as const].map((scenario) => computeFigures(data, { ...query, scenario }, client)),
      );
      return { selected: selected!, low: low!, high: high! };
    },
    /** Every municipality's figures in a scenario without adjustments (for the map and the ranks). */
    /** The base year's population of an area: the scale of its scenario ranges. */
    async basePopulation(codes: readonly string[]): Promise<number> {
      const data = await dataset();
      checkCodes(data, codes);
      const engine = data.engine('main');
      return codes.reduce((sum, code) => sum + sumCells(engine.assumptions(code).basePopulation), 0);
    },
    async allMunicipalities(scenario: ScenarioName, client = SHARED_CLIENT): Promise<ReadonlyMap<string, AreaFigures>> {
      const data = await dataset();
      const codes = data.directory.municipalities.map((m) => m.code);
      const figures = await Promise.all(codes.map((code) => computeFigures(data, { codes: [code], scenario, adjustments: {} }, client)));
      return new Map(codes.map((code, i) => [code, figures[i]!]));
    },
    /** Denmark's municipalities with their population totals by year (no projection yet). */
    async danishMunicipalities(): Promise<DanishMunicipality[]> {
      const data = await dataset();
      data.denmark ??= loadDenmark();
      return data.denmark;
    },
    /** A Danish municipality's population by sex and age on 1 January of the latest year imported (FOLK1A), if any is. */
    danishAgeProfile(code: string) {
      return latestPopulationByAge(db, 'DK', code);
    },
    /**
     * What the first visitor would otherwise wait for, in steps of a second or two each: the
     * population, each scenario's engine, every municipality in the main scenario (the map and
     * the ranks on every municipality page) and Denmark.
     */
    warmUpSteps(): (() => Promise<void>)[] {
      const withData = (step: (data: Dataset) => unknown) => async () => {
        const data = await dataset();
        if (data.directory.municipalities.length > 0) await step(data);
      };
      return [
        withData(() => undefined),
        ...SCENARIOS.map((scenario) => withData((data) => data.engine(scenario))),
        withData(() => service.allMunicipalities('main')),
        withData(() => service.danishMunicipalities()),
      ];
    },
  };
  return service;
}

export class UnknownMunicipalityError extends Error {
  constructor(readonly code: string) {
    super(`unknown municipality ${code}`);
  }
}

/** The registry's rows as the engine's [municipality][year][cell] population (absent rows are 0). */
export function populationHistoryOf(rows: readonly PopulationByAgeRow[]): PopulationHistory {
  const codes = [...new Set(rows.map((r) => r.code))].sort();
  const yearsSeen = rows.map((r) => r.year);
  const first = Math.min(...yearsSeen);
  const years = rows.length === 0 ? [] : Array.from({ length: Math.max(...yearsSeen) - first + 1 }, (_, i) => first + i);
  const index = new Map(codes.map((code, m) => [code, m]));
  const persons = new Float64Array(codes.length * years.length * CELL_COUNT);
  for (const r of rows) {
    const offset = (index.get(r.code)! * years.length + r.year - first) * CELL_COUNT + (r.sex === 'male' ? MALE : FEMALE) * AGE_COUNT;
    r.persons.forEach((v, age) => (persons[offset + age] = v));
  }
  return { codes, years, persons };
}

function directoryOf(municipalities: readonly MunicipalityEntry[], counties: readonly RegionSummary[]): Directory {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const countyByCode = new Map(counties.map((c) => [c.code, c]));
  const byCounty = new Map<string, MunicipalityEntry[]>();
  for (const m of municipalities) byCounty.set(m.countyCode, [...(byCounty.get(m.countyCode) ?? []), m]);
  return {
    municipalities,
    counties: counties.filter((c) => byCounty.has(c.code)),
    municipality: (code) => byCode.get(code),
    county: (code) => (byCounty.has(code) ? countyByCode.get(code) : undefined),
    municipalitiesIn: (code) => byCounty.get(code) ?? [],
  };
}

/** A set's extra net migration is shared among its parts by base population. */
function partAdjustments(adjustments: Adjustments, share: number): Adjustments {
  return adjustments.netMigrationPerYear === undefined
    ? adjustments
    : { ...adjustments, netMigrationPerYear: adjustments.netMigrationPerYear * share };
}

/** The cache key of a query: the same input always gives the same key, however it was asked. */
export function cacheKey(query: AreaQuery): string {
  const { fertilityFactor = 1, lifeExpectancyShift = 0, netMigrationPerYear = 0 } = query.adjustments;
  return [query.scenario, fertilityFactor, lifeExpectancyShift, netMigrationPerYear, [...new Set(query.codes)].sort().join('+')].join('|');
}

function sumCells(cells: Float64Array): number {
  let sum = 0;
  for (const v of cells) sum += v;
  return sum;
}

/** A map that forgets the least recently used entry beyond `capacity`. */
export class LruCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly capacity: number) {}

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
