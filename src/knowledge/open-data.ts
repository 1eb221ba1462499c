/** The bank's cases as open data: JSON and CSV under a stated open licence. Pure: no IO. */
import type { StoredCase } from './store.js';

/** The Norwegian licence for open government data; compatible with CC BY 4.0. */
export const LICENCE = { name: 'Norsk lisens for offentlige data (NLOD) 2.0', url: 'https://data.norge.no/nlod/no/2.0' } as const;

const caseUrl = (publicUrl: string, slug: string) => `${publicUrl}/kunnskapsbank/${slug}`;

function openCase(item: StoredCase, publicUrl: string) {
  return {
    url: caseUrl(publicUrl, item.slug),
    slug: item.slug,
    language: item.language,
    title: item.title,
    problem: item.problem,
    done: item.done,
    results: item.results,
    phase: item.phase,
    country: item.country,
    municipalities: item.municipalities,
    partners: item.partners,
    sector: item.sector,
    themes: item.themes,
    yearFrom: item.yearFrom,
    yearTo: item.yearTo,
    contacts: item.contacts,
    links: item.links,
    source: item.source,
    programme: item.programme,
    recommended: item.recommended,
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function casesJson(cases: readonly StoredCase[], publicUrl: string) {
  return {
    title: 'Stifinner: the knowledge bank’s cases',
    licence: LICENCE,
    publisher: publicUrl,
    phases: { new: 'NYTT', useful: 'NYTTIG', put_to_use: 'NYTTIGGJORT' },
    sizeClasses: {
      source: 'population 1 January of the registry’s latest year when the case was saved (Statistics Norway, Statistics Denmark)',
      small: 'under 5 000',
      medium: '5 000–19 999',
      large: '20 000 and more',
    },
    cases: cases.map((item) => openCase(item, publicUrl)),
  };
}

const COLUMNS = [
  'url',
  'language',
  'title',
  'problem',
  'done',
  'results',
  'phase',
  'country',
  'municipality_codes',
  'municipalities',
  'regions',
  'size_classes',
  'partners',
  'sector',
  'themes',
  'year_from',
  'year_to',
  'contacts',
  'links',
  'source',
  'programme',
  'recommended',
  'updated_at',
  'licence',
] as const;

/** A CSV cell: quoted when it must be; a leading =, +, - or @ is kept from being read as a spreadsheet formula. */
export function csvCell(value: string | number | boolean | null): string {
  const raw = value === null ? '' : String(value);
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function casesCsv(cases: readonly StoredCase[], publicUrl: string): string {
  const list = (values: readonly string[]) => values.join('; ');
  const rows = cases.map((item) => [
    caseUrl(publicUrl, item.slug),
    item.language,
    item.title,
    item.problem,
    item.done,
    item.results,
    item.phase,
    item.country,
    list(item.municipalities.map((m) => m.code)),
    list(item.municipalities.map((m) => m.name)),
    list([...new Set(item.municipalities.map((m) => m.region).filter((r): r is string => r !== null))]),
    list(item.municipalities.map((m) => m.sizeClass ?? '')),
    list(item.partners),
    item.sector,
    list(item.themes),
    item.yearFrom,
    item.yearTo,
    list(item.contacts),
    list(item.links.map((l) => `${l.title} <${l.url}>`)),
    item.source,
    item.programme,
    item.recommended,
    item.updatedAt.toISOString(),
    LICENCE.url,
  ]);
  return `${[[...COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
