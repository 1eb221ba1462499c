import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/store.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { seedDemoIdentities } from './demo.js';
import { deleteExpiredSessions, deleteSessionsOfUser, findPrincipal, readSession, recordSignIn, writeSession } from './store.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
});
afterAll(() => database.dispose());

const identity = (subject: string, name: string) => ({
  identityProvider: 'local',
  subject,
  name,
  email: null,
  homeMunicipalityCode: null,
});

describe(`people, roles and sessions (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('gives a seeded persona the roles of their organisations on sign-in', async () => {
    const userId = await database.db
      .transaction()
      .execute((trx) => recordSignIn(trx, identity('persona-reviewer-porsgrunn', 'Per Holm'), 'req-a'));
    const principal = await findPrincipal(database.db, userId, 'employee');
    expect(principal?.name).toBe('Per Holm');
    expect([...principal!.roles]).toEqual(['reviewer']);
    expect(principal?.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Porsgrunn kommune', municipalityCode: '4001', role: 'reviewer' }),
    ]);
    const [audit] = await listAuditEvents(database.db, { recordType: 'user', recordId: userId, limit: 1 });
    expect(audit).toMatchObject({ action: 'sign-in', request_id: 'req-a', actor_name: 'Per Holm' });
  });

  it('signs the same person in again without duplicating them', async () => {
    const first = await database.db.transaction().execute((trx) => recordSignIn(trx, identity('new-person', 'Old Name'), 'r1'));
    const second = await database.db.transaction().execute((trx) => recordSignIn(trx, identity('new-person', 'New Name'), 'r2'));
    expect(second).toBe(first);
    expect((await findPrincipal(database.db, first, 'citizen'))?.name).toBe('New Name');
  });

  it('running the demo seed twice changes nothing', async () => {
    const count = async () =>
      (await database.db.selectFrom('memberships').select(database.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    await seedDemoIdentities(database.db);
    expect(await count()).toBe(before);
  });

  it('stores sessions, forgets expired ones, and ends all of a user’s sessions at once', async () => {
    const userId = await database.db.transaction().execute((trx) => recordSignIn(trx, identity('persona-admin', 'Eirik Moen'), 'r'));
    const later = new Date(Date.now() + 3600_000);
    await writeSession(database.db, 'laptop', userId, { userId, cookie: {} }, later);
    await writeSession(database.db, 'phone', userId, { userId, cookie: {} }, later);
    await writeSession(database.db, 'stale', null, { cookie: {} }, new Date(Date.now() - 1000));
    expect(await readSession(database.db, 'laptop')).toEqual({ userId, cookie: {} });
    expect(await readSession(database.db, 'stale')).toBeNull();
    expect(await deleteExpiredSessions(database.db)).toBe(1);
    expect(await deleteSessionsOfUser(database.db, userId)).toBe(2);
    expect(await readSession(database.db, 'phone')).toBeNull();
  });
});
