/** Denmark's municipalities with the population there is (FOLK1A totals): a map and a table, each area linking to its row. */
import type { Children } from '@kitajs/html';
import { DownloadLinks } from '../../../platform/ui/charts/figure.js';
import type { ChartData } from '../../../platform/ui/charts/data.js';
import { ChartTable } from '../../../platform/ui/charts/table.js';
import { PageHeading } from '../../../platform/ui/components.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { danishRowId } from '../maps.js';
import { chartDownloads, OverviewLinks } from './sections.js';

export function DenmarkPage({ ctx, table, children }: { ctx: PageContext; table: ChartData; children?: Children }) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('kommune.denmark.title')}
      crumbs={[{ label: t('kommune.index.title'), href: `/kommune?lang=${ctx.locale}` }, { label: t('kommune.denmark.title') }]}
    >
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
        <ChartTable data={table} locale={ctx.locale} rowId={(row) => danishRowId(String(row.code))} captionHidden />
        <DownloadLinks links={chartDownloads(ctx, table.title)} />
      </section>
      <OverviewLinks ctx={ctx} />
    </Layout>
  );
}
