import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { databaseSessionStore } from './session-store.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const inMinutes = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, minutes)).toISOString();
const session = (expires: string, extra: Record<string, unknown> = {}) => ({ ...extra, cookie: { expires } });

describe('the database session store', () => {
  it('rewrites a rolling session only when its contents change or its expiry moves a minute or more', async () => {
    const store = databaseSessionStore(database.db);
    const set = (id: string, data: object) =>
      new Promise<void>((resolve, reject) => store.set(id, data as never, (error) => (error ? reject(error) : resolve())));
    const get = (id: string) =>
      new Promise<unknown>((resolve, reject) => store.get(id, (error, data) => (error ? reject(error) : resolve(data))));
    const storedExpiry = async () =>
      (await database.db.selectFrom('sessions').select('expires_at').where('id', '=', 'abc').executeTakeFirstOrThrow()).expires_at;

    await set('abc', session(inMinutes(0), { loginKind: 'citizen' }));
    await get('abc');
    // Half a minute later, nothing changed: no write.
    await set('abc', session(`${inMinutes(0).slice(0, 17)}30.000Z`, { loginKind: 'citizen' }));
    expect(new Date(await storedExpiry()).toISOString()).toBe(inMinutes(0));
    // Two minutes later: the expiry is written.
    await set('abc', session(inMinutes(2), { loginKind: 'citizen' }));
    expect(new Date(await storedExpiry()).toISOString()).toBe(inMinutes(2));
    // A change of contents is always written.
    await set('abc', session(inMinutes(2), { loginKind: 'citizen', pendingLogin: { state: 's' } }));
    expect(await get('abc')).toMatchObject({ pendingLogin: { state: 's' } });
    // Once destroyed, the same contents are written again, not skipped.
    await new Promise<void>((resolve) => store.destroy('abc', () => resolve()));
    await set('abc', session(inMinutes(2), { loginKind: 'citizen', pendingLogin: { state: 's' } }));
    expect(await get('abc')).toMatchObject({ loginKind: 'citizen' });
  });
});
