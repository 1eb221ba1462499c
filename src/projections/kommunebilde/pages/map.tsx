/** The map of Norway's municipalities for one indicator and year, its text alternative and a sortable table. */
import { ScrollRegion } from '../../../platform/ui/table.js';
import type { Children } from '@kitajs/html';
import { DownloadLinks } from '../../../platform/ui/charts/figure.js';
import { formatCell, type ChartData } from '../../../platform/ui/charts/data.js';
import { PageHeading } from '../../../platform/ui/components.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { INDICATORS, type Indicator, type SortKey, type SortOrder } from '../../engine/indicators.js';
import { chartDownloads, OverviewLinks, YearSelect } from './sections.js';

export interface MapPageProps {
  ctx: PageContext;
  indicator: Indicator;
  year: number;
  years: readonly number[];
  indicatorLabel: (indicator: Indicator) => string;
  summary: string;
  table: ChartData;
  sort: SortKey;
  order: SortOrder;
  /** The choropleth, when the chart kit draws it. */
  children?: Children;
}

const SORTABLE: Readonly<Record<string, SortKey>> = { name: 'name', code: 'code', value: 'value' };

export function MapPage({ ctx, indicator, year, years, indicatorLabel, summary, table, sort, order, children }: MapPageProps) {
  const { t } = ctx;
  // The table of every municipality is long: folded away until asked for, open once sorted.
  const sorted = new URL(ctx.url, 'http://localhost').searchParams.has('sort');
  const sortHref = (key: SortKey) => {
    const url = new URL(ctx.url, 'http://localhost');
    url.searchParams.set('sort', key);
    url.searchParams.set('order', key === sort && order === 'asc' ? 'desc' : 'asc');
    url.searchParams.delete('format');
    return `${url.pathname}${url.search}#map-table`;
  };
  return (
    <Layout
      ctx={ctx}
      title={t('kommune.map.title')}
      crumbs={[{ label: t('kommune.index.title'), href: `/kommune?lang=${ctx.locale}` }, { label: t('kommune.map.title') }]}
    >
      <PageHeading title={t('kommune.map.title')} lead={t('kommune.map.lead')} />
      <form method="get" action="/kart" class="ds-card">
        <input type="hidden" name="lang" value={ctx.locale} />
        <div class="ds-field">
          <label class="ds-label" for="map-indicator" safe>
            {t('kommune.map.indicator')}
          </label>
          <select class="ds-input" id="map-indicator" name="indicator">
            {INDICATORS.map((i) => (
              <option value={i} selected={i === indicator} safe>
                {indicatorLabel(i)}
              </option>
            ))}
          </select>
        </div>
        <YearSelect id="map-year" label={t('kommune.map.year')} years={years} year={year} />
        <p>
          <button class="ds-button" type="submit" safe>
            {t('kommune.map.show')}
          </button>
        </p>
      </form>
      <section aria-labelledby="map-heading">
        <h2 class="ds-heading" data-size="sm" id="map-heading" safe>
          {table.title}
        </h2>
        {children ?? ''}
        <p class="ds-paragraph" id="map-summary" safe>
          {summary}
        </p>
      </section>
      <section aria-labelledby="map-table-heading" id="map-table">
        <h2 class="ds-heading" data-size="sm" id="map-table-heading" safe>
          {t('kommune.map.table')}
        </h2>
        <details class="ds-details table-disclosure" open={sorted}>
          <summary safe>{t('kommune.map.tableShow', { count: table.rows.length })}</summary>
          <ScrollRegion label={table.title}>
            <table class="ds-table" data-size="sm">
              <caption class="ds-sr-only" safe>
                {table.title}
              </caption>
              <thead>
                <tr>
                  {table.columns.map((column) => {
                    const key = SORTABLE[column.key];
                    const current = key === sort;
                    return (
                      <th scope="col" aria-sort={current ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
                        {key ? (
                          <a class="ds-link" href={sortHref(key)} aria-label={t('kommune.map.sortBy', { column: column.label })} safe>
                            {current
                              ? `${column.label} (${t(order === 'asc' ? 'kommune.map.sortedAscending' : 'kommune.map.sortedDescending')})`
                              : column.label}
                          </a>
                        ) : (
                          <span safe>{column.label}</span>
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr>
                    <th scope="row">
                      <a class="ds-link" href={`/kommune/${String(row.code)}?lang=${ctx.locale}`} safe>
                        {String(row.name)}
                      </a>
                    </th>
                    {table.columns.slice(1).map((column) => (
                      <td safe>{formatCell(ctx.locale, column, row[column.key])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
        <DownloadLinks links={chartDownloads(ctx, table.title)} />
      </section>
      <OverviewLinks ctx={ctx} />
    </Layout>
  );
}
