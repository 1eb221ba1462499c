import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { startJobQueue, type JobQueue } from './queue.js';

let database: TestDatabase;
let queue: JobQueue;
const handled: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  queue = await startJobQueue(database.db, { pollingIntervalSeconds: 0.5 });
  await queue.work<{ receipt: string }>('receipt-pdf', async (data) => {
    handled.push(data.receipt);
  });
});
afterAll(async () => {
  await queue.stop();
  await database.dispose();
});

async function waitFor(condition: () => Promise<boolean> | boolean, seconds = 20) {
  for (let i = 0; i < seconds * 10; i++) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe(`background jobs (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs a job enqueued in a committed transaction, and records it completed', async () => {
    const id = await database.db.transaction().execute((trx) => queue.enqueue(trx, 'receipt-pdf', { receipt: 'committed' }));
    expect(await waitFor(() => handled.includes('committed'))).toBe(true);
    expect(await waitFor(async () => (await queue.state(id, 'receipt-pdf')) === 'completed')).toBe(true);
  });

  it('never runs a job whose transaction rolled back', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await queue.enqueue(trx, 'receipt-pdf', { receipt: 'rolled-back' });
        throw new Error('the submission failed');
      }),
    ).rejects.toThrow('the submission failed');
    await queue.enqueue(database.db, 'receipt-pdf', { receipt: 'after' });
    expect(await waitFor(() => handled.includes('after'))).toBe(true);
    expect(handled).not.toContain('rolled-back');
  });
});
