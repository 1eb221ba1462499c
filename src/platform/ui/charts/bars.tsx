/**
 * Grouped bars, horizontal or vertical: a group per category (e.g. sector), a bar per series (e.g.
 * year). Series differ by colour and by a white overlay pattern, and every bar carries its value.
 */
import { max, min } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatNumber } from '../../i18n/index.js';
import type { ChartColumn, ChartData, ChartRow } from './data.js';
import { Legend, type LegendItem } from './legend.js';
import { CATEGORICAL, TEXT } from './style.js';
import {
  AxisTitle,
  ChartSvg,
  FONT_SIZE,
  patternId,
  PatternDefs,
  round,
  tickLabels,
  WrappedText,
  wrapLabel,
  XAxis,
  YAxis,
  type ChartBaseProps,
} from './svg.js';

export interface BarCategory {
  key: string;
  label: string;
}

export interface BarSeries {
  /** Machine name for the table's and the downloads' columns, e.g. "2030". */
  key: string;
  label: string;
  /** One value per category, in the categories' order; `null` leaves the bar out. */
  values: readonly (number | null)[];
}

export interface BarChartProps extends ChartBaseProps {
  categories: readonly BarCategory[];
  series: readonly BarSeries[];
  /** Horizontal (default) suits long category names; vertical suits few, short ones. */
  orientation?: 'horizontal' | 'vertical';
  /** The value axis's title and the table's unit. */
  valueLabel: string;
  /** The table's heading for the category column. */
  categoryLabel: string;
  fractionDigits?: number;
}

const WIDTH = 640;
const BAR = 16;
const VERTICAL_HEIGHT = 380;
const LABEL_CHARACTERS = { horizontal: 20, vertical: 14 };

export interface Bar {
  category: string;
  series: string;
  seriesIndex: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the value label goes, just past the bar's end. */
  labelAt: { x: number; y: number };
}

