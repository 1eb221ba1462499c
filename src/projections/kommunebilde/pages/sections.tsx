/** The parts every overview page (municipality, county, country, a summed set) is made of. */
import { formatNumber } from '../../../platform/i18n/index.js';
import { ChartFigure, downloadHref, type DownloadLink } from '../../../platform/ui/charts/figure.js';
import { BarChart, type BarChartProps } from '../../../platform/ui/charts/bars.js';
import type { ChartData } from '../../../platform/ui/charts/data.js';
import { LineChart, lineChartData, type LineChartProps } from '../../../platform/ui/charts/lines.js';
import { PopulationPyramid, pyramidData, type PopulationPyramidProps } from '../../../platform/ui/charts/pyramid.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { ageGroupsChart, pyramidSeries, PYRAMID_AGES, ratiosChart, staffingChart, type ChartName } from '../chart-data.js';
import type { Rank } from '../../engine/indicators.js';
import { SCENARIOS } from '../../engine/model.js';
import { ADJUSTMENT_RANGES, isAdjusted, migrationRangeWords, type Range, type ScenarioParams } from '../scenario-query.js';
import type { Outlook, ScenarioChoice } from '../service.js';

/** Everything a figures page shows, chart by chart, as data: drawn, tabled and downloaded alike. */
export interface OverviewCharts {
  pyramid: PopulationPyramidProps;
  'age-groups': LineChartProps;
  staffing: ChartData;
  ratios: ChartData;
}

export function overviewCharts(ctx: PageContext, outlook: Outlook, year: number): OverviewCharts {
  const { t } = ctx;
  const base = outlook.selected.baseYear;
  return {
    pyramid: {
      id: 'pyramid',
      title: t('kommune.pyramid.heading', { base, year }),
      description: t('kommune.pyramid.description', { base, year }),
      locale: ctx.locale,
      ages: PYRAMID_AGES,
      series: pyramidSeries(outlook.selected, year),
      maleLabel: t('kommune.label.men'),
      femaleLabel: t('kommune.label.women'),
      ageLabel: t('kommune.col.age'),
      valueLabel: t('kommune.label.persons'),
    },
    'age-groups': ageGroupsChart(outlook, t, ctx.locale),
    staffing: staffingChart(outlook.selected, t),
    ratios: ratiosChart(outlook.selected, t),
  };
}

/** The data of one chart, for its CSV and JSON downloads. */
export function chartData(charts: OverviewCharts, chart: ChartName): ChartData {
  if (chart === 'pyramid') return pyramidData(charts.pyramid);
  if (chart === 'age-groups') return lineChartData(charts['age-groups']);
  return charts[chart];
}

/**
 * The staffing table drawn as two bar charts, users and årsverk, a group per service and a bar per
 * year: every number drawn is a cell of the table (and of its downloads), and every number of the
 * table is drawn.
 */
export function staffingBarCharts(ctx: PageContext, staffing: ChartData): BarChartProps[] {
  const { t } = ctx;
  const years = staffing.columns.filter((c) => c.key.startsWith('users_')).map((c) => c.key.slice('users_'.length));
  const yearList = years.join(', ');
  const chart = (measure: 'users' | 'fte', title: string, description: string, valueLabel: string): BarChartProps => {
    const rows = staffing.rows.filter((row) => years.some((year) => typeof row[`${measure}_${year}`] === 'number'));
    return {
      id: `staffing-${measure}`,
      title,
      description,
      locale: ctx.locale,
      categories: rows.map((row, i) => ({ key: `${measure}-${i}`, label: String(row.area) })),
      series: years.map((year) => ({
        key: `${measure}_${year}`,
        label: year,
        values: rows.map((row) => {
          const value = row[`${measure}_${year}`];
          return typeof value === 'number' ? value : null;
        }),
      })),
      valueLabel,
      categoryLabel: t('kommune.col.area'),
    };
  };
  return [
    chart(
      'users',
      t('kommune.staffing.usersChart'),
      t('kommune.staffing.usersDescription', { years: yearList }),
      t('kommune.staffing.users'),
    ),
    chart('fte', t('kommune.staffing.fteChart'), t('kommune.staffing.fteDescription', { years: yearList }), t('kommune.staffing.fte')),
  ];
}

/** CSV and JSON links for exactly what one chart or table on the page shows. */
export function chartDownloads(ctx: PageContext, title: string, chart?: string): DownloadLink[] {
  return (['csv', 'json'] as const).map((format) => ({
    format,
    href: downloadHref(ctx.url, format, chart),
    label: ctx.t('kommune.download.label', { chart: title, format: ctx.t(`kommune.download.${format}`) }),
  }));
}

