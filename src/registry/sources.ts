/**
 * The registry's IO: reading the copies shipped in `data/` (see data/SOURCES.md) and fetching from
 * SSB's PxWebApi v2. Everything returned here is already parsed by model.ts / geo.ts.
 */
import { readFileSync } from 'node:fs';
import { boundariesFromGeoJson, boundariesFromTopology, type Boundaries } from './geo.js';
import { JsonStatDataset, JsonStatError } from './jsonstat.js';
import {
  danishUnits,
  formerNorwegianMunicipalities,
  norwegianUnits,
  parseCodeChanges,
  parseCrosswalk,
  parseFolk1aTotals,
  parseNationalProjectionCsv,
  type CodeChange,
  type CrosswalkEntry,
  type NationalProjectionRow,
  type PopulationTotal,
  type RegistryUnits,
} from './model.js';

export const DEFAULT_DATA_DIR = new URL('../../data/', import.meta.url);

export const SHIPPED_FILES = {
  municipalities: 'ssb/municipalities_2024.csv',
  codeChanges: 'ssb/municipality_code_changes_1988-2024.json',
  crosswalk: 'ssb/municipality_code_crosswalk_to_2024.csv',
  population07459: 'ssb/07459_population_2020-2026_b2024.json',
  national14288: 'ssb/no_ssb14288_national_projection_2024-2050_agegroups.csv',
  national14746: 'ssb/no_ssb14746_national_projection_2026-2050_agegroups.csv',
  danishMunicipalities: 'dk/dk_municipalities_dagi2014_properties.csv',
  danishPopulation: 'dk/dk_population_folk1a_2007-2023.csv',
  danishBoundaries: 'dk/dk_municipalities_dagi2014.geojson',
  norwegianMunicipalityBoundaries: 'geo/no_Kommuner-S.topojson',
  norwegianCountyBoundaries: 'geo/no_Fylker-S.topojson',
} as const;

function readShipped(file: string, dataDir: URL): string {
  return readFileSync(new URL(file, dataDir), 'utf8');
}

export interface ShippedUnits {
  /** Today's and former units of both countries. */
  readonly units: RegistryUnits;
  readonly codeChanges: readonly CodeChange[];
  readonly crosswalk: readonly CrosswalkEntry[];
}

/** Counties/regions, municipalities (with former Norwegian codes), code changes and crosswalk. */
export function readShippedUnits(dataDir: URL = DEFAULT_DATA_DIR): ShippedUnits {
  const codeChanges = parseCodeChanges(JSON.parse(readShipped(SHIPPED_FILES.codeChanges, dataDir)));
  const norway = norwegianUnits(readShipped(SHIPPED_FILES.municipalities, dataDir), codeChanges);
  const denmark = danishUnits(readShipped(SHIPPED_FILES.danishMunicipalities, dataDir));
  const current = new Set(norway.municipalities.map((m) => m.code));
  return {
    units: {
      regions: [...norway.regions, ...denmark.regions],
      municipalities: [...norway.municipalities, ...formerNorwegianMunicipalities(codeChanges, current), ...denmark.municipalities],
    },
    codeChanges,
    crosswalk: parseCrosswalk(readShipped(SHIPPED_FILES.crosswalk, dataDir)),
  };
}

export function readShippedPopulation07459(dataDir: URL = DEFAULT_DATA_DIR): JsonStatDataset {
  return JsonStatDataset.parse(JSON.parse(readShipped(SHIPPED_FILES.population07459, dataDir)));
}

export function readShippedDanishTotals(municipalityCodes: ReadonlySet<string>, dataDir: URL = DEFAULT_DATA_DIR): PopulationTotal[] {
  return parseFolk1aTotals(readShipped(SHIPPED_FILES.danishPopulation, dataDir), municipalityCodes);
}

export function readShippedNationalProjections(dataDir: URL = DEFAULT_DATA_DIR): NationalProjectionRow[] {
  return [SHIPPED_FILES.national14288, SHIPPED_FILES.national14746].flatMap((file) =>
    parseNationalProjectionCsv(readShipped(file, dataDir)),
  );
}

