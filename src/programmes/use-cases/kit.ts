import { recordAudit } from '../../platform/audit/store.js';
import type { Queryable, Tx } from '../../platform/db/database.js';

export { clock } from '../../platform/db/kit.js';

/** The audit entry of a use case, written in its transaction (`inTransaction` hands the work a transaction as a `Queryable`). */
export function audit(trx: Queryable, entry: Parameters<typeof recordAudit>[1]): Promise<void> {
  return recordAudit(trx as Tx, entry);
}