export interface BarChartGeometry {
  width: number;
  height: number;
  bars: Bar[];
  /** SVG units along the value axis for a value. */
  position(value: number): number;
  valueTicks: { value: number; at: number }[];
  categoryLabels: { key: string; lines: string[]; at: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

export function barChartGeometry({
  categories,
  series,
  orientation = 'horizontal',
}: Pick<BarChartProps, 'categories' | 'series' | 'orientation'>): BarChartGeometry {
  for (const s of series) {
    if (s.values.length !== categories.length)
      throw new RangeError(`bar series ${s.key} has ${s.values.length} values for ${categories.length} categories`);
  }
  const horizontal = orientation === 'horizontal';
  const labels = categories.map((c) => wrapLabel(c.label, LABEL_CHARACTERS[orientation]));
  const plot = horizontal ? horizontalPlot(categories.length, series.length, labels) : verticalPlot(labels);
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const value = scaleLinear()
    .domain([Math.min(0, min(values) ?? 0), Math.max(0, max(values) ?? 1) || 1])
    .range(horizontal ? [plot.left, plot.right] : [plot.bottom, plot.top])
    .nice();
  const outer = scaleBand<number>()
    .domain(categories.map((_, i) => i))
    .range(horizontal ? [plot.top, plot.bottom] : [plot.left, plot.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, outer.bandwidth()])
    .paddingInner(0.08);
  const zero = value(0);
  const bars = categories.flatMap((category, c) =>
    series.flatMap((s, i) => {
      const v = s.values[c] ?? null;
      if (v === null) return [];
      const across = (outer(c) ?? 0) + (inner(i) ?? 0);
      const end = value(v);
      const [from, to] = [Math.min(zero, end), Math.max(zero, end)];
      return [
        horizontal
          ? {
              category: category.key,
              series: s.key,
              seriesIndex: i,
              value: v,
              x: from,
              y: across,
              width: to - from,
              height: inner.bandwidth(),
              labelAt: { x: v < 0 ? from - 4 : to + 4, y: across + inner.bandwidth() / 2 },
            }
          : {
              category: category.key,
              series: s.key,
              seriesIndex: i,
              value: v,
              x: across,
              y: from,
              width: inner.bandwidth(),
              height: to - from,
              labelAt: { x: across + inner.bandwidth() / 2, y: v < 0 ? to + FONT_SIZE : from - 4 },
            },
      ];
    }),
  );
  return {
    width: WIDTH,
    height: horizontal ? plot.bottom + 48 : VERTICAL_HEIGHT,
    bars,
    position: value,
    valueTicks: value.ticks(5).map((v) => ({ value: v, at: value(v) })),
    categoryLabels: categories.map((c, i) => ({ key: c.key, lines: labels[i]!, at: (outer(i) ?? 0) + outer.bandwidth() / 2 })),
    plot,
  };
}

function horizontalPlot(categories: number, series: number, labels: readonly string[][]) {
  const longest = max(labels.flat(), (line) => line.length) ?? 0;
  const left = Math.min(200, 16 + longest * FONT_SIZE * 0.55);
  const groupHeight = Math.max(series * BAR, (max(labels, (lines) => lines.length) ?? 1) * (FONT_SIZE + 2)) / 0.75;
  return { left, right: WIDTH - 72, top: 12, bottom: 12 + categories * groupHeight };
}

function verticalPlot(labels: readonly string[][]) {
  const lines = max(labels, (l) => l.length) ?? 1;
  return { left: 64, right: WIDTH - 16, top: 24, bottom: VERTICAL_HEIGHT - 36 - lines * (FONT_SIZE + 2) };
}

function seriesColour(index: number): string {
  return CATEGORICAL[index % CATEGORICAL.length]!;
}

export function BarChart(props: BarChartProps) {
  const { id, title, description, locale, valueLabel, orientation = 'horizontal', fractionDigits = 0 } = props;
  const geometry = barChartGeometry(props);
  const { plot } = geometry;
  const horizontal = orientation === 'horizontal';
  const tickText = tickLabels(
    locale,
    geometry.valueTicks.map((t) => t.value),
  );
  const ticks = geometry.valueTicks.map((t, i) => ({ at: round(t.at), label: tickText[i]! }));
  return (
    <div class={`chart chart--bars chart--${orientation}`} tabindex="0">
      <ChartSvg id={id} title={title} description={description} width={geometry.width} height={geometry.height}>
        <PatternDefs chartId={id} />
        {horizontal ? (
          <XAxis ticks={ticks} y={plot.bottom} gridTop={plot.top} from={plot.left} to={plot.right} />
        ) : (
          <YAxis ticks={ticks} x={plot.left} gridRight={plot.right} from={plot.top} to={plot.bottom} />
        )}
        {horizontal ? (
          <AxisTitle x={(plot.left + plot.right) / 2} y={geometry.height - 8} text={valueLabel} />
        ) : (
          <AxisTitle x={8} y={plot.top - 10} anchor="start" text={valueLabel} />
        )}
        <g class="chart__bars">
          {geometry.bars.map((bar) => (
            <BarShape bar={bar} chartId={id} />
          ))}
        </g>
        <g class="chart__values">
          {geometry.bars.map((bar) => (
            <text
              x={round(bar.labelAt.x)}
              y={round(bar.labelAt.y)}
              dy={horizontal ? '0.32em' : undefined}
              text-anchor={horizontal ? (bar.value < 0 ? 'end' : 'start') : 'middle'}
              font-size={horizontal ? undefined : FONT_SIZE - 2}
              safe
            >
              {formatNumber(locale, bar.value, fractionDigits)}
            </text>
          ))}
        </g>
        <g class="chart__categories" fill={TEXT}>
          {geometry.categoryLabels.map((label) =>
            horizontal ? (
              <WrappedText x={plot.left - 8} y={label.at} lines={label.lines} anchor="end" />
            ) : (
              <WrappedText
                x={label.at}
                y={plot.bottom + 12 + ((label.lines.length - 1) * (FONT_SIZE + 2)) / 2 + FONT_SIZE / 2}
                lines={label.lines}
                anchor="middle"
              />
            ),
          )}
        </g>
      </ChartSvg>
      <Legend items={barLegend(props)} />
    </div>
  );
}

function BarShape({ bar, chartId }: { bar: Bar; chartId: string }) {
  const colour = seriesColour(bar.seriesIndex);
  const pattern = patternId(chartId, bar.seriesIndex);
  const box = { x: round(bar.x), y: round(bar.y), width: round(bar.width), height: round(bar.height) };
  return (
    <>
      <rect {...box} fill={colour} />
      {pattern ? <rect {...box} fill={`url(#${pattern})`} stroke={colour} /> : ''}
    </>
  );
}

export function barLegend({ id, series }: BarChartProps): LegendItem[] {
  return series.map((s, i) => ({ label: s.label, swatch: { kind: 'fill', colour: seriesColour(i), pattern: patternId(id, i) } }));
}

/** The bars' numbers: a row per category, a column per series. */
export function barChartData({ title, categories, series, valueLabel, categoryLabel, fractionDigits = 0 }: BarChartProps): ChartData {
  const columns: ChartColumn[] = [
    { key: 'category', label: categoryLabel, rowHeader: true },
    ...series.map((s) => ({ key: s.key, label: s.label, unit: valueLabel, fractionDigits })),
  ];
  const rows = categories.map(
    (category, c): ChartRow => ({ category: category.label, ...Object.fromEntries(series.map((s) => [s.key, s.values[c] ?? null])) }),
  );
  return { title, columns, rows };
}
