/**
 * `npm run registry -- import [--source shipped|ssb|statbank]`: fills the registry in the database that
 * DATABASE_URL / DATA_DIR name (as the server does), with a progress bar.
 */
import { readConfig } from '../platform/config.js';
import { openDatabase, type DB } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { REGISTRY_USAGE, parseRegistryCommand } from './commands.js';
import { importFolk1aByAge, importNationalProjections, importPopulation07459, importShippedRegistry } from './importer.js';
import { FOLK1A_FIRST_YEAR, fetchStatBank, folk1aRequest, latestFirstQuarterYear } from './statbank.js';
import { nationalProjectionFromJsonStat } from './model.js';
import { progressBar } from '../platform/cli/progress.js';
import { NATIONAL_PROJECTION_TABLES, fetchJsonStat, nationalProjectionUrl, population07459Url } from './sources.js';
import { listMunicipalities, registryIsEmpty, registryRowCounts } from './store.js';

/** SSB publishes 07459 under 2024 codes from 2024; earlier years come from the shipped copy. */
const SSB_FROM_YEAR = 2024;

async function importFromSsb(db: DB): Promise<number> {
  if (await registryIsEmpty(db)) {
    console.log('The registry is empty: importing the shipped copy first (municipalities and codes).');
    await importShipped(db);
  }
  const codes = (await listMunicipalities(db, 'NO')).map((m) => m.code);
  console.log(`Fetching population (07459) from SSB for ${codes.length} municipalities, ${SSB_FROM_YEAR} onwards …`);
  const fetched = await fetchJsonStat(population07459Url(codes, SSB_FROM_YEAR));
  if (!fetched.ok) {
    console.error(`Import from SSB failed: ${fetched.error}`);
    return 1;
  }
  const bar = progressBar('rows');
  const result = await importPopulation07459(db, fetched.dataset, 'ssb', (done, total, step) => bar.update(done, total, step));
  bar.stop();
  if (!result.ok) {
    console.error(`Import from SSB failed: ${result.error}`);
    return 1;
  }
  console.log(`Imported ${result.rows} population cells from SSB.`);
  return importNationalFromSsb(db);
}

/** SSB's national projections (14288, 14746), each table replaced in its own transaction. */
async function importNationalFromSsb(db: DB): Promise<number> {
  for (const { tableCode, baseYear } of NATIONAL_PROJECTION_TABLES) {
    console.log(`Fetching the national projection ${tableCode} (base ${baseYear}) from SSB …`);
    const fetched = await fetchJsonStat(nationalProjectionUrl(tableCode));
    const parsed = fetched.ok ? nationalProjectionFromJsonStat(fetched.dataset, tableCode, baseYear) : fetched;
    const result = parsed.ok ? await importNationalProjections(db, parsed.rows, 'ssb') : parsed;
    if (!result.ok) {
      console.error(`Import of ${tableCode} from SSB failed: ${result.error}`);
      return 1;
    }
    console.log(`Imported ${result.rows} rows of ${tableCode}.`);
  }
  return 0;
}

/** Denmark's population by municipality, sex and age (FOLK1A), every 1 January since 2008. */
async function importFromStatBank(db: DB): Promise<number> {
  if (await registryIsEmpty(db)) {
    console.log('The registry is empty: importing the shipped copy first (municipalities and codes).');
    await importShipped(db);
  }
  const codes = (await listMunicipalities(db, 'DK')).map((m) => m.code);
  const toYear = latestFirstQuarterYear(new Date());
  console.log(
    `Fetching population by age (FOLK1A) from Statistics Denmark for ${codes.length} municipalities, ${FOLK1A_FIRST_YEAR}–${toYear} …`,
  );
  const fetched = await fetchStatBank(folk1aRequest(codes, FOLK1A_FIRST_YEAR, toYear));
  if (!fetched.ok) {
    console.error(`Import from StatBank failed: ${fetched.error}`);
    return 1;
  }
  const bar = progressBar('rows');
  const result = await importFolk1aByAge(db, fetched.dataset, 'statbank', (done, total, step) => bar.update(done, total, step));
  bar.stop();
  if (!result.ok) {
    console.error(`Import from StatBank failed: ${result.error}`);
    return 1;
  }
  console.log(`Imported ${result.rows} population cells from Statistics Denmark.`);
  return 0;
}

async function importShipped(db: DB): Promise<number> {
  const bar = progressBar('rows');
  const started = performance.now();
  const { rows } = await importShippedRegistry(db, (done, total, step) => bar.update(done, total, step));
  bar.stop();
  console.log(`Imported ${rows} rows from the shipped copies in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

async function main(): Promise<number> {
  const parsed = parseRegistryCommand(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${parsed.error}\n${REGISTRY_USAGE}`);
    return 2;
  }
  const config = readConfig(process.env);
  if (!config.ok) {
    console.error(`The configuration has errors:\n${config.errors.map((e) => `  - ${e}`).join('\n')}`);
    return 2;
  }
  const database = await openDatabase({ databaseUrl: config.config.databaseUrl, dataDir: config.config.dataDir });
  try {
    await migrateToLatest(database.db);
    const importer = { shipped: importShipped, ssb: importFromSsb, statbank: importFromStatBank }[parsed.command.source];
    const status = await importer(database.db);
    if (status === 0) {
      for (const [table, count] of Object.entries(await registryRowCounts(database.db))) console.log(`  ${table.padEnd(32)} ${count}`);
    }
    return status;
  } finally {
    await database.close();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(`registry: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
