/** Benchmarking networks, their members and the figures the members enter (plain data access). */
import { sql, type Generated } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { CooperationArea, CooperationDraft, LegalForm } from './cooperations.js';
import type { ActionState, MembershipState } from './workflows.js';

interface NetworkTable {
  id: Generated<string>;
  country: 'NO' | 'DK';
  name: string;
  coordinator_code: string;
  created_by: string;
  created_at: Generated<Date>;
  version: Generated<number>;
  summary: string | null;
  summary_published_at: Date | null;
}

interface MemberTable {
  network_id: string;
  municipality_code: string;
  municipality_name: string;
  state: MembershipState;
  contact_name: string | null;
  contact_user_id: string | null;
  invited_at: Generated<Date>;
  answered_at: Date | null;
  version: Generated<number>;
}

interface OwnFigureTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  unit: string;
  definition: string;
  created_by: string;
  created_at: Generated<Date>;
}

interface OwnValueTable {
  figure_id: string;
  municipality_code: string;
  year: number;
  value: number;
  entered_by: string;
  entered_by_name: string;
  entered_at: Generated<Date>;
  version: Generated<number>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    networks_networks: NetworkTable;
    networks_members: MemberTable;
    networks_own_figures: OwnFigureTable;
    networks_own_values: OwnValueTable;
  }
}

export interface StoredNetwork {
  readonly id: string;
  readonly country: 'NO' | 'DK';
  readonly name: string;
  readonly coordinatorCode: string;
  readonly version: number;
  /** The summary the coordinator published for everyone, when it is published. */
  readonly summary: string | null;
  readonly summaryPublishedAt: Date | null;
}

export interface StoredMember {
  readonly code: string;
  readonly name: string;
  readonly state: MembershipState;
  readonly contactName: string | null;
  readonly version: number;
}

export interface StoredOwnFigure {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly definition: string;
}

export interface StoredOwnValue {
  readonly figureId: string;
  readonly code: string;
  readonly year: number;
  readonly value: number;
  readonly enteredByName: string;
  readonly enteredAt: Date;
  readonly version: number;
}

const networkColumns = [
  'id',
  'country',
  'name',
  'coordinator_code as coordinatorCode',
  'version',
  'summary',
  'summary_published_at as summaryPublishedAt',
] as const;

