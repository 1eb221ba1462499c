/** Deadline extensions: one municipality's later deadline in one round of a call (plain data access). */
import { sql, type Generated, type Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/kit.js';
import type { DeadlineExtension } from '../extensions.js';

interface ExtensionTable {
  id: Generated<string>;
  call_id: string;
  round_index: number;
  municipality_code: string;
  municipality_name: string;
  until: Date;
  reason: string;
  granted_at: Generated<Date>;
  granted_by_name: string | null;
  revoked_at: Date | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
  used_at: Date | null;
  version: Generated<number>;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    programme_call_extensions: ExtensionTable;
  }
}

function toExtension(row: Selectable<ExtensionTable>): DeadlineExtension {
  return {
    id: row.id,
    callId: row.call_id,
    roundIndex: row.round_index,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    until: row.until.toISOString(),
    reason: row.reason,
    grantedAt: row.granted_at.toISOString(),
    grantedByName: row.granted_by_name,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedByName: row.revoked_by_name,
    revokeReason: row.revoke_reason,
    usedAt: row.used_at?.toISOString() ?? null,
    version: row.version,
  };
}

export interface NewExtension {
  callId: string;
  roundIndex: number;
  municipality: { code: string; name: string };
  until: Date;
  reason: string;
  grantedAt: Date;
  grantedByName: string | null;
}

export async function insertExtension(db: Queryable, extension: NewExtension): Promise<string> {
  const row = await db
    .insertInto('programme_call_extensions')
    .values({
      call_id: extension.callId,
      round_index: extension.roundIndex,
      municipality_code: extension.municipality.code,
      municipality_name: extension.municipality.name,
      until: extension.until,
      reason: extension.reason,
      granted_at: extension.grantedAt,
      granted_by_name: extension.grantedByName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markRevoked(db: Queryable, id: string, at: Date, byName: string | null, reason: string): Promise<void> {
  await db
    .updateTable('programme_call_extensions')
    .set({ revoked_at: at, revoked_by_name: byName, revoke_reason: reason, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** Notes the first submission that relied on the exception; false when one was noted already. */
export async function markUsed(db: Queryable, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('programme_call_extensions')
    .set({ used_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** `lock` holds the row until the transaction ends. */
export async function findExtension(db: Queryable, id: string, lock = false): Promise<DeadlineExtension | undefined> {
  if (!isUuid(id)) return undefined;
  let query = db.selectFrom('programme_call_extensions').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toExtension(row) : undefined;
}

/** Every exception of a call, revoked ones too, in the order they were granted. */
export async function listExtensions(db: Queryable, callId: string): Promise<DeadlineExtension[]> {
  const rows = await db
    .selectFrom('programme_call_extensions')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('granted_at')
    .orderBy('id')
    .execute();
  return rows.map(toExtension);
}

/**
 * The unrevoked exception of a municipality in a round, if any. `lock` (inside the submitting
 * transaction) holds it so a revocation cannot slip in between the check and the submission.
 */
export async function applicantExtension(
  db: Queryable,
  callId: string,
  roundIndex: number,
  municipalityCode: string,
  lock = false,
): Promise<DeadlineExtension | undefined> {
  let query = db
    .selectFrom('programme_call_extensions')
    .selectAll()
    .where('call_id', '=', callId)
    .where('round_index', '=', roundIndex)
    .where('municipality_code', '=', municipalityCode)
    .where('revoked_at', 'is', null);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toExtension(row) : undefined;
}

/** The round in which a municipality holds an unrevoked exception still running at `now` (to start an application late), if any. */
export async function extendedRound(db: Queryable, callId: string, municipalityCode: string, now: Date): Promise<number | undefined> {
  const row = await db
    .selectFrom('programme_call_extensions')
    .select('round_index')
    .where('call_id', '=', callId)
    .where('municipality_code', '=', municipalityCode)
    .where('revoked_at', 'is', null)
    .where('until', '>', now)
    .orderBy('round_index', 'desc')
    .executeTakeFirst();
  return row?.round_index;
}
