/** The competence centre's questions and answers in the database: plain data access. */
import { sql, type ColumnType, type Generated } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n/index.js';
import { isUuid, json, parsed } from '../platform/db/kit.js';
import { searchWords, type Sector, type Theme } from './model.js';
import { anyWordOf, queryWords, textMatches } from './store.js';
import type { QuestionState } from './questions.js';

interface QuestionTable {
  id: Generated<string>;
  title: string;
  question: string;
  sector: Sector | null;
  theme: Theme | null;
  may_publish: boolean;
  asked_by_user_id: string;
  asked_by_name: string;
  organisation_name: string;
  locale: Locale;
  asked_at: Generated<Date>;
  state: QuestionState;
  answer: Generated<string>;
  case_slugs: ColumnType<unknown, string | undefined, string>;
  directory_slugs: ColumnType<unknown, string | undefined, string>;
  search_vector: ColumnType<string, never, never>;
  answered_by_name: string | null;
  answered_at: Date | null;
  version: Generated<number>;
}

declare module '../platform/db/schema.js' {
  interface Database {
    knowledge_questions: QuestionTable;
  }
}

export interface StoredQuestion {
  id: string;
  title: string;
  question: string;
  sector: Sector | null;
  theme: Theme | null;
  mayPublish: boolean;
  askedByUserId: string;
  askedByName: string;
  organisationName: string;
  locale: Locale;
  askedAt: Date;
  state: QuestionState;
  answer: string;
  caseSlugs: string[];
  /** The slugs of the directory's actors and schemes the adviser linked. */
  directorySlugs: string[];
  answeredByName: string | null;
  version: number;
}

const COLUMNS = [
  'id',
  'title',
  'question',
  'sector',
  'theme',
  'may_publish',
  'asked_by_user_id',
  'asked_by_name',
  'organisation_name',
  'locale',
  'asked_at',
  'state',
  'answer',
  'case_slugs',
  'directory_slugs',
  'answered_by_name',
  'version',
] as const;

type Row = Pick<QuestionTable, 'sector' | 'theme' | 'state' | 'answered_by_name' | 'case_slugs' | 'directory_slugs'> & {
  id: string;
  title: string;
  question: string;
  may_publish: boolean;
  asked_by_user_id: string;
  asked_by_name: string;
  organisation_name: string;
  locale: Locale;
  asked_at: Date;
  answer: string;
  version: number;
};

const toQuestion = (row: Row): StoredQuestion => ({
  id: row.id,
  title: row.title,
  question: row.question,
  sector: row.sector,
  theme: row.theme,
  mayPublish: row.may_publish,
  askedByUserId: row.asked_by_user_id,
  askedByName: row.asked_by_name,
  organisationName: row.organisation_name,
  locale: row.locale,
  askedAt: row.asked_at,
  state: row.state,
  answer: row.answer,
  caseSlugs: parsed<string[]>(row.case_slugs),
  directorySlugs: parsed<string[]>(row.directory_slugs),
  answeredByName: row.answered_by_name,
  version: row.version,
});

