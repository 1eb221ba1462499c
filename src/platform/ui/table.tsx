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
  id?: string;
  class?: string;
}

/** Designsystemet's table with a caption, column headers and (optionally) a row header per row. */
export function DataTable<Row>({ columns, rows, caption, id, class: extraClass }: DataTableProps<Row>) {
  const numeric = (column: Column<Row>) => (column.numeric ? 'numeric' : undefined);
  return (
    <table class={['ds-table', extraClass].filter(Boolean).join(' ')} id={id}>
      {caption ? <caption safe>{caption}</caption> : ''}
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
          <tr>
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
}
