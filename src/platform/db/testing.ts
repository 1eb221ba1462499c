import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';

export interface TestDatabase extends DatabaseHandle {
  /** The URL of the throwaway database when the tests run on PostgreSQL. */
  url: string | undefined;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
 * database on the PostgreSQL server named by DATABASE_URL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = process.env.PGLITE_TEMPLATE;
    const handle = await openPglite(undefined, template ? new Blob([readFileSync(template)]) : undefined);
    await migrateToLatest(handle.db);
    return { ...handle, url: undefined, dispose: () => handle.close() };
  }
  const name = `stifinner_test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const handle = await openPostgres(url);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    async dispose() {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
