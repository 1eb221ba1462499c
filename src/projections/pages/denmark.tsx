/** Denmark's municipalities with the population there is (FOLK1A totals). */
import type { Children } from '@kitajs/html';
import { ChartFigure, downloadHref } from '../../platform/ui/charts/figure.js';
import type { ChartData } from '../../platform/ui/charts/data.js';
import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import { OverviewLinks } from './sections.js';

export function DenmarkPage({ ctx, table, children }: { ctx: PageContext; table: ChartData; children?: Children }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('kommune.denmark.title')} crumbs={[{ label: t('kommune.index.title'), href: `/kommune?lang=${ctx.locale}` }, { label: t('kommune.denmark.title') }]}>
      <PageHeading title={t('kommune.denmark.title')} lead={t('kommune.denmark.lead')} />
      {children ?? ''}
      <ChartFigure
        data={table}
        locale={ctx.locale}
        downloads={(['csv', 'json'] as const).map((format) => ({
          format,
          href: downloadHref(ctx.url, format),
          label: t('kommune.download.label', { chart: table.title, format: t(`kommune.download.${format}`) }),
        }))}
      />
      <OverviewLinks ctx={ctx} />
    </Layout>
  );
}
