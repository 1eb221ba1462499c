/** A chart's numbers as a real table: caption, column headings with units, row headings. */
import type { Locale } from '../../i18n/index.js';
import { DataTable, type Column } from '../table.js';
import { formatCell, type ChartColumn, type ChartData, type ChartRow } from './data.js';

export interface ChartTableProps {
  data: ChartData;
  locale: Locale;
  /** A link for a row's heading cell, e.g. the municipality's page. */
  rowHref?: (row: ChartRow) => string | undefined;
  /** An id per row, for links to a row (e.g. from a map's area). */
  rowId?: (row: ChartRow) => string;
  /** Hide the caption visually (it stays for screen readers) when a heading above already says it. */
  captionHidden?: boolean;
}

/** A chart's data as a `DataTable`: the first column(s) head the rows, figures formatted for the language. */
export function ChartTable({ data, locale, rowHref, rowId, captionHidden = false }: ChartTableProps) {
  const columns: Column<ChartRow>[] = data.columns.map((column) =>
    column.rowHeader
      ? {
          header: columnHeading(column),
          rowHeader: true,
          cell: (row) => <RowHeading text={formatCell(locale, column, row[column.key])} href={rowHref?.(row)} />,
        }
      : { header: columnHeading(column), numeric: true, text: (row) => formatCell(locale, column, row[column.key]) },
  );
  return (
    <DataTable
      columns={columns}
      rows={data.rows}
      caption={data.title}
      captionHidden={captionHidden}
      scrollLabel={data.title}
      class="chart-table"
      size="sm"
      rowId={rowId}
    />
  );
}

export function columnHeading(column: ChartColumn): string {
  return column.unit ? `${column.label} (${column.unit})` : column.label;
}

function RowHeading({ text, href }: { text: string; href: string | undefined }) {
  return href ? (
    <a class="ds-link" href={href} safe>
      {text}
    </a>
  ) : (
    <span safe>{text}</span>
  );
}
