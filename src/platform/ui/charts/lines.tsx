/**
 * Lines over years, each series told apart by colour, dash pattern, marker shape and a direct label
 * at its end; an optional low–high band per series (e.g. the low and high scenarios around the
 * main one); optionally indexed so that each series' first year is 100.
 */
import { extent, max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { ChartColumn, ChartData, ChartRow } from './data.js';
import { Legend, type LegendItem } from './legend.js';
import { seriesStyle, type SeriesStyle } from './style.js';
import { AxisTitle, ChartSvg, FONT_SIZE, Marker, round, tickLabels, XAxis, YAxis, type ChartBaseProps } from './svg.js';

export type Value = number | null;

export interface LineSeries {
  /** Machine name for the table's and the downloads' columns, e.g. "age_80_89". */
  key: string;
  label: string;
  /** One value per year, `null` where there is none. */
  values: readonly Value[];
  low?: readonly Value[];
  high?: readonly Value[];
}

export interface LineChartProps extends ChartBaseProps {
  years: readonly number[];
  series: readonly LineSeries[];
  /** The value axis's title and the table's unit (already saying "index, first year = 100" when indexed). */
  valueLabel: string;
  yearLabel: string;
  /** Divide each series (and its band) by its first year's value and multiply by 100. */
  indexed?: boolean;
  /** Draw (and table) the series' low–high bands, with these texts; without it the bands are left out. */
  band?: BandLabels;
  /** Decimals in the table and the labels; default 0, or 1 when indexed. */
  fractionDigits?: number;
}

export interface BandLabels {
  /** The legend's entry, e.g. "Low and high alternative". */
  label: string;
  /** Appended to a series' label in the table's headings, e.g. "low" and "high". */
  low: string;
  high: string;
}

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { top: 16, right: 132, bottom: 48, left: 64 };
const LABEL_GAP = FONT_SIZE + 3;

export interface LinePoint {
  year: number;
  value: number;
  x: number;
  y: number;
}

export interface BandPoint {
  year: number;
  x: number;
  yLow: number;
  yHigh: number;
}

export interface LineGeometry {
  key: string;
  label: string;
  style: SeriesStyle;
  points: LinePoint[];
  path: string;
  band: BandPoint[];
  bandPath: string;
  /** Where the direct label goes, moved apart from its neighbours; `anchor` is the line's end. */
  endLabel: { x: number; y: number; anchor: { x: number; y: number } } | null;
}

export interface LineChartGeometry {
  series: LineGeometry[];
  xTicks: { year: number; at: number }[];
  yTicks: { value: number; at: number }[];
  /** The value scale, SVG y for a value: for tests. */
  y(value: number): number;
}

/** The series as drawn: without bands unless asked for, indexed to first year = 100 when asked. */
export function displayedSeries({ series, indexed = false, band }: Pick<LineChartProps, 'series' | 'indexed' | 'band'>): LineSeries[] {
  const shown: LineSeries[] = band ? [...series] : series.map(({ key, label, values }) => ({ key, label, values }));
  if (!indexed) return shown;
  return shown.map((s) => {
    const base = s.values[0] ?? null;
    const index = (values: readonly Value[] | undefined) =>
      values?.map((v) => (v === null || base === null || base === 0 ? null : (v / base) * 100));
    return { ...s, values: index(s.values)!, low: index(s.low), high: index(s.high) };
  });
}

export function lineChartGeometry(props: Pick<LineChartProps, 'years' | 'series' | 'indexed' | 'band'>): LineChartGeometry {
  const series = displayedSeries(props);
  const { years } = props;
  for (const s of series) assertLength(s, years.length);
  const [firstYear = 0, lastYear = 1] = extent(years);
  const x = scaleLinear()
    .domain([firstYear, lastYear === firstYear ? firstYear + 1 : lastYear])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const all = series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])]).filter((v): v is number => v !== null);
  const lowest = props.indexed ? (min(all) ?? 0) : Math.min(0, min(all) ?? 0);
  const highest = max(all) ?? 1;
  const y = scaleLinear()
    .domain([lowest, highest > lowest ? highest : lowest + 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  const geometries = series.map((s, index) => seriesGeometry(s, index, years, x, y));
  placeEndLabels(geometries);
  return {
    series: geometries,
    xTicks: yearTicks(years).map((year) => ({ year, at: x(year) })),
    yTicks: y.ticks(6).map((value) => ({ value, at: y(value) })),
    y,
  };
}

function assertLength(s: LineSeries, count: number) {
  const lengths = [s.values.length, s.low?.length ?? count, s.high?.length ?? count];
  if (lengths.some((length) => length !== count)) throw new RangeError(`line series ${s.key} does not have one value per year (${count})`);
}

function seriesGeometry(
  s: LineSeries,
  index: number,
  years: readonly number[],
  x: (year: number) => number,
  y: (value: number) => number,
): LineGeometry {
  const points = years.flatMap((year, i) => {
    const value = s.values[i] ?? null;
    return value === null ? [] : [{ year, value, x: x(year), y: y(value) }];
  });
  const band = years.flatMap((year, i) => {
    const [low, high] = [s.low?.[i] ?? null, s.high?.[i] ?? null];
    return low === null || high === null ? [] : [{ year, x: x(year), yLow: y(low), yHigh: y(high) }];
  });
  const last = points.at(-1);
  return {
    key: s.key,
    label: s.label,
    style: seriesStyle(index),
    points,
    path:
      line<LinePoint>(
        (p) => p.x,
        (p) => p.y,
      ).digits(1)(points) ?? '',
    band,
    bandPath:
      area<BandPoint>()
        .x((p) => p.x)
        .y0((p) => p.yLow)
        .y1((p) => p.yHigh)
        .digits(1)(band) ?? '',
    endLabel: last ? { x: WIDTH - MARGIN.right + 10, y: last.y, anchor: { x: last.x, y: last.y } } : null,
  };
}

/** Moves the end labels apart, keeping their order and the plot's height: down where crowded, then up from the bottom. */
function placeEndLabels(series: LineGeometry[]) {
  const labels = series.flatMap((s) => (s.endLabel ? [s.endLabel] : [])).sort((a, b) => a.y - b.y);
  labels.forEach((label, i) => {
    if (i > 0) label.y = Math.max(label.y, labels[i - 1]!.y + LABEL_GAP);
  });
  const bottom = HEIGHT - MARGIN.bottom;
  for (let i = labels.length - 1; i >= 0; i--) {
    const below = i === labels.length - 1 ? bottom + LABEL_GAP / 2 : labels[i + 1]!.y;
    labels[i]!.y = Math.min(labels[i]!.y, below - LABEL_GAP);
  }
}

/** About seven year ticks on round steps (1, 2, 5, 10 … years). */
function yearTicks(years: readonly number[]): number[] {
  const [first = 0, last = 0] = extent(years);
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => (last - first) / s <= 7) ?? 50;
  const ticks: number[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) ticks.push(year);
  return ticks;
}

