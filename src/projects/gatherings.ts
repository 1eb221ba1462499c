/** Gatherings (samlinger) of a programme: stored, written in one transaction with a version check, and their materials. */
import { sql, type Generated } from 'kysely';
import { recordAudit } from '../platform/audit/store.js';
import type { Queryable, Tx } from '../platform/db/database.js';
import { isUuid, type Actor } from '../platform/db/kit.js';
import { saveFile } from '../platform/files/store.js';
import type { UploadedFile } from '../platform/http/input.js';
import { inTransaction, refuse, versionConflict } from '../platform/outcome.js';
import type { ProjectProblem } from './use-cases.js';

interface GatheringTable {
  id: Generated<string>;
  programme_id: string;
  title: string;
  held_on: string;
  place: Generated<string>;
  agenda: Generated<string>;
  created_at: Generated<Date>;
  version: Generated<number>;
}

interface AttendanceTable {
  gathering_id: string;
  project_id: string;
  people: Generated<string>;
}

interface MaterialTable {
  gathering_id: string;
  file_id: string;
  name: string;
  added_at: Generated<Date>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    programme_gatherings: GatheringTable;
    gathering_attendance: AttendanceTable;
    gathering_materials: MaterialTable;
  }
}

export interface Gathering {
  id: string;
  programmeId: string;
  title: string;
  heldOn: string;
  place: string;
  agenda: string;
  version: number;
  /** Project id → who came from it. */
  attendance: Map<string, string>;
  materials: { fileId: string; name: string }[];
}

export interface GatheringInput {
  title: string;
  heldOn: string;
  place: string;
  agenda: string;
  attendance: Map<string, string>;
}

const dayText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

export async function listGatherings(db: Queryable, programmeId: string): Promise<Gathering[]> {
  const rows = await db.selectFrom('programme_gatherings').selectAll().where('programme_id', '=', programmeId).orderBy('held_on').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const attendance = await db.selectFrom('gathering_attendance').selectAll().where('gathering_id', 'in', ids).execute();
  const materials = await db.selectFrom('gathering_materials').selectAll().where('gathering_id', 'in', ids).orderBy('added_at').execute();
  return rows.map((row) => ({
    id: row.id,
    programmeId: row.programme_id,
    title: row.title,
    heldOn: dayText(row.held_on),
    place: row.place,
    agenda: row.agenda,
    version: row.version,
    attendance: new Map(attendance.filter((a) => a.gathering_id === row.id).map((a) => [a.project_id, a.people])),
    materials: materials.filter((m) => m.gathering_id === row.id).map((m) => ({ fileId: m.file_id, name: m.name })),
  }));
}

export async function findGathering(db: Queryable, programmeId: string, id: string): Promise<Gathering | undefined> {
  if (!isUuid(id)) return undefined;
  return (await listGatherings(db, programmeId)).find((g) => g.id === id);
}

const audit = (trx: Queryable, entry: Parameters<typeof recordAudit>[1]) => recordAudit(trx as Tx, entry);

/** The owner records a gathering, new (id null, version 0) or changed, with who came from which project. */
export async function saveGathering(
  db: Queryable,
  programmeId: string,
  id: string | null,
  expectedVersion: number,
  input: GatheringInput,
  actor: Actor,
) {
  return inTransaction<{ id: string; version: number }, ProjectProblem>(db, async (trx) => {
    let gatheringId = id;
    let version: number;
    if (gatheringId === null) {
      const row = await trx
        .insertInto('programme_gatherings')
        .values({ programme_id: programmeId, title: input.title, held_on: input.heldOn, place: input.place, agenda: input.agenda })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      gatheringId = row.id;
      version = row.version;
    } else {
      const current = await trx
        .selectFrom('programme_gatherings')
        .select('version')
        .where('id', '=', gatheringId)
        .where('programme_id', '=', programmeId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) return refuse({ kind: 'gatheringNotFound' });
      if (current.version !== expectedVersion) return refuse(versionConflict(current.version, expectedVersion));
      version = (
        await trx
          .updateTable('programme_gatherings')
          .set({ title: input.title, held_on: input.heldOn, place: input.place, agenda: input.agenda, version: sql`version + 1` })
          .where('id', '=', gatheringId)
          .returning('version')
          .executeTakeFirstOrThrow()
      ).version;
    }
    await trx.deleteFrom('gathering_attendance').where('gathering_id', '=', gatheringId).execute();
    const attendance = [...input.attendance].map(([projectId, people]) => ({ gathering_id: gatheringId!, project_id: projectId, people }));
    if (attendance.length > 0) await trx.insertInto('gathering_attendance').values(attendance).execute();
    await audit(trx, {
      actor: actor.user,
      recordType: 'gathering',
      recordId: gatheringId,
      action: id === null ? 'create' : 'update',
      reason: input.title,
      requestId: actor.requestId,
    });
    return { id: gatheringId, version };
  });
}

/** The owner adds a file to the gathering's materials; the gathering's version moves on. */
export async function addMaterial(
  db: Queryable,
  programmeId: string,
  id: string,
  expectedVersion: number,
  file: UploadedFile,
  actor: Actor,
) {
  return inTransaction<{ version: number }, ProjectProblem>(db, async (trx) => {
    const current = await trx
      .selectFrom('programme_gatherings')
      .select('version')
      .where('id', '=', id)
      .where('programme_id', '=', programmeId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return refuse({ kind: 'gatheringNotFound' });
    if (current.version !== expectedVersion) return refuse(versionConflict(current.version, expectedVersion));
    const fileId = await saveFile(trx, {
      name: file.name,
      contentType: file.contentType,
      content: file.content,
      uploadedBy: actor.user?.userId ?? null,
    });
    await trx.insertInto('gathering_materials').values({ gathering_id: id, file_id: fileId, name: file.name }).execute();
    const { version } = await trx
      .updateTable('programme_gatherings')
      .set({ version: sql`version + 1` })
      .where('id', '=', id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor: actor.user,
      recordType: 'gathering',
      recordId: id,
      action: 'add-material',
      reason: file.name,
      requestId: actor.requestId,
    });
    return { version };
  });
}
