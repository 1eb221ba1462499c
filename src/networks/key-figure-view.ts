/**
 * A municipality's key figures as the chart kit's data: one line chart per figure (the
 * municipality against its county or region, its country and its size class), the same numbers as
 * a table with the method breaks marked, and all of them as one long table for the CSV download.
 */
import type { Locale, Translate } from '../platform/i18n/index.js';
import type { ChartData } from '../platform/ui/charts/data.js';
import { lineChartData, type LineChartProps } from '../platform/ui/charts/lines.js';
import type { KeyFigureGroup, MunicipalityKeyFigures } from './key-figure-service.js';
import { breakIn, type FigureSeries, type KeyFigure } from './key-figures.js';

export function groupLabel(t: Translate, group: KeyFigureGroup, country: string): string {
  if (group.kind === 'country') return t(country === 'DK' ? 'networks.country.DK' : 'networks.country.NO');
  if (group.kind !== 'sizeClass') return group.name;
  const words = t(`networks.sizeClass.${group.name as 'small'}`);
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

export const figureLabel = (t: Translate, figure: KeyFigure) => t(`networks.figure.${figure.key as 'growth'}`);
export const unitLabel = (t: Translate, figure: KeyFigure) => t(`networks.unit.${figure.unit}`);
export const sourceLabel = (t: Translate, figure: KeyFigure, country: string) =>
  t(figure.source === 'population' && country === 'DK' ? 'networks.source.populationDk' : `networks.source.${figure.source}`);

const GROUP_KEYS = { municipality: 'municipality', region: 'region', country: 'country', sizeClass: 'size_class' } as const;

export function figureChart(t: Translate, locale: Locale, page: MunicipalityKeyFigures, series: FigureSeries): LineChartProps {
  const { figure, years } = series;
  const labels = page.groups.map((g) => groupLabel(t, g, page.country));
  return {
    id: `figure-${figure.key}`,
    title: figureLabel(t, figure),
    description: t('networks.chart.description', {
      figure: figureLabel(t, figure),
      unit: unitLabel(t, figure),
      from: years[0]!,
      to: years.at(-1)!,
      groups: labels.join(', '),
    }),
    locale,
    years,
    series: page.groups.map((g, i) => ({ key: GROUP_KEYS[g.kind], label: labels[i]!, values: series.values[i]! })),
    valueLabel: unitLabel(t, figure),
    yearLabel: t('networks.col.year'),
    fractionDigits: figure.fractionDigits,
  };
}

/** The chart's table with a column that marks the years of a method break. */
export function figureTable(t: Translate, chart: LineChartProps, figure: KeyFigure): ChartData {
  const data = lineChartData(chart);
  if (figure.breaks.length === 0) return data;
  return {
    ...data,
    columns: [...data.columns, { key: 'method_break', label: t('networks.col.break') }],
    rows: data.rows.map((row) => ({ ...row, method_break: breakIn(figure, Number(row.year)) ? t('networks.col.breakYes') : null })),
  };
}

/** Every figure in one long table: figure, unit, source, year, group and value. */
export function allFiguresTable(t: Translate, page: MunicipalityKeyFigures): ChartData {
  const rows = page.series.flatMap((s) =>
    s.years.flatMap((year, y) =>
      page.groups.map((g, i) => ({
        figure: figureLabel(t, s.figure),
        unit: unitLabel(t, s.figure),
        source: sourceLabel(t, s.figure, page.country),
        year,
        group: groupLabel(t, g, page.country),
        value: s.values[i]![y] ?? null,
        method_break: breakIn(s.figure, year) ? t('networks.col.breakYes') : null,
      })),
    ),
  );
  return {
    title: t('networks.page.title', { name: page.municipality.name }),
    columns: [
      { key: 'figure', label: t('networks.col.figure') },
      { key: 'unit', label: t('networks.col.unit') },
      { key: 'source', label: t('networks.col.source') },
      { key: 'year', label: t('networks.col.year'), plain: true },
      { key: 'group', label: t('networks.col.group') },
      { key: 'value', label: t('networks.col.value'), fractionDigits: 3 },
      { key: 'method_break', label: t('networks.col.break') },
    ],
    rows,
  };
}
