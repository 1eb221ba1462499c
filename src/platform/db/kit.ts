/** Small pieces every store needs: who acts, the database clock, JSON columns and ids. */
import { sql } from 'kysely';
import type { Queryable } from './database.js';

/** Who makes a change, for the audit trail and "changed by" notes. */
export interface Actor {
  user: { userId: string; name: string } | null;
  requestId: string | null;
  /** When the change happened; the database clock unless given (the demo data's historic records). */
  at?: Date;
}

/** Changes the product makes on its own (demo data, jobs). */
export const SYSTEM: Actor = { user: null, requestId: null };

/** The database's clock: deadlines are judged by it, not by the clock of whichever process asks. */
export async function databaseNow(db: Queryable): Promise<Date> {
  const row = (await sql<{ now: Date | string }>`select now() as now`.execute(db)).rows[0]!;
  return new Date(row.now);
}

/** When a change happens: the actor's own instant (historic demo data) or the database clock. */
export async function clock(db: Queryable, actor: Actor): Promise<Date> {
  return actor.at ?? databaseNow(db);
}

/** A value for a json/jsonb column (node-postgres would send arrays as PostgreSQL arrays). */
export const json = (value: unknown): string => JSON.stringify(value);

/** A json/jsonb column as read: PGlite and node-postgres parse it; a text column holds the JSON. */
export const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is a UUID PostgreSQL accepts, so a lookup by a malformed id finds nothing instead of failing. */
export const isUuid = (id: string): boolean => UUID.test(id);
