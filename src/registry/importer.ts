/**
 * Importers: put parsed registry data into the database, each run in one transaction that replaces
 * what the data covers, so that running an import again gives the same rows.
 */
import type { DB, Queryable } from '../platform/db/database.js';
import type { JsonStatDataset } from './jsonstat.js';
import {
  folk1aColumns,
  populationColumns,
  populationSlice,
  unknownCodes,
  type Country,
  type NationalProjectionRow,
  type PopulationColumns,
} from './model.js';
import {
  readShippedDanishTotals,
  readShippedNationalProjections,
  readShippedPopulation07459,
  readShippedUnits,
  DEFAULT_DATA_DIR,
  type ShippedUnits,
} from './sources.js';
import {
  deletePopulationYears,
  insertPopulation,
  listMunicipalities,
  recordImport,
  replaceCodeChanges,
  replaceCrosswalk,
  replaceNationalProjections,
  replacePopulationTotals,
  replaceUnits,
} from './store.js';

/** Called as rows are written: rows done so far, rows in all, and what is being written. */
export type ImportProgress = (done: number, total: number, step: string) => void;

export type ImportResult = { ok: true; rows: number } | { ok: false; error: string };

/** Population cells per insert statement: small enough for a lively progress bar. */
const POPULATION_CHUNK = 25_000;

export const DATASETS = {
  units: 'units',
  population07459: 'ssb-07459',
  danishTotals: 'dst-folk1a',
  danishPopulationByAge: 'dst-folk1a-age',
  nationalProjections: 'ssb-national-projections',
} as const;

function unitRowCount(shipped: ShippedUnits): number {
  const { regions, municipalities } = shipped.units;
  const names = [...regions, ...municipalities].reduce((n, u) => n + u.names.length, 0);
  return regions.length + municipalities.length + names + shipped.codeChanges.length + shipped.crosswalk.length;
}

async function writeUnits(tx: Queryable, shipped: ShippedUnits, source: string): Promise<number> {
  await replaceUnits(tx, shipped.units.regions, shipped.units.municipalities);
  await replaceCodeChanges(tx, shipped.codeChanges);
  await replaceCrosswalk(tx, shipped.crosswalk);
  const rows = unitRowCount(shipped);
  await recordImport(tx, DATASETS.units, source, rows);
  return rows;
}

/** Checks a 07459 dataset against the registry's Norwegian municipalities. */
async function validPopulation(
  tx: Queryable,
  ds: JsonStatDataset,
): Promise<{ ok: true; population: PopulationColumns } | { ok: false; error: string }> {
  const parsed = populationColumns(ds);
  if (!parsed.ok) return parsed;
  const known = new Set((await listMunicipalities(tx, 'NO')).map((m) => m.code));
  const unknown = unknownCodes(parsed.population.municipality, known);
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `the dataset has municipality codes the registry does not know (2024 borders expected): ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ' …' : ''}`,
    };
  }
  return parsed;
}

async function writePopulation(
  tx: Queryable,
  population: PopulationColumns,
  source: string,
  progress: (rowsDone: number) => void,
  country: Country = 'NO',
): Promise<number> {
  const total = population.municipality.length;
  await deletePopulationYears(tx, [...new Set(population.year)], country);
  for (let from = 0; from < total; from += POPULATION_CHUNK) {
    const to = Math.min(total, from + POPULATION_CHUNK);
    await insertPopulation(tx, populationSlice(population, from, to), country);
    progress(to);
  }
  await recordImport(tx, country === 'NO' ? DATASETS.population07459 : DATASETS.danishPopulationByAge, source, total);
  return total;
}

/**
 * Imports Denmark's population by municipality, sex and age (Statistics Denmark, FOLK1A) in one
 * transaction: the years in the dataset replace the Danish rows of those years; Norwegian rows are
 * never touched. Needs the Danish municipalities in the registry first.
 */
