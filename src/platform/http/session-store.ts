import type { SessionStore } from '@fastify/session';
import type { DB } from '../db/database.js';
import { deleteSession, readSession, writeSession } from '../auth/store.js';

const DEFAULT_LIFETIME_MS = 8 * 3600 * 1000;

/**
 * Sessions live in the database, so every server process behind a load balancer sees the same
 * sign-ins, and signing out can end all of a user's sessions at once.
 */
export function databaseSessionStore(db: DB): SessionStore {
  return {
    set(sessionId, session, callback) {
      const data = session as unknown as { userId?: string; cookie?: { expires?: Date | string | null } };
      const expires = data.cookie?.expires ? new Date(data.cookie.expires) : new Date(Date.now() + DEFAULT_LIFETIME_MS);
      writeSession(db, sessionId, data.userId ?? null, session, expires).then(() => callback(), callback);
    },
    get(sessionId, callback) {
      readSession(db, sessionId).then(
        (data) => callback(null, (data ?? null) as never),
        (error: unknown) => callback(error),
      );
    },
    destroy(sessionId, callback) {
      deleteSession(db, sessionId).then(() => callback(), callback);
    },
  };
}
