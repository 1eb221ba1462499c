/**
 * The registry's SQL. Writes replace what a dataset covers inside the caller's transaction, so an
 * import run twice leaves the same rows; bulk rows go in through unnest() of one array per column,
 * a few statements for half a million rows.
 */
import { sql, type Generated } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import {
  officialName,
  searchKey,
  type CodeChange,
  type Country,
  type CrosswalkEntry,
  type Municipality,
  type NameForm,
  type NationalProjectionRow,
  type PopulationColumns,
  type PopulationTotal,
  type Region,
  type Sex,
} from './model.js';

interface RegionTable {
  country: Country;
  code: string;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
}

interface MunicipalityTable extends RegionTable {
  region_code: string | null;
}

interface NameTable {
  country: Country;
  unit: 'municipality' | 'region';
  code: string;
  position: number;
  name: string;
  language: string;
  official: boolean;
}

interface CodeChangeTable {
  old_code: string;
  old_name: string;
  new_code: string;
  new_name: string;
  changed_on: string;
}

interface CrosswalkTable {
  year: number;
  old_code: string;
  new_code: string;
  weight: number;
}

interface PopulationTable {
  country: Generated<Country>;
  municipality_code: string;
  year: number;
  sex: Sex;
  age: number;
  persons: number;
}

interface PopulationTotalTable {
  country: Country;
  municipality_code: string;
  year: number;
  persons: number;
}

interface NationalProjectionTable {
  table_code: string;
  base_year: number;
  alternative: string;
  year: number;
  age_from: number;
  age_to: number;
  persons: number;
}

interface ImportTable {
  dataset: string;
  source: string;
  row_count: number;
  imported_at: Date;
}

declare module '../platform/db/schema.js' {
  interface Database {
    registry_regions: RegionTable;
    registry_municipalities: MunicipalityTable;
    registry_names: NameTable;
    registry_code_changes: CodeChangeTable;
    registry_code_crosswalk: CrosswalkTable;
    registry_population: PopulationTable;
    registry_population_totals: PopulationTotalTable;
    registry_national_projections: NationalProjectionTable;
    registry_imports: ImportTable;
  }
}

/** Rows per insert statement for the smaller tables (well under PostgreSQL's 65 535 parameters). */
const ROWS_PER_INSERT = 2_000;

async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

const dateOrNull = (iso: string | null) => (iso === null ? null : sql<string>`${iso}::date`);

/** Replaces both countries' regions, municipalities (current and former) and their names. */
export async function replaceUnits(db: Queryable, regions: readonly Region[], municipalities: readonly Municipality[]): Promise<void> {
  await db.deleteFrom('registry_names').execute();
  await db.deleteFrom('registry_municipalities').execute();
  await db.deleteFrom('registry_regions').execute();
  await insertInChunks(regions, (chunk) =>
    db
      .insertInto('registry_regions')
      .values(
        chunk.map((r) => ({
          country: r.country,
          code: r.code,
          name: officialName(r.names),
          valid_from: dateOrNull(r.validFrom),
          valid_to: dateOrNull(r.validTo),
        })),
      )
      .execute(),
  );
  await insertInChunks(municipalities, (chunk) =>
    db
      .insertInto('registry_municipalities')
      .values(
        chunk.map((m) => ({
          country: m.country,
          code: m.code,
          region_code: m.regionCode,
          name: officialName(m.names),
          valid_from: dateOrNull(m.validFrom),
          valid_to: dateOrNull(m.validTo),
        })),
      )
      .execute(),
  );
  const names = [...regions.flatMap((r) => nameRows('region', r)), ...municipalities.flatMap((m) => nameRows('municipality', m))];
  await insertInChunks(names, (chunk) => db.insertInto('registry_names').values(chunk).execute());
}

function nameRows(unit: NameTable['unit'], u: Region): NameTable[] {
  return u.names.map((f, position) => ({
    country: u.country,
    unit,
    code: u.code,
    position,
    name: f.name,
    language: f.language,
    official: f.official,
  }));
}

export async function replaceCodeChanges(db: Queryable, changes: readonly CodeChange[]): Promise<void> {
  await db.deleteFrom('registry_code_changes').execute();
  await insertInChunks(changes, (chunk) =>
    db
      .insertInto('registry_code_changes')
      .values(
        chunk.map((c) => ({
          old_code: c.oldCode,
          old_name: c.oldName,
          new_code: c.newCode,
          new_name: c.newName,
          changed_on: sql<string>`${c.changedOn}::date`,
        })),
      )
      .execute(),
  );
}

