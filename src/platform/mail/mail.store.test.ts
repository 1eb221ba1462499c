import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { startMailCapture, type MailCapture } from './capture.js';
import { createMailer } from './mailer.js';
import { listCapturedMail } from './store.js';

let database: TestDatabase;
let capture: MailCapture;
beforeAll(async () => {
  database = await createTestDatabase();
  capture = await startMailCapture(database.db);
});
afterAll(async () => {
  await capture.close();
  await database.dispose();
});

describe(`mail over SMTP into the local capture (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('receives a real SMTP delivery with its attachment, and keeps it for the outbox', async () => {
    const mailer = createMailer(capture.url, 'Stifinner <noreply@stifinner.localhost>');
    await mailer.send({
      to: ['silje.andersen@porsgrunn.example.no'],
      subject: 'Kvittering for søknad – Porsgrunn kommune',
      text: 'Søknaden er mottatt 23.11.2026 kl. 09:00.\nÆØÅ æøå',
      attachments: [{ filename: 'kvittering.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 test') }],
    });
    mailer.close();
    const [mail] = await listCapturedMail(database.db);
    expect(mail).toMatchObject({
      sender: 'noreply@stifinner.localhost',
      recipients: ['silje.andersen@porsgrunn.example.no'],
      subject: 'Kvittering for søknad – Porsgrunn kommune',
      attachments: [{ filename: 'kvittering.pdf', contentType: 'application/pdf', size: 13 }],
    });
    expect(mail?.text_body).toContain('ÆØÅ æøå');
  });
});
