/**
 * The receipt's records: its PDF stored once per submitted version, and its mail claimed before it
 * is sent and marked once the relay took it, each in one transaction with its audit entry.
 */
import { sql } from 'kysely';
import { recordAudit } from '../platform/audit/store.js';
import type { DB, Queryable } from '../platform/db/database.js';
import { saveFile } from '../platform/files/store.js';

/** Stores the receipt PDF of a submission once (a rerun of the job keeps the first). */
export async function storeReceiptPdf(db: DB, submissionId: string, pdf: Buffer, name: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('application_submissions')
      .select(['pdf_file_id', 'application_id'])
      .where('id', '=', submissionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.pdf_file_id) return row.pdf_file_id;
    const fileId = await saveFile(trx, { name, contentType: 'application/pdf', content: pdf, uploadedBy: null });
    await trx
      .updateTable('application_submissions')
      .set({ pdf_file_id: fileId, pdf_ready_at: sql`now()` })
      .where('id', '=', submissionId)
      .execute();
    await recordAudit(trx, {
      actor: null,
      recordType: 'application',
      recordId: row.application_id,
      action: 'receipt-pdf',
      requestId: null,
    });
    return fileId;
  });
}

export type ReceiptMailClaim = { state: 'claimed'; messageId: string; attempt: number } | { state: 'sent' } | { state: 'busy' };

/**
 * Claims the receipt mail of a submission before it is sent, in one transaction: the first claim
 * fixes the Message-ID; a mail already sent is not claimed again, nor one claimed less than
 * `leaseSeconds` ago (its sender is still at it); an older claim is taken over with the same
 * Message-ID (its sender died between claiming and marking).
 */
export async function claimReceiptMail(db: DB, submissionId: string, messageId: string, leaseSeconds: number): Promise<ReceiptMailClaim> {
  return db.transaction().execute(async (trx) => {
    const submission = await trx
      .selectFrom('application_submissions')
      .select('application_id')
      .where('id', '=', submissionId)
      .executeTakeFirstOrThrow();
    const audit = () =>
      recordAudit(trx, {
        actor: null,
        recordType: 'application',
        recordId: submission.application_id,
        action: 'receipt-mail-claim',
        requestId: null,
      });
    const inserted = await trx
      .insertInto('application_receipt_mails')
      .values({ submission_id: submissionId, message_id: messageId, claimed_at: sql<Date>`now()`, attempts: 1 })
      .onConflict((oc) => oc.column('submission_id').doNothing())
      .returning('message_id')
      .executeTakeFirst();
    if (inserted) {
      await audit();
      return { state: 'claimed', messageId: inserted.message_id, attempt: 1 };
    }
    const row = await trx
      .selectFrom('application_receipt_mails')
      .select(['message_id', 'attempts', 'sent_at', sql<boolean>`claimed_at > now() - make_interval(secs => ${leaseSeconds})`.as('fresh')])
      .where('submission_id', '=', submissionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.sent_at) return { state: 'sent' };
    if (row.fresh) return { state: 'busy' };
    const attempt = row.attempts + 1;
    await trx
      .updateTable('application_receipt_mails')
      .set({ claimed_at: sql<Date>`now()`, attempts: attempt })
      .where('submission_id', '=', submissionId)
      .execute();
    await audit();
    return { state: 'claimed', messageId: row.message_id, attempt };
  });
}

/** Marks the receipt mail sent (the relay took it), audited with its Message-ID. */
export async function markReceiptMailSent(db: DB, submissionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const mail = await trx
      .updateTable('application_receipt_mails')
      .set({ sent_at: sql<Date>`now()` })
      .where('submission_id', '=', submissionId)
      .where('sent_at', 'is', null)
      .returning('message_id')
      .executeTakeFirst();
    if (!mail) return;
    const row = await trx
      .updateTable('application_submissions')
      .set({ mail_sent_at: sql`now()` })
      .where('id', '=', submissionId)
      .returning('application_id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: null,
      recordType: 'application',
      recordId: row.application_id,
      action: 'receipt-mail',
      reason: mail.message_id,
      requestId: null,
    });
  });
}

/** The receipt mail's record: its Message-ID, how many times it was claimed, and when it was sent. */
export async function findReceiptMail(
  db: Queryable,
  submissionId: string,
): Promise<{ messageId: string; attempts: number; sentAt: Date | null } | undefined> {
  const row = await db.selectFrom('application_receipt_mails').selectAll().where('submission_id', '=', submissionId).executeTakeFirst();
  return row ? { messageId: row.message_id, attempts: row.attempts, sentAt: row.sent_at } : undefined;
}
