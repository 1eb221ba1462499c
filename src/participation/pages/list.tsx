import type { PageContext } from '../../platform/ui/context.js';
import { type Column, DataTable } from '../../platform/ui/table.js';

/**
 * A titled list of initiatives or ideas: a heading, a sentence when there are none, or a table whose
 * first column links each title to its page.
 */
export function TitledList<Row extends { id: string; title: string }>({
  ctx,
  id,
  title,
  none,
  titleHeader,
  pathOf,
  rows,
  columns,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  none: string;
  titleHeader: string;
  pathOf: (id: string) => string;
  rows: Row[];
  columns: Column<Row>[];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 class="ds-heading" data-size="sm" id={id} safe>
        {title}
      </h2>
      {rows.length === 0 ? (
        <p class="ds-paragraph" safe>
          {none}
        </p>
      ) : (
        <DataTable
          scrollLabel={title}
          id={`${id}-table`}
          rows={rows}
          columns={[
            {
              header: titleHeader,
              rowHeader: true,
              cell: (row) => (
                <a class="ds-link" href={`${pathOf(row.id)}?lang=${ctx.locale}`} safe>
                  {row.title}
                </a>
              ),
            },
            ...columns,
          ]}
        />
      )}
    </section>
  );
}
