import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { findFile, saveFile } from './store.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe(`files (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps the exact bytes with their size and checksum', async () => {
    const content = Buffer.from([0, 1, 2, 255, 254, 0x25, 0x50, 0x44, 0x46]);
    const id = await saveFile(database.db, { name: 'vedtak.pdf', contentType: 'application/pdf', content, uploadedBy: null });
    const stored = await findFile(database.db, id);
    expect(stored).toMatchObject({ name: 'vedtak.pdf', contentType: 'application/pdf', sizeBytes: 9 });
    expect(stored?.content.equals(content)).toBe(true);
    expect(stored?.sha256).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('rolls back with the transaction it was saved in', async () => {
    let id = '';
    await expect(
      database.db.transaction().execute(async (trx) => {
        id = await saveFile(trx, { name: 'x.txt', contentType: 'text/plain', content: Buffer.from('x'), uploadedBy: null });
        throw new Error('the record it belongs to failed');
      }),
    ).rejects.toThrow();
    expect(await findFile(database.db, id)).toBeUndefined();
    expect(await findFile(database.db, randomUUID())).toBeUndefined();
  });
});