export async function replaceCrosswalk(db: Queryable, entries: readonly CrosswalkEntry[]): Promise<void> {
  await db.deleteFrom('registry_code_crosswalk').execute();
  await insertInChunks(entries, (chunk) =>
    db
      .insertInto('registry_code_crosswalk')
      .values(chunk.map((e) => ({ year: e.year, old_code: e.oldCode, new_code: e.newCode, weight: e.weight })))
      .execute(),
  );
}

/**
 * Removes the population of the given years before they are inserted again; when no other year is
 * stored the table is truncated, which is much faster than deleting half a million rows.
 */
/** Deletes one country's population for the given years (a truncate when nothing else would stay). */
export async function deletePopulationYears(db: Queryable, years: readonly number[], country: Country = 'NO'): Promise<void> {
  if (years.length === 0) return;
  const otherRow = await db
    .selectFrom('registry_population')
    .select('year')
    .where((eb) => eb.or([eb('year', 'not in', [...years]), eb('country', '!=', country)]))
    .limit(1)
    .executeTakeFirst();
  if (otherRow === undefined) await sql`truncate registry_population`.execute(db);
  else
    await db
      .deleteFrom('registry_population')
      .where('country', '=', country)
      .where('year', 'in', [...years])
      .execute();
}

/** Inserts population cells (one statement; callers chunk for progress). */
export async function insertPopulation(db: Queryable, p: PopulationColumns, country: Country = 'NO'): Promise<void> {
  if (p.municipality.length === 0) return;
  await sql`
    insert into registry_population (country, municipality_code, year, sex, age, persons)
    select ${country}, * from unnest(${[...p.municipality]}::text[], ${[...p.year]}::int2[], ${[...p.sex]}::text[],
                         ${[...p.age]}::int2[], ${[...p.persons]}::int4[])
  `.execute(db);
}

/** One municipality's population by sex and single year of age (105 = 105+) in the latest year imported. */
export async function latestPopulationByAge(
  db: Queryable,
  country: Country,
  code: string,
): Promise<{ year: number; male: number[]; female: number[] } | undefined> {
  const latest = await db
    .selectFrom('registry_population')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('country', '=', country)
    .where('municipality_code', '=', code)
    .executeTakeFirst();
  if (latest?.year == null) return undefined;
  const year = Number(latest.year);
  const ages = await populationByAge(db, code, year);
  return ages && { year, male: Array.from(ages.male), female: Array.from(ages.female) };
}

export async function replacePopulationTotals(db: Queryable, country: Country, totals: readonly PopulationTotal[]): Promise<void> {
  await db.deleteFrom('registry_population_totals').where('country', '=', country).execute();
  await insertInChunks(totals, (chunk) =>
    db
      .insertInto('registry_population_totals')
      .values(chunk.map((t) => ({ country: t.country, municipality_code: t.municipalityCode, year: t.year, persons: t.persons })))
      .execute(),
  );
}

/** Replaces the tables present in `rows` (other national tables stay). */
export async function replaceNationalProjections(db: Queryable, rows: readonly NationalProjectionRow[]): Promise<void> {
  const tables = [...new Set(rows.map((r) => r.tableCode))];
  if (tables.length === 0) return;
  await db.deleteFrom('registry_national_projections').where('table_code', 'in', tables).execute();
  await insertInChunks(rows, (chunk) =>
    db
      .insertInto('registry_national_projections')
      .values(
        chunk.map((r) => ({
          table_code: r.tableCode,
          base_year: r.baseYear,
          alternative: r.alternative,
          year: r.year,
          age_from: r.ageFrom,
          age_to: r.ageTo,
          persons: r.persons,
        })),
      )
      .execute(),
  );
}

