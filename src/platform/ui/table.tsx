/** One column of a `DataTable`: its heading and how a row fills the cell, as text or as markup. */
export type Column<Row> = ColumnCommon & ({ text: (row: Row) => string } | { cell: (row: Row) => JSX.Element });

interface ColumnCommon {
  header: string;
  /** The cell names the row (a `<th scope="row">`), e.g. the applicant. */
  rowHeader?: boolean;
  /** Figures align right so digits line up. */
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  caption?: string;
  /** Hide the caption visually (it stays for screen readers) when a heading above already says it. */
  captionHidden?: boolean;
  /**
   * Tables scroll sideways inside a named, focusable region, so keyboard users can scroll them
   * too; the region is named by this label, else by the caption.
   */
  scrollLabel?: string;
  id?: string;
  class?: string;
  size?: 'sm' | 'md';
  /** An id per row, for links to a row (e.g. from a map's area). */
  rowId?: (row: Row) => string;
  /** Designsystemet's bordered table. */
  border?: boolean;
}

/** Designsystemet's table with a caption, column headers and (optionally) a row header per row. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, caption, captionHidden = false, scrollLabel, id, size, rowId, border = false } = props;
  const numeric = (column: Column<Row>) => (column.numeric ? 'numeric' : undefined);
  const table = (
    <table class={['ds-table', props.class].filter(Boolean).join(' ')} id={id} data-size={size} data-border={border}>
      {caption ? (
        <caption class={captionHidden ? 'ds-sr-only' : undefined} safe>
          {caption}
        </caption>
      ) : (
        ''
      )}
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" class={numeric(column)} safe>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr id={rowId?.(row)}>
            {columns.map((column) => {
              const Cell = column.rowHeader ? 'th' : 'td';
              const scope = column.rowHeader ? 'row' : undefined;
              return 'text' in column ? (
                <Cell scope={scope} class={numeric(column)} safe>
                  {column.text(row)}
                </Cell>
              ) : (
                <Cell scope={scope} class={numeric(column)}>
                  {column.cell(row)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const label = scrollLabel ?? caption;
  return label === undefined ? table : <ScrollRegion label={label}>{table}</ScrollRegion>;
}

/**
 * A wide table scrolls sideways inside this named, focusable region (on a phone most do), so
 * keyboard users can scroll it too.
 */
export function ScrollRegion({ label, children }: { label: string; children: JSX.Element }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={label}>
      {children}
    </div>
  );
}
