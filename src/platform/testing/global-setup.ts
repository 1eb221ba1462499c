import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { pgliteClient } from '../db/database.js';
import { startJobQueue } from '../jobs/queue.js';

/**
 * PGlite spends seconds in initdb. The test run initialises and migrates one database, dumps it,
 * and every test file starts its own copy from that dump instead.
 */
export default async function setup() {
  if (process.env.DATABASE_URL) return;
  const pglite = new PGlite({ extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pgliteClient(pglite)) });
  await migrateToLatest(db);
  // pg-boss creates its own schema on first start; do it once here rather than in every test file.
  const queue = await startJobQueue(db);
  await queue.stop();
  const dump = await pglite.dumpDataDir('none');
  const file = join(tmpdir(), `stifinner-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  process.env.PGLITE_TEMPLATE = file;
  return () => rmSync(file, { force: true });
}
