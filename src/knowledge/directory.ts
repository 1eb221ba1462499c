/**
 * The competence centre's directory (seed 002: a centre that knows "the relevant research actors
 * and possible grant schemes"): research and innovation actors, grant schemes outside the platform,
 * and the platform's own open calls listed beside them. The rules for reading an entry and a search
 * from a form, and the facets of a search over entries. Pure: no IO.
 */
import { calendarDate, isEmailAddress } from '../platform/http/input.js';
import type { Locale } from '../platform/i18n/index.js';
import { hasControlCharacters, isCountry, isTheme, PAGE_SIZE, type Country, type Theme } from './model.js';

export const ENTRY_TYPES = ['actor', 'scheme'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const ACTOR_KINDS = [
  'research_institute',
  'university',
  'public_agency',
  'business_cluster',
  'regional_research_fund',
  'municipal_organisation',
  'interest_organisation',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Deadlines of outside schemes are read and written on the Norwegian wall clock, as the centre works. */
export const DEADLINE_ZONE = 'Europe/Oslo';

export const isEntryType = (value: unknown): value is EntryType => ENTRY_TYPES.includes(value as EntryType);
export const isActorKind = (value: unknown): value is ActorKind => ACTOR_KINDS.includes(value as ActorKind);

/** What an adviser writes about an actor or a scheme. */
export interface DirectoryDraft {
  entry: EntryType;
  /** The actor's kind; null for a scheme. */
  kind: ActorKind | null;
  language: Locale;
  name: string;
  description: string;
  country: Country;
  /** The county or region served; null: the whole country. */
  region: string | null;
  themes: Theme[];
  web: string | null;
  email: string | null;
  phone: string | null;
  /** A scheme's: who runs it, its deadline (null: ongoing or no fixed deadline), who may apply. */
  runner: string | null;
  deadline: Date | null;
  eligible: string;
  source: string;
}

/** An entry as the directory shows it: a stored one, or one of the platform's own open calls. */
export interface DirectoryEntry extends DirectoryDraft {
  slug: string;
  /** Where to read more: the entry's page, or the call's public page. */
  href: string;
  /** One of the platform's own open calls (not kept by the advisers). */
  own: boolean;
  version: number;
}

export type DirectoryFieldProblem =
  | 'nameMissing'
  | 'sourceMissing'
  | 'runnerMissing'
  | 'eligibleMissing'
  | 'badEntry'
  | 'badKind'
  | 'badLanguage'
  | 'badCountry'
  | 'badTheme'
  | 'badWeb'
  | 'badEmail'
  | 'badPhone'
  | 'badDeadline'
  | 'badText'
  | 'tooLong';

export interface DirectoryFormProblem {
  field: string;
  problem: DirectoryFieldProblem;
}

const LIMITS = { name: 200, description: 5_000, region: 100, web: 500, email: 200, phone: 40, runner: 200, eligible: 1_000, source: 500 };

/**
 * A deadline as the form gives it: a date and a time on the Oslo wall clock ("2027-03-01T12:00",
 * as an `<input type="datetime-local">` posts it, or a date alone, meaning the end of that day).
 * `toInstant` turns the wall-clock reading into an instant (the programmes' time-zone rules).
 */
export function readDeadline(
  text: string,
  toInstant: (local: string) => Date | undefined,
): { deadline: Date | null } | { problem: 'badDeadline' } {
  const value = text.trim();
  if (value === '') return { deadline: null };
  const local = calendarDate(value) ? `${value}T23:59` : value;
  const match = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}$/.exec(local);
  if (!match || !calendarDate(match[1]!)) return { problem: 'badDeadline' };
  const instant = toInstant(local);
  return instant ? { deadline: instant } : { problem: 'badDeadline' };
}

/** Reads an actor or a scheme from the advisers' form, or the first field that is wrong. */
export function readDirectoryForm(
  form: Record<string, string | string[]>,
  toInstant: (local: string) => Date | undefined,
): DirectoryDraft | DirectoryFormProblem {
  const text = (name: string): string => {
    const value = form[name];
    return (typeof value === 'string' ? value : '').trim();
  };
  const fields = Object.fromEntries(Object.keys(LIMITS).map((name) => [name, text(name)])) as Record<keyof typeof LIMITS, string>;
  for (const [field, value] of Object.entries(fields)) {
    if (value.length > LIMITS[field as keyof typeof LIMITS]) return { field, problem: 'tooLong' };
    if (hasControlCharacters(value)) return { field, problem: 'badText' };
  }
  const entry = text('entry');
  if (!isEntryType(entry)) return { field: 'entry', problem: 'badEntry' };
  if (fields.name === '') return { field: 'name', problem: 'nameMissing' };
  const kind = text('kind');
  if (entry === 'actor' && !isActorKind(kind)) return { field: 'kind', problem: 'badKind' };
  const language = text('language');
  if (!['nb', 'nn', 'da', 'en'].includes(language)) return { field: 'language', problem: 'badLanguage' };
  const country = text('country');
  if (!isCountry(country)) return { field: 'country', problem: 'badCountry' };
  const value = form.themes;
  const themes = Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : [];
  if (!themes.every(isTheme)) return { field: 'themes', problem: 'badTheme' };
  if (fields.web !== '' && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(fields.web)) return { field: 'web', problem: 'badWeb' };
  if (fields.email !== '' && !isEmailAddress(fields.email)) return { field: 'email', problem: 'badEmail' };
  if (fields.phone !== '' && !/^\+?[0-9 ()-]{5,}$/.test(fields.phone)) return { field: 'phone', problem: 'badPhone' };
  const deadline = entry === 'scheme' ? readDeadline(text('deadline'), toInstant) : { deadline: null };
  if ('problem' in deadline) return { field: 'deadline', problem: deadline.problem };
  if (entry === 'scheme' && fields.runner === '') return { field: 'runner', problem: 'runnerMissing' };
  if (entry === 'scheme' && fields.eligible === '') return { field: 'eligible', problem: 'eligibleMissing' };
  if (fields.source === '') return { field: 'source', problem: 'sourceMissing' };
  const optional = (v: string) => (v === '' ? null : v);
  return {
    entry,
    kind: entry === 'actor' ? (kind as ActorKind) : null,
    language: language as Locale,
    name: fields.name,
    description: fields.description,
    country,
    region: optional(fields.region),
    themes: [...new Set(themes)] as Theme[],
    web: optional(fields.web),
    email: optional(fields.email),
    phone: optional(fields.phone),
    runner: entry === 'scheme' ? fields.runner : null,
    deadline: deadline.deadline,
    eligible: entry === 'scheme' ? fields.eligible : '',
    source: fields.source,
  };
}

// Search ---------------------------------------------------------------------------------------

export const DIRECTORY_FACETS = ['type', 'kind', 'region', 'theme', 'country'] as const;
export type DirectoryFacet = (typeof DIRECTORY_FACETS)[number];

/** A search of the directory as the URL states it: the query and, per facet, the values chosen (any of them). */
export interface DirectorySearch {
  q: string;
  type: EntryType[];
  kind: ActorKind[];
  region: string[];
  theme: Theme[];
  country: Country[];
  page: number;
}

/** The value a region facet gives an entry for the whole country (no county or region is named "*"). */
export const WHOLE_COUNTRY = '*';

const values = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string' && v !== '').slice(0, 50);

/** Reads a search from a query string; unknown facet values are dropped (a shared link still searches). */
export function parseDirectorySearch(query: Record<string, unknown>): DirectorySearch {
  const page = Number(typeof query.side === 'string' ? query.side : typeof query.page === 'string' ? query.page : 1);
  return {
    q: typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '',
    type: values(query.type).filter(isEntryType),
    kind: values(query.kind).filter(isActorKind),
    region: values(query.region).map((v) => v.slice(0, 100)),
    theme: values(query.theme).filter(isTheme),
    country: values(query.country).filter(isCountry),
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

/** The query string of a search, with one facet value added or removed. */
export function directoryQueryString(search: DirectorySearch, change?: { facet: DirectoryFacet; value: string; on: boolean }): string {
  const params = new URLSearchParams();
  if (search.q) params.append('q', search.q);
  for (const facet of DIRECTORY_FACETS) {
    let chosen: string[] = [...search[facet]];
    if (change?.facet === facet) chosen = change.on ? [...chosen, change.value] : chosen.filter((v) => v !== change.value);
    for (const value of chosen) params.append(facet, value);
  }
  if (!change && search.page > 1) params.append('side', String(search.page));
  return params.toString();
}

/** The values an entry has for a facet (several for themes). */
function facetValues(entry: DirectoryEntry, facet: DirectoryFacet): string[] {
  switch (facet) {
    case 'type':
      return [entry.entry];
    case 'kind':
      return entry.kind ? [entry.kind] : [];
    case 'region':
      return [entry.region ?? WHOLE_COUNTRY];
    case 'theme':
      return entry.themes;
    case 'country':
      return [entry.country];
  }
}

const passes = (entry: DirectoryEntry, search: DirectorySearch, except?: DirectoryFacet) =>
  DIRECTORY_FACETS.every((facet) => {
    const chosen: readonly string[] = search[facet];
    return facet === except || chosen.length === 0 || facetValues(entry, facet).some((v) => chosen.includes(v));
  });

export interface DirectoryFacetCount {
  value: string;
  count: number;
}

export interface DirectoryResult {
  total: number;
  /** One page of the entries, best first. */
  entries: DirectoryEntry[];
  facets: Record<DirectoryFacet, DirectoryFacetCount[]>;
}

/**
 * The matching entries (ranked by the text search, best first) filtered by the chosen facets, one
 * page of them, and each facet's counts under the other facets' choices (so its other values stay
 * choosable), most first.
 */
export function facetAndPage(matches: readonly DirectoryEntry[], search: DirectorySearch): DirectoryResult {
  const chosen = matches.filter((entry) => passes(entry, search));
  const facets = Object.fromEntries(
    DIRECTORY_FACETS.map((facet) => {
      const counts = new Map<string, number>();
      for (const entry of matches)
        if (passes(entry, search, facet)) for (const value of facetValues(entry, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
      const sorted = [...counts].map(([value, count]) => ({ value, count }));
      sorted.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'nb'));
      return [facet, sorted];
    }),
  ) as Record<DirectoryFacet, DirectoryFacetCount[]>;
  const offset = (search.page - 1) * PAGE_SIZE;
  return { total: chosen.length, entries: chosen.slice(offset, offset + PAGE_SIZE), facets };
}

/** Whether a scheme's deadline has passed at an instant (an ongoing scheme's never has). */
export const deadlinePassed = (entry: Pick<DirectoryDraft, 'deadline'>, now: Date): boolean =>
  entry.deadline !== null && entry.deadline.getTime() <= now.getTime();
