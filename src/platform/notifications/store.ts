import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable } from '../db/database.js';

interface NotificationTable {
  id: Generated<string>;
  occasion: string;
  recipient_user_id: string | null;
  recipient_email: string;
  locale: string;
  subject: string;
  body: string;
  link: string | null;
  created_at: Generated<Date>;
  claimed_until: Date | null;
  sent_at: Date | null;
}

declare module '../db/schema.js' {
  interface Database {
    notifications: NotificationTable;
  }
}

export type StoredNotification = Selectable<NotificationTable>;

export interface NewNotification {
  occasion: string;
  recipientUserId: string | null;
  recipientEmail: string;
  locale: string;
  subject: string;
  body: string;
  link: string | null;
}

/** Adds the notices not already made for their occasion and address; the ids of the new ones. */
export async function insertNotifications(db: Queryable, notices: readonly NewNotification[]): Promise<string[]> {
  if (notices.length === 0) return [];
  const rows = await db
    .insertInto('notifications')
    .values(
      notices.map((n) => ({
        occasion: n.occasion,
        recipient_user_id: n.recipientUserId,
        recipient_email: n.recipientEmail,
        locale: n.locale,
        subject: n.subject,
        body: n.body,
        link: n.link,
      })),
    )
    .onConflict((oc) => oc.columns(['occasion', 'recipient_email']).doNothing())
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Claims an unsent notice for sending (none when sent or claimed by a send still within its lease). */
export async function claimNotification(db: Queryable, id: string, leaseSeconds: number): Promise<StoredNotification | undefined> {
  return db
    .updateTable('notifications')
    .set({ claimed_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}

export async function markNotificationSent(db: Queryable, id: string): Promise<void> {
  await db.updateTable('notifications').set({ sent_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** What was sent to a person: to their account, or to their address before they had one. */
export async function listNotificationsFor(
  db: Queryable,
  person: { userId: string; email: string | null },
  limit = 200,
): Promise<StoredNotification[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where((eb) =>
      person.email
        ? eb.or([eb('recipient_user_id', '=', person.userId), eb(sql`lower(recipient_email)`, '=', person.email.toLowerCase())])
        : eb('recipient_user_id', '=', person.userId),
    )
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Every notice made for an occasion (tests and the deadline sweep's idempotence). */
export async function listNotificationsOf(db: Queryable, occasion: string): Promise<StoredNotification[]> {
  return db.selectFrom('notifications').selectAll().where('occasion', '=', occasion).orderBy('recipient_email').execute();
}