export async function insertNetwork(
  db: Queryable,
  network: { country: 'NO' | 'DK'; name: string; coordinatorCode: string; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('networks_networks')
    .values({ country: network.country, name: network.name, coordinator_code: network.coordinatorCode, created_by: network.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findNetwork(db: Queryable, id: string): Promise<StoredNetwork | undefined> {
  return db.selectFrom('networks_networks').select(networkColumns).where('id', '=', id).executeTakeFirst();
}

/** The network locked for a change, so that two invitations at once cannot both take the eighth place. */
export function lockNetwork(db: Queryable, id: string): Promise<StoredNetwork | undefined> {
  return db.selectFrom('networks_networks').select(networkColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function bumpNetwork(db: Queryable, id: string, version: number): Promise<boolean> {
  const result = await db
    .updateTable('networks_networks')
    .set({ version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

const memberColumns = [
  'municipality_code as code',
  'municipality_name as name',
  'state',
  'contact_name as contactName',
  'version',
] as const;

export function listMembers(db: Queryable, networkId: string): Promise<StoredMember[]> {
  return db
    .selectFrom('networks_members')
    .select(memberColumns)
    .where('network_id', '=', networkId)
    .orderBy('invited_at')
    .orderBy('municipality_name')
    .execute();
}

export function findMember(db: Queryable, networkId: string, code: string): Promise<StoredMember | undefined> {
  return db
    .selectFrom('networks_members')
    .select(memberColumns)
    .where('network_id', '=', networkId)
    .where('municipality_code', '=', code)
    .executeTakeFirst();
}

export async function insertMember(
  db: Queryable,
  member: { networkId: string; code: string; name: string; state: MembershipState; contactName?: string; contactUserId?: string },
): Promise<void> {
  await db
    .insertInto('networks_members')
    .values({
      network_id: member.networkId,
      municipality_code: member.code,
      municipality_name: member.name,
      state: member.state,
      contact_name: member.contactName ?? null,
      contact_user_id: member.contactUserId ?? null,
      answered_at: member.state === 'member' ? sql<Date>`now()` : null,
    })
    .execute();
}

/** Moves a membership from one state to the next at the version it was read; false when someone was first. */
export async function moveMember(
  db: Queryable,
  networkId: string,
  code: string,
  change: { from: MembershipState; to: MembershipState; version: number; contactName?: string; contactUserId?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('networks_members')
    .set({
      state: change.to,
      version: sql`version + 1`,
      answered_at: change.to === 'invited' ? null : sql<Date>`now()`,
      ...(change.contactName === undefined ? {} : { contact_name: change.contactName, contact_user_id: change.contactUserId ?? null }),
    })
    .where('network_id', '=', networkId)
    .where('municipality_code', '=', code)
    .where('state', '=', change.from)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The networks a municipality is in or invited to, with its own state in each. */
export function networksOf(db: Queryable, code: string): Promise<(StoredNetwork & { state: MembershipState })[]> {
  return db
    .selectFrom('networks_networks as n')
    .innerJoin('networks_members as m', 'm.network_id', 'n.id')
    .select([
      'n.id',
      'n.country',
      'n.name',
      'n.coordinator_code as coordinatorCode',
      'n.version',
      'n.summary',
      'n.summary_published_at as summaryPublishedAt',
      'm.state',
    ])
    .where('m.municipality_code', '=', code)
    .where('m.state', 'in', ['invited', 'member'])
    .orderBy('n.name')
    .execute();
}

export async function insertOwnFigure(
  db: Queryable,
  figure: { networkId: string; name: string; unit: string; definition: string; createdBy: string },
): Promise<string | undefined> {
  const row = await db
    .insertInto('networks_own_figures')
    .values({
      network_id: figure.networkId,
      name: figure.name,
      unit: figure.unit,
      definition: figure.definition,
      created_by: figure.createdBy,
    })
    .onConflict((oc) => oc.columns(['network_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function listOwnFigures(db: Queryable, networkId: string): Promise<StoredOwnFigure[]> {
  return db
    .selectFrom('networks_own_figures')
    .select(['id', 'name', 'unit', 'definition'])
    .where('network_id', '=', networkId)
    .orderBy('created_at')
    .execute();
}

export function findOwnFigure(db: Queryable, figureId: string): Promise<(StoredOwnFigure & { networkId: string }) | undefined> {
  return db
    .selectFrom('networks_own_figures')
    .select(['id', 'name', 'unit', 'definition', 'network_id as networkId'])
    .where('id', '=', figureId)
    .executeTakeFirst();
}

export function listOwnValues(db: Queryable, networkId: string): Promise<StoredOwnValue[]> {
  return db
    .selectFrom('networks_own_values as v')
    .innerJoin('networks_own_figures as f', 'f.id', 'v.figure_id')
    .select([
      'v.figure_id as figureId',
      'v.municipality_code as code',
      'v.year',
      'v.value',
      'v.entered_by_name as enteredByName',
      'v.entered_at as enteredAt',
      'v.version',
    ])
    .where('f.network_id', '=', networkId)
    .orderBy('v.year')
    .execute();
}

/**
 * Writes a member's value for a year from the version it was read at (0: there was none). False
 * when someone else wrote it in between.
 */
export async function writeOwnValue(
  db: Queryable,
  value: { figureId: string; code: string; year: number; value: number; userId: string; userName: string; version: number },
): Promise<boolean> {
  if (value.version === 0) {
    const inserted = await db
      .insertInto('networks_own_values')
      .values({
        figure_id: value.figureId,
        municipality_code: value.code,
        year: value.year,
        value: value.value,
        entered_by: value.userId,
        entered_by_name: value.userName,
      })
      .onConflict((oc) => oc.columns(['figure_id', 'municipality_code', 'year']).doNothing())
      .executeTakeFirst();
    return inserted.numInsertedOrUpdatedRows === 1n;
  }
  const updated = await db
    .updateTable('networks_own_values')
    .set({
      value: value.value,
      entered_by: value.userId,
      entered_by_name: value.userName,
      entered_at: sql<Date>`now()`,
      version: sql`version + 1`,
    })
    .where('figure_id', '=', value.figureId)
    .where('municipality_code', '=', value.code)
    .where('year', '=', value.year)
    .where('version', '=', value.version)
    .executeTakeFirst();
  return updated.numUpdatedRows === 1n;
}

interface ActionTable {
  id: Generated<string>;
  network_id: string;
  municipality_code: string;
  action: string;
  figure_ref: string;
  owner: string;
  due: string;
  state: Generated<ActionState>;
  baseline_year: number | null;
  baseline_value: number | null;
  created_by: string;
  created_at: Generated<Date>;
  version: Generated<number>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    networks_actions: ActionTable;
  }
}

export interface StoredAction {
  readonly id: string;
  readonly networkId: string;
  readonly code: string;
  readonly action: string;
  readonly figureRef: string;
  readonly owner: string;
  readonly due: string;
  readonly state: ActionState;
  readonly baselineYear: number | null;
  readonly baselineValue: number | null;
  readonly version: number;
}

const actionColumns = [
  'id',
  'network_id as networkId',
  'municipality_code as code',
  'action',
  'figure_ref as figureRef',
  'owner',
  sql<string>`due::text`.as('due'),
  'state',
  'baseline_year as baselineYear',
  'baseline_value as baselineValue',
  'version',
] as const;

export async function insertAction(
  db: Queryable,
  action: Omit<StoredAction, 'id' | 'state' | 'version'> & { createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('networks_actions')
    .values({
      network_id: action.networkId,
      municipality_code: action.code,
      action: action.action,
      figure_ref: action.figureRef,
      owner: action.owner,
      due: action.due,
      baseline_year: action.baselineYear,
      baseline_value: action.baselineValue,
      created_by: action.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listActions(db: Queryable, networkId: string): Promise<StoredAction[]> {
  return db.selectFrom('networks_actions').select(actionColumns).where('network_id', '=', networkId).orderBy('created_at').execute();
}

export function findAction(db: Queryable, id: string): Promise<StoredAction | undefined> {
  return db.selectFrom('networks_actions').select(actionColumns).where('id', '=', id).executeTakeFirst();
}

export async function moveAction(
  db: Queryable,
  id: string,
  change: { from: ActionState; to: ActionState; version: number },
): Promise<boolean> {
  const result = await db
    .updateTable('networks_actions')
    .set({ state: change.to, version: sql`version + 1` })
    .where('id', '=', id)
    .where('state', '=', change.from)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

interface ScenarioTable {
  id: Generated<string>;
  country: 'NO' | 'DK';
  name: string;
  municipality_codes: string[];
  owner_id: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    networks_scenarios: ScenarioTable;
  }
}

export interface StoredScenario {
  readonly id: string;
  readonly country: 'NO' | 'DK';
  readonly name: string;
  readonly codes: readonly string[];
  readonly ownerId: string;
  readonly updatedAt: Date;
  readonly version: number;
}

const scenarioColumns = [
  'id',
  'country',
  'name',
  'municipality_codes as codes',
  'owner_id as ownerId',
  'updated_at as updatedAt',
  'version',
] as const;

export async function insertScenario(
  db: Queryable,
  scenario: { country: 'NO' | 'DK'; name: string; codes: readonly string[]; ownerId: string },
): Promise<string> {
  const row = await db
    .insertInto('networks_scenarios')
    .values({ country: scenario.country, name: scenario.name, municipality_codes: [...scenario.codes], owner_id: scenario.ownerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findScenario(db: Queryable, id: string): Promise<StoredScenario | undefined> {
  return db.selectFrom('networks_scenarios').select(scenarioColumns).where('id', '=', id).executeTakeFirst();
}

export function scenariosOf(db: Queryable, ownerId: string): Promise<StoredScenario[]> {
  return db
    .selectFrom('networks_scenarios')
    .select(scenarioColumns)
    .where('owner_id', '=', ownerId)
    .orderBy('updated_at', 'desc')
    .limit(100)
    .execute();
}

/** The new name and members, when the scenario is still at the version the editor saw. */
export async function updateScenario(
  db: Queryable,
  id: string,
  version: number,
  change: { country: 'NO' | 'DK'; name: string; codes: readonly string[] },
): Promise<boolean> {
  const result = await db
    .updateTable('networks_scenarios')
    .set({
      country: change.country,
      name: change.name,
      municipality_codes: [...change.codes],
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

interface CooperationTable {
  id: Generated<string>;
  import_key: string | null;
  name: string;
  legal_form: LegalForm;
  service_area: CooperationArea;
  host_code: string | null;
  start_year: number | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

interface CooperationMemberTable {
  cooperation_id: string;
  municipality_code: string;
  municipality_name: string;
  position: number;
}

declare module '../platform/db/schema.js' {
  interface Database {
    networks_cooperations: CooperationTable;
    networks_cooperation_members: CooperationMemberTable;
  }
}

export interface StoredCooperation extends CooperationDraft {
  readonly id: string;
  readonly version: number;
}

/** Imported cooperations whose source row is already in are left as the members have kept them. */
export async function importCooperations(
  db: Queryable,
  rows: readonly { importKey: string; name: string; members: readonly { code: string; name: string }[] }[],
): Promise<number> {
  let added = 0;
  for (const row of rows) {
    const inserted = await db
      .insertInto('networks_cooperations')
      .values({ import_key: row.importKey, name: row.name, legal_form: 'other', service_area: 'child_welfare' })
      .onConflict((oc) => oc.column('import_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    added++;
    if (row.members.length > 0) await insertCooperationMembers(db, inserted.id, row.members);
  }
  return added;
}

async function insertCooperationMembers(db: Queryable, id: string, members: readonly { code: string; name: string }[]) {
  await db
    .insertInto('networks_cooperation_members')
    .values(members.map((m, position) => ({ cooperation_id: id, municipality_code: m.code, municipality_name: m.name, position })))
    .execute();
}

/** The cooperations (all, or those with a member among `codes`), each with its members in order. */
export async function listCooperations(db: Queryable, codes?: readonly string[]): Promise<StoredCooperation[]> {
  if (codes?.length === 0) return [];
  let query = db
    .selectFrom('networks_cooperations as c')
    .select([
      'c.id',
      'c.name',
      'c.legal_form as legalForm',
      'c.service_area as serviceArea',
      'c.host_code as hostCode',
      'c.start_year as startYear',
      'c.version',
    ])
    .orderBy('c.name')
    .orderBy('c.id');
  if (codes)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('networks_cooperation_members as m')
          .select('m.cooperation_id')
          .whereRef('m.cooperation_id', '=', 'c.id')
          .where('m.municipality_code', 'in', [...codes]),
      ),
    );
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('networks_cooperation_members')
    .select(['cooperation_id as id', 'municipality_code as code', 'municipality_name as name'])
    .where(
      'cooperation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, members: members.filter((m) => m.id === r.id).map(({ code, name }) => ({ code, name })) }));
}

export async function findCooperation(db: Queryable, id: string): Promise<StoredCooperation | undefined> {
  const row = await db
    .selectFrom('networks_cooperations')
    .select([
      'id',
      'name',
      'legal_form as legalForm',
      'service_area as serviceArea',
      'host_code as hostCode',
      'start_year as startYear',
      'version',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const members = await db
    .selectFrom('networks_cooperation_members')
    .select(['municipality_code as code', 'municipality_name as name'])
    .where('cooperation_id', '=', id)
    .orderBy('position')
    .execute();
  return { ...row, members };
}

/** The new content and members, when the cooperation is still at the version the editor saw. */
export async function updateCooperation(db: Queryable, id: string, version: number, draft: CooperationDraft): Promise<boolean> {
  const result = await db
    .updateTable('networks_cooperations')
    .set({
      name: draft.name,
      legal_form: draft.legalForm,
      service_area: draft.serviceArea,
      host_code: draft.hostCode,
      start_year: draft.startYear,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await db.deleteFrom('networks_cooperation_members').where('cooperation_id', '=', id).execute();
  await insertCooperationMembers(db, id, draft.members);
  return true;
}

/** The published summary (null: withdrawn), when the network is still at the version the coordinator saw. */
export async function writeSummary(db: Queryable, id: string, version: number, summary: string | null): Promise<boolean> {
  const result = await db
    .updateTable('networks_networks')
    .set({ summary, summary_published_at: summary === null ? null : sql<Date>`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The networks that have published a summary, latest first. */
export function publishedNetworks(db: Queryable): Promise<StoredNetwork[]> {
  return db
    .selectFrom('networks_networks')
    .select(networkColumns)
    .where('summary_published_at', 'is not', null)
    .orderBy('summary_published_at', 'desc')
    .limit(200)
    .execute();
}

/** The addresses of the members' contacts, to tell them of a meeting. */
export function memberContacts(db: Queryable, networkId: string): Promise<{ userId: string; email: string | null }[]> {
  return db
    .selectFrom('networks_members as m')
    .innerJoin('users as u', 'u.id', 'm.contact_user_id')
    .select(['u.id as userId', 'u.email'])
    .where('m.network_id', '=', networkId)
    .where('m.state', '=', 'member')
    .execute();
}

interface MeetingTable {
  id: Generated<string>;
  network_id: string;
  title: string;
  starts_at: Date;
  place: string;
  agenda: string[];
  notes: string | null;
  notes_written_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  version: Generated<number>;
}

interface MeetingFileTable {
  meeting_id: string;
  file_id: string;
  name: string;
  added_at: Generated<Date>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    networks_meetings: MeetingTable;
    networks_meeting_files: MeetingFileTable;
  }
}

export interface StoredMeeting {
  readonly id: string;
  readonly networkId: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly place: string;
  readonly agenda: readonly string[];
  readonly notes: string | null;
  readonly version: number;
}

const meetingColumns = ['id', 'network_id as networkId', 'title', 'starts_at as startsAt', 'place', 'agenda', 'notes', 'version'] as const;

export async function insertMeeting(
  db: Queryable,
  meeting: { networkId: string; title: string; startsAt: Date; place: string; agenda: readonly string[]; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('networks_meetings')
    .values({
      network_id: meeting.networkId,
      title: meeting.title,
      starts_at: meeting.startsAt,
      place: meeting.place,
      agenda: [...meeting.agenda],
      created_by: meeting.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listMeetings(db: Queryable, networkId: string): Promise<StoredMeeting[]> {
  return db.selectFrom('networks_meetings').select(meetingColumns).where('network_id', '=', networkId).orderBy('starts_at').execute();
}

/** A meeting of the network (none when the id names another network's). */
export function findMeeting(db: Queryable, networkId: string, id: string): Promise<StoredMeeting | undefined> {
  return db
    .selectFrom('networks_meetings')
    .select(meetingColumns)
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Writes a change of the meeting from the version the coordinator saw; false when it moved on in between. */
export async function updateMeeting(
  db: Queryable,
  id: string,
  version: number,
  change: Partial<{ title: string; startsAt: Date; place: string; agenda: readonly string[]; notes: string }>,
): Promise<boolean> {
  const result = await db
    .updateTable('networks_meetings')
    .set({
      ...(change.title === undefined ? {} : { title: change.title }),
      ...(change.startsAt === undefined ? {} : { starts_at: change.startsAt }),
      ...(change.place === undefined ? {} : { place: change.place }),
      ...(change.agenda === undefined ? {} : { agenda: [...change.agenda] }),
      ...(change.notes === undefined ? {} : { notes: change.notes, notes_written_at: sql<Date>`now()` }),
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertMeetingFile(db: Queryable, file: { meetingId: string; fileId: string; name: string }): Promise<void> {
  await db.insertInto('networks_meeting_files').values({ meeting_id: file.meetingId, file_id: file.fileId, name: file.name }).execute();
}

export function listMeetingFiles(db: Queryable, meetingId: string): Promise<{ fileId: string; name: string; addedAt: Date }[]> {
  return db
    .selectFrom('networks_meeting_files')
    .select(['file_id as fileId', 'name', 'added_at as addedAt'])
    .where('meeting_id', '=', meetingId)
    .orderBy('added_at')
    .execute();
}
