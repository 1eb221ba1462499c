/**
 * The knowledge bank's domain: a case (a problem, what was done, what came of it, and where it
 * stands on seed 002's three steps), its facets, and the rules for reading a search and a case
 * from a form. Pure: no IO.
 */
import type { Locale } from '../platform/i18n/index.js';

export type Country = 'NO' | 'DK';
export const COUNTRIES: readonly Country[] = ['NO', 'DK'];

/** Seed 002's short version of innovation: something NEW for the municipality, USEFUL, and PUT TO USE. */
export const PHASES = ['new', 'useful', 'put_to_use'] as const;
export type Phase = (typeof PHASES)[number];

/** The municipal service sector a case belongs to. */
export const SECTORS = ['health_care', 'children_family', 'education', 'welfare_work', 'technical', 'organisation'] as const;
export type Sector = (typeof SECTORS)[number];

export const THEMES = [
  'rehabilitation',
  'welfare_technology',
  'volunteering',
  'collaboration',
  'service_integration',
  'digital_communication',
  'working_life',
  'business_partnership',
  'innovation_method',
] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Size classes by population 1 January (the bands of SSB's KOSTRA groups: under 5 000, 5 000 to
 * 19 999, 20 000 and more), from the registry's latest year.
 */
export const SIZE_CLASSES = ['small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export function sizeClassOf(population: number): SizeClass {
  if (population < 5_000) return 'small';
  if (population < 20_000) return 'medium';
  return 'large';
}

/** A municipality as a case names it: today's code in the registry, and the name the case uses. */
export interface CaseMunicipality {
  country: Country;
  code: string;
  name: string;
}

export interface CaseLink {
  title: string;
  url: string;
}

/** What an author writes; the registry's facts (region, size) are added when the case is saved. */
export interface CaseDraft {
  language: Locale;
  title: string;
  problem: string;
  done: string;
  results: string;
  phase: Phase;
  country: Country;
  sector: Sector;
  themes: Theme[];
  yearFrom: number | null;
  yearTo: number | null;
  municipalities: CaseMunicipality[];
  /** Organisations other than municipalities that took part (a county, a company, a voluntary body). */
  partners: string[];
  contacts: string[];
  links: CaseLink[];
  source: string;
  /** The programme the case belongs to, by name: a project's platform programme, or one its source names. */
  programme?: string | null;
}

/** The facts the registry gives a case's municipalities when it is saved. */
export interface MunicipalityFacts {
  region: string | null;
  sizeClass: SizeClass | null;
}

export const isPhase = (value: unknown): value is Phase => PHASES.includes(value as Phase);
export const isSector = (value: unknown): value is Sector => SECTORS.includes(value as Sector);
export const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);
export const isSizeClass = (value: unknown): value is SizeClass => SIZE_CLASSES.includes(value as SizeClass);
export const isCountry = (value: unknown): value is Country => COUNTRIES.includes(value as Country);

/** A readable address for a case from its title: lower case, ASCII letters and digits, hyphens. */
export function slugOf(title: string): string {
  const folded = title
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'sak' : slug;
}

/** Whether a text holds control characters other than tab and line breaks (the search marks its highlights with two of them). */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** The words of a query as the search matches them: letters and digits, at most 12 words of at most 60 characters. */
export function searchWords(query: string): string[] {
  const words = query
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.slice(0, 60));
  return [...new Set(words)].slice(0, 12);
}

/** A search as the URL states it: the query and, per facet, the values chosen (any of them). */
export interface CaseSearch {
  q: string;
  country: Country[];
  region: string[];
  size: SizeClass[];
  sector: Sector[];
  theme: Theme[];
  phase: Phase[];
  programme: string[];
  year: number[];
  page: number;
}

export const FACETS = ['country', 'region', 'size', 'sector', 'theme', 'phase', 'programme', 'year'] as const;
export type Facet = (typeof FACETS)[number];

export const PAGE_SIZE = 20;

const values = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string' && v !== '').slice(0, 50);

/**
 * Reads a search from a query string. Unknown facet values are dropped rather than refused: a
 * shared link that names a sector since retired still searches.
 */
