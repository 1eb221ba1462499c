/**
 * The only IO of the projection engine: loaders that read the data files shipped in `data/`
 * (see data/SOURCES.md) into the engine's typed inputs.
 */
import { readFileSync } from 'node:fs';
import { JsonStatDataset } from '../registry/index.js';
import type {
  BirthHistory,
  CareUsersPanel,
  FertilityHistory,
  LifeExpectancyPaths,
  MortalityHistory,
  NationalProjection,
  PopulationHistory,
  ProjectionInputs,
  TotalPopulationHistory,
  YearlyPath,
} from './engine/inputs.js';
import { AGE_COUNT, CELL_COUNT, FEMALE, MALE, MAX_AGE, cellIndex } from './engine/model.js';

export const DEFAULT_DATA_DIR = new URL('../../data/', import.meta.url);

const FILES = {
  population: 'ssb/07459_population_2020-2026_b2024.json',
  municipalities: 'ssb/municipalities_2024.csv',
  national2024: 'ssb/no_ssb14288_national_projection_2024-2050_agegroups.csv',
  national2026: 'ssb/no_ssb14746_national_projection_2026-2050_agegroups.csv',
  care: 'kostra/no_pleie_omsorg_paneldata_2007-2025.csv',
  mortality: 'demography/hmd_hfd_raw/NOR_Mx_1x1.txt',
  births: 'demography/hmd_hfd_raw/NOR_Births.txt',
  fertility: 'demography/hmd_hfd_raw/NOR_NORasfrRR.txt',
  e0Past: 'demography/wpp2024_norway/wpp2024_norway_e01dt.csv',
  e0Projected: 'demography/wpp2024_norway/wpp2024_norway_e0proj1dt.csv',
  tfrPast: 'demography/wpp2024_norway/wpp2024_norway_tfr1dt.csv',
  tfrProjected: 'demography/wpp2024_norway/wpp2024_norway_tfrproj1dt.csv',
  migrationByAge: 'demography/wpp2024_norway/wpp2024_norway_migprojAge5dt.csv',
  migration: 'demography/wpp2024_norway/wpp2024_norway_migproj1dt.csv',
} as const;

/** Reads every input of the engine from a data directory laid out like `data/`. */
export function loadProjectionInputs(dataDir: URL = DEFAULT_DATA_DIR): ProjectionInputs {
  const read = (file: string) => readFileSync(new URL(file, dataDir), 'utf8');
  const population = populationFromJsonStat(JsonStatDataset.parse(JSON.parse(read(FILES.population))));
  const careRows = parseCsv(read(FILES.care));
  return {
    population,
    mortality: parseHmdMortality(read(FILES.mortality)),
    fertility: parseHfdFertility(read(FILES.fertility)),
    births: parseHmdBirths(read(FILES.births)),
    lifeExpectancy: parseLifeExpectancy(parseCsv(read(FILES.e0Past)), parseCsv(read(FILES.e0Projected))),
    totalFertility: joinPaths(
      pathFromRows(parseCsv(read(FILES.tfrPast)), 'tfr'),
      pathFromRows(parseCsv(read(FILES.tfrProjected)), 'tfr', 'tfr_80l', 'tfr_80u'),
    ),
    netMigration: thousandsToPersons(pathFromRows(parseCsv(read(FILES.migration)), 'mig', 'mig_80l', 'mig_80u')),
    migrationAgeProfile: parseWppMigrationByAge(parseCsv(read(FILES.migrationByAge))),
    nationalProjections: [
      parseNationalProjection(parseCsv(read(FILES.national2024))),
      parseNationalProjection(parseCsv(read(FILES.national2026))),
    ],
    totalPopulation: totalPopulationFromPanel(careRows),
    careUsers: careUsersFromPanel(careRows),
    names: new Map(parseCsv(read(FILES.municipalities)).map((r) => [field(r, 'kommunenummer'), field(r, 'kommunenavn_ssb')])),
  };
}

/** SSB 07459 (Region × Kjonn × Alder × ContentsCode × Tid) into [municipality][year][cell]. */
export function populationFromJsonStat(ds: JsonStatDataset): PopulationHistory {
  const regions = ds.dimension('Region').categories;
  const years = ds.dimension('Tid').categories.map((c) => Number(c.code));
  const ages = ds.dimension('Alder').categories;
  const sexes = ds.dimension('Kjonn');
  const persons = new Float64Array(regions.length * years.length * CELL_COUNT);
  const sexCodes = [
    [MALE, sexes.indexOf('1')],
    [FEMALE, sexes.indexOf('2')],
  ] as const;
  regions.forEach((_, r) => {
    years.forEach((_, y) => {
      for (const [sex, k] of sexCodes) {
        ages.forEach((age, a) => {
          const v = ds.values[ds.offsetAt([r, k, a, 0, y])]!;
          persons[(r * years.length + y) * CELL_COUNT + cellIndex(sex, Math.min(parseInt(age.code, 10), MAX_AGE))]! += Number.isNaN(v)
            ? 0
            : v;
        });
      }
    });
  });
  return { codes: regions.map((c) => c.code), years, persons };
}

