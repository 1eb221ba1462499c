import { sql } from 'kysely';
import { readConfig } from './platform/config.js';
import { openDatabase, type DB } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { seedDemoIdentities } from './platform/auth/demo.js';
import { seedDemoProgrammes } from './programmes/index.js';
import { seedDemoAssessment } from './assessment/index.js';
import { seedDemoKnowledge } from './knowledge/index.js';
import { seedDemoProjects } from './projects/index.js';
import { buildApp } from './app.js';
import { progressBar } from './platform/cli/progress.js';
import { startJobQueue } from './platform/jobs/queue.js';
import { importShippedRegistry } from './registry/index.js';
import { registryIsEmpty } from './registry/index.js';

/** Advisory-lock key serialising the start-up data loads of several processes. */
const STARTUP_LOCK = 73_100_001;

async function main() {
  const started = performance.now();
  const result = readConfig(process.env);
  if (!result.ok) {
    console.error('Stifinner cannot start: the configuration has errors.');
    for (const error of result.errors) console.error(`  - ${error}`);
    process.exit(1);
  }
  const { config } = result;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(database.db);
  // Several processes may start at once on one PostgreSQL: one prepares the data, the others wait.
  await database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(connection);
    try {
      if (await registryIsEmpty(connection)) await importRegistry(connection);
      if (config.demoData) {
        await seedDemoIdentities(connection);
        await seedDemoProgrammes(connection);
        await seedDemoAssessment(connection);
        await seedDemoKnowledge(connection);
        await seedDemoProjects(connection);
      }
      // pg-boss creates its schema on first start; do it here so two processes do not race to.
      await (await startJobQueue(connection)).stop();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(connection);
    }
  });

  const app = await buildApp({ config, database });
  await app.listen({ host: config.host, port: config.port });
  const engine = database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  app.log.info(`${applied.length} migrations applied; database: ${engine}`);
  console.log(`Stifinner is ready at ${config.publicUrl} (started in ${Math.round(performance.now() - started)} ms)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing open requests, then stopping`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** The first start loads the municipalities and population shipped with the product, before serving. */
async function importRegistry(db: DB) {
  console.log('First start: importing the registry shipped with Stifinner (municipalities, population, projections)…');
  const bar = progressBar('rows');
  const { rows } = await importShippedRegistry(db, (done, total, step) => bar.update(done, total, step));
  bar.stop();
  console.log(`Registry imported: ${rows} rows.`);
}

main().catch((error: unknown) => {
  console.error('Stifinner failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
