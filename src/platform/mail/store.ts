import type { Generated, Selectable } from 'kysely';
import type { Queryable } from '../db/database.js';

export interface AttachmentSummary {
  filename: string;
  contentType: string;
  size: number;
}

interface CapturedMailTable {
  id: Generated<string>;
  received_at: Generated<Date>;
  sender: string;
  recipients: string[];
  subject: string;
  text_body: string;
  attachments: AttachmentSummary[];
  raw: Buffer;
}

declare module '../db/schema.js' {
  interface Database {
    captured_mail: CapturedMailTable;
  }
}

export type CapturedMail = Omit<Selectable<CapturedMailTable>, 'raw'>;

export interface NewCapturedMail {
  sender: string;
  recipients: string[];
  subject: string;
  textBody: string;
  attachments: AttachmentSummary[];
  raw: Buffer;
}

export async function saveCapturedMail(db: Queryable, mail: NewCapturedMail): Promise<string> {
  const row = await db
    .insertInto('captured_mail')
    .values({
      sender: mail.sender,
      recipients: mail.recipients,
      subject: mail.subject,
      text_body: mail.textBody,
      attachments: JSON.stringify(mail.attachments) as never,
      raw: mail.raw,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const SUMMARY_COLUMNS = ['id', 'received_at', 'sender', 'recipients', 'subject', 'text_body', 'attachments'] as const;

export async function listCapturedMail(db: Queryable, limit = 100): Promise<CapturedMail[]> {
  return db.selectFrom('captured_mail').select(SUMMARY_COLUMNS).orderBy('received_at', 'desc').limit(limit).execute();
}

export async function findCapturedMail(db: Queryable, id: string): Promise<CapturedMail | undefined> {
  return db.selectFrom('captured_mail').select(SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirst();
}
