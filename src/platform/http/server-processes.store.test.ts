import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { fetchWithJar, freePort, signInThroughProvider, startPlatformApp } from '../testing/harness.js';
import { startServerProcess } from '../testing/process.js';

const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('start-up', () => {
  it('refuses to start with a bad configuration, naming each bad value', async () => {
    const port = await freePort();
    await expect(startServerProcess(port, { PORT: 'eighty', NODE_ENV: 'production', LOCAL_IDP: 'true' })).rejects.toThrow(
      /exited with 1:[\s\S]*PORT: must be a whole number[\s\S]*LOCAL_IDP: the local identity provider is refused in production/,
    );
  });
});

describe(`server processes sharing one database (${engine})`, () => {
  it('two servers on one database share a sign-in', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.dispose());
    const first = await startPlatformApp({ database });
    cleanups.push(() => first.close());
    const second = await startPlatformApp({ database });
    cleanups.push(() => second.close());

    const jar = await signInThroughProvider(first.baseUrl, 'persona-fredericia-case-worker');
    const response = await fetch(`${second.baseUrl}/api/v1/me`, { headers: { cookie: jar.header() } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'Mette Jensen' });
  });

  it.runIf(process.env.DATABASE_URL)(
    'two OS processes on PostgreSQL migrate under one lock and share a sign-in',
    async () => {
      const database: TestDatabase = await createTestDatabase();
      cleanups.push(() => database.dispose());
      const env = { DATABASE_URL: database.url!, DEMO_DATA: 'true' };
      const [a, b] = await Promise.all([startServerProcess(await freePort(), env), startServerProcess(await freePort(), env)]);
      cleanups.push(
        () => a.stop(),
        () => b.stop(),
      );

      const jar = await signInThroughProvider(a.baseUrl, 'persona-sfvt-officer');
      const onB = await fetchWithJar(jar, `${b.baseUrl}/api/v1/me`);
      expect(onB.status).toBe(200);
      expect(await onB.json()).toMatchObject({ name: 'Lars Berg', roles: ['programme_owner'] });
      expect(await a.stop()).toBe(0);
      expect(await b.stop()).toBe(0);
    },
    240_000,
  );

  it.skipIf(process.env.DATABASE_URL)(
    'the embedded database keeps its data across a restart, and SIGTERM stops cleanly',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'stifinner-data-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const port = await freePort();
      const first = await startServerProcess(port, { DATA_DIR: dataDir });
      const jar = await signInThroughProvider(first.baseUrl, 'persona-admin');
      expect(await first.stop()).toBe(0);

      const second = await startServerProcess(port, { DATA_DIR: dataDir });
      cleanups.push(() => second.stop());
      // The session was stored in the embedded database on disk, so it outlives the process.
      const response = await fetchWithJar(jar, `${second.baseUrl}/api/v1/me`);
      expect(await response.json()).toMatchObject({ name: 'Eirik Moen' });
      expect(await second.stop()).toBe(0);
    },
    300_000,
  );
});
