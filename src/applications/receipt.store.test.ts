import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../platform/audit/store.js';
import { seedDemoIdentities } from '../platform/auth/demo.js';
import { createTestDatabase, type TestDatabase } from '../platform/db/testing.js';
import { findFile } from '../platform/files/store.js';
import type { Mailer, OutgoingMail } from '../platform/mail/mailer.js';
import { seedDemoProgrammes, seededIds, seedSmallRegistry } from '../programmes/index.js';
import { produceReceipt, type ReceiptServices } from './receipt.js';
import type { Actor } from '../platform/db/kit.js';
import { findReceiptMail } from './receipt-store.js';
import { findApplication, findSubmission } from './store.js';
import { allowManyApplicationsPerRound, completeNetwork } from './testing.js';
import { submitApplication } from './use-cases.js';
import { orThrow } from '../platform/outcome.js';

let database: TestDatabase;
let callId: string;
const silje: Actor = { user: null, requestId: 'silje' };
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoIdentities(database.db);
  await seedSmallRegistry(database.db);
  await seedDemoProgrammes(database.db);
  callId = (await seededIds(database.db, 'programme_calls', 'nettverk-2027:call'))!;
  await allowManyApplicationsPerRound(database.db, callId);
}, 60_000);
afterAll(() => database.dispose());

/** A mailer that records what the relay took; `crashAfterSending` makes the process "die" right after the relay took a mail. */
function recordingMailer(crashAfterSending = 0): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  let crashes = crashAfterSending;
  return {
    sent,
    async send(mail) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      sent.push(mail);
      if (crashes-- > 0) throw new Error('the process died after the relay took the mail');
    },
    close() {},
  };
}

async function submitted(): Promise<string> {
  const id = await completeNetwork(database.db, callId, silje);
  const { submissionId } = orThrow(await submitApplication(database.db, id, (await findApplication(database.db, id))!.version, silje));
  return submissionId;
}

const services = (mailer: Mailer, leaseSeconds?: number): ReceiptServices => ({
  db: database.db,
  mailer,
  messageHost: 'stifinner.test',
  ...(leaseSeconds === undefined ? {} : { leaseSeconds }),
});

describe(`the receipt mail goes exactly once (${engine})`, () => {
  it('mails once however often and however concurrently the job runs, with the stored PDF attached', async () => {
    const submissionId = await submitted();
    const mailer = recordingMailer();
    const outcomes = await Promise.all([produceReceipt(services(mailer), submissionId), produceReceipt(services(mailer), submissionId)]);
    outcomes.push(await produceReceipt(services(mailer), submissionId));
    expect(mailer.sent).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'mailed')).toHaveLength(1);
    expect(outcomes.at(-1)).toBe('alreadySent');
    expect(mailer.sent[0]!.messageId).toBe(`<receipt.${submissionId}@stifinner.test>`);
    expect(mailer.sent[0]!.to).toEqual(['silje.andersen@porsgrunn.example.no', 'post@4003.example.no', 'post@4005.example.no']);
    const submission = (await findSubmission(database.db, submissionId))!;
    expect(submission.mailSentAt).not.toBeNull();
    expect(mailer.sent[0]!.attachments![0]!.content.equals((await findFile(database.db, submission.pdfFileId!))!.content)).toBe(true);
    expect(await findReceiptMail(database.db, submissionId)).toMatchObject({ attempts: 1, sentAt: expect.any(Date) });
    const actions = (await listAuditEvents(database.db, { recordType: 'application', recordId: submission.applicationId, limit: 50 })).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === 'receipt-mail')).toHaveLength(1);
  });

  it('after a crash between sending and marking, resends only once the claim has lapsed, with the same Message-ID, then never again', async () => {
    const submissionId = await submitted();
    const mailer = recordingMailer(1);
    await expect(produceReceipt(services(mailer), submissionId)).rejects.toThrow('the process died');
    expect(mailer.sent).toHaveLength(1);
    // A retry while the claim is fresh leaves it to its sender.
    expect(await produceReceipt(services(mailer), submissionId)).toBe('beingSent');
    expect(mailer.sent).toHaveLength(1);
    // The queue retries the job after its expiry, when the claim has lapsed: the same message again.
    expect(await produceReceipt(services(mailer, 0), submissionId)).toBe('mailed');
    expect(await produceReceipt(services(mailer, 0), submissionId)).toBe('alreadySent');
    expect(mailer.sent).toHaveLength(2);
    expect(new Set(mailer.sent.map((m) => m.messageId))).toEqual(new Set([`<receipt.${submissionId}@stifinner.test>`]));
    expect(mailer.sent[1]!.attachments![0]!.content.equals(mailer.sent[0]!.attachments![0]!.content)).toBe(true);
    expect(await findReceiptMail(database.db, submissionId)).toMatchObject({ attempts: 2, sentAt: expect.any(Date) });
  });

  it('a relay that refuses leaves the mail unsent for the retry, which sends it', async () => {
    const submissionId = await submitted();
    const refusing: Mailer = { send: () => Promise.reject(new Error('relay down')), close() {} };
    await expect(produceReceipt(services(refusing), submissionId)).rejects.toThrow('relay down');
    expect((await findSubmission(database.db, submissionId))!.mailSentAt).toBeNull();
    const mailer = recordingMailer();
    expect(await produceReceipt(services(mailer, 0), submissionId)).toBe('mailed');
    expect(mailer.sent).toHaveLength(1);
  });
});