export function parseSearch(query: Record<string, unknown>): CaseSearch {
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
  const page = Number(typeof query.side === 'string' ? query.side : typeof query.page === 'string' ? query.page : 1);
  return {
    q,
    country: values(query.country).filter(isCountry),
    region: values(query.region).map((v) => v.slice(0, 100)),
    size: values(query.size).filter(isSizeClass),
    sector: values(query.sector).filter(isSector),
    theme: values(query.theme).filter(isTheme),
    phase: values(query.phase).filter(isPhase),
    programme: values(query.programme).map((v) => v.slice(0, 200)),
    year: values(query.year)
      .filter((v) => /^\d{4}$/.test(v))
      .map(Number),
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

/** The query string of a search (for links that add or remove one facet value). */
export function searchQueryString(search: CaseSearch, change?: { facet: Facet; value: string; on: boolean }): string {
  const params = new URLSearchParams();
  if (search.q) params.append('q', search.q);
  for (const facet of FACETS) {
    let chosen = search[facet].map(String);
    if (change?.facet === facet) chosen = change.on ? [...chosen, change.value] : chosen.filter((v) => v !== change.value);
    for (const value of chosen) params.append(facet, value);
  }
  if (!change && search.page > 1) params.append('side', String(search.page));
  return params.toString();
}

export const isFiltered = (search: CaseSearch): boolean => FACETS.some((facet) => search[facet].length > 0);

/** Why a case's form cannot be saved, per field. */
export type CaseFieldProblem =
  | 'titleMissing'
  | 'problemMissing'
  | 'doneMissing'
  | 'sourceMissing'
  | 'badLanguage'
  | 'badPhase'
  | 'badCountry'
  | 'badSector'
  | 'badTheme'
  | 'badYears'
  | 'badMunicipality'
  | 'badLink'
  | 'tooLong';

export interface CaseFormProblem {
  field: string;
  problem: CaseFieldProblem;
}

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const YEAR = /^\d{4}$/;

/**
 * Reads a case from the editor's form. Municipalities are written one per line as "code name"
 * ("4018 Nome"); links one per line as "title | https://…".
 */
export function readCaseForm(form: Record<string, string | string[]>): CaseDraft | CaseFormProblem {
  const text = (name: string, max = 10_000): string => {
    const value = form[name];
    return (typeof value === 'string' ? value : '').trim().slice(0, max + 1);
  };
  const all = (name: string): string[] => {
    const value = form[name];
    return Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : [];
  };
  const title = text('title', 200);
  if (title === '') return { field: 'title', problem: 'titleMissing' };
  const problem = text('problem');
  if (problem === '') return { field: 'problem', problem: 'problemMissing' };
  const done = text('done');
  if (done === '') return { field: 'done', problem: 'doneMissing' };
  const results = text('results');
  const source = text('source', 500);
  if (source === '') return { field: 'source', problem: 'sourceMissing' };
  const programme = text('programme', 200);
  for (const [field, value, max] of [
    ['title', title, 200],
    ['problem', problem, 10_000],
    ['done', done, 10_000],
    ['results', results, 10_000],
    ['source', source, 500],
    ['programme', programme, 200],
  ] as const)
    if (value.length > max) return { field, problem: 'tooLong' };
  const language = text('language');
  if (!['nb', 'nn', 'da', 'en'].includes(language)) return { field: 'language', problem: 'badLanguage' };
  const phase = text('phase');
  if (!isPhase(phase)) return { field: 'phase', problem: 'badPhase' };
  const country = text('country');
  if (!isCountry(country)) return { field: 'country', problem: 'badCountry' };
  const sector = text('sector');
  if (!isSector(sector)) return { field: 'sector', problem: 'badSector' };
  const themes = all('themes');
  if (!themes.every(isTheme)) return { field: 'themes', problem: 'badTheme' };
  const from = text('yearFrom');
  const to = text('yearTo');
  if ((from !== '' && !YEAR.test(from)) || (to !== '' && !YEAR.test(to))) return { field: 'yearFrom', problem: 'badYears' };
  const yearFrom = from === '' ? null : Number(from);
  const yearTo = to === '' ? null : Number(to);
  if ((yearFrom !== null && (yearFrom < 1900 || yearFrom > 2100)) || (yearTo !== null && (yearTo < 1900 || yearTo > 2100)))
    return { field: 'yearFrom', problem: 'badYears' };
  if (yearFrom !== null && yearTo !== null && yearTo < yearFrom) return { field: 'yearTo', problem: 'badYears' };
  const municipalities: CaseMunicipality[] = [];
  for (const line of lines(text('municipalities', 5_000))) {
    const match = /^(\d{3,4})\s+(.{1,100})$/.exec(line);
    if (!match) return { field: 'municipalities', problem: 'badMunicipality' };
    municipalities.push({ country, code: match[1]!, name: match[2]!.trim() });
  }
  const links: CaseLink[] = [];
  for (const line of lines(text('links', 5_000))) {
    const [label = '', url = ''] = line.includes('|') ? line.split('|').map((part) => part.trim()) : [line, line];
    if (!/^https?:\/\/\S+$/.test(url) || url.length > 500) return { field: 'links', problem: 'badLink' };
    links.push({ title: label.slice(0, 200) || url, url });
  }
  return {
    language: language as Locale,
    title,
    problem,
    done,
    results,
    phase,
    country,
    sector,
    themes: [...new Set(themes)] as Theme[],
    yearFrom,
    yearTo,
    municipalities,
    partners: lines(text('partners', 5_000)).map((line) => line.slice(0, 200)),
    contacts: lines(text('contacts', 5_000)).map((line) => line.slice(0, 200)),
    links,
    source,
    programme: programme === '' ? null : programme,
  };
}

/** The years a case covers, for the year facet: from its first to its last year (at most 50), or none. */
export function yearsOf(yearFrom: number | null, yearTo: number | null): number[] {
  if (yearFrom === null) return yearTo === null ? [] : [yearTo];
  const last = Math.min(yearTo ?? yearFrom, yearFrom + 49);
  return Array.from({ length: last - yearFrom + 1 }, (_, i) => yearFrom + i);
}

// A case made from another record -----------------------------------------------------------------

/** Where a case was made from (one case each): a project today. */
export interface CaseOrigin {
  kind: 'project' | 'network-action';
  id: string;
}

/** A part of the source the owner may make public, and the case's text it goes into. */
export interface SeedPart {
  key: 'purpose' | 'goals' | 'spreading' | 'results' | 'learned' | 'figure' | 'action' | 'movement';
  field: 'problem' | 'done' | 'results';
  text: string;
}

/**
 * A draft prefilled from another record's facts: the form's values (which the owner may change),
 * the parts the owner ticks to make public, and what the source fixes (its origin, programme,
 * country and municipalities).
 */
export interface CaseSeed {
  origin: CaseOrigin;
  /** The source's title, as the form names it. */
  sourceTitle: string;
  programme: string | null;
  country: Country;
  municipalities: CaseMunicipality[];
  values: Record<string, string | string[]>;
  parts: SeedPart[];
}

/** The facts of a project a case is made from (the projects capability's public facts). */
export interface ProjectSource {
  id: string;
  title: string;
  country: Country;
  programme: { name: string };
  members: { code: string; name: string }[];
  startsOn: string | null;
  endsOn: string | null;
  purpose: string;
  goals: string[];
  finalReport: { results: string; learned: string; spreading: string; step: 'new' | 'useful' | 'put-to-use' | null } | null;
}

const STEP_PHASE: Record<'new' | 'useful' | 'put-to-use', Phase> = { new: 'new', useful: 'useful', 'put-to-use': 'put_to_use' };

/** A project's seed: its purpose as the problem, its goals and how others may take it up as what was done, its final report's results and lessons as results. */
export function seedFromProject(project: ProjectSource, projectUrl: string): CaseSeed {
  const year = (day: string | null) => (day ? day.slice(0, 4) : '');
  const report = project.finalReport;
  const parts: SeedPart[] = [
    { key: 'purpose', field: 'problem', text: project.purpose },
    { key: 'goals', field: 'done', text: project.goals.join('\n') },
    { key: 'spreading', field: 'done', text: report?.spreading ?? '' },
    { key: 'results', field: 'results', text: report?.results ?? '' },
    { key: 'learned', field: 'results', text: report?.learned ?? '' },
  ];
  return {
    origin: { kind: 'project', id: project.id },
    sourceTitle: project.title,
    programme: project.programme.name,
    country: project.country,
    municipalities: project.members.map((m) => ({ country: project.country, code: m.code, name: m.name })),
    values: {
      language: project.country === 'DK' ? 'da' : 'nb',
      title: project.title,
      phase: report?.step ? STEP_PHASE[report.step] : 'new',
      yearFrom: year(project.startsOn),
      yearTo: year(project.endsOn),
      source: `${project.title} (${project.programme.name})`.slice(0, 500),
      links: `${project.title.replaceAll('|', '/')} | ${projectUrl}`,
    },
    parts: parts.filter((part) => part.text.trim() !== ''),
  };
}

/** The facts of a benchmarking network's completed improvement action (the networks capability's, wired at composition). */
export interface ActionSource {
  id: string;
  country: Country;
  network: string;
  municipality: { code: string; name: string };
  action: string;
  owner: string;
  figure: string;
  movement: string;
  due: string;
}

/** An action's seed: the figure it was to move as the problem, the action as what was done, the figure's movement as its result. */
export function seedFromAction(action: ActionSource): CaseSeed {
  return {
    origin: { kind: 'network-action', id: action.id },
    sourceTitle: action.action.split('\n')[0]!.slice(0, 200),
    programme: null,
    country: action.country,
    municipalities: [{ country: action.country, ...action.municipality }],
    values: {
      language: action.country === 'DK' ? 'da' : 'nb',
      title: action.action.split('\n')[0]!.slice(0, 200),
      phase: 'put_to_use',
      yearFrom: action.due.slice(0, 4),
      yearTo: action.due.slice(0, 4),
      source: `${action.network} (${action.municipality.name})`.slice(0, 500),
      links: '',
    },
    parts: [
      { key: 'figure' as const, field: 'problem' as const, text: action.figure },
      { key: 'action' as const, field: 'done' as const, text: action.action },
      { key: 'movement' as const, field: 'results' as const, text: `${action.figure}: ${action.movement}` },
    ].filter((part) => part.text.trim() !== ''),
  };
}

/**
 * The case form's values from a seeded form as posted: each ticked part's text (as the owner left
 * it) in the case's field it belongs to, one paragraph per part; the source's country and
 * municipalities, whatever was posted.
 */
export function seededCaseForm(seed: CaseSeed, posted: Record<string, string | string[]>): Record<string, string | string[]> {
  const ticked = new Set(Array.isArray(posted.public) ? posted.public : typeof posted.public === 'string' ? [posted.public] : []);
  const field = (name: SeedPart['field']) =>
    seed.parts
      .filter((part) => part.field === name && ticked.has(part.key))
      .map((part) => (typeof posted[`part-${part.key}`] === 'string' ? (posted[`part-${part.key}`] as string).trim() : ''))
      .filter((text) => text !== '')
      .join('\n\n');
  return {
    ...posted,
    problem: field('problem'),
    done: field('done'),
    results: field('results'),
    country: seed.country,
    municipalities: seed.municipalities.map((m) => `${m.code} ${m.name}`).join('\n'),
    programme: seed.programme ?? '',
  };
}

// Files on a case ----------------------------------------------------------------------------------

/** The kinds of file a case may have (reports, presentations, spreadsheets, photos), by the type the browser gives. */
export const CASE_FILE_KINDS = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.oasis.opendocument.text': 'text',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'presentation',
  'application/vnd.oasis.opendocument.presentation': 'presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet': 'spreadsheet',
  'image/png': 'image',
  'image/jpeg': 'image',
} as const;
export type CaseFileKind = (typeof CASE_FILE_KINDS)[keyof typeof CASE_FILE_KINDS];

/** The kind of a file by its type, or undefined for a type a case does not take. */
export const caseFileKind = (contentType: string): CaseFileKind | undefined =>
  Object.hasOwn(CASE_FILE_KINDS, contentType) ? CASE_FILE_KINDS[contentType as keyof typeof CASE_FILE_KINDS] : undefined;
