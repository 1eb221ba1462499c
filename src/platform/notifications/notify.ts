/**
 * Notices by mail, sent once: a capability calls `notify` inside the transaction of the change
 * that causes it; the notices are written there (one per occasion and address, so a retry or a
 * second sweep adds nothing) and a job sends each one afterwards, exactly once.
 */
import type { Queryable } from '../db/database.js';
import type { MessageKey } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/index.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Mailer } from '../mail/mailer.js';
import { translate } from '../ui/translate.js';
import { claimNotification, insertNotifications, markNotificationSent } from './store.js';

export const NOTIFICATION_JOB = 'platform-notification';

export interface Recipient {
  userId?: string | null;
  email: string | null | undefined;
}

export interface Notice {
  /** What happened, unique per thing and time (e.g. `invitation:<application>:<municipality>:<n>`): one notice per occasion and address. */
  occasion: string;
  recipients: readonly Recipient[];
  locale: Locale;
  subject: MessageKey;
  body: MessageKey;
  params?: Record<string, string | number>;
  /** The page the notice is about, as a path on this site. */
  link?: string;
}

/** One recipient per address (the first with an account wins), without the ones that have none. */
export function distinctRecipients(recipients: readonly Recipient[]): { userId: string | null; email: string }[] {
  const byAddress = new Map<string, { userId: string | null; email: string }>();
  for (const { userId, email } of recipients) {
    const address = email?.trim();
    if (!address) continue;
    const key = address.toLowerCase();
    const known = byAddress.get(key);
    if (!known || (!known.userId && userId)) byAddress.set(key, { userId: userId ?? null, email: known?.email ?? address });
  }
  return [...byAddress.values()];
}

/** Writes the notices (in the caller's transaction) and enqueues their sending; how many were new. */
export async function notify(db: Queryable, jobs: Pick<JobQueue, 'enqueue'>, notice: Notice): Promise<number> {
  const params = notice.params ?? {};
  const ids = await insertNotifications(
    db,
    distinctRecipients(notice.recipients).map((recipient) => ({
      occasion: notice.occasion,
      recipientUserId: recipient.userId,
      recipientEmail: recipient.email,
      locale: notice.locale,
      subject: translate(notice.locale, notice.subject, params),
      body: translate(notice.locale, notice.body, params),
      link: notice.link ?? null,
    })),
  );
  if (ids.length > 0) await jobs.enqueue(db, NOTIFICATION_JOB, { ids });
  return ids.length;
}

export interface DeliveryServices {
  db: Queryable;
  mailer: Mailer;
  publicUrl: string;
  leaseSeconds?: number;
}

/** Longer than a send takes, shorter than the job queue's expiry (which retries a job whose process died). */
const LEASE_SECONDS = 5 * 60;

/**
 * Sends one notice unless it was sent or is being sent; a resend after a crash between sending and
 * marking repeats the Message-ID, so the receiving system sees one message.
 */
export async function deliverNotification(services: DeliveryServices, id: string): Promise<'sent' | 'skipped'> {
  const notice = await claimNotification(services.db, id, services.leaseSeconds ?? LEASE_SECONDS);
  if (!notice) return 'skipped';
  const link = notice.link ? `\n\n${new URL(notice.link, services.publicUrl).href}` : '';
  await services.mailer.send({
    to: [notice.recipient_email],
    subject: notice.subject,
    text: `${notice.body}${link}`,
    messageId: `<notice.${notice.id}@${new URL(services.publicUrl).hostname}>`,
  });
  await markNotificationSent(services.db, id);
  return 'sent';
}
