/** The innovation prize's data: the yearly calls, their jury, the nominated cases and each juror's work on each. */
import { sql, type ColumnType, type Generated } from 'kysely';
import type { ConsensusSheet, Declaration, Exclusion, ScoreSheet } from '../assessment/index.js';
import type { AssignmentState, ReviewState } from '../assessment/index.js';
import type { Queryable } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n/index.js';
import { json, parsed } from '../platform/db/kit.js';
import type { Country, Phase } from './model.js';
import type { Award, PrizeCriterion, PrizeState } from './prize.js';

interface PrizeTable {
  id: Generated<string>;
  country: Country;
  year: number;
  title: string;
  criteria: ColumnType<unknown, string, string>;
  deadline: Date;
  time_zone: string;
  state: PrizeState;
  jury_statement: Generated<string>;
  source: string | null;
  owner_organisation_id: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by_name: string | null;
}

interface JurorTable {
  prize_id: string;
  user_id: string;
  name: string;
}

interface NominationTable {
  id: Generated<string>;
  prize_id: string;
  case_id: string | null;
  project_id: string | null;
  project_title: string | null;
  project_language: Locale | null;
  project_municipalities: ColumnType<unknown, string | null, string | null>;
  reason: string;
  nominated_by_name: string | null;
  nominated_at: Generated<Date>;
  review_state: Generated<ReviewState>;
  agreed_scores: ColumnType<unknown, string | null, string | null>;
  agreed_by_name: string | null;
  award: Award | null;
}

interface AssignmentTable {
  id: Generated<string>;
  nomination_id: string;
  juror_user_id: string;
  juror_name: string;
  state: AssignmentState;
  excluded_reason: 'employer' | 'own-municipality' | null;
  excluded_municipality: ColumnType<unknown, string | null, string | null>;
  conflict_kind: string | null;
  conflict_text: string | null;
  scores: ColumnType<unknown, string | null, string | null>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    knowledge_prizes: PrizeTable;
    knowledge_prize_jurors: JurorTable;
    knowledge_prize_nominations: NominationTable;
    knowledge_prize_assignments: AssignmentTable;
  }
}

export interface StoredPrize {
  id: string;
  country: Country;
  year: number;
  title: string;
  criteria: PrizeCriterion[];
  deadline: Date;
  timeZone: string;
  state: PrizeState;
  juryStatement: string;
  source: string | null;
  version: number;
}

const PRIZE_COLUMNS = [
  'id',
  'country',
  'year',
  'title',
  'criteria',
  'deadline',
  'time_zone',
  'state',
  'jury_statement',
  'source',
  'version',
] as const;

type PrizeRow = Pick<PrizeTable, 'country' | 'year' | 'title' | 'deadline' | 'time_zone' | 'state' | 'source'> & {
  id: string;
  criteria: unknown;
  jury_statement: string;
  version: number;
};

const toPrize = (row: PrizeRow): StoredPrize => ({
  id: row.id,
  country: row.country,
  year: row.year,
  title: row.title,
  criteria: parsed<PrizeCriterion[]>(row.criteria),
  deadline: new Date(row.deadline),
  timeZone: row.time_zone,
  state: row.state,
  juryStatement: row.jury_statement,
  source: row.source,
  version: row.version,
});

export interface NewPrize {
  country: Country;
  year: number;
  title: string;
  criteria: readonly PrizeCriterion[];
  deadline: Date;
  timeZone: string;
  state: PrizeState;
  juryStatement?: string;
  source?: string | null;
  ownerOrganisationId?: string | null;
}