export function ChartSections({ ctx, charts }: { ctx: PageContext; charts: OverviewCharts }) {
  const { t } = ctx;
  const pyramidTable = pyramidData(charts.pyramid);
  return (
    <>
      <section aria-labelledby="pyramid-heading">
        <h2 class="ds-heading" data-size="sm" id="pyramid-heading" safe>
          {charts.pyramid.title}
        </h2>
        <ChartFigure
          data={pyramidTable}
          locale={ctx.locale}
          tableSummary={t('kommune.table.show')}
          downloads={chartDownloads(ctx, charts.pyramid.title, 'pyramid')}
        >
          <PopulationPyramid {...charts.pyramid} />
        </ChartFigure>
      </section>
      <section aria-labelledby="age-groups-heading">
        <h2 class="ds-heading" data-size="sm" id="age-groups-heading" safe>
          {charts['age-groups'].title}
        </h2>
        <p class="ds-paragraph" safe>
          {t('kommune.ageGroups.band')}
        </p>
        <ChartFigure
          data={lineChartData(charts['age-groups'])}
          locale={ctx.locale}
          tableSummary={t('kommune.table.show')}
          downloads={chartDownloads(ctx, charts['age-groups'].title, 'age-groups')}
        >
          <LineChart {...charts['age-groups']} />
        </ChartFigure>
      </section>
      <section aria-labelledby="staffing-heading">
        <h2 class="ds-heading" data-size="sm" id="staffing-heading" safe>
          {charts.staffing.title}
        </h2>
        <ChartFigure data={charts.staffing} locale={ctx.locale} downloads={chartDownloads(ctx, charts.staffing.title, 'staffing')}>
          {staffingBarCharts(ctx, charts.staffing).map((bars) => (
            <BarChart {...bars} />
          ))}
        </ChartFigure>
        <p class="ds-paragraph" data-size="sm" safe>
          {ctx.t('kommune.staffing.source', { baseYear: baseYearOf(charts.staffing) })}
        </p>
      </section>
      <section aria-labelledby="ratios-heading">
        <h2 class="ds-heading" data-size="sm" id="ratios-heading" safe>
          {charts.ratios.title}
        </h2>
        <ChartFigure data={charts.ratios} locale={ctx.locale} downloads={chartDownloads(ctx, charts.ratios.title, 'ratios')} />
      </section>
    </>
  );
}

/** The first year of the staffing table: the base year its figures are calibrated to. */
function baseYearOf(staffing: ChartData): string {
  return staffing.columns.find((c) => c.key.startsWith('users_'))?.key.slice('users_'.length) ?? '';
}

export function Headlines({ ctx, sentences }: { ctx: PageContext; sentences: readonly string[] }) {
  return (
    <section aria-labelledby="headline-heading" class="ds-card">
      <h2 class="ds-heading" data-size="sm" id="headline-heading" safe>
        {ctx.t('kommune.headline.heading')}
      </h2>
      <ul class="ds-list">
        {sentences.map((sentence) => (
          <li safe>{sentence}</li>
        ))}
      </ul>
    </section>
  );
}

export function Ranks({ ctx, all, county, indicatorLabel }: { ctx: PageContext; all: Rank; county: Rank; indicatorLabel: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="rank-heading">
      <h2 class="ds-heading" data-size="sm" id="rank-heading" safe>
        {t('kommune.rank.heading')}
      </h2>
      <p class="ds-paragraph" safe>{`${indicatorLabel}. ${t('kommune.rank.note')}`}</p>
      <dl>
        <dt safe>{t('kommune.rank.all')}</dt>
        <dd safe>{t('kommune.rank.value', { rank: all.rank, of: all.of })}</dd>
        <dt safe>{t('kommune.rank.county')}</dt>
        <dd safe>{t('kommune.rank.value', { rank: county.rank, of: county.of })}</dd>
      </dl>
    </section>
  );
}

export interface ScenarioPanelProps {
  ctx: PageContext;
  action: string;
  choice: ScenarioChoice;
  params: ScenarioParams;
  year: number;
  years: readonly number[];
  /** Further parameters the form carries (e.g. the municipalities of a comparison). */
  hidden?: readonly (readonly [string, string])[];
  /** The area's own bounds on extra migration, from its population. */
  migration: { range: Range; population: number };
}

