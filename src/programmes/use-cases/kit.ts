import { recordAudit } from '../../platform/audit/store.js';
import type { Queryable, Tx } from '../../platform/db/database.js';
import { databaseNow, type Actor } from '../../platform/db/kit.js';

/** When a change happens: the actor's own instant (historic demo data) or the database clock. */
export async function clock(db: Queryable, actor: Actor): Promise<Date> {
  return actor.at ?? databaseNow(db);
}

/** The audit entry of a use case, written in its transaction (`inTransaction` hands the work a transaction as a `Queryable`). */
export function audit(trx: Queryable, entry: Parameters<typeof recordAudit>[1]): Promise<void> {
  return recordAudit(trx as Tx, entry);
}
