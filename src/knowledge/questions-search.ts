/**
 * The bank's search over both kinds of knowledge: the cases and the competence centre's published
 * questions and answers, ranked together by the same search, with a facet saying what each hit is.
 * A question and answer has no municipality, year or phase: a search filtered by one of those finds
 * only cases. Questions are few (the centre publishes them one by one), so all that match stand on
 * the first page among the cases by rank, and the cases page on after them.
 */
import type { Queryable } from '../platform/db/database.js';
import type { CaseSearch } from './model.js';
import { searchPublishedQuestions, type QuestionHit } from './questions.store.js';
import { searchCases, type CaseHit, type FacetCount, type SearchResult } from './store.js';

export const HIT_KINDS = ['case', 'question'] as const;
export type HitKind = (typeof HIT_KINDS)[number];

/** The kinds of hit chosen in the URL (`what=case`, `what=question`); none chosen means both. */
export function parseWhat(query: Record<string, unknown>): HitKind[] {
  const raw = query.what;
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return HIT_KINDS.filter((kind) => values.includes(kind));
}

export type BankHit = { kind: 'case'; hit: CaseHit } | { kind: 'question'; hit: QuestionHit };

export interface BankResult {
  /** The cases' own search, with its facets (counted over cases only). */
  cases: SearchResult;
  /** Every published question and answer that matches. */
  questions: QuestionHit[];
  /** This page's hits, both kinds ranked together. */
  hits: BankHit[];
  /** Hits of the chosen kinds in all pages. */
  total: number;
  /** How many hits of each kind the search has, whichever kinds are chosen. */
  what: FacetCount[];
}

export async function searchBank(db: Queryable, search: CaseSearch, what: readonly HitKind[]): Promise<BankResult> {
  const cases = await searchCases(db, search);
  const onlyCaseFacets = search.country.length + search.region.length + search.size.length + search.phase.length + search.year.length > 0;
  const questions =
    !onlyCaseFacets && (search.q !== '' || what.includes('question'))
      ? await searchPublishedQuestions(db, search.q, { sector: search.sector, theme: search.theme })
      : [];
  const showCases = what.length === 0 || what.includes('case');
  const showQuestions = what.length === 0 || what.includes('question');
  const hits: BankHit[] = [
    ...(showCases ? cases.hits.map((hit) => ({ kind: 'case' as const, hit })) : []),
    ...(showQuestions && (search.page === 1 || !showCases) ? questions.map((hit) => ({ kind: 'question' as const, hit })) : []),
  ];
  hits.sort((a, b) => b.hit.rank - a.hit.rank);
  return {
    cases,
    questions,
    hits,
    total: (showCases ? cases.total : 0) + (showQuestions ? questions.length : 0),
    what: [
      { value: 'case', count: cases.total },
      { value: 'question', count: questions.length },
    ].filter((f) => f.count > 0 || what.includes(f.value as HitKind)),
  };
}
