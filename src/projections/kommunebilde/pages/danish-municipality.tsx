/** One Danish municipality: what the product has (population totals, region, its place on the map) and, plainly, what it lacks. */
import { DownloadLinks } from '../../../platform/ui/charts/figure.js';
import type { ChartData } from '../../../platform/ui/charts/data.js';
import { ChartTable } from '../../../platform/ui/charts/table.js';
import { PageHeading } from '../../../platform/ui/components.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { danishRowId } from '../maps.js';
import { chartDownloads, OverviewLinks } from './sections.js';

export interface DanishMunicipalityPageProps {
  ctx: PageContext;
  name: string;
  regionName: string;
  /** The population by year, its table. */
  table: ChartData;
  /** The change over the years shown, in plain words. */
  summary: string;
  code: string;
  /** The population by age group and sex, once FOLK1A by age is imported. */
  ages?: ChartData | undefined;
}

export function DanishMunicipalityPage({ ctx, name, regionName, table, summary, code, ages }: DanishMunicipalityPageProps) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={name}
      crumbs={[
        { label: t('kommune.index.title'), href: `/kommune?lang=${ctx.locale}` },
        { label: t('kommune.denmark.title'), href: `/danmark?lang=${ctx.locale}` },
        { label: name },
      ]}
    >
      <PageHeading title={name} lead={t('kommune.danish.lead', { region: regionName })} />
      <section aria-labelledby="danish-population-heading">
        <h2 class="ds-heading" data-size="sm" id="danish-population-heading" safe>
          {table.title}
        </h2>
        <p class="ds-paragraph" safe>
          {summary}
        </p>
        <ChartTable data={table} locale={ctx.locale} captionHidden />
        <p class="ds-paragraph" data-size="sm" safe>
          {t('kommune.danish.source')}
        </p>
        <DownloadLinks links={chartDownloads(ctx, table.title)} />
      </section>
      {ages ? (
        <section aria-labelledby="danish-ages-heading">
          <h2 class="ds-heading" data-size="sm" id="danish-ages-heading" safe>
            {ages.title}
          </h2>
          <ChartTable data={ages} locale={ctx.locale} captionHidden />
          <p class="ds-paragraph" data-size="sm" safe>
            {t('kommune.danish.agesSource')}
          </p>
          <DownloadLinks links={chartDownloads(ctx, ages.title, 'age-groups')} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="danish-missing-heading" class="ds-card">
        <h2 class="ds-heading" data-size="sm" id="danish-missing-heading" safe>
          {t('kommune.danish.missingHeading')}
        </h2>
        <p class="ds-paragraph" safe>
          {t(ages ? 'kommune.danish.missingProjection' : 'kommune.danish.missing')}
        </p>
      </section>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/danmark?lang=${ctx.locale}#${danishRowId(code)}`} safe>
          {t('kommune.danish.onMap')}
        </a>
      </p>
      <OverviewLinks ctx={ctx} />
    </Layout>
  );
}