/** Markers every few years, so a line can be followed by its shape even where it crosses others. */
function markerPoints(points: readonly LinePoint[]): LinePoint[] {
  const step = Math.max(1, Math.ceil(points.length / 6));
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

export function LineChart(props: LineChartProps) {
  const { id, title, description, locale, valueLabel, yearLabel } = props;
  const geometry = lineChartGeometry(props);
  const yLabels = tickLabels(
    locale,
    geometry.yTicks.map((t) => t.value),
  );
  return (
    <div class="chart chart--lines" tabindex="0">
      <ChartSvg id={id} title={title} description={description} width={WIDTH} height={HEIGHT}>
        <YAxis
          ticks={geometry.yTicks.map((t, i) => ({ at: round(t.at), label: yLabels[i]! }))}
          x={MARGIN.left}
          gridRight={WIDTH - MARGIN.right}
          from={MARGIN.top}
          to={HEIGHT - MARGIN.bottom}
        />
        <XAxis
          ticks={geometry.xTicks.map((t) => ({ at: round(t.at), label: String(t.year) }))}
          y={HEIGHT - MARGIN.bottom}
          gridTop={MARGIN.top}
          from={MARGIN.left}
          to={WIDTH - MARGIN.right}
        />
        <AxisTitle x={8} y={MARGIN.top - 4} anchor="start" text={valueLabel} />
        <AxisTitle x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 8} text={yearLabel} />
        <g class="chart__bands">
          {geometry.series.map((s) => (s.bandPath ? <path d={s.bandPath} fill={s.style.colour} fill-opacity="0.15" /> : ''))}
        </g>
        {geometry.series.map((s) => (
          <SeriesLine series={s} />
        ))}
      </ChartSvg>
      <Legend items={lineLegend(props, geometry)} />
    </div>
  );
}