export async function insertQuestion(
  db: Queryable,
  question: {
    title: string;
    question: string;
    sector: Sector | null;
    theme: Theme | null;
    mayPublish: boolean;
    askedByUserId: string;
    askedByName: string;
    organisationName: string;
    locale: Locale;
  },
): Promise<string> {
  const row = await db
    .insertInto('knowledge_questions')
    .values({
      title: question.title,
      question: question.question,
      sector: question.sector,
      theme: question.theme,
      may_publish: question.mayPublish,
      asked_by_user_id: question.askedByUserId,
      asked_by_name: question.askedByName,
      organisation_name: question.organisationName,
      locale: question.locale,
      state: 'asked',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findQuestion(db: Queryable, id: string, forUpdate = false): Promise<StoredQuestion | undefined> {
  if (!isUuid(id)) return undefined;
  const query = db.selectFrom('knowledge_questions').select(COLUMNS).where('id', '=', id);
  const row = await (forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row ? toQuestion(row as Row) : undefined;
}

/** The questions in the given states, newest first (or one asker's, when given). */
export async function listQuestions(
  db: Queryable,
  filter: { states?: readonly QuestionState[]; askedByUserId?: string },
): Promise<StoredQuestion[]> {
  let query = db.selectFrom('knowledge_questions').select(COLUMNS);
  if (filter.states) query = query.where('state', 'in', filter.states);
  if (filter.askedByUserId) query = query.where('asked_by_user_id', '=', filter.askedByUserId);
  const rows = await query.orderBy('asked_at', 'desc').orderBy('id').execute();
  return rows.map((row) => toQuestion(row as Row));
}

/** Moves a question on when it is still at `baseVersion`; whether it was. */
export async function updateQuestion(
  db: Queryable,
  id: string,
  baseVersion: number,
  change: {
    state: QuestionState;
    answer?: string;
    caseSlugs?: readonly string[];
    directorySlugs?: readonly string[];
    answeredByName?: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('knowledge_questions')
    .set((eb) => ({
      state: change.state,
      ...(change.answer === undefined
        ? {}
        : {
            answer: change.answer,
            case_slugs: json(change.caseSlugs ?? []),
            directory_slugs: json(change.directorySlugs ?? []),
            answered_by_name: change.answeredByName ?? null,
            answered_at: sql<Date>`now()`,
          }),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findAskerAddress(db: Queryable, userId: string): Promise<{ userId: string; email: string | null } | undefined> {
  return db.selectFrom('users').select(['id as userId', 'email']).where('id', '=', userId).executeTakeFirst();
}

/** Adds a published question's words to the bank's vocabulary, so that the search finds a typo of them as them. */
export async function addQuestionWords(db: Queryable, id: string): Promise<void> {
  await sql`
    insert into knowledge_words (word)
    select distinct unnest(tsvector_to_array(to_tsvector('simple'::regconfig, title || ' ' || question || ' ' || answer)))
    from knowledge_questions where id = ${id}
    on conflict do nothing`.execute(db);
}

/** The text search configuration of the asker's language. */
const LOCALE_CONFIG = sql`case locale when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end`;

/** A published question and answer as the bank's search finds it: never the asker's name or organisation. */
export interface QuestionHit {
  id: string;
  title: string;
  locale: Locale;
  sector: Sector | null;
  theme: Theme | null;
  /** The best passages of the question and answer, the matched words between \u0002 and \u0003. */
  snippet: string;
  rank: number;
}

/**
 * The published questions and answers matching the query with the bank's search (every word,
 * stemmed in some language or as one of the bank's words most like it), best first; without a query
 * all of them, newest first. A chosen sector or theme keeps those asked about it.
 */
export async function searchPublishedQuestions(
  db: Queryable,
  q: string,
  filter: { sector: readonly Sector[]; theme: readonly Theme[] },
): Promise<QuestionHit[]> {
  const prepared = await queryWords(db, searchWords(q));
  const anyWord = anyWordOf(prepared);
  const words = prepared.map((w) => w.word).join(' ');
  const body = sql`question || ' … ' || answer`;
  const rows = await sql<QuestionHit>`
    select id, title, locale, sector, theme,
      ${
        anyWord
          ? sql`ts_headline(${LOCALE_CONFIG}, ${body}, ${anyWord}, ${'StartSel=\u0002, StopSel=\u0003, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'})`
          : sql`left(${body}, 240)`
      } as snippet,
      ${anyWord ? sql`ts_rank(search_vector, ${anyWord}) + word_similarity(${words}, title) * 0.1` : sql`0`} as rank
    from knowledge_questions
    where state = 'published' and ${textMatches(prepared)}
      ${filter.sector.length ? sql`and sector = any(${filter.sector}::text[])` : sql``}
      ${filter.theme.length ? sql`and theme = any(${filter.theme}::text[])` : sql``}
    order by rank desc, asked_at desc
    limit 100`.execute(db);
  return rows.rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}
