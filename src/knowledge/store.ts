/**
 * The knowledge bank's data: cases as written, with the registry's facts copied in when saved, and
 * the search over them. Full text: a weighted tsvector (generated in the table) stemmed in the
 * case's language and unstemmed, matched by every configuration a reader may write in; tolerance
 * of typos and of parts of compounds: each query word also stands for the bank's words most like
 * it (pg_trgm's word similarity over the vocabulary, knowledge_words), all through one GIN index.
 */
import { sql, type ColumnType, type Generated, type RawBuilder } from 'kysely';
import type { DB, Queryable } from '../platform/db/database.js';
import { json, parsed } from '../platform/db/kit.js';
import type { Locale } from '../platform/i18n/index.js';
import {
  FACETS,
  PAGE_SIZE,
  searchWords,
  yearsOf,
  type CaseDraft,
  type CaseLink,
  type CaseOrigin,
  type CaseSearch,
  type Country,
  type Facet,
  type MunicipalityFacts,
  type Phase,
  type Sector,
  type SizeClass,
  type Theme,
} from './model.js';

interface CaseTable {
  id: Generated<string>;
  slug: string;
  language: Locale;
  title: string;
  problem: string;
  done: string;
  results: string;
  phase: Phase;
  country: Country;
  sector: Sector;
  themes: Theme[];
  year_from: number | null;
  year_to: number | null;
  years: number[];
  partners: string[];
  contacts: string[];
  links: ColumnType<unknown, string, string>;
  source: string;
  programme: string | null;
  origin_kind: CaseOrigin['kind'] | null;
  origin_id: string | null;
  recommended: Generated<boolean>;
  municipalities: ColumnType<unknown, string, string>;
  municipality_codes: string[];
  regions: string[];
  size_classes: string[];
  search_text: string;
  search_vector: ColumnType<string, never, never>;
  created_by_organisation_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by_name: string | null;
}

interface CaseFileTable {
  case_id: string;
  file_id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  added_at: Generated<Date>;
  added_by_name: string | null;
}

interface WordTable {
  word: string;
}

interface AdoptionTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  country: Country;
  municipality_code: string;
  municipality_name: string;
  changes: string;
  language: Locale;
  adopted_year: number | null;
  recorded_at: Generated<Date>;
  recorded_by_name: string | null;
}

declare module '../platform/db/schema.js' {
  interface Database {
    knowledge_cases: CaseTable;
    knowledge_words: WordTable;
    knowledge_case_files: CaseFileTable;
    knowledge_adoptions: AdoptionTable;
  }
}

/** Adds the words of these cases to the bank's vocabulary (words are never taken out: a stale one finds nothing). */
async function addWords(db: Queryable, slugs: readonly string[]): Promise<void> {
  await sql`
    insert into knowledge_words (word)
    select distinct unnest(tsvector_to_array(to_tsvector('simple'::regconfig, search_text)))
    from knowledge_cases where slug = any(${slugs}::text[])
    on conflict do nothing`.execute(db);
}

/** A case's municipality with the registry's facts as they were when the case was saved. */
export interface StoredMunicipality {
  country: Country;
  code: string;
  name: string;
  region: string | null;
  sizeClass: SizeClass | null;
}

export interface StoredCase extends Omit<CaseDraft, 'municipalities' | 'programme'> {
  id: string;
  slug: string;
  programme: string | null;
  /** What the case was made from, if it was made from another record (a project). */
  origin: CaseOrigin | null;
  /** The organisation that wrote the case (for a case made from a project: the lead municipality). */
  organisationId: string | null;
  municipalities: StoredMunicipality[];
  recommended: boolean;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
}

const CASE_COLUMNS = [
  'id',
  'slug',
  'language',
  'title',
  'problem',
  'done',
  'results',
  'phase',
  'country',
  'sector',
  'themes',
  'year_from',
  'year_to',
  'partners',
  'contacts',
  'links',
  'source',
  'programme',
  'origin_kind',
  'origin_id',
  'created_by_organisation_id',
  'recommended',
  'municipalities',
  'version',
  'updated_at',
  'updated_by_name',
] as const;

type CaseRow = Pick<CaseTable, (typeof CASE_COLUMNS)[number]> & { id: string; recommended: boolean; version: number; updated_at: Date };