/** HMD lines "Year Age Female Male Total" with ages 0..110+; ages ≥105 keep the rate at 105. */
export function parseHmdMortality(text: string): MortalityHistory {
  const rows = hmdRows(text);
  const years = uniqueSorted(rows.map((r) => r.year));
  const rates = new Float64Array(years.length * CELL_COUNT).fill(Number.NaN);
  for (const r of rows) {
    if (r.age > MAX_AGE) continue;
    const offset = (r.year - years[0]!) * CELL_COUNT;
    rates[offset + cellIndex(FEMALE, r.age)] = r.female;
    rates[offset + cellIndex(MALE, r.age)] = r.male;
  }
  return { years, rates };
}

export function parseHmdBirths(text: string): BirthHistory {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter((p) => p.length === 4 && /^\d{4}$/.test(p[0]!));
  return {
    years: rows.map((p) => Number(p[0])),
    female: Float64Array.from(rows, (p) => Number(p[1])),
    male: Float64Array.from(rows, (p) => Number(p[2])),
  };
}

/** HFD ASFR, age in completed years; "12-" and "55+" are folded into 12 and 55. */
export function parseHfdFertility(text: string): FertilityHistory {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter((p) => p.length === 3 && /^\d{4}$/.test(p[0]!))
    .map((p) => ({ year: Number(p[0]), age: parseInt(p[1]!, 10), rate: Number(p[2]) }));
  const years = uniqueSorted(rows.map((r) => r.year));
  const rates = new Float64Array(years.length * AGE_COUNT);
  for (const r of rows) rates[(r.year - years[0]!) * AGE_COUNT + r.age] = r.rate;
  return { years, rates };
}

function parseLifeExpectancy(past: CsvRow[], projected: CsvRow[]): LifeExpectancyPaths {
  return {
    male: joinPaths(pathFromRows(past, 'e0M'), pathFromRows(projected, 'e0M', 'e0M_80l', 'e0M_80u')),
    female: joinPaths(pathFromRows(past, 'e0F'), pathFromRows(projected, 'e0F', 'e0F_80l', 'e0F_80u')),
  };
}

/** WPP five-year net migration (thousands per period) spread evenly over single years, as persons per cell. */
export function parseWppMigrationByAge(rows: CsvRow[]): Float64Array {
  const period = field(rows[0]!, 'period');
  const profile = new Float64Array(CELL_COUNT);
  for (const r of rows.filter((row) => field(row, 'period') === period)) {
    const [from, to] = ageRange(field(r, 'age'), 100);
    const width = to - from + 1;
    for (let age = from; age <= Math.min(to, MAX_AGE); age++) {
      profile[cellIndex(MALE, age)] = (1000 * Number(field(r, 'migM'))) / width;
      profile[cellIndex(FEMALE, age)] = (1000 * Number(field(r, 'migF'))) / width;
    }
  }
  return profile;
}

const ALTERNATIVES: Readonly<Record<string, 'main' | 'high' | 'low'>> = { MMMM: 'main', HHMH: 'high', LLML: 'low' };

/** SSB national projection CSV: region,statistikkvariabel,år,alder,value,Framskriving,Tabell. */
export function parseNationalProjection(rows: CsvRow[]): NationalProjection {
  const years = uniqueSorted(rows.map((r) => Number(field(r, 'år'))));
  const groupLabels = [...new Set(rows.map((r) => field(r, 'alder')))];
  const ageGroups = groupLabels.map((label) => ageRange(label, MAX_AGE));
  const empty = () => new Float64Array(years.length * ageGroups.length).fill(Number.NaN);
  const alternatives = { main: empty(), high: empty(), low: empty() };
  for (const r of rows) {
    const code = /\((\w{4})\)/.exec(field(r, 'statistikkvariabel'))?.[1] ?? '';
    const alternative = ALTERNATIVES[code];
    if (!alternative) continue;
    const y = years.indexOf(Number(field(r, 'år')));
    alternatives[alternative][y * ageGroups.length + groupLabels.indexOf(field(r, 'alder'))] = Number(field(r, 'value'));
  }
  return { baseYear: Number(field(rows[0]!, 'Framskriving')), years, ageGroups, alternatives };
}

/**
 * The KOSTRA panel repeats a municipality's population on each row it reports under an older
 * code; take it once per municipality and year.
 */
function totalPopulationFromPanel(rows: CsvRow[]): TotalPopulationHistory {
  const { codes, years, at } = panelIndex(rows);
  const persons = new Float64Array(codes.length * years.length).fill(Number.NaN);
  for (const r of rows) persons[at(r)] = numberOrNaN(field(r, 'folk_ialt'));
  return { codes, years, persons };
}

const CARE_BANDS = ['0_66', '67_79', '80p'] as const;

/**
 * Users are summed over the rows of older codes. Where one band is not published it is the
 * total minus the other bands (home care 67–79 is never published from 2017).
 */
