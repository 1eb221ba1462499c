/** Citizens' initiatives, their co-initiators and signatures (plain data access). */
import { sql, type Generated } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import { isUuid } from '../platform/db/kit.js';
import type { AreaKind, Country, InitiativeDraft, LocalRule, RefusalReason } from './model.js';
import type { InitiativeState } from './workflows.js';

interface InitiativeTable {
  id: Generated<string>;
  country: Country;
  scope: AreaKind;
  area_code: string;
  area_name: string;
  title: string;
  proposal: string;
  reason: string;
  state: Generated<InitiativeState>;
  initiator_id: string;
  threshold: number | null;
  population: number | null;
  population_year: number | null;
  refusal_reason: RefusalReason | null;
  refusal_note: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
  handed_in_at: Date | null;
  deadline: string | null;
  version: Generated<number>;
  treated_meeting_date: string | null;
  treated_case_number: string | null;
  treated_decision: string | null;
  treated_minutes_url: string | null;
  forgotten_signatures: Generated<number>;
  closed_at: Date | null;
  sent_from: string | null;
}

interface CoInitiatorTable {
  initiative_id: string;
  email: string;
  user_id: string | null;
  confirmed_at: Date | null;
}

interface SignatureTable {
  initiative_id: string;
  user_id: string;
  show_name: Generated<boolean>;
  signed_at: Generated<Date>;
  withdrawn_at: Date | null;
  /** From the sign-in; removed with the row when signers are forgotten. */
  birth_year: number | null;
}

interface LocalRuleTable {
  municipality_code: string;
  enabled: boolean;
  signatures: number;
  decision_months: number;
  version: Generated<number>;
  changed_by: string | null;
  changed_at: Generated<Date>;
}

interface InitiativeFileTable {
  initiative_id: string;
  file_id: string;
  added_at: Generated<Date>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    participation_initiative_files: InitiativeFileTable;
    participation_local_rules: LocalRuleTable;
    participation_initiatives: InitiativeTable;
    participation_co_initiators: CoInitiatorTable;
    participation_signatures: SignatureTable;
  }
}

export interface StoredInitiative {
  id: string;
  country: Country;
  scope: AreaKind;
  areaCode: string;
  areaName: string;
  title: string;
  proposal: string;
  reason: string;
  state: InitiativeState;
  initiatorId: string;
  initiatorName: string;
  initiatorEmail: string | null;
  threshold: number | null;
  population: number | null;
  populationYear: number | null;
  refusalReason: RefusalReason | null;
  refusalNote: string | null;
  publishedAt: Date | null;
  handedInAt: Date | null;
  deadline: string | null;
  version: number;
  treatedMeetingDate: string | null;
  treatedCaseNumber: string | null;
  treatedDecision: string | null;
  treatedMinutesUrl: string | null;
  /** Signatures not withdrawn. */
  signatures: number;
}

/** Standing signatures, plus those whose signers were forgotten after the initiative closed. */
const signatureCount = sql<number>`(i.forgotten_signatures + (select count(*)::int from participation_signatures s where s.initiative_id = i.id and s.withdrawn_at is null))`;

const initiatives = (db: Queryable) =>
  db
    .selectFrom('participation_initiatives as i')
    .innerJoin('users as u', 'u.id', 'i.initiator_id')
    .select([
      'i.id',
      'i.country',
      'i.scope',
      'i.area_code as areaCode',
      'i.area_name as areaName',
      'i.title',
      'i.proposal',
      'i.reason',
      'i.state',
      'i.initiator_id as initiatorId',
      'u.name as initiatorName',
      'u.email as initiatorEmail',
      'i.threshold',
      'i.population',
      'i.population_year as populationYear',
      'i.refusal_reason as refusalReason',
      'i.refusal_note as refusalNote',
      'i.published_at as publishedAt',
      'i.handed_in_at as handedInAt',
      sql<string | null>`i.deadline::text`.as('deadline'),
      'i.version',
      sql<string | null>`i.treated_meeting_date::text`.as('treatedMeetingDate'),
      'i.treated_case_number as treatedCaseNumber',
      'i.treated_decision as treatedDecision',
      'i.treated_minutes_url as treatedMinutesUrl',
      signatureCount.as('signatures'),
    ]);