const toCase = (row: CaseRow): StoredCase => ({
  id: row.id,
  slug: row.slug,
  language: row.language,
  title: row.title,
  problem: row.problem,
  done: row.done,
  results: row.results,
  phase: row.phase,
  country: row.country,
  sector: row.sector,
  themes: row.themes,
  yearFrom: row.year_from,
  yearTo: row.year_to,
  partners: row.partners,
  contacts: row.contacts,
  links: parsed<CaseLink[]>(row.links),
  source: row.source,
  programme: row.programme,
  origin: row.origin_kind && row.origin_id ? { kind: row.origin_kind, id: row.origin_id } : null,
  organisationId: row.created_by_organisation_id,
  recommended: row.recommended,
  municipalities: parsed<StoredMunicipality[]>(row.municipalities),
  version: row.version,
  updatedAt: new Date(row.updated_at),
  updatedByName: row.updated_by_name,
});

/** The columns a draft and the registry's facts fill (everything the author and the registry decide). */
function columnsOf(draft: CaseDraft, facts: readonly MunicipalityFacts[]) {
  const municipalities: StoredMunicipality[] = draft.municipalities.map((m, i) => ({
    ...m,
    region: facts[i]?.region ?? null,
    sizeClass: facts[i]?.sizeClass ?? null,
  }));
  const distinct = (list: (string | null)[]) => [...new Set(list.filter((v): v is string => v !== null))];
  const regions = distinct(municipalities.map((m) => m.region));
  return {
    language: draft.language,
    title: draft.title,
    problem: draft.problem,
    done: draft.done,
    results: draft.results,
    phase: draft.phase,
    country: draft.country,
    sector: draft.sector,
    themes: draft.themes,
    year_from: draft.yearFrom,
    year_to: draft.yearTo,
    years: yearsOf(draft.yearFrom, draft.yearTo),
    partners: draft.partners,
    contacts: draft.contacts,
    links: json(draft.links),
    source: draft.source,
    programme: draft.programme ?? null,
    municipalities: json(municipalities),
    municipality_codes: distinct(municipalities.map((m) => m.code)),
    regions,
    size_classes: distinct(municipalities.map((m) => m.sizeClass)),
    search_text: [
      draft.title,
      draft.problem,
      draft.done,
      draft.results,
      ...municipalities.map((m) => m.name),
      ...regions,
      ...draft.partners,
      draft.programme ?? '',
    ].join(' '),
  };
}

