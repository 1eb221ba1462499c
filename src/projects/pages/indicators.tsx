/** Each indicator of the plan in force as a small chart of target and actual per period, with its table. */
import { BarChart, barChartData, type BarChartProps } from '../../platform/ui/charts/bars.js';
import { ChartFigure } from '../../platform/ui/charts/figure.js';
import { formatNumber } from '../../platform/i18n/index.js';
import type { PageContext } from '../../platform/ui/context.js';
import { translate } from '../../platform/ui/translate.js';
import type { IndicatorProgress } from '../views.js';

function indicatorChart(ctx: PageContext, progress: IndicatorProgress, n: number): BarChartProps {
  const { indicator, rows } = progress;
  return {
    id: `indicator-${n}`,
    title: `${indicator.name} (${indicator.unit})`,
    description: translate(ctx, 'projects.indicators.description', { indicator: indicator.name, unit: indicator.unit }),
    locale: ctx.locale,
    orientation: 'vertical',
    categories: rows.map((r) => ({ key: r.period.key, label: r.period.title })),
    series: [
      { key: 'target', label: ctx.t('projects.col.target'), values: rows.map((r) => r.target) },
      { key: 'actual', label: ctx.t('projects.col.actual'), values: rows.map((r) => r.actual) },
    ],
    valueLabel: indicator.unit,
    categoryLabel: ctx.t('projects.col.report'),
    fractionDigits: rows.some((r) => !Number.isInteger(r.target ?? 0) || !Number.isInteger(r.actual ?? 0)) ? 1 : 0,
  };
}

export function IndicatorCharts({ ctx, progress, planNumber }: { ctx: PageContext; progress: IndicatorProgress[]; planNumber: number }) {
  if (progress.length === 0) return '';
  const { t } = ctx;
  return (
    <section aria-labelledby="indicators" class="stack">
      <h2 class="ds-heading" data-size="sm" id="indicators" safe>
        {t('projects.indicators.title')}
      </h2>
      <div class="stack">
        {progress.map((p, n) => {
          const chart = indicatorChart(ctx, p, n);
          return (
            <ChartFigure data={barChartData(chart)} locale={ctx.locale}>
              <p class="ds-paragraph" data-size="sm" safe>
                {p.indicator.baseline === null
                  ? t('projects.indicators.noBaseline')
                  : translate(ctx, 'projects.indicators.baseline', {
                      value: formatNumber(ctx.locale, p.indicator.baseline, 2),
                      unit: p.indicator.unit,
                    })}
              </p>
              <BarChart {...chart} />
            </ChartFigure>
          );
        })}
      </div>
      <p class="ds-paragraph" data-size="sm" safe>
        {translate(ctx, 'projects.indicators.source', { n: planNumber })}
      </p>
    </section>
  );
}