function careUsersFromPanel(rows: CsvRow[]): CareUsersPanel {
  const { codes, years, at } = panelIndex(rows);
  const size = codes.length * years.length * CARE_BANDS.length;
  const homeCare = new Float64Array(size).fill(Number.NaN);
  const institution = new Float64Array(size).fill(Number.NaN);
  const population = new Float64Array(size).fill(Number.NaN);
  const grouped = new Map<number, CsvRow[]>();
  for (const r of rows) grouped.set(at(r), [...(grouped.get(at(r)) ?? []), r]);
  for (const [slot, group] of grouped) {
    const offset = slot * CARE_BANDS.length;
    writeBands(homeCare, offset, sumBands(group, 'Y_1_a_', 'Y_1_a_ialt'));
    writeBands(institution, offset, sumBands(group, 'Y_3_a_', 'Y_3_a_ialt'));
    writeBands(
      population,
      offset,
      CARE_BANDS.map((b) => numberOrNaN(field(group[0]!, `folk_${b}`))),
    );
  }
  return { codes, years, homeCare, institution, population };
}

function sumBands(group: CsvRow[], prefix: string, totalColumn: string): number[] {
  const bands = CARE_BANDS.map((b) => sumOrNaN(group.map((r) => numberOrNaN(field(r, prefix + b)))));
  const total = sumOrNaN(group.map((r) => numberOrNaN(field(r, totalColumn))));
  const missing = bands.filter(Number.isNaN).length;
  if (missing !== 1 || Number.isNaN(total)) return bands;
  const known = bands.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);
  return bands.map((v) => (Number.isNaN(v) ? Math.max(0, total - known) : v));
}

function writeBands(target: Float64Array, offset: number, bands: readonly number[]): void {
  bands.forEach((v, i) => {
    target[offset + i] = v;
  });
}

function panelIndex(rows: CsvRow[]) {
  const codes = uniqueSorted(rows.map((r) => field(r, 'kommunenr_2024')));
  const years = uniqueSorted(rows.map((r) => Number(field(r, 'år'))));
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const at = (r: CsvRow) => codeIndex.get(field(r, 'kommunenr_2024'))! * years.length + Number(field(r, 'år')) - years[0]!;
  return { codes, years, at };
}

function pathFromRows(rows: CsvRow[], median: string, lower = median, upper = median): YearlyPath {
  return {
    years: rows.map((r) => Number(field(r, 'year'))),
    median: Float64Array.from(rows, (r) => Number(field(r, median))),
    lower: Float64Array.from(rows, (r) => Number(field(r, lower))),
    upper: Float64Array.from(rows, (r) => Number(field(r, upper))),
  };
}

function thousandsToPersons(path: YearlyPath): YearlyPath {
  const scale = (v: Float64Array) => v.map((x) => x * 1000);
  return { years: path.years, median: scale(path.median), lower: scale(path.lower), upper: scale(path.upper) };
}

/** Estimates followed by projections; where both cover a year, the projection wins. */
function joinPaths(past: YearlyPath, projected: YearlyPath): YearlyPath {
  const first = projected.years[0]!;
  const keep = past.years.filter((y) => y < first).length;
  const join = (a: Float64Array, b: Float64Array) => Float64Array.from([...a.subarray(0, keep), ...b]);
  return {
    years: [...past.years.slice(0, keep), ...projected.years],
    median: join(past.median, projected.median),
    lower: join(past.median, projected.lower),
    upper: join(past.median, projected.upper),
  };
}

function hmdRows(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter((p) => p.length === 5 && /^\d{4}$/.test(p[0]!))
    .map((p) => ({ year: Number(p[0]), age: parseInt(p[1]!, 10), female: numberOrNaN(p[2]!), male: numberOrNaN(p[3]!) }));
}

/** "0 år", "1-5 år", "90 år eller eldre", "100+", "80-84" → inclusive [from, to]. */
function ageRange(label: string, openEnd: number): [number, number] {
  const numbers = (label.match(/\d+/g) ?? []).map(Number);
  const from = numbers[0];
  if (from === undefined) throw new Error(`age group without an age: "${label}"`);
  if (/\+|eldre|older/.test(label)) return [from, openEnd];
  return [from, numbers[1] ?? from];
}

type CsvRow = ReadonlyMap<string, string>;

/** Comma-separated with an optional BOM and double-quoted fields (no embedded commas in our files). */
function parseCsv(text: string): CsvRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');
  const header = lines[0]!.split(',').map(unquote);
  return lines.slice(1).map((line) => {
    const values = line.split(',').map(unquote);
    return new Map(header.map((h, i) => [h, values[i] ?? '']));
  });
}

function field(row: CsvRow, name: string): string {
  const v = row.get(name);
  if (v === undefined) throw new Error(`CSV has no column "${name}"`);
  return v;
}

function numberOrNaN(s: string): number {
  return s.trim() === '' || s.trim() === '.' ? Number.NaN : Number(s);
}

function sumOrNaN(values: readonly number[]): number {
  return values.some(Number.isNaN) ? Number.NaN : values.reduce((a, b) => a + b, 0);
}

function uniqueSorted<T extends string | number>(values: readonly T[]): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