export async function insertCase(
  db: Queryable,
  slug: string,
  draft: CaseDraft,
  facts: readonly MunicipalityFacts[],
  options: { recommended?: boolean; organisationId?: string | null; origin?: CaseOrigin | undefined; byName: string | null },
): Promise<string | undefined> {
  const row = await db
    .insertInto('knowledge_cases')
    .values({
      slug,
      ...columnsOf(draft, facts),
      recommended: options.recommended ?? false,
      created_by_organisation_id: options.organisationId ?? null,
      origin_kind: options.origin?.kind ?? null,
      origin_id: options.origin?.id ?? null,
      updated_by_name: options.byName,
    })
    .onConflict((oc) => oc.columns(['origin_kind', 'origin_id']).where('origin_kind', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return undefined;
  await addWords(db, [slug]);
  return row.id;
}

/** The case made from this record, if one has been. */
export async function caseOfOrigin(db: Queryable, origin: CaseOrigin): Promise<CaseLinkSummary | undefined> {
  return db
    .selectFrom('knowledge_cases')
    .select(['slug', 'title', 'language'])
    .where('origin_kind', '=', origin.kind)
    .where('origin_id', '=', origin.id)
    .executeTakeFirst();
}

/** Many cases at once, as a bulk load writes them (the search benchmark): no audit, no registry look-up. */
export async function insertCases(
  db: Queryable,
  cases: readonly { slug: string; draft: CaseDraft; facts: readonly MunicipalityFacts[] }[],
): Promise<void> {
  if (cases.length === 0) return;
  await db
    .insertInto('knowledge_cases')
    .values(cases.map(({ slug, draft, facts }) => ({ slug, ...columnsOf(draft, facts), updated_by_name: null })))
    .execute();
  await addWords(
    db,
    cases.map((c) => c.slug),
  );
}

/** Rewrites a case if it is still at `baseVersion`; false when someone changed it first. */
export async function updateCase(
  db: Queryable,
  id: string,
  baseVersion: number,
  draft: CaseDraft,
  facts: readonly MunicipalityFacts[],
  byName: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('knowledge_cases')
    .set({ ...columnsOf(draft, facts), version: sql`version + 1`, updated_at: sql`now()`, updated_by_name: byName })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await sql`
    insert into knowledge_words (word)
    select distinct unnest(tsvector_to_array(to_tsvector('simple'::regconfig, search_text))) from knowledge_cases where id = ${id}
    on conflict do nothing`.execute(db);
  return true;
}

export async function setRecommended(
  db: Queryable,
  id: string,
  baseVersion: number,
  recommended: boolean,
  byName: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('knowledge_cases')
    .set({ recommended, version: sql`version + 1`, updated_at: sql`now()`, updated_by_name: byName })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findCaseBySlug(db: Queryable, slug: string): Promise<StoredCase | undefined> {
  const row = await db.selectFrom('knowledge_cases').select(CASE_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  return row ? toCase(row as CaseRow) : undefined;
}

/** Every case, newest change first (the open data). */
export async function listCases(db: Queryable): Promise<StoredCase[]> {
  const rows = await db.selectFrom('knowledge_cases').select(CASE_COLUMNS).orderBy('updated_at', 'desc').orderBy('slug').execute();
  return rows.map((row) => toCase(row as CaseRow));
}

export interface CaseLinkSummary {
  slug: string;
  title: string;
  language: Locale;
}

/**
 * Cases like this one: shared themes count most, then the same sector, then words of its title
 * in their text (stemmed as the case's language stems them).
 */
export async function similarCases(db: Queryable, item: StoredCase, limit = 4): Promise<CaseLinkSummary[]> {
  const result = await sql<CaseLinkSummary>`
    with this as (
      select to_tsquery('simple'::regconfig, coalesce(nullif(array_to_string(tsvector_to_array(to_tsvector(${LANGUAGE_CONFIG}, title)), ' | '), ''), 'x')) as words
      from knowledge_cases where id = ${item.id}
    )
    select slug, title, language from knowledge_cases, this
    where id <> ${item.id} and (themes && ${item.themes}::text[] or sector = ${item.sector} or search_vector @@ this.words)
    order by cardinality(array(select unnest(themes) intersect select unnest(${item.themes}::text[]))) * 2
      + case when sector = ${item.sector} then 1 else 0 end + ts_rank(search_vector, this.words) desc, slug
    limit ${limit}`.execute(db);
  return result.rows;
}

/** The slugs already taken that start like this one (to give a new case a free one). */
export async function slugsLike(db: Queryable, slug: string): Promise<string[]> {
  const rows = await db.selectFrom('knowledge_cases').select('slug').where('slug', 'like', `${slug}%`).execute();
  return rows.map((r) => r.slug);
}

export async function countCases(db: Queryable): Promise<number> {
  const row = await db.selectFrom('knowledge_cases').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

// Search ----------------------------------------------------------------------------------------

const CONFIGS = ['norwegian', 'danish', 'english', 'simple'] as const;

/** A query word as the search uses it: the word, and its stemmed forms in every configuration as one tsquery. */
export interface QueryWord {
  word: string;
  tsquery: string;
}

/**
 * How far a query word is widened through the bank's vocabulary. A word the bank has is searched
 * as itself and the few shortest compounds that contain it whole ("rehabilitering" →
 * "hverdagsrehabilitering"); a word it does not have (a typo, another language's spelling of a
 * compound) as the few words most like it. Widening a known word to every word like it (30 before)
 * made a common word match a third of the bank, so that the planner read every case's text instead
 * of the full-text index (p95 2 s at 50 000 cases on PostgreSQL).
 */
const KNOWN_WORD_COMPOUNDS = 3;
const UNKNOWN_WORD_ALIKE = 5;

/**
 * Each word's stemmed forms in every configuration a reader may write in, worked out once (so
 * the planner sees constants and can use the indexes), each form once: the same form repeated
 * (a word stems alike in three languages) made the planner count it three times, expect a third of
 * the bank to match, and read every case instead of the index. A word each of the stemming
 * languages ignores ("i", "og", "the") is dropped.
 */
export async function queryWords(db: Queryable, words: readonly string[]): Promise<QueryWord[]> {
  if (words.length === 0) return [];
  const rows = await sql<{ word: string; stop: boolean; tsquery: string }>`
    select word,
      ${sql.join(
        CONFIGS.slice(0, 3).map((config) => sql`numnode(plainto_tsquery(${sql.lit(config)}::regconfig, word)) = 0`),
        sql` or `,
      )} as stop,
      coalesce((
        select to_tsquery('simple'::regconfig, string_agg(quote_literal(lexeme), ' | ' order by lexeme))
        from (
          select unnest(tsvector_to_array(${sql.join(
            CONFIGS.map((config) => sql`to_tsvector(${sql.lit(config)}::regconfig, w.word)`),
            sql` || `,
          )})) as lexeme
          union
          (select v.word from knowledge_words v
          where length(w.word) >= 3 and w.word <% v.word
            and (not known.is or strpos(v.word, w.word) > 0)
          order by word_similarity(w.word, v.word) desc, similarity(w.word, v.word) desc, v.word
          limit case when known.is then ${KNOWN_WORD_COMPOUNDS}::int else ${UNKNOWN_WORD_ALIKE}::int end)
        ) lexemes
      )::text, '') as tsquery
    from unnest(${words}::text[]) with ordinality as w(word, n),
      lateral (select exists (select 1 from knowledge_words k where k.word = w.word) as is) known
    order by n`.execute(db);
  return rows.rows.filter((r) => !r.stop && r.tsquery !== '').map((r) => ({ word: r.word, tsquery: r.tsquery }));
}

/** Any of the words, as one tsquery (for ranking and highlighting); undefined without words. */
export const anyWordOf = (words: readonly QueryWord[]): RawBuilder<unknown> | undefined =>
  words.length ? sql`(${words.map((w) => `(${w.tsquery})`).join(' | ')})::tsquery` : undefined;

/** Every word matches: stemmed in some language, or as one of the bank's words most like it (a typo, a part of a compound). */
export function textMatches(words: readonly QueryWord[]): RawBuilder<boolean> {
  if (words.length === 0) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(
    words.map(({ tsquery }) => sql`search_vector @@ ${tsquery}::tsquery`),
    sql` and `,
  )})`;
}

const FILTER_SQL: Record<Facet, (search: CaseSearch) => RawBuilder<boolean> | undefined> = {
  country: (s) => (s.country.length ? sql<boolean>`country = any(${s.country}::text[])` : undefined),
  region: (s) => (s.region.length ? sql<boolean>`regions && ${s.region}::text[]` : undefined),
  size: (s) => (s.size.length ? sql<boolean>`size_classes && ${s.size}::text[]` : undefined),
  sector: (s) => (s.sector.length ? sql<boolean>`sector = any(${s.sector}::text[])` : undefined),
  theme: (s) => (s.theme.length ? sql<boolean>`themes && ${s.theme}::text[]` : undefined),
  phase: (s) => (s.phase.length ? sql<boolean>`phase = any(${s.phase}::text[])` : undefined),
  programme: (s) => (s.programme.length ? sql<boolean>`programme = any(${s.programme}::text[])` : undefined),
  year: (s) => (s.year.length ? sql<boolean>`years && ${s.year}::int[]` : undefined),
};

/** The facets' filters, all of them or all but one (a facet's counts ignore its own choice, so its other values stay choosable). */
function filters(search: CaseSearch, except?: Facet): RawBuilder<boolean> {
  const parts = FACETS.filter((facet) => facet !== except)
    .map((facet) => FILTER_SQL[facet](search))
    .filter((part): part is RawBuilder<boolean> => part !== undefined);
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/** How each facet's values are read from a row (several per row for the array facets). */
const FACET_VALUES: Record<Facet, RawBuilder<unknown>> = {
  country: sql`array[country]`,
  region: sql`regions`,
  size: sql`size_classes`,
  sector: sql`array[sector]`,
  theme: sql`themes`,
  phase: sql`array[phase]`,
  programme: sql`array_remove(array[programme], null)`,
  year: sql`years::text[]`,
};

export interface CaseHit {
  slug: string;
  title: string;
  language: Locale;
  phase: Phase;
  country: Country;
  sector: Sector;
  themes: Theme[];
  recommended: boolean;
  municipalityNames: string[];
  yearFrom: number | null;
  yearTo: number | null;
  /** The best passages with the matched words between \u0002 and \u0003 (ts_headline), the rest plain text. */
  snippet: string;
  rank: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: CaseHit[];
  facets: Record<Facet, FacetCount[]>;
}

export const LANGUAGE_CONFIG = sql`case language when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end`;

/**
 * Runs a search statement with the planner told not to read the whole table. The planner costs a
 * scan of every case by its pages, not by unpacking each case's long word list to test the query,
 * so when a fifth or more of the bank matches it prefers that scan to the full-text index: at 50 000
 * cases on PostgreSQL (EXPLAIN ANALYZE) 780 ms against 60 ms through the index for 15 000 matches.
 * The setting holds for this transaction only; inside a caller's transaction it is put back after.
 */
export async function throughTheIndex<T>(db: Queryable, run: (tx: Queryable) => Promise<T>): Promise<T> {
  const inside = async (tx: Queryable) => {
    const before = await sql<{ value: string }>`select current_setting('enable_seqscan') as value`.execute(tx);
    await sql`select set_config('enable_seqscan', 'off', true)`.execute(tx);
    const result = await run(tx);
    await sql`select set_config('enable_seqscan', ${before.rows[0]!.value}, true)`.execute(tx);
    return result;
  };
  return db.isTransaction ? inside(db) : (db as DB).transaction().execute(inside);
}

/** Ranked, highlighted cases matching the query and filters, one page of them, and the facets' counts. */
export async function searchCases(db: Queryable, search: CaseSearch): Promise<SearchResult> {
  const prepared = await queryWords(db, searchWords(search.q));
  const words = prepared.map((w) => w.word);
  const matched = textMatches(prepared);
  const anyWord = anyWordOf(prepared);
  // Stemmed matches rank by ts_rank; a match by similarity alone ranks by how like the title it is.
  const rank = anyWord
    ? sql<number>`(ts_rank(search_vector, ${anyWord}) + word_similarity(${words.join(' ')}, title) * 0.1 + case when recommended then 0.05 else 0 end)`
    : sql<number>`(case when recommended then 1 else 0 end)`;
  const offset = (search.page - 1) * PAGE_SIZE;
  const body = sql`c.problem || ' ' || c.done || ' ' || c.results`;
  // One statement, one pass over the matches: they are found once (the costly part when a word
  // is common), then filtered for the page and the total, and counted per facet.
  const statement = sql<{ total: number; hits: unknown; facets: unknown }>`
    with matched as materialized (
      select id, country, regions, size_classes, sector, themes, phase, programme, years from knowledge_cases where ${matched}
    ), page as (
      select id, slug, updated_at, ${rank} as rank from knowledge_cases
      where id in (select id from matched where ${filters(search)})
      order by rank desc, updated_at desc, slug
      limit ${PAGE_SIZE} offset ${offset}
    ), facet_counts as (
      ${sql.join(
        FACETS.map(
          (facet) =>
            sql`select ${facet}::text as facet, value, count(*)::int as count
                from matched, unnest(${FACET_VALUES[facet]}) as value
                where ${filters(search, facet)} group by value`,
        ),
        sql` union all `,
      )}
    )
    select
      (select count(*)::int from matched where ${filters(search)}) as total,
      (select coalesce(json_agg(json_build_object('facet', facet, 'value', value, 'count', count)), '[]'::json) from facet_counts) as facets,
      (select coalesce(json_agg(json_build_object(
          'slug', c.slug, 'title', c.title, 'language', c.language, 'phase', c.phase, 'country', c.country,
          'sector', c.sector, 'themes', c.themes, 'recommended', c.recommended, 'municipalities', c.municipalities,
          'yearFrom', c.year_from, 'yearTo', c.year_to, 'rank', p.rank,
          'snippet', ${
            anyWord
              ? sql`ts_headline(case c.language when 'da' then 'danish'::regconfig when 'en' then 'english'::regconfig else 'norwegian'::regconfig end, ${body}, ${anyWord},
                  ${'StartSel=\u0002, StopSel=\u0003, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'})`
              : sql`left(${body}, 400)`
          }) order by p.rank desc, p.updated_at desc, p.slug), '[]'::json)
        from page p join knowledge_cases c on c.id = p.id) as hits`;
  const row = (prepared.length ? await throughTheIndex(db, (tx) => statement.execute(tx)) : await statement.execute(db)).rows[0]!;
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetCount[]])) as Record<Facet, FacetCount[]>;
  for (const f of parsed<{ facet: Facet; value: string; count: number }[]>(row.facets))
    facets[f.facet].push({ value: f.value, count: f.count });
  for (const facet of FACETS) facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'nb'));
  type HitRow = Omit<CaseHit, 'municipalityNames'> & { municipalities: StoredMunicipality[] };
  return {
    total: row.total,
    hits: parsed<HitRow[]>(row.hits).map(({ municipalities, ...hit }) => ({
      ...hit,
      municipalityNames: municipalities.map((m) => m.name),
      snippet: anyWord ? hit.snippet : shorten(hit.snippet, 240),
      rank: Number(hit.rank),
    })),
    facets,
  };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)} …`;
}

// Adoptions ------------------------------------------------------------------------------------

export interface Adoption {
  caseSlug: string;
  caseTitle: string;
  caseLanguage: Locale;
  /** The municipalities the case came from. */
  fromNames: string[];
  country: Country;
  municipalityCode: string;
  municipalityName: string;
  changes: string;
  language: Locale;
  adoptedYear: number | null;
  recordedAt: Date;
}

export interface NewAdoption {
  caseId: string;
  organisationId: string;
  country: Country;
  municipalityCode: string;
  municipalityName: string;
  changes: string;
  language: Locale;
  adoptedYear: number | null;
  byName: string | null;
}

/** Records the adoption; false when the municipality has already recorded one for this case. */
export async function insertAdoption(db: Queryable, adoption: NewAdoption): Promise<boolean> {
  const row = await db
    .insertInto('knowledge_adoptions')
    .values({
      case_id: adoption.caseId,
      organisation_id: adoption.organisationId,
      country: adoption.country,
      municipality_code: adoption.municipalityCode,
      municipality_name: adoption.municipalityName,
      changes: adoption.changes,
      language: adoption.language,
      adopted_year: adoption.adoptedYear,
      recorded_by_name: adoption.byName,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

const adoptions = (db: Queryable) =>
  db
    .selectFrom('knowledge_adoptions as a')
    .innerJoin('knowledge_cases as c', 'c.id', 'a.case_id')
    .select([
      'c.slug as caseSlug',
      'c.title as caseTitle',
      'c.language as caseLanguage',
      'c.municipalities',
      'a.country',
      'a.municipality_code as municipalityCode',
      'a.municipality_name as municipalityName',
      'a.changes',
      'a.language',
      'a.adopted_year as adoptedYear',
      'a.recorded_at as recordedAt',
    ]);

type AdoptionRow = Omit<Adoption, 'fromNames'> & { municipalities: unknown };
const toAdoption = ({ municipalities, ...row }: AdoptionRow): Adoption => ({
  ...row,
  recordedAt: new Date(row.recordedAt),
  fromNames: parsed<StoredMunicipality[]>(municipalities).map((m) => m.name),
});

/** Who adopted a case, in the order they did. */
export async function adoptionsOf(db: Queryable, caseId: string): Promise<Adoption[]> {
  const rows = await adoptions(db).where('a.case_id', '=', caseId).orderBy('a.recorded_at').orderBy('a.municipality_name').execute();
  return rows.map((row) => toAdoption(row as AdoptionRow));
}

/** What a municipality took from whom. */
export async function adoptionsBy(db: Queryable, country: Country, code: string): Promise<Adoption[]> {
  const rows = await adoptions(db)
    .where('a.country', '=', country)
    .where('a.municipality_code', '=', code)
    .orderBy('a.recorded_at', 'desc')
    .execute();
  return rows.map((row) => toAdoption(row as AdoptionRow));
}

/** The cases a municipality is part of. */
export async function casesOfMunicipality(db: Queryable, country: Country, code: string): Promise<CaseLinkSummary[]> {
  return db
    .selectFrom('knowledge_cases')
    .select(['slug', 'title', 'language'])
    .where('country', '=', country)
    .where(sql<boolean>`municipality_codes @> array[${code}]::text[]`)
    .orderBy('title')
    .execute();
}

/** A municipality organisation's country (memberships do not carry it). */
export async function organisationCountry(db: Queryable, organisationId: string): Promise<Country | undefined> {
  return (await db.selectFrom('organisations').select('country').where('id', '=', organisationId).executeTakeFirst())?.country;
}

// Files ----------------------------------------------------------------------------------------------

export interface CaseFile {
  fileId: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  addedAt: Date;
}

export async function insertCaseFile(
  db: Queryable,
  file: { caseId: string; fileId: string; name: string; contentType: string; sizeBytes: number; byName: string | null },
): Promise<void> {
  await db
    .insertInto('knowledge_case_files')
    .values({
      case_id: file.caseId,
      file_id: file.fileId,
      name: file.name,
      content_type: file.contentType,
      size_bytes: file.sizeBytes,
      added_by_name: file.byName,
    })
    .execute();
}

/** A case's files, in the order they were added. */
export async function filesOfCase(db: Queryable, caseId: string): Promise<CaseFile[]> {
  const rows = await db
    .selectFrom('knowledge_case_files')
    .select(['file_id', 'name', 'content_type', 'size_bytes', 'added_at'])
    .where('case_id', '=', caseId)
    .orderBy('added_at')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    fileId: r.file_id,
    name: r.name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    addedAt: new Date(r.added_at),
  }));
}