export async function importFolk1aByAge(
  db: DB,
  ds: JsonStatDataset,
  source: string,
  onProgress: ImportProgress = () => {},
): Promise<ImportResult> {
  const parsed = folk1aColumns(ds);
  if (!parsed.ok) return parsed;
  return db.transaction().execute(async (tx) => {
    const known = new Set((await listMunicipalities(tx, 'DK')).map((m) => m.code));
    const unknown = unknownCodes(parsed.population.municipality, known);
    if (unknown.length > 0)
      return { ok: false, error: `the dataset has municipality codes the registry does not know: ${unknown.slice(0, 5).join(', ')}` };
    const total = parsed.population.municipality.length;
    onProgress(0, total, 'Danish population by age');
    const rows = await writePopulation(tx, parsed.population, source, (done) => onProgress(done, total, 'Danish population by age'), 'DK');
    return { ok: true, rows };
  });
}

/**
 * Imports population by municipality, sex, age and year (SSB 07459) in one transaction. The years
 * in the dataset replace what the registry had for those years; other years stay. Needs the
 * municipalities in the registry first.
 */
export async function importPopulation07459(
  db: DB,
  ds: JsonStatDataset,
  source: string,
  onProgress: ImportProgress = () => {},
): Promise<ImportResult> {
  return db.transaction().execute(async (tx) => {
    const checked = await validPopulation(tx, ds);
    if (!checked.ok) return checked;
    const total = checked.population.municipality.length;
    onProgress(0, total, 'population 07459');
    const rows = await writePopulation(tx, checked.population, source, (done) => onProgress(done, total, 'population 07459'));
    return { ok: true, rows };
  });
}

/** Imports national projection rows (replacing the tables they belong to) in one transaction. */
export async function importNationalProjections(
  db: DB,
  rows: readonly NationalProjectionRow[],
  source: string,
  onProgress: ImportProgress = () => {},
): Promise<ImportResult> {
  if (rows.length === 0) return { ok: false, error: 'no rows for the alternatives MMMM, HHMH or LLML' };
  return db.transaction().execute(async (tx) => {
    onProgress(0, rows.length, 'national projections');
    await replaceNationalProjections(tx, rows);
    await recordImport(tx, DATASETS.nationalProjections, source, rows.length);
    onProgress(rows.length, rows.length, 'national projections');
    return { ok: true, rows: rows.length };
  });
}

/**
 * Imports everything shipped in `data/` in one transaction: regions and municipalities of Norway
 * and Denmark with their names, former Norwegian codes, code changes and the crosswalk to 2024
 * codes, population 07459, Denmark's FOLK1A totals and SSB's national projections. The server
 * calls this at start-up when the registry is empty; `npm run registry -- import` calls it too.
 */
export async function importShippedRegistry(
  db: DB,
  onProgress: ImportProgress = () => {},
  dataDir: URL = DEFAULT_DATA_DIR,
): Promise<{ rows: number }> {
  const shipped = readShippedUnits(dataDir);
  const danishCodes = new Set(shipped.units.municipalities.filter((m) => m.country === 'DK').map((m) => m.code));
  const danishTotals = readShippedDanishTotals(danishCodes, dataDir);
  const national = readShippedNationalProjections(dataDir);
  const dataset = readShippedPopulation07459(dataDir);
  const source = 'shipped';
  return db.transaction().execute(async (tx) => {
    const unitRows = unitRowCount(shipped);
    const before = unitRows + danishTotals.length + national.length;
    let total = before;
    onProgress(0, total, 'municipalities and codes');
    await writeUnits(tx, shipped, source);
    onProgress(unitRows, total, 'Danish population');
    await replacePopulationTotals(tx, 'DK', danishTotals);
    await recordImport(tx, DATASETS.danishTotals, source, danishTotals.length);
    onProgress(unitRows + danishTotals.length, total, 'national projections');
    await replaceNationalProjections(tx, national);
    await recordImport(tx, DATASETS.nationalProjections, source, national.length);
    const checked = await validPopulation(tx, dataset);
    if (!checked.ok) throw new Error(`the shipped 07459 copy is not valid: ${checked.error}`);
    total += checked.population.municipality.length;
    onProgress(before, total, 'population 07459');
    const populationRows = await writePopulation(tx, checked.population, source, (done) =>
      onProgress(before + done, total, 'population 07459'),
    );
    return { rows: before + populationRows };
  });
}
