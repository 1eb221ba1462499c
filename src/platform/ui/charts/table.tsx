/** A chart's numbers as a real table: caption, column headings with units, row headings. */
import type { Locale } from '../../i18n/index.js';
import { formatCell, type ChartColumn, type ChartData, type ChartRow } from './data.js';

export interface DataTableProps {
  data: ChartData;
  locale: Locale;
  /** A link for a row's heading cell, e.g. the municipality's page. */
  rowHref?: (row: ChartRow) => string | undefined;
  /** Hide the caption visually (it stays for screen readers) when a heading above already says it. */
  captionHidden?: boolean;
}

/** Wide tables scroll sideways: their wrapper is a named, focusable region, so keyboard users can scroll it too. */
export function DataTable({ data, locale, rowHref, captionHidden = false }: DataTableProps) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={data.title}>
      <table class="ds-table chart-table" data-size="sm">
        <caption class={captionHidden ? 'ds-sr-only' : undefined} safe>
          {data.title}
        </caption>
        <thead>
          <tr>
            {data.columns.map((column) => (
              <th scope="col" class={column.rowHeader ? undefined : 'chart-table__number'} safe>
                {columnHeading(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr>
              {data.columns.map((column) => (
                <Cell locale={locale} column={column} row={row} href={column.rowHeader ? rowHref?.(row) : undefined} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function columnHeading(column: ChartColumn): string {
  return column.unit ? `${column.label} (${column.unit})` : column.label;
}

function Cell({ locale, column, row, href }: { locale: Locale; column: ChartColumn; row: ChartRow; href: string | undefined }) {
  const text = formatCell(locale, column, row[column.key]);
  if (!column.rowHeader) {
    return (
      <td class="chart-table__number" safe>
        {text}
      </td>
    );
  }
  return (
    <th scope="row">
      {href ? (
        <a class="ds-link" href={href} safe>
          {text}
        </a>
      ) : (
        <span safe>{text}</span>
      )}
    </th>
  );
}