function SeriesLine({ series: s }: { series: LineGeometry }) {
  const { colour, dash, marker } = s.style;
  return (
    <g class="chart__series">
      <path d={s.path} fill="none" stroke={colour} stroke-width="2" stroke-dasharray={dash || undefined} stroke-linejoin="round" />
      {markerPoints(s.points).map((p) => (
        <Marker shape={marker} x={p.x} y={p.y} colour={colour} />
      ))}
      {s.endLabel ? <EndLabel series={s} /> : ''}
    </g>
  );
}

function EndLabel({ series: s }: { series: LineGeometry }) {
  const label = s.endLabel!;
  const moved = Math.abs(label.y - label.anchor.y) > 1;
  return (
    <>
      {moved ? (
        <line
          x1={round(label.anchor.x + 4)}
          y1={round(label.anchor.y)}
          x2={round(label.x - 2)}
          y2={round(label.y)}
          stroke={s.style.colour}
          stroke-width="1"
        />
      ) : (
        ''
      )}
      <text x={round(label.x)} y={round(label.y)} dy="0.32em" fill={s.style.colour} safe>
        {s.label}
      </text>
    </>
  );
}

/** One entry per series (its dash and marker), and the band's meaning when there is a band. */
export function lineLegend(props: LineChartProps, geometry: LineChartGeometry = lineChartGeometry(props)): LegendItem[] {
  const items: LegendItem[] = geometry.series.map((s) => ({
    label: s.label,
    swatch: { kind: 'line', colour: s.style.colour, dash: s.style.dash, marker: s.style.marker },
  }));
  const banded = geometry.series.find((s) => s.band.length > 0);
  if (banded && props.band) items.push({ label: props.band.label, swatch: { kind: 'fill', colour: banded.style.colour, opacity: 0.15 } });
  return items;
}

/** The lines' numbers, as drawn (indexed when the chart is): a row per year, columns per series and band edge. */
export function lineChartData(props: LineChartProps): ChartData {
  const { title, years, valueLabel, yearLabel, band } = props;
  const fractionDigits = props.fractionDigits ?? (props.indexed ? 1 : 0);
  const series = displayedSeries(props);
  const columns: ChartColumn[] = [
    { key: 'year', label: yearLabel, rowHeader: true, plain: true },
    ...series.flatMap((s) => [
      { key: s.key, label: s.label, unit: valueLabel, fractionDigits },
      ...(s.low ? [{ key: `${s.key}_low`, label: `${s.label}, ${band?.low}`, unit: valueLabel, fractionDigits }] : []),
      ...(s.high ? [{ key: `${s.key}_high`, label: `${s.label}, ${band?.high}`, unit: valueLabel, fractionDigits }] : []),
    ]),
  ];
  const rows = years.map(
    (year, i): ChartRow => ({
      year,
      ...Object.fromEntries(
        series.flatMap((s) => [
          [s.key, s.values[i] ?? null],
          ...(s.low ? [[`${s.key}_low`, s.low[i] ?? null]] : []),
          ...(s.high ? [[`${s.key}_high`, s.high[i] ?? null]] : []),
        ]),
      ),
    }),
  );
  return { title, columns, rows };
}
