/** A chart with its caption, its data table and links to download exactly those numbers. */
import type { Children } from '@kitajs/html';
import type { Locale } from '../../i18n/index.js';
import type { ChartData, ChartRow, DownloadFormat } from './data.js';
import { ChartTable } from './table.js';

export interface DownloadLink {
  format: DownloadFormat;
  href: string;
  /** Link text, already translated, e.g. "Last ned CSV". */
  label: string;
}

export interface ChartFigureProps {
  data: ChartData;
  locale: Locale;
  /** When given, the table is folded away under a `<details>` with this summary; otherwise it shows. */
  tableSummary?: string;
  downloads?: readonly DownloadLink[];
  rowHref?: (row: ChartRow) => string | undefined;
  /** The chart itself (and its legend). */
  children?: Children;
}

export function ChartFigure({ data, locale, tableSummary, downloads = [], rowHref, children }: ChartFigureProps) {
  const table = <ChartTable data={data} locale={locale} rowHref={rowHref} captionHidden />;
  return (
    <figure class="chart-figure">
      <figcaption class="chart-figure__caption" safe>
        {data.title}
      </figcaption>
      {children}
      {tableSummary ? (
        <details class="ds-details chart-figure__table">
          <summary safe>{tableSummary}</summary>
          <div>{table}</div>
        </details>
      ) : (
        table
      )}
      {downloads.length > 0 ? <DownloadLinks links={downloads} /> : ''}
    </figure>
  );
}

export function DownloadLinks({ links }: { links: readonly DownloadLink[] }) {
  return (
    <ul class="chart-downloads inline-list">
      {links.map((link) => (
        <li>
          <a class="ds-link" href={link.href} type={link.format === 'csv' ? 'text/csv' : 'application/json'} download="" safe>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The page's own path and query with `format` (and `chart`, when a page has several) set: the
 * route answers it with that chart's data.
 */
export function downloadHref(url: string, format: DownloadFormat, chart?: string): string {
  const parsed = new URL(url, 'http://localhost');
  if (chart !== undefined) parsed.searchParams.set('chart', chart);
  parsed.searchParams.set('format', format);
  return `${parsed.pathname}${parsed.search}`;
}