/** Norway's 357 municipalities (Kartverket, 2024), keyed by kommunenummer. */
export function readNorwegianMunicipalityBoundaries(dataDir: URL = DEFAULT_DATA_DIR): Boundaries {
  const json: unknown = JSON.parse(readShipped(SHIPPED_FILES.norwegianMunicipalityBoundaries, dataDir));
  return boundariesFromTopology(json, 'Kommuner', 'kommunenummer', 'kommunenavn');
}

/** Norway's 15 counties (Kartverket, 2024), keyed by fylkesnummer. */
export function readNorwegianCountyBoundaries(dataDir: URL = DEFAULT_DATA_DIR): Boundaries {
  const json: unknown = JSON.parse(readShipped(SHIPPED_FILES.norwegianCountyBoundaries, dataDir));
  return boundariesFromTopology(json, 'Fylker', 'fylkesnummer', 'fylkesnavn');
}

/** Denmark's 98 municipalities (DAGI), keyed by the three-digit municipality code; Christiansø left out. */
export function readDanishMunicipalityBoundaries(dataDir: URL = DEFAULT_DATA_DIR): Boundaries {
  const json: unknown = JSON.parse(readShipped(SHIPPED_FILES.danishBoundaries, dataDir));
  return boundariesFromGeoJson(json, 'lau_1', 'label_dk', (code) => code !== '411');
}

export const SSB_PXWEBAPI = 'https://data.ssb.no/api/pxwebapi/v2';

/**
 * PxWebApi v2 GET query for 07459 (population 1 January by region, sex, single year of age): the
 * given municipality codes, both sexes, every age, years from `fromYear`. Years before 2024 are
 * published under the codes in force then, so ask for 2024 codes from 2024 on.
 */
export function population07459Url(municipalityCodes: readonly string[], fromYear: number): URL {
  const url = new URL(`${SSB_PXWEBAPI}/tables/07459/data`);
  url.searchParams.set('lang', 'no');
  url.searchParams.set('outputFormat', 'json-stat2');
  url.searchParams.set('valueCodes[Region]', municipalityCodes.join(','));
  url.searchParams.set('valueCodes[Kjonn]', '1,2');
  url.searchParams.set('valueCodes[Alder]', '*');
  url.searchParams.set('valueCodes[ContentsCode]', 'Personer1');
  url.searchParams.set('valueCodes[Tid]', `from(${fromYear})`);
  return url;
}

export type FetchResult = { ok: true; dataset: JsonStatDataset } | { ok: false; error: string };

/** Fetches a JSON-stat2 dataset; an unreachable server, an HTTP error or a bad body is a typed failure. */
export async function fetchJsonStat(url: URL, timeoutMs = 60_000, fetchImpl: typeof fetch = fetch): Promise<FetchResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return {
      ok: false,
      error: `SSB's API at ${url.host} is unreachable (${reason}); the shipped copy can be imported with --source shipped`,
    };
  }
  if (!response.ok) return { ok: false, error: `SSB's API answered ${response.status} ${response.statusText} for ${url.pathname}` };
  try {
    return { ok: true, dataset: JsonStatDataset.parse(await response.json()) };
  } catch (error) {
    const reason = error instanceof JsonStatError || error instanceof SyntaxError ? error.message : String(error);
    return { ok: false, error: `SSB's API returned something that is not a JSON-stat2 dataset: ${reason}` };
  }
}

/** SSB's national projection tables and the year each is based on. */
export const NATIONAL_PROJECTION_TABLES = [
  { tableCode: '14288', baseYear: 2024 },
  { tableCode: '14746', baseYear: 2026 },
] as const;

/**
 * PxWebApi v2 GET query for a national projection table: every alternative, age and year; the
 * other variables are left out so that the API returns the national total (elimination).
 */
export function nationalProjectionUrl(tableCode: string): URL {
  const url = new URL(`${SSB_PXWEBAPI}/tables/${tableCode}/data`);
  url.searchParams.set('lang', 'no');
  url.searchParams.set('outputFormat', 'json-stat2');
  url.searchParams.set('valueCodes[ContentsCode]', '*');
  url.searchParams.set('valueCodes[Alder]', '*');
  url.searchParams.set('valueCodes[Tid]', '*');
  return url;
}