export async function insertPrize(db: Queryable, prize: NewPrize, byName: string | null): Promise<string> {
  const row = await db
    .insertInto('knowledge_prizes')
    .values({
      country: prize.country,
      year: prize.year,
      title: prize.title,
      criteria: json(prize.criteria),
      deadline: prize.deadline,
      time_zone: prize.timeZone,
      state: prize.state,
      jury_statement: prize.juryStatement ?? '',
      source: prize.source ?? null,
      owner_organisation_id: prize.ownerOrganisationId ?? null,
      updated_by_name: byName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPrize(db: Queryable, country: Country, year: number, lock = false): Promise<StoredPrize | undefined> {
  let query = db.selectFrom('knowledge_prizes').select(PRIZE_COLUMNS).where('country', '=', country).where('year', '=', year);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toPrize(row as PrizeRow) : undefined;
}

export async function findPrizeById(db: Queryable, id: string): Promise<StoredPrize | undefined> {
  const row = await db.selectFrom('knowledge_prizes').select(PRIZE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toPrize(row as PrizeRow) : undefined;
}

/** Every prize, newest year first. */
export async function listPrizes(db: Queryable): Promise<StoredPrize[]> {
  const rows = await db.selectFrom('knowledge_prizes').select(PRIZE_COLUMNS).orderBy('year', 'desc').orderBy('country', 'desc').execute();
  return rows.map((row) => toPrize(row as PrizeRow));
}

/** Moves the prize if it is still at `baseVersion`; false when someone moved it first. */
export async function updatePrize(
  db: Queryable,
  id: string,
  baseVersion: number,
  change: { state: PrizeState; juryStatement?: string },
  byName: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('knowledge_prizes')
    .set({
      state: change.state,
      ...(change.juryStatement === undefined ? {} : { jury_statement: change.juryStatement }),
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by_name: byName,
    })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Jury --------------------------------------------------------------------------------------------

export interface Juror {
  userId: string;
  name: string;
}

export async function listJurors(db: Queryable, prizeId: string): Promise<Juror[]> {
  return db
    .selectFrom('knowledge_prize_jurors')
    .select(['user_id as userId', 'name'])
    .where('prize_id', '=', prizeId)
    .orderBy('name')
    .execute();
}

export async function insertJuror(db: Queryable, prizeId: string, juror: Juror): Promise<boolean> {
  const row = await db
    .insertInto('knowledge_prize_jurors')
    .values({ prize_id: prizeId, user_id: juror.userId, name: juror.name })
    .onConflict((c) => c.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

// Nominations -------------------------------------------------------------------------------------

export interface StoredNomination {
  id: string;
  prizeId: string;
  reason: string;
  nominatedByName: string | null;
  reviewState: ReviewState;
  agreedScores: ConsensusSheet | null;
  agreedByName: string | null;
  award: Award | null;
  /** The nominee: a case of the bank (its address) or a project (its id), with its title and language. */
  caseSlug: string | null;
  projectId: string | null;
  nomineeTitle: string;
  nomineeLanguage: string;
  casePhase: Phase | null;
  municipalities: { code: string; name: string }[];
}

const nominationQuery = (db: Queryable) =>
  db
    .selectFrom('knowledge_prize_nominations as n')
    .leftJoin('knowledge_cases as c', 'c.id', 'n.case_id')
    .select([
      'n.project_id',
      sql<string>`coalesce(c.title, n.project_title)`.as('title'),
      sql<string>`coalesce(c.language, n.project_language)`.as('language'),
      sql<unknown>`coalesce(c.municipalities, n.project_municipalities)`.as('municipalities'),
      'n.id',
      'n.prize_id',
      'n.reason',
      'n.nominated_by_name',
      'n.review_state',
      'n.agreed_scores',
      'n.agreed_by_name',
      'n.award',
      'c.slug',
      'c.phase',
    ]);

type NominationRow = Awaited<ReturnType<ReturnType<typeof nominationQuery>['executeTakeFirstOrThrow']>>;

const toNomination = (row: NominationRow): StoredNomination => ({
  id: row.id,
  prizeId: row.prize_id,
  reason: row.reason,
  nominatedByName: row.nominated_by_name,
  reviewState: row.review_state,
  agreedScores: row.agreed_scores === null ? null : parsed<ConsensusSheet>(row.agreed_scores),
  agreedByName: row.agreed_by_name,
  award: row.award,
  caseSlug: row.slug,
  projectId: row.project_id,
  nomineeTitle: row.title,
  nomineeLanguage: row.language,
  casePhase: row.phase,
  municipalities: parsed<{ code: string; name: string }[]>(row.municipalities).map(({ code, name }) => ({ code, name })),
});

export async function listNominations(db: Queryable, prizeId: string): Promise<StoredNomination[]> {
  const rows = await nominationQuery(db).where('n.prize_id', '=', prizeId).orderBy('n.nominated_at').orderBy('title').execute();
  return rows.map(toNomination);
}

export async function findNomination(db: Queryable, id: string): Promise<StoredNomination | undefined> {
  const row = await nominationQuery(db).where('n.id', '=', id).executeTakeFirst();
  return row ? toNomination(row) : undefined;
}

/** A project as nominated: its title, language and municipalities as they were then. */
export interface NominatedProject {
  id: string;
  title: string;
  language: Locale;
  municipalities: { code: string; name: string }[];
}

/** Records a nomination of a case or a project; undefined when it is already nominated for this prize. */
export async function insertNomination(
  db: Queryable,
  nomination: { prizeId: string; reason: string; byName: string | null } & (
    | { caseId: string; project?: undefined }
    | { caseId?: undefined; project: NominatedProject }
  ),
): Promise<string | undefined> {
  const project = nomination.project;
  const row = await db
    .insertInto('knowledge_prize_nominations')
    .values({
      prize_id: nomination.prizeId,
      case_id: nomination.caseId ?? null,
      project_id: project?.id ?? null,
      project_title: project?.title ?? null,
      project_language: project?.language ?? null,
      project_municipalities: project ? json(project.municipalities) : null,
      reason: nomination.reason,
      nominated_by_name: nomination.byName,
      agreed_scores: null,
      agreed_by_name: null,
      award: null,
    })
    .onConflict((c) => c.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function setReviewState(db: Queryable, nominationId: string, state: ReviewState): Promise<void> {
  await db.updateTable('knowledge_prize_nominations').set({ review_state: state }).where('id', '=', nominationId).execute();
}

export async function setAgreedScores(db: Queryable, nominationId: string, sheet: ConsensusSheet, byName: string | null): Promise<void> {
  await db
    .updateTable('knowledge_prize_nominations')
    .set({ review_state: 'agreed', agreed_scores: json(sheet), agreed_by_name: byName })
    .where('id', '=', nominationId)
    .execute();
}

export async function setAwards(db: Queryable, prizeId: string, awards: ReadonlyMap<string, Award>): Promise<void> {
  await db.updateTable('knowledge_prize_nominations').set({ award: null }).where('prize_id', '=', prizeId).execute();
  for (const [id, award] of awards)
    await db.updateTable('knowledge_prize_nominations').set({ award }).where('id', '=', id).where('prize_id', '=', prizeId).execute();
}

/** The published awards a case has won, for the mark on its page in the bank. */
export async function awardsOfCase(
  db: Queryable,
  caseId: string,
): Promise<{ award: Award; year: number; title: string; country: Country }[]> {
  return db
    .selectFrom('knowledge_prize_nominations as n')
    .innerJoin('knowledge_prizes as p', 'p.id', 'n.prize_id')
    .select(['n.award as award', 'p.year', 'p.title', 'p.country'])
    .where('n.case_id', '=', caseId)
    .where('p.state', '=', 'published')
    .where('n.award', 'is not', null)
    .orderBy('p.year', 'desc')
    .execute() as Promise<{ award: Award; year: number; title: string; country: Country }[]>;
}

// Each juror's work on each nomination --------------------------------------------------------------

export interface StoredPrizeAssignment {
  id: string;
  nominationId: string;
  jurorUserId: string;
  jurorName: string;
  state: AssignmentState;
  exclusion: Exclusion | null;
  declaration: Declaration | null;
  scores: ScoreSheet;
  version: number;
}

const ASSIGNMENT_COLUMNS = [
  'id',
  'nomination_id',
  'juror_user_id',
  'juror_name',
  'state',
  'excluded_reason',
  'excluded_municipality',
  'conflict_kind',
  'conflict_text',
  'scores',
  'version',
] as const;

type AssignmentRow = Pick<
  AssignmentTable,
  'nomination_id' | 'juror_user_id' | 'juror_name' | 'state' | 'excluded_reason' | 'conflict_kind' | 'conflict_text'
> & { id: string; excluded_municipality: unknown; scores: unknown; version: number };

const toAssignment = (row: AssignmentRow): StoredPrizeAssignment => ({
  id: row.id,
  nominationId: row.nomination_id,
  jurorUserId: row.juror_user_id,
  jurorName: row.juror_name,
  state: row.state,
  exclusion: row.excluded_reason
    ? {
        applicationId: row.nomination_id,
        reviewerId: row.juror_user_id,
        reason: row.excluded_reason,
        municipality: parsed<{ code: string; name: string }>(row.excluded_municipality),
      }
    : null,
  declaration:
    row.state === 'conflicted' && row.conflict_kind
      ? ({ conflict: true, kind: row.conflict_kind, text: row.conflict_text ?? '' } as Declaration)
      : row.state === 'declared' || row.state === 'submitted'
        ? { conflict: false }
        : null,
  scores: row.scores === null ? {} : parsed<ScoreSheet>(row.scores),
  version: row.version,
});

export async function listAssignmentsOfPrize(db: Queryable, prizeId: string): Promise<StoredPrizeAssignment[]> {
  const rows = await db
    .selectFrom('knowledge_prize_assignments as a')
    .innerJoin('knowledge_prize_nominations as n', 'n.id', 'a.nomination_id')
    .select(ASSIGNMENT_COLUMNS.map((c) => `a.${c}` as const))
    .where('n.prize_id', '=', prizeId)
    .orderBy('a.juror_name')
    .execute();
  return rows.map((row) => toAssignment(row as AssignmentRow));
}

export async function listAssignmentsOfJuror(db: Queryable, userId: string): Promise<StoredPrizeAssignment[]> {
  const rows = await db
    .selectFrom('knowledge_prize_assignments')
    .select(ASSIGNMENT_COLUMNS)
    .where('juror_user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map((row) => toAssignment(row as AssignmentRow));
}

export async function findPrizeAssignment(db: Queryable, id: string, lock = false): Promise<StoredPrizeAssignment | undefined> {
  let query = db.selectFrom('knowledge_prize_assignments').select(ASSIGNMENT_COLUMNS).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toAssignment(row as AssignmentRow) : undefined;
}

export async function insertPrizeAssignment(
  db: Queryable,
  assignment: { nominationId: string; juror: Juror; exclusion?: Exclusion | undefined },
): Promise<void> {
  await db
    .insertInto('knowledge_prize_assignments')
    .values({
      nomination_id: assignment.nominationId,
      juror_user_id: assignment.juror.userId,
      juror_name: assignment.juror.name,
      state: assignment.exclusion ? 'conflicted' : 'assigned',
      excluded_reason: assignment.exclusion ? (assignment.exclusion.reason as 'employer' | 'own-municipality') : null,
      excluded_municipality: assignment.exclusion?.municipality ? json(assignment.exclusion.municipality) : null,
      conflict_kind: null,
      conflict_text: null,
      scores: null,
    })
    .execute();
}

/** Moves an assignment if it is still at `baseVersion`; false when it moved first. */
export async function updatePrizeAssignment(
  db: Queryable,
  id: string,
  baseVersion: number,
  change: { state: AssignmentState; declaration?: Declaration; scores?: ScoreSheet },
): Promise<boolean> {
  const conflict = change.declaration?.conflict ? change.declaration : undefined;
  const result = await db
    .updateTable('knowledge_prize_assignments')
    .set({
      state: change.state,
      ...(change.declaration ? { conflict_kind: conflict?.kind ?? null, conflict_text: conflict?.text ?? null } : {}),
      ...(change.scores ? { scores: json(change.scores) } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
