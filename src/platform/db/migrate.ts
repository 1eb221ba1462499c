import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DB } from './database.js';

const SOURCE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Plain-SQL migrations from every capability's `migrations/` folder, ordered by file name across
 * the whole product. File names start with a timestamp (YYYYMMDDHHMM_capability_what.sql) so that
 * the order is global. Migrations are append-only: a file that has run is never edited.
 */
export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly root = SOURCE_ROOT) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const capability of readdirSync(this.root, { withFileTypes: true })) {
      const folder = join(this.root, capability.name, 'migrations');
      if (!capability.isDirectory() || !existsSync(folder)) continue;
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.sql'))) {
        const text = readFileSync(join(folder, file), 'utf8');
        migrations[file.replace(/\.sql$/, '')] = { up: async (db) => void (await sql.raw(text).execute(db)) };
      }
    }
    return migrations;
  }
}

export class MigrationError extends Error {}

/** Runs pending migrations forward, in one transaction each, under Kysely's advisory lock. */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new MigrationError(`migration failed: ${describe(results)}`, { cause: error });
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

function describe(results: MigrationResultSet['results']): string {
  return (results ?? []).map((result) => `${result.migrationName} ${result.status}`).join(', ') || 'no migration ran';
}