export async function findInitiative(db: Queryable, id: string): Promise<StoredInitiative | undefined> {
  if (!isUuid(id)) return undefined;
  return initiatives(db).where('i.id', '=', id).executeTakeFirst();
}

/** What signing needs to know of an initiative, without counting its signatures. */
export async function findInitiativeForSignature(
  db: Queryable,
  id: string,
): Promise<Pick<StoredInitiative, 'id' | 'state' | 'scope' | 'areaCode' | 'country'> | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('participation_initiatives')
    .select(['id', 'state', 'scope', 'area_code as areaCode', 'country'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The initiative locked for a change in this transaction. */
export async function lockInitiative(db: Queryable, id: string): Promise<StoredInitiative | undefined> {
  if (!isUuid(id)) return undefined;
  await db.selectFrom('participation_initiatives').select('id').where('id', '=', id).forUpdate().execute();
  return findInitiative(db, id);
}

export interface InitiativeFilter {
  states: readonly InitiativeState[];
  country?: Country;
  /** Initiatives for these areas ("municipality:4001", "county:40"). */
  areas?: readonly { scope: AreaKind; code: string }[];
  initiatorOrCoInitiator?: { userId: string; email: string | null };
}

export async function listInitiatives(db: Queryable, filter: InitiativeFilter): Promise<StoredInitiative[]> {
  if (filter.states.length === 0) return [];
  let query = initiatives(db).where('i.state', 'in', filter.states);
  if (filter.country) query = query.where('i.country', '=', filter.country);
  const areas = filter.areas;
  if (areas) {
    if (areas.length === 0) return [];
    query = query.where((eb) => eb.or(areas.map((a) => eb.and([eb('i.scope', '=', a.scope), eb('i.area_code', '=', a.code)]))));
  }
  const person = filter.initiatorOrCoInitiator;
  if (person)
    query = query.where((eb) =>
      eb.or([
        eb('i.initiator_id', '=', person.userId),
        eb.exists(
          eb
            .selectFrom('participation_co_initiators as c')
            .select('c.initiative_id')
            .whereRef('c.initiative_id', '=', 'i.id')
            .where((c) => c.or([c('c.user_id', '=', person.userId), c('c.email', '=', (person.email ?? '').toLowerCase())])),
        ),
      ]),
    );
  return query.orderBy('i.updated_at', 'desc').limit(200).execute();
}

export async function insertInitiative(
  db: Queryable,
  initiative: {
    country: Country;
    scope: AreaKind;
    areaCode: string;
    areaName: string;
    initiatorId: string;
    sentFrom?: string | null;
  } & Omit<InitiativeDraft, 'coInitiatorEmails' | 'scope'>,
): Promise<string> {
  const row = await db
    .insertInto('participation_initiatives')
    .values({
      country: initiative.country,
      scope: initiative.scope,
      area_code: initiative.areaCode,
      area_name: initiative.areaName,
      title: initiative.title,
      proposal: initiative.proposal,
      reason: initiative.reason,
      initiator_id: initiative.initiatorId,
      sent_from: initiative.sentFrom ?? null,
      threshold: null,
      population: null,
      population_year: null,
      refusal_reason: null,
      refusal_note: null,
      published_at: null,
      handed_in_at: null,
      deadline: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the text if the initiative is still at `version`; whether it was. */
export function updateInitiativeText(
  db: Queryable,
  id: string,
  version: number,
  text: Pick<InitiativeDraft, 'title' | 'proposal' | 'reason'>,
): Promise<boolean> {
  return changeAtVersion(db, id, version, { title: text.title, proposal: text.proposal, reason: text.reason });
}

/** Counts a change that is not to the text (a file attached or removed) in the version; whether it was still at `version`. */
export const touchInitiative = (db: Queryable, id: string, version: number): Promise<boolean> => changeAtVersion(db, id, version, {});

async function changeAtVersion(
  db: Queryable,
  id: string,
  version: number,
  columns: Partial<Pick<InitiativeTable, 'title' | 'proposal' | 'reason'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('participation_initiatives')
    .set({ ...columns, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type InitiativeMove = Partial<
  Pick<
    InitiativeTable,
    | 'threshold'
    | 'population'
    | 'population_year'
    | 'refusal_reason'
    | 'refusal_note'
    | 'deadline'
    | 'treated_meeting_date'
    | 'treated_case_number'
    | 'treated_decision'
    | 'treated_minutes_url'
  >
> & { published?: boolean; handedIn?: boolean };

/** Moves the initiative from `from` to `to` if it is still there at `version`; whether it was. */
export async function moveInitiative(
  db: Queryable,
  id: string,
  version: number,
  from: InitiativeState,
  to: InitiativeState,
  changes: InitiativeMove = {},
): Promise<boolean> {
  const { published, handedIn, ...columns } = changes;
  const result = await db
    .updateTable('participation_initiatives')
    .set({
      ...columns,
      state: to,
      updated_at: sql`now()`,
      version: sql`version + 1`,
      ...(published ? { published_at: sql`now()` } : {}),
      ...(handedIn ? { handed_in_at: sql`now()` } : {}),
      ...(to === 'treated' || to === 'withdrawn' ? { closed_at: sql`now()` } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface CoInitiator {
  email: string;
  name: string | null;
  confirmed: boolean;
}

export async function listCoInitiators(db: Queryable, initiativeId: string): Promise<CoInitiator[]> {
  const rows = await db
    .selectFrom('participation_co_initiators as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.email', 'u.name', 'c.confirmed_at'])
    .where('c.initiative_id', '=', initiativeId)
    .orderBy('c.email')
    .execute();
  return rows.map((r) => ({ email: r.email, name: r.name, confirmed: r.confirmed_at !== null }));
}

/** Sets the addresses asked to co-initiate: kept ones keep their confirmation, new ones start unconfirmed. */
export async function replaceCoInitiators(db: Queryable, initiativeId: string, emails: readonly string[]): Promise<void> {
  let removal = db.deleteFrom('participation_co_initiators').where('initiative_id', '=', initiativeId);
  if (emails.length > 0) removal = removal.where('email', 'not in', emails);
  await removal.execute();
  if (emails.length === 0) return;
  await db
    .insertInto('participation_co_initiators')
    .values(emails.map((email) => ({ initiative_id: initiativeId, email, user_id: null, confirmed_at: null })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The person with this address confirms; whether they had been asked and had not confirmed yet. */
export async function confirmCoInitiator(db: Queryable, initiativeId: string, email: string, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('participation_co_initiators')
    .set({ user_id: userId, confirmed_at: sql`now()` })
    .where('initiative_id', '=', initiativeId)
    .where('email', '=', email.toLowerCase())
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The common case in one statement (one round trip, one commit): signs an initiative of the
 * person's own municipality that is open for signatures, as `insertSignature` does. False when
 * anything stands in the way — not found, not open, another area, already signed — and the caller
 * then finds out which.
 */
export async function insertSignatureOfResident(
  db: Queryable,
  initiativeId: string,
  userId: string,
  showName: boolean,
  homeMunicipalityCode: string,
  openStates: readonly InitiativeState[],
  birthYear: number | null,
): Promise<boolean> {
  if (!isUuid(initiativeId)) return false;
  const row = await db
    .insertInto('participation_signatures')
    .columns(['initiative_id', 'user_id', 'show_name', 'birth_year'])
    .expression(
      db
        .selectFrom('participation_initiatives')
        .select([
          'id',
          sql<string>`${userId}::uuid`.as('user_id'),
          sql<boolean>`${showName}`.as('show_name'),
          sql<number | null>`${birthYear}::smallint`.as('birth_year'),
        ])
        .where('id', '=', initiativeId)
        .where('state', 'in', openStates)
        .where('scope', '=', 'municipality')
        .where('area_code', '=', homeMunicipalityCode),
    )
    .onConflict((oc) =>
      oc
        .columns(['initiative_id', 'user_id'])
        .doUpdateSet({ show_name: showName, birth_year: birthYear, signed_at: sql`now()`, withdrawn_at: null })
        .where('participation_signatures.withdrawn_at', 'is not', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Signs once: a new row, or the row of a withdrawn signature signed again. False when the person's
 * signature already stands — the primary key decides, also for two attempts at the same instant.
 */
export async function insertSignature(
  db: Queryable,
  initiativeId: string,
  userId: string,
  showName: boolean,
  birthYear: number | null,
): Promise<boolean> {
  const row = await db
    .insertInto('participation_signatures')
    .values({ initiative_id: initiativeId, user_id: userId, show_name: showName, birth_year: birthYear, withdrawn_at: null })
    .onConflict((oc) =>
      oc
        .columns(['initiative_id', 'user_id'])
        .doUpdateSet({ show_name: showName, birth_year: birthYear, signed_at: sql`now()`, withdrawn_at: null })
        .where('participation_signatures.withdrawn_at', 'is not', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Withdraws the person's standing signature; whether there was one. */
export async function withdrawSignature(db: Queryable, initiativeId: string, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('participation_signatures')
    .set({ withdrawn_at: sql`now()` })
    .where('initiative_id', '=', initiativeId)
    .where('user_id', '=', userId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function hasSigned(db: Queryable, initiativeId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('participation_signatures')
    .select('user_id')
    .where('initiative_id', '=', initiativeId)
    .where('user_id', '=', userId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The names of signers who chose to show them, in the order they signed. */
export async function publicSignerNames(db: Queryable, initiativeId: string, limit = 500): Promise<string[]> {
  const rows = await db
    .selectFrom('participation_signatures as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('u.name')
    .where('s.initiative_id', '=', initiativeId)
    .where('s.withdrawn_at', 'is', null)
    .where('s.show_name', '=', true)
    .orderBy('s.signed_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.name);
}

/** The signers for the municipality: names and when they signed (never an identity number). */
export async function listSigners(
  db: Queryable,
  initiativeId: string,
): Promise<{ name: string; birthYear: number | null; signedAt: Date }[]> {
  return db
    .selectFrom('participation_signatures as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.name', 's.birth_year as birthYear', 's.signed_at as signedAt'])
    .where('s.initiative_id', '=', initiativeId)
    .where('s.withdrawn_at', 'is', null)
    .orderBy('u.name')
    .execute();
}

/**
 * Published or treated initiatives for the same area whose text shares words with this one, best
 * match first: the case worker's candidates for "same content as one already treated".
 */
export async function lookAlikes(
  db: Queryable,
  initiative: Pick<StoredInitiative, 'id' | 'country' | 'scope' | 'areaCode' | 'title' | 'proposal'>,
  limit = 5,
): Promise<{ id: string; title: string; state: InitiativeState; rank: number }[]> {
  const text = `${initiative.title} ${initiative.proposal}`;
  // Any of the words rather than all of them: the AND of plainto_tsquery turned into an OR.
  const query = sql`nullif(replace(plainto_tsquery('norwegian', ${text})::text, '&', '|'), '')::tsquery`;
  const rows = await db
    .selectFrom('participation_initiatives')
    .select(['id', 'title', 'state', sql<number>`ts_rank(search, ${query})`.as('rank')])
    .where('id', '!=', initiative.id)
    .where('country', '=', initiative.country)
    .where('scope', '=', initiative.scope)
    .where('area_code', '=', initiative.areaCode)
    .where('state', 'in', ['published', 'handed_in', 'treated'])
    .where(sql<boolean>`search @@ ${query}`)
    .orderBy('rank', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

export async function userEmail(db: Queryable, userId: string): Promise<string | null> {
  if (!isUuid(userId)) return null;
  return (await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email ?? null;
}

/** Handed-in initiatives whose council deadline falls on or before `until`, for the reminders. */
export async function listAwaitingCouncil(db: Queryable, until: string): Promise<StoredInitiative[]> {
  return initiatives(db).where('i.state', '=', 'handed_in').where('i.deadline', '<=', until).orderBy('i.deadline').execute();
}

/**
 * Deletes the signer identities of initiatives closed more than six months before `now`, keeping
 * their number; how many signatures were forgotten. One statement each, so a count is never lost.
 */
export async function forgetSignersOfClosed(db: Queryable, now: Date): Promise<number> {
  const result = await sql<{ forgotten: number }>`
    with closed as (
      select id from participation_initiatives
      where closed_at is not null and closed_at < ${now}::timestamptz - interval '6 months'
    ), gone as (
      delete from participation_signatures s using closed c
      where s.initiative_id = c.id
      returning s.initiative_id, s.withdrawn_at
    ), counted as (
      select initiative_id, count(*) filter (where withdrawn_at is null)::int as n from gone group by initiative_id
    )
    update participation_initiatives i set forgotten_signatures = i.forgotten_signatures + counted.n
    from counted where counted.initiative_id = i.id
    returning counted.n as forgotten`.execute(db);
  return result.rows.reduce((sum, r) => sum + Number(r.forgotten), 0);
}

/** How many initiatives the person, and the network address, started in the last day (the limits on drafting). */
export async function draftsStartedToday(
  db: Queryable,
  userId: string,
  sentFrom: string | null,
): Promise<{ byPerson: number; byAddress: number }> {
  const row = await db
    .selectFrom('participation_initiatives')
    .select([
      sql<number>`count(*) filter (where initiator_id = ${userId})::int`.as('byPerson'),
      sql<number>`count(*) filter (where sent_from = ${sentFrom})::int`.as('byAddress'),
    ])
    .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
    .where((eb) => eb.or([eb('initiator_id', '=', userId), ...(sentFrom ? [eb('sent_from', '=', sentFrom)] : [])]))
    .executeTakeFirstOrThrow();
  return { byPerson: Number(row.byPerson), byAddress: Number(row.byAddress) };
}

/** The titles of the person's initiatives for this area that are still in play (not refused or withdrawn). */
export async function openTitlesOf(db: Queryable, userId: string, scope: AreaKind, areaCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('participation_initiatives')
    .select('title')
    .where('initiator_id', '=', userId)
    .where('scope', '=', scope)
    .where('area_code', '=', areaCode)
    .where('state', 'not in', ['refused', 'withdrawn'])
    .execute();
  return rows.map((r) => r.title);
}

export interface StoredLocalRule extends LocalRule {
  version: number;
  changedAt: Date;
}

/** A Danish municipality's own rule for citizens' proposals, if its case worker has set one. */
export async function findLocalRule(db: Queryable, municipalityCode: string): Promise<StoredLocalRule | undefined> {
  const row = await db
    .selectFrom('participation_local_rules')
    .select(['enabled', 'signatures', 'decision_months as decisionMonths', 'version', 'changed_at as changedAt'])
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  return row;
}

/** Sets the rule from `version` (0: none yet); false when someone else changed it first. */
export async function saveLocalRule(
  db: Queryable,
  municipalityCode: string,
  version: number,
  rule: LocalRule,
  changedBy: string | null,
): Promise<boolean> {
  const values = { enabled: rule.enabled, signatures: rule.signatures, decision_months: rule.decisionMonths, changed_by: changedBy };
  const row =
    version === 0
      ? await db
          .insertInto('participation_local_rules')
          .values({ municipality_code: municipalityCode, ...values })
          .onConflict((oc) => oc.column('municipality_code').doNothing())
          .returning('version')
          .executeTakeFirst()
      : await db
          .updateTable('participation_local_rules')
          .set({ ...values, version: sql`version + 1`, changed_at: sql`now()` })
          .where('municipality_code', '=', municipalityCode)
          .where('version', '=', version)
          .returning('version')
          .executeTakeFirst();
  return row !== undefined;
}

/** A file attached to an initiative, as its page lists it. */
export interface InitiativeFile {
  fileId: string;
  name: string;
  contentType: string;
  sizeBytes: number;
}

export async function listInitiativeFiles(db: Queryable, initiativeId: string): Promise<InitiativeFile[]> {
  return db
    .selectFrom('participation_initiative_files as a')
    .innerJoin('files as f', 'f.id', 'a.file_id')
    .select(['f.id as fileId', 'f.name', 'f.content_type as contentType', 'f.size_bytes as sizeBytes'])
    .where('a.initiative_id', '=', initiativeId)
    .orderBy('a.added_at')
    .execute();
}

export async function addInitiativeFile(db: Queryable, initiativeId: string, fileId: string): Promise<void> {
  await db.insertInto('participation_initiative_files').values({ initiative_id: initiativeId, file_id: fileId }).execute();
}

/** Detaches the file and deletes its bytes (no one else holds them); whether it was attached to this initiative. */
export async function removeInitiativeFile(db: Queryable, initiativeId: string, fileId: string): Promise<boolean> {
  if (!isUuid(fileId)) return false;
  const gone = await db
    .deleteFrom('participation_initiative_files')
    .where('initiative_id', '=', initiativeId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  if (Number(gone.numDeletedRows) !== 1) return false;
  await db.deleteFrom('files').where('id', '=', fileId).execute();
  return true;
}
