import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.js';

export type DB = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the whole database or an open transaction: store functions accept both. */
export type Queryable = DB | Tx;

export interface DatabaseHandle {
  db: DB;
  engine: 'pglite' | 'postgres';
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
// PGlite returns bigint and numeric as JS numbers; make node-postgres agree so both engines behave alike.
pg.types.setTypeParser(PG_INT8, (value) => Number(value));
pg.types.setTypeParser(PG_NUMERIC, (value) => Number(value));

/**
 * PGlite runs parameterless text through the simple-query protocol so that a migration file with
 * several statements runs the same way it does on node-postgres.
 */
export function pgliteClient(pglite: PGlite): PGlite {
  return new Proxy(pglite, {
    get(target, property) {
      if (property !== 'query') {
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (text: string, params?: unknown[]) => {
        if (params && params.length > 0) return target.query(text, params);
        const results = await target.exec(text);
        return results.at(-1) ?? { rows: [], fields: [], affectedRows: 0 };
      };
    },
  });
}

/** PGlite in a folder (kept across restarts), in memory, or in memory from a dumped data directory. */
export async function openPglite(dataDir: string | undefined, template?: Blob): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // The extensions the migrations create (pg_trgm for the knowledge bank's fuzzy search).
  const extensions = { pg_trgm };
  const pglite = template ? new PGlite({ loadDataDir: template, extensions }) : new PGlite({ ...(dataDir ? { dataDir } : {}), extensions });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pgliteClient(pglite)) });
  return handle(db, 'pglite');
}

export async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client can be cut off (server restart, database dropped); the pool replaces it. Without
  // a listener node-postgres would throw that from the event loop and stop the process.
  pool.on('error', (error) => console.warn(`database connection lost while idle: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return handle(db, 'postgres');
}

export function openDatabase(options: { databaseUrl: string | undefined; dataDir: string | undefined }) {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

function handle(db: DB, engine: DatabaseHandle['engine']): DatabaseHandle {
  return {
    db,
    engine,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
