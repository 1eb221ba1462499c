import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIdentities } from '../auth/demo.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import type { OutgoingMail } from '../mail/mailer.js';
import { deliverNotification, distinctRecipients, notify } from './notify.js';
import { listNotificationsFor, listNotificationsOf } from './store.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
});
afterAll(() => database.dispose());

function recordingMailer() {
  const sent: OutgoingMail[] = [];
  return { sent, mailer: { send: async (mail: OutgoingMail) => void sent.push(mail), close: () => {} } };
}

function recordingJobs() {
  const enqueued: { name: string; data: { ids: string[] } }[] = [];
  return {
    enqueued,
    jobs: {
      enqueue: async (_db: unknown, name: string, data: object) => {
        enqueued.push({ name, data: data as never });
        return 'job';
      },
    },
  };
}

describe(`notices sent once (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps one recipient per address and drops those without one', () => {
    expect(
      distinctRecipients([
        { email: 'Silje@Porsgrunn.example.no' },
        { userId: 'u1', email: 'silje@porsgrunn.example.no' },
        { email: null },
        { email: '  ' },
        { email: 'postmottak@porsgrunn.example.no' },
      ]),
    ).toEqual([
      { userId: 'u1', email: 'Silje@Porsgrunn.example.no' },
      { userId: null, email: 'postmottak@porsgrunn.example.no' },
    ]);
  });

  it('writes a notice per address once per occasion, sends each once, and shows it to its person', async () => {
    const db = database.db;
    const user = await db.selectFrom('users').select(['id', 'email']).where('email', 'is not', null).executeTakeFirstOrThrow();
    const { jobs, enqueued } = recordingJobs();
    const notice = {
      occasion: 'test:invitation:1',
      recipients: [{ userId: user.id, email: user.email }, { email: 'postmottak@skien.example.no' }],
      locale: 'nb' as const,
      subject: 'notifications.title' as const,
      body: 'notifications.sent' as const,
      params: { to: 'Skien' },
      link: '/soknader/1',
    };
    expect(await notify(db, jobs, notice)).toBe(2);
    expect(await notify(db, jobs, notice)).toBe(0);
    expect(enqueued).toHaveLength(1);
    const { sent, mailer } = recordingMailer();
    const services = { db, mailer, publicUrl: 'https://stifinner.example.no' };
    for (const id of enqueued[0]!.data.ids) expect(await deliverNotification(services, id)).toBe('sent');
    for (const id of enqueued[0]!.data.ids) expect(await deliverNotification(services, id)).toBe('skipped');
    expect(sent).toHaveLength(2);
    expect(sent[0]!.text).toBe('sendt til Skien\n\nhttps://stifinner.example.no/soknader/1');
    expect(sent[0]!.messageId).toMatch(/^<notice\.[0-9a-f-]+@stifinner\.example\.no>$/);
    const mine = await listNotificationsFor(db, { userId: user.id, email: null });
    expect(mine.map((n) => [n.subject, n.sent_at !== null])).toEqual([['Varsler til meg', true]]);
    expect((await listNotificationsOf(db, 'test:invitation:1')).map((n) => n.recipient_email)).toContain('postmottak@skien.example.no');
  });
});
