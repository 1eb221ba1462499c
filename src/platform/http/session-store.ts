import type { SessionStore } from '@fastify/session';
import type { DB } from '../db/database.js';
import { deleteSession, readSession, writeSession } from '../auth/store.js';

const DEFAULT_LIFETIME_MS = 8 * 3600 * 1000;

/**
 * A rolling session's expiry moves on with every request. Rewriting an otherwise unchanged session
 * only to move its stored expiry by less than this is skipped, so a signed-in request does not cost
 * a write and a commit (the stored expiry lags the cookie's by at most this much).
 */
const EXPIRY_REFRESH_MS = 60 * 1000;
/** How many sessions a process remembers the last stored state of (forgotten all at once beyond it). */
const REMEMBERED_SESSIONS = 100_000;

/**
 * Sessions live in the database, so every server process behind a load balancer sees the same
 * sign-ins, and signing out can end all of a user's sessions at once.
 */
export function databaseSessionStore(db: DB): SessionStore {
  // What this process last read or wrote per session: its contents without the cookie, and the expiry stored.
  const stored = new Map<string, { contents: string; expires: number }>();
  const remember = (sessionId: string, contents: string, expires: number) => {
    if (stored.size >= REMEMBERED_SESSIONS) stored.clear();
    stored.set(sessionId, { contents, expires });
  };
  return {
    set(sessionId, session, callback) {
      const data = session as unknown as { userId?: string; cookie?: { expires?: Date | string | null } };
      const expires = data.cookie?.expires ? new Date(data.cookie.expires) : new Date(Date.now() + DEFAULT_LIFETIME_MS);
      const contents = contentsOf(session);
      const last = stored.get(sessionId);
      if (last && last.contents === contents && Math.abs(expires.getTime() - last.expires) < EXPIRY_REFRESH_MS) return callback();
      writeSession(db, sessionId, data.userId ?? null, session, expires).then(() => {
        remember(sessionId, contents, expires.getTime());
        callback();
      }, callback);
    },
    get(sessionId, callback) {
      readSession(db, sessionId).then(
        (data) => {
          const expires = (data as { cookie?: { expires?: string | null } } | null)?.cookie?.expires;
          if (data && expires) remember(sessionId, contentsOf(data), new Date(expires).getTime());
          else stored.delete(sessionId);
          callback(null, (data ?? null) as never);
        },
        (error: unknown) => callback(error),
      );
    },
    destroy(sessionId, callback) {
      stored.delete(sessionId);
      deleteSession(db, sessionId).then(() => callback(), callback);
    },
  };
}

/** A session's data without its cookie, as stored. */
function contentsOf(session: unknown): string {
  return JSON.stringify(session, function (this: unknown, key: string, value: unknown) {
    return key === 'cookie' && this === session ? undefined : value;
  });
}
