import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { listAuditEvents, listAuditRecordTypes, recordAudit } from './store.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const entry = (recordId: string, toState: string) => ({
  actor: null,
  recordType: 'application',
  recordId,
  action: 'submit',
  fromState: 'draft',
  toState,
  reason: 'complete',
  requestId: 'req-1',
});

describe(`audit trail (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('records an entry with who, what, from, to, why and request', async () => {
    await database.db.transaction().execute((trx) => recordAudit(trx, entry('a-1', 'submitted')));
    const [event] = await listAuditEvents(database.db, { recordType: 'application', recordId: 'a-1', limit: 10 });
    expect(event).toMatchObject({ record_id: 'a-1', from_state: 'draft', to_state: 'submitted', reason: 'complete', request_id: 'req-1' });
    expect(event?.occurred_at).toBeInstanceOf(Date);
  });

  it('rolls back with the change it records', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry('a-2', 'submitted'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await listAuditEvents(database.db, { recordId: 'a-2', limit: 10 })).toEqual([]);
  });

  it('refuses updates, deletes and truncation', async () => {
    await expect(sql`update audit_events set reason = 'rewritten'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await listAuditEvents(database.db, { recordId: 'a-1', limit: 10 })).toHaveLength(1);
  });

  it('filters by record and pages newest first', async () => {
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++) await recordAudit(trx, entry('a-3', `state-${i}`));
    });
    const firstPage = await listAuditEvents(database.db, { recordId: 'a-3', limit: 3 });
    expect(firstPage.map((event) => event.to_state)).toEqual(['state-4', 'state-3', 'state-2']);
    const secondPage = await listAuditEvents(database.db, { recordId: 'a-3', limit: 3, before: firstPage.at(-1)!.id });
    expect(secondPage.map((event) => event.to_state)).toEqual(['state-1', 'state-0']);
    expect(await listAuditRecordTypes(database.db)).toEqual(['application']);
  });
});