export async function recordImport(db: Queryable, dataset: string, source: string, rowCount: number): Promise<void> {
  await db
    .insertInto('registry_imports')
    .values({ dataset, source, row_count: rowCount, imported_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('dataset').doUpdateSet({ source, row_count: rowCount, imported_at: sql<Date>`now()` }))
    .execute();
}

export interface ImportRecord {
  readonly dataset: string;
  readonly source: string;
  readonly rowCount: number;
  readonly importedAt: Date;
}

export async function listImports(db: Queryable): Promise<ImportRecord[]> {
  const rows = await db.selectFrom('registry_imports').selectAll().orderBy('dataset').execute();
  return rows.map((r) => ({ dataset: r.dataset, source: r.source, rowCount: r.row_count, importedAt: r.imported_at }));
}

/** True when no municipality has been imported yet (the server imports the shipped copy then). */
export async function registryIsEmpty(db: Queryable): Promise<boolean> {
  const row = await db.selectFrom('registry_municipalities').select('code').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Row counts of every registry table, for reports and tests. */
export async function registryRowCounts(db: Queryable): Promise<Record<string, number>> {
  const tables = [
    'registry_regions',
    'registry_municipalities',
    'registry_names',
    'registry_code_changes',
    'registry_code_crosswalk',
    'registry_population',
    'registry_population_totals',
    'registry_national_projections',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

export interface MunicipalitySummary {
  readonly country: Country;
  readonly code: string;
  readonly regionCode: string | null;
  /** Official name, forms joined by an en dash. */
  readonly name: string;
  readonly names: readonly NameForm[];
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

const municipalityColumns = [
  'country',
  'code',
  'region_code',
  'name',
  sql<string | null>`valid_from::text`.as('valid_from'),
  sql<string | null>`valid_to::text`.as('valid_to'),
] as const;

/** Today's municipalities of a country, by code, with every name form. */
export async function listMunicipalities(db: Queryable, country: Country): Promise<MunicipalitySummary[]> {
  const rows = await db
    .selectFrom('registry_municipalities')
    .select(municipalityColumns)
    .where('country', '=', country)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  return withNames(db, country, rows);
}

/** A municipality by code, current or former; undefined when the code never existed. */
export async function findMunicipality(db: Queryable, country: Country, code: string): Promise<MunicipalitySummary | undefined> {
  const rows = await db
    .selectFrom('registry_municipalities')
    .select(municipalityColumns)
    .where('country', '=', country)
    .where('code', '=', code)
    .execute();
  return (await withNames(db, country, rows))[0];
}

async function withNames(db: Queryable, country: Country, rows: readonly MunicipalityTable[]): Promise<MunicipalitySummary[]> {
  if (rows.length === 0) return [];
  const names = await db
    .selectFrom('registry_names')
    .select(['code', 'name', 'language', 'official'])
    .where('country', '=', country)
    .where('unit', '=', 'municipality')
    .where(
      'code',
      'in',
      rows.map((r) => r.code),
    )
    .orderBy('code')
    .orderBy('position')
    .execute();
  const byCode = new Map<string, NameForm[]>();
  for (const n of names) byCode.set(n.code, [...(byCode.get(n.code) ?? []), { name: n.name, language: n.language, official: n.official }]);
  return rows.map((r) => ({
    country: r.country,
    code: r.code,
    regionCode: r.region_code,
    name: r.name,
    names: byCode.get(r.code) ?? [],
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** A search matches the start of a code, of a name form, or of a word in it ("odal" finds Nord-Odal). */
function nameMatches(key: string, code: string, name: string): boolean {
  const form = searchKey(name);
  return code.startsWith(key) || form.startsWith(key) || form.split(/[\s-]+/).some((word) => word.startsWith(key));
}

/**
 * Today's municipalities whose code or any name form matches the query, case- and
 * accent-insensitively: "karas", "Kárášjohka", "karasjohka" and "5610" all find
 * Kárášjohka – Karasjok. The few thousand name forms are matched in memory.
 */
export async function searchMunicipalities(db: Queryable, query: string, country?: Country, limit = 20): Promise<MunicipalitySummary[]> {
  const key = searchKey(query);
  if (key === '') return [];
  let names = db
    .selectFrom('registry_names as n')
    .innerJoin('registry_municipalities as m', (join) => join.onRef('m.country', '=', 'n.country').onRef('m.code', '=', 'n.code'))
    .select(['n.country', 'n.code', 'n.name'])
    .where('n.unit', '=', 'municipality')
    .where('m.valid_to', 'is', null);
  if (country) names = names.where('n.country', '=', country);
  const matched = (await names.execute()).filter((n) => nameMatches(key, n.code, n.name));
  const found: MunicipalitySummary[] = [];
  for (const c of ['NO', 'DK'] as const) {
    const codes = [...new Set(matched.filter((n) => n.country === c).map((n) => n.code))];
    if (codes.length === 0) continue;
    const rows = await db
      .selectFrom('registry_municipalities')
      .select(municipalityColumns)
      .where('country', '=', c)
      .where('code', 'in', codes)
      .execute();
    found.push(...(await withNames(db, c, rows)));
  }
  return found.sort((a, b) => a.name.localeCompare(b.name, 'nb')).slice(0, limit);
}

/**
 * Population 1 January of one Norwegian municipality in one year as [sex][age] (male first), or
 * undefined when that year is not in the registry.
 */
export async function populationByAge(
  db: Queryable,
  code: string,
  year: number,
): Promise<{ male: Int32Array; female: Int32Array } | undefined> {
  const rows = await db
    .selectFrom('registry_population')
    .select(['sex', 'age', 'persons'])
    .where('municipality_code', '=', code)
    .where('year', '=', year)
    .execute();
  if (rows.length === 0) return undefined;
  const result = { male: new Int32Array(106), female: new Int32Array(106) };
  for (const r of rows) result[r.sex][r.age] = r.persons;
  return result;
}

/** Total population by year of a municipality (Norway: summed from 07459; Denmark: FOLK1A). */
export async function populationTotals(db: Queryable, country: Country, code: string): Promise<{ year: number; persons: number }[]> {
  if (country === 'DK') {
    return db
      .selectFrom('registry_population_totals')
      .select(['year', 'persons'])
      .where('country', '=', 'DK')
      .where('municipality_code', '=', code)
      .orderBy('year')
      .execute();
  }
  const rows = await db
    .selectFrom('registry_population')
    .select(['year', (eb) => eb.fn.sum<number>('persons').as('persons')])
    .where('municipality_code', '=', code)
    .groupBy('year')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: r.year, persons: Number(r.persons) }));
}

/** Every Danish municipality's total population by year (FOLK1A), in one query. */
export async function danishPopulationTotals(db: Queryable): Promise<Map<string, { year: number; persons: number }[]>> {
  const rows = await db
    .selectFrom('registry_population_totals')
    .select(['municipality_code as code', 'year', 'persons'])
    .where('country', '=', 'DK')
    .orderBy('municipality_code')
    .orderBy('year')
    .execute();
  const totals = new Map<string, { year: number; persons: number }[]>();
  for (const { code, year, persons } of rows) totals.set(code, [...(totals.get(code) ?? []), { year, persons }]);
  return totals;
}

/** Today's codes a former code went into in `year`, with population weights (1 unless split). */
export async function currentCodesFor(db: Queryable, oldCode: string, year: number): Promise<{ code: string; weight: number }[]> {
  const rows = await db
    .selectFrom('registry_code_crosswalk')
    .select(['new_code', 'weight'])
    .where('old_code', '=', oldCode)
    .where('year', '=', year)
    .orderBy('new_code')
    .execute();
  return rows.map((r) => ({ code: r.new_code, weight: r.weight }));
}

export interface RegionSummary {
  readonly country: Country;
  readonly code: string;
  /** Official name, forms joined by an en dash. */
  readonly name: string;
}

/** Today's regions (Norwegian counties, Danish regions) of a country, by code. */
export async function listRegions(db: Queryable, country: Country): Promise<RegionSummary[]> {
  return db
    .selectFrom('registry_regions')
    .select(['country', 'code', 'name'])
    .where('country', '=', country)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
}

export interface PopulationByAgeRow {
  readonly code: string;
  readonly year: number;
  readonly sex: Sex;
  /** Persons by single year of age 0..105 (105 = 105+); ages without a row count 0. */
  readonly persons: readonly number[];
}

/**
 * Every Norwegian municipality's population by year, sex and age in one query (one row per
 * municipality, year and sex), for the projection engine to start from what was last imported.
 */
export async function populationByAgeForAll(db: Queryable): Promise<PopulationByAgeRow[]> {
  const { rows } = await sql<{ code: string; year: number; sex: Sex; ages: number[]; persons: number[] }>`
    select municipality_code as code, year, sex, array_agg(age order by age) as ages, array_agg(persons order by age) as persons
    from registry_population where country = 'NO' group by municipality_code, year, sex order by municipality_code, year, sex
  `.execute(db);
  return rows.map((r) => {
    const persons = new Array<number>(106).fill(0);
    r.ages.forEach((age, i) => (persons[Number(age)] = Number(r.persons[i])));
    return { code: r.code, year: Number(r.year), sex: r.sex, persons };
  });
}

/** When a dataset was last imported (undefined if never): a version for caches built from it. */
export async function importedAt(db: Queryable, dataset: string): Promise<Date | undefined> {
  const row = await db.selectFrom('registry_imports').select('imported_at').where('dataset', '=', dataset).executeTakeFirst();
  return row?.imported_at;
}
