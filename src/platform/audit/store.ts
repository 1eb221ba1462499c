import type { Insertable, Selectable } from 'kysely';
import type { Queryable, Tx } from '../db/database.js';

export interface AuditEventTable {
  id: import('kysely').Generated<number>;
  occurred_at: import('kysely').Generated<Date>;
  actor_user_id: string | null;
  actor_name: string | null;
  record_type: string;
  record_id: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  request_id: string | null;
}

declare module '../db/schema.js' {
  interface Database {
    audit_events: AuditEventTable;
  }
}

export type AuditEvent = Selectable<AuditEventTable>;

export interface AuditEntry {
  actor: { userId: string; name: string } | null;
  recordType: string;
  recordId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  requestId?: string | null;
}

/**
 * Appends to the audit trail. Takes a transaction, never the bare database, so the entry commits
 * or rolls back together with the change it records.
 */
export async function recordAudit(trx: Tx, entry: AuditEntry): Promise<void> {
  const row: Insertable<AuditEventTable> = {
    actor_user_id: entry.actor?.userId ?? null,
    actor_name: entry.actor?.name ?? null,
    record_type: entry.recordType,
    record_id: entry.recordId,
    action: entry.action,
    from_state: entry.fromState ?? null,
    to_state: entry.toState ?? null,
    reason: entry.reason ?? null,
    request_id: entry.requestId ?? null,
  };
  await trx.insertInto('audit_events').values(row).execute();
}

export interface AuditFilter {
  recordType?: string | undefined;
  recordId?: string | undefined;
  limit: number;
  /** Show events older than this id (keyset paging, newest first). */
  before?: number | undefined;
}

export async function listAuditEvents(db: Queryable, filter: AuditFilter): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  return query.execute();
}

export async function listAuditRecordTypes(db: Queryable): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('record_type').distinct().orderBy('record_type').execute();
  return rows.map((row) => row.record_type);
}
