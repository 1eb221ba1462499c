/**
 * The directory's data: actors and outside schemes as the advisers wrote them, and the search over
 * them and over the platform's own open calls with the bank's own search pieces (the query's words
 * stemmed in every language and widened through the bank's vocabulary to the words most like them,
 * then matched against the stemmed and unstemmed words of each entry).
 */
import { sql, type ColumnType, type Generated } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n/index.js';
import type { ActorKind, DirectoryDraft, DirectoryEntry, EntryType } from './directory.js';
import { searchWords, type Country, type Theme } from './model.js';
import { anyWordOf, LANGUAGE_CONFIG, queryWords, textMatches, throughTheIndex } from './store.js';

interface DirectoryTable {
  id: Generated<string>;
  slug: string;
  entry: EntryType;
  kind: ActorKind | null;
  language: Locale;
  name: string;
  description: string;
  country: Country;
  region: string | null;
  themes: Theme[];
  web: string | null;
  email: string | null;
  phone: string | null;
  runner: string | null;
  deadline: Date | null;
  eligible: string;
  source: string;
  search_vector: ColumnType<string, never, never>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by_name: string | null;
}

declare module '../platform/db/schema.js' {
  interface Database {
    knowledge_directory: DirectoryTable;
  }
}

/** The page of a stored entry under the bank (the Norwegian address; the page itself follows the reader's language). */
export const DIRECTORY_PATH = '/kunnskapsbank/aktorer-og-ordninger';

export interface StoredEntry extends DirectoryEntry {
  id: string;
  updatedAt: Date;
  updatedByName: string | null;
}

const COLUMNS = [
  'id',
  'slug',
  'entry',
  'kind',
  'language',
  'name',
  'description',
  'country',
  'region',
  'themes',
  'web',
  'email',
  'phone',
  'runner',
  'deadline',
  'eligible',
  'source',
  'version',
  'updated_at',
  'updated_by_name',
] as const;

type Row = Omit<DirectoryTable, 'search_vector' | 'id' | 'version' | 'updated_at'> & { id: string; version: number; updated_at: Date };

const toEntry = (row: Row): StoredEntry => ({
  id: row.id,
  slug: row.slug,
  href: `${DIRECTORY_PATH}/${row.slug}`,
  own: false,
  entry: row.entry,
  kind: row.kind,
  language: row.language,
  name: row.name,
  description: row.description,
  country: row.country,
  region: row.region,
  themes: row.themes,
  web: row.web,
  email: row.email,
  phone: row.phone,
  runner: row.runner,
  deadline: row.deadline === null ? null : new Date(row.deadline),
  eligible: row.eligible,
  source: row.source,
  version: row.version,
  updatedAt: new Date(row.updated_at),
  updatedByName: row.updated_by_name,
});

const columnsOf = (draft: DirectoryDraft) => ({
  entry: draft.entry,
  kind: draft.kind,
  language: draft.language,
  name: draft.name,
  description: draft.description,
  country: draft.country,
  region: draft.region,
  themes: draft.themes,
  web: draft.web,
  email: draft.email,
  phone: draft.phone,
  runner: draft.runner,
  deadline: draft.deadline,
  eligible: draft.eligible,
  source: draft.source,
});

/** Adds an entry's words to the bank's vocabulary, so that a typo of them is found as them. */
async function addWords(db: Queryable, draft: DirectoryDraft): Promise<void> {
  const text = [draft.name, draft.description, draft.runner ?? '', draft.eligible, draft.region ?? ''].join(' ');
  await sql`
    insert into knowledge_words (word)
    select distinct unnest(tsvector_to_array(to_tsvector('simple'::regconfig, ${text})))
    on conflict do nothing`.execute(db);
}

export async function insertEntry(db: Queryable, slug: string, draft: DirectoryDraft, byName: string | null): Promise<string> {
  const row = await db
    .insertInto('knowledge_directory')
    .values({ slug, ...columnsOf(draft), updated_by_name: byName })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addWords(db, draft);
  return row.id;
}

/** Rewrites an entry if it is still at `baseVersion`; false when someone changed it first. */
export async function updateEntry(db: Queryable, id: string, baseVersion: number, draft: DirectoryDraft, byName: string | null) {
  const result = await db
    .updateTable('knowledge_directory')
    .set({ ...columnsOf(draft), version: sql`version + 1`, updated_at: sql`now()`, updated_by_name: byName })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await addWords(db, draft);
  return true;
}

export async function findEntryBySlug(db: Queryable, slug: string): Promise<StoredEntry | undefined> {
  const row = await db.selectFrom('knowledge_directory').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
  return row ? toEntry(row as Row) : undefined;
}

/** Every stored entry by name (the advisers' choices when they answer a question). */
export async function listEntries(db: Queryable): Promise<StoredEntry[]> {
  const rows = await db.selectFrom('knowledge_directory').select(COLUMNS).orderBy('name').execute();
  return rows.map((row) => toEntry(row as Row));
}

/** The slugs already taken that start like this one. */
export async function entrySlugsLike(db: Queryable, slug: string): Promise<string[]> {
  const rows = await db.selectFrom('knowledge_directory').select('slug').where('slug', 'like', `${slug}%`).execute();
  return rows.map((r) => r.slug);
}

export interface Ranked<T> {
  item: T;
  rank: number;
}

/** The text of one of the platform's own calls as the search reads it. */
export interface CallText {
  text: string;
  language: Locale;
}

/**
 * The stored entries matching the query, best first (every entry, by name, without a query), and
 * the positions of the given calls' texts that match it, best first. A directory is small (the
 * centre keeps it by hand): the facets are counted over these matches in the model.
 */
export async function searchDirectory(
  db: Queryable,
  q: string,
  calls: readonly CallText[],
): Promise<{ entries: Ranked<StoredEntry>[]; calls: Ranked<number>[] }> {
  const prepared = await queryWords(db, searchWords(q));
  const anyWord = anyWordOf(prepared);
  if (!anyWord)
    return { entries: (await listEntries(db)).map((item) => ({ item, rank: 0 })), calls: calls.map((_, i) => ({ item: i, rank: 0 })) };
  const words = prepared.map((w) => w.word).join(' ');
  return throughTheIndex(db, async (tx) => {
    const entries = await sql<Row & { rank: number }>`
      select ${sql.join(COLUMNS.map((c) => sql.ref(c)))}, ts_rank(search_vector, ${anyWord}) + word_similarity(${words}, name) * 0.1 as rank
      from knowledge_directory
      where ${textMatches(prepared)}
      order by rank desc, name
      limit 1000`.execute(tx);
    const matched = calls.length
      ? await sql<{ n: number; rank: number }>`
          select n::int as n, ts_rank(search_vector, ${anyWord}) + word_similarity(${words}, text) * 0.1 as rank from (
            select n, text, setweight(to_tsvector(${LANGUAGE_CONFIG}, text), 'B') || setweight(to_tsvector('simple'::regconfig, text), 'D') as search_vector
            from unnest(${calls.map((c) => c.text)}::text[], ${calls.map((c) => c.language)}::text[]) with ordinality as t(text, language, n)
          ) c
          where ${textMatches(prepared)}
          order by rank desc, n`.execute(tx)
      : { rows: [] };
    return {
      entries: entries.rows.map(({ rank, ...row }) => ({ item: toEntry(row), rank: Number(rank) })),
      calls: matched.rows.map((r) => ({ item: r.n - 1, rank: Number(r.rank) })),
    };
  });
}
