/** A municipality's key figures: each figure's trend against its county, country and size class, with its table, source and breaks. */
import { formatNumber } from '../../platform/i18n/index.js';
import { ChartFigure, downloadHref, type DownloadLink } from '../../platform/ui/charts/figure.js';
import { LineChart } from '../../platform/ui/charts/lines.js';
import { PageHeading } from '../../platform/ui/components.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import type { MunicipalityKeyFigures } from '../key-figure-service.js';
import { figureChart, figureLabel, figureTable, sourceLabel, unitLabel } from '../key-figure-view.js';
import type { FigureSeries, KeyFigure } from '../key-figures.js';
import type { StoredCooperation } from '../store.js';

export function figureDownloads(ctx: PageContext, title: string, figure?: string): DownloadLink[] {
  return (['csv', 'json'] as const).map((format) => ({
    format,
    href: downloadHref(ctx.url, format, figure),
    label: ctx.t('networks.download.label', { chart: title, format: format.toUpperCase() }),
  }));
}

export function KeyFiguresPage({
  ctx,
  page,
  cooperations,
}: {
  ctx: PageContext;
  page: MunicipalityKeyFigures;
  cooperations: readonly StoredCooperation[];
}) {
  const { t } = ctx;
  const { municipality, population } = page;
  const sizeClass = page.groups.find((g) => g.kind === 'sizeClass');
  const title = t('networks.page.title', { name: municipality.name });
  const lead =
    population && sizeClass
      ? t('networks.page.lead', {
          name: municipality.name,
          region: page.regionName,
          persons: formatNumber(ctx.locale, population.persons),
          year: population.year,
          sizeClass: t(`networks.sizeClass.${sizeClass.name as 'small'}`),
        })
      : t('networks.page.leadShort', { name: municipality.name, region: page.regionName });
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('nav.home'), href: '/' },
        { label: t('networks.index.title'), href: `/nokkeltall?lang=${ctx.locale}` },
        { label: municipality.name },
      ]}
    >
      <PageHeading title={title} lead={lead} />
      {page.country === 'DK' ? <DenmarkNote ctx={ctx} page={page} /> : ''}
      <nav aria-labelledby="contents-heading">
        <h2 class="ds-heading" data-size="xs" id="contents-heading" safe>
          {t('networks.page.contents')}
        </h2>
        <ul class="ds-list">
          {page.series.map((s) => (
            <li>
              <a class="ds-link" href={`#figure-${s.figure.key}-heading`} safe>
                {figureLabel(t, s.figure)}
              </a>
            </li>
          ))}
        </ul>
        <p class="ds-paragraph">
          <a class="ds-link" href={downloadHref(ctx.url, 'csv')} type="text/csv" download="" safe>
            {t('networks.download.all')}
          </a>
        </p>
      </nav>
      {page.series.map((s) => (
        <FigureSection ctx={ctx} page={page} series={s} />
      ))}
      <Cooperations ctx={ctx} page={page} cooperations={cooperations} />
      {page.country === 'NO' ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/kommune/${municipality.code}?lang=${ctx.locale}`} safe>
            {t('networks.link.kommunebilde', { name: municipality.name })}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

function FigureSection({ ctx, page, series }: { ctx: PageContext; page: MunicipalityKeyFigures; series: FigureSeries }) {
  const { t } = ctx;
  const { figure, years } = series;
  const chart = figureChart(t, ctx.locale, page, series);
  const table = figureTable(t, chart, figure);
  const headingId = `figure-${figure.key}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h2 class="ds-heading" data-size="sm" id={headingId} safe>
        {figureLabel(t, figure)}
      </h2>
      <p class="ds-paragraph" safe>
        {t(`networks.definition.${figure.key as 'growth'}`)}
      </p>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('networks.meta', {
          unit: unitLabel(t, figure),
          from: years[0]!,
          to: years.at(-1)!,
          direction: t(`networks.direction.${figure.direction}`),
        })}
      </p>
      {figure.breaks.map((b) => (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph" safe>
            {t(`networks.break.${b.reason}`, { from: b.from, to: b.to })}
          </p>
        </div>
      ))}
      <ChartFigure
        data={table}
        locale={ctx.locale}
        tableSummary={t('networks.table.show')}
        downloads={figureDownloads(ctx, chart.title, figure.key)}
      >
        <LineChart {...chart} />
      </ChartFigure>
      <p class="ds-paragraph" data-size="sm" safe>
        {t('networks.source.label', { source: sourceLabel(t, figure, page.country) })}
      </p>
    </section>
  );
}

function DenmarkNote({ ctx, page }: { ctx: PageContext; page: MunicipalityKeyFigures }) {
  const { t } = ctx;
  const list = (figures: readonly KeyFigure[]) => (
    <ul class="ds-list">
      {figures.map((f) => (
        <li safe>{figureLabel(t, f)}</li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="denmark-heading" class="ds-card">
      <h2 class="ds-heading" data-size="sm" id="denmark-heading" safe>
        {t('networks.denmark.heading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('networks.denmark.available')}
      </p>
      {list(page.series.map((s) => s.figure))}
      <p class="ds-paragraph" safe>
        {t('networks.denmark.norwegianOnly')}
      </p>
      {list(page.missing)}
    </section>
  );
}

function Cooperations({
  ctx,
  page,
  cooperations,
}: {
  ctx: PageContext;
  page: MunicipalityKeyFigures;
  cooperations: readonly StoredCooperation[];
}) {
  const { t } = ctx;
  const others = (c: StoredCooperation) => c.members.filter((m) => m.code !== page.municipality.code).map((m) => m.name);
  return (
    <section aria-labelledby="cooperations-heading">
      <h2 class="ds-heading" data-size="sm" id="cooperations-heading" safe>
        {t('networks.cooperations.heading')}
      </h2>
      {cooperations.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t(page.country === 'DK' ? 'networks.cooperations.noneDenmark' : 'networks.cooperations.none', { name: page.municipality.name })}
        </p>
      ) : (
        <ul class="ds-list">
          {cooperations.map((c) => (
            <li>
              <a class="ds-link" href={`/samarbeid/${c.id}?lang=${ctx.locale}`} safe>
                {c.name}
              </a>{' '}
              <span safe>
                {t('networks.cooperation.withArea', {
                  area: t(`networks.cooperation.area.${c.serviceArea}`),
                  members: others(c).join(', '),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="ds-paragraph" data-size="sm" safe>
        {t('networks.cooperations.source')}
      </p>
    </section>
  );
}