/** The scenario panel: a plain GET form, so every adjusted scenario has its own URL. */
export function ScenarioPanel({ ctx, action, choice, params, year, years, hidden = [], migration }: ScenarioPanelProps) {
  const { t } = ctx;
  const n = (v: number) => formatNumber(ctx.locale, v, 1);
  const numberField = (name: keyof typeof ADJUSTMENT_RANGES, label: string, value: number | undefined) => {
    const r = name === 'migration' ? migration.range : ADJUSTMENT_RANGES[name];
    const rangeText =
      name === 'migration'
        ? t('kommune.scenario.migrationRange', migrationRangeWords(migration.range, migration.population, ctx.locale))
        : t('kommune.scenario.range', { min: n(r.min), max: n(r.max) });
    return (
      <div class="ds-field">
        <label class="ds-label" for={`scenario-${name}`} safe>
          {label}
        </label>
        <div class="ds-field__description" id={`scenario-${name}-range`} safe>
          {rangeText}
        </div>
        <input
          class="ds-input"
          type="number"
          id={`scenario-${name}`}
          name={name}
          min={String(r.min)}
          max={String(r.max)}
          step={String(r.step)}
          value={String(value ?? 0)}
          aria-describedby={`scenario-${name}-range`}
        />
      </div>
    );
  };
  return (
    <section aria-labelledby="scenario-heading" class="ds-card">
      <h2 class="ds-heading" data-size="sm" id="scenario-heading" safe>
        {t('kommune.scenario.heading')}
      </h2>
      <form method="get" action={action} class="scenario-form">
        <input type="hidden" name="lang" value={ctx.locale} />
        {hidden.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <fieldset class="ds-fieldset">
          <legend class="ds-label" safe>
            {t('kommune.scenario.alternative')}
          </legend>
          {SCENARIOS.map((scenario) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type="radio"
                name="scenario"
                id={`scenario-${scenario}`}
                value={scenario}
                checked={choice.scenario === scenario}
              />
              <label class="ds-label" for={`scenario-${scenario}`} safe>
                {t(`kommune.scenario.${scenario}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {numberField('fertility', t('kommune.scenario.fertility'), params.fertility)}
        {numberField('lifeExpectancy', t('kommune.scenario.lifeExpectancy'), params.lifeExpectancy)}
        {numberField('migration', t('kommune.scenario.migration'), params.migration)}
        <YearSelect id="scenario-year" label={t('kommune.scenario.year')} years={years} year={year} />
        <p>
          <button class="ds-button" type="submit" safe>
            {t('kommune.scenario.submit')}
          </button>
        </p>
      </form>
      {isAdjusted(choice) || choice.scenario !== 'main' ? (
        <p class="ds-paragraph">
          <span safe>{t('kommune.scenario.adjusted')}</span>{' '}
          <a class="ds-link" href={`${action}?lang=${ctx.locale}${hidden.map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('')}`} safe>
            {t('kommune.scenario.reset')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

export function YearSelect({ id, label, years, year }: { id: string; label: string; years: readonly number[]; year: number }) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={id} safe>
        {label}
      </label>
      <select class="ds-input" id={id} name="year">
        {years.map((y) => (
          <option value={String(y)} selected={y === year} safe>
            {String(y)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SearchForm({ ctx, query = '' }: { ctx: PageContext; query?: string }) {
  const { t } = ctx;
  return (
    <form method="get" action="/kommune" role="search" class="inline-form">
      <input type="hidden" name="lang" value={ctx.locale} />
      <div class="ds-field">
        <label class="ds-label" for="kommune-search" safe>
          {t('kommune.search.label')}
        </label>
        <input class="ds-input" type="search" id="kommune-search" name="q" value={query} maxlength="100" autocomplete="off" />
      </div>
      <button class="ds-button" type="submit" safe>
        {t('kommune.search.submit')}
      </button>
    </form>
  );
}

export function OverviewLinks({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const links = [
    ['/kommune', 'kommune.index.title'],
    ['/landet', 'kommune.links.national'],
    ['/kart', 'kommune.links.map'],
    ['/kommune/sammenlign', 'kommune.links.compare'],
    ['/danmark', 'kommune.links.denmark'],
  ] as const;
  return (
    <nav aria-label={t('kommune.links.heading')}>
      <ul class="inline-list">
        {links.map(([href, key]) => (
          <li>
            <a class="ds-link" href={`${href}?lang=${ctx.locale}`} safe>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
