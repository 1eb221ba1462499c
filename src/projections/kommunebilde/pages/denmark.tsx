/** Denmark's municipalities with the population there is (FOLK1A totals): a map and a table, each area linking to its row. */
import type { Children } from '@kitajs/html';
import { DownloadLinks } from '../../../platform/ui/charts/figure.js';
import { formatCell, type ChartData } from '../../../platform/ui/charts/data.js';
import { columnHeading } from '../../../platform/ui/charts/table.js';
import { PageHeading } from '../../../platform/ui/components.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { danishRowId } from '../maps.js';
import { chartDownloads, OverviewLinks } from './sections.js';

export function DenmarkPage({ ctx, table, children }: { ctx: PageContext; table: ChartData; children?: Children }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('kommune.denmark.title')} crumbs={[{ label: t('kommune.index.title'), href: `/kommune?lang=${ctx.locale}` }, { label: t('kommune.denmark.title') }]}>
      <PageHeading title={t('kommune.denmark.title')} lead={t('kommune.denmark.lead')} />
      <section aria-labelledby="denmark-map-heading">
        <h2 class="ds-heading" data-size="sm" id="denmark-map-heading" safe>
          {table.title}
        </h2>
        {children ?? ''}
      </section>
      <section aria-labelledby="denmark-table-heading" id="denmark-table">
        <h2 class="ds-heading" data-size="sm" id="denmark-table-heading" safe>
          {t('kommune.denmark.table')}
        </h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="denmark-table-heading">
          <table class="ds-table chart-table" data-size="sm">
            <caption class="ds-sr-only" safe>
              {table.title}
            </caption>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th scope="col" class={column.rowHeader ? undefined : 'chart-table__number'} safe>
                    {columnHeading(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr id={danishRowId(String(row.code))}>
                  {table.columns.map((column) =>
                    column.rowHeader ? (
                      <th scope="row" safe>
                        {formatCell(ctx.locale, column, row[column.key])}
                      </th>
                    ) : (
                      <td class="chart-table__number" safe>
                        {formatCell(ctx.locale, column, row[column.key])}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLinks links={chartDownloads(ctx, table.title)} />
      </section>
      <OverviewLinks ctx={ctx} />
    </Layout>
  );
}
