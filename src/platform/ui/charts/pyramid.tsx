/**
 * Population pyramid: males to the left, females to the right, the youngest at the bottom. The
 * first series is drawn as bars, each further series (another year) as an outline on a white halo
 * with its own dash pattern, so the years differ without colour.
 */
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartColumn, ChartData } from './data.js';
import { Legend, type LegendItem } from './legend.js';
import { BACKGROUND, DASHES, TEXT } from './style.js';
import { AxisTitle, ChartSvg, FONT_SIZE, round, tickLabels, XAxis, type AxisTick, type ChartBaseProps } from './svg.js';

export interface PyramidSeries {
  /** Machine name for the table's and the downloads' columns, e.g. "2024". */
  key: string;
  label: string;
  /** One value per age group, youngest first; as long as `ages`. */
  male: readonly number[];
  female: readonly number[];
}

export interface PopulationPyramidProps extends ChartBaseProps {
  /** Age group labels, youngest first: "0", "1", … "105+" or "0–4", … "100+". */
  ages: readonly string[];
  /** The first is drawn as bars, the others as outlines. */
  series: readonly PyramidSeries[];
  maleLabel: string;
  femaleLabel: string;
  ageLabel: string;
  /** The value axis's title and the table's unit, e.g. "persons". */
  valueLabel: string;
}

export const PYRAMID_COLOURS = { male: '#3b78c2', female: '#b5477c' } as const;
const OUTLINE_DASHES = DASHES.slice(0, 3);

const WIDTH = 640;
const MARGIN = { top: 28, right: 12, bottom: 44, left: 12 };
const AGE_GAP = 48;
const PLOT_HEIGHT = 420;

type Sex = 'male' | 'female';

export interface PyramidBar {
  sex: Sex;
  age: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PyramidGeometry {
  height: number;
  /** Width in SVG units of a bar for `value`. */
  length(value: number): number;
  /** The bars of the first series. */
  bars: PyramidBar[];
  /** Outline paths of the other series, per series, for each sex. */
  outlines: { key: string; male: string; female: string }[];
  ticks: { value: number; at: number }[];
  ageTicks: { label: string; y: number }[];
  centreLeft: number;
  centreRight: number;
}

/** Where everything goes: exported so tests can hold bar lengths against values. */
export function pyramidGeometry({ ages, series }: Pick<PopulationPyramidProps, 'ages' | 'series'>): PyramidGeometry {
  assertLengths(ages, series);
  const half = (WIDTH - MARGIN.left - MARGIN.right - AGE_GAP) / 2;
  const centreLeft = MARGIN.left + half;
  const centreRight = centreLeft + AGE_GAP;
  const largest = max(series.flatMap((s) => [...s.male, ...s.female])) ?? 0;
  const scale = scaleLinear()
    .domain([0, largest > 0 ? largest : 1])
    .range([0, half])
    .nice();
  const rows = scaleBand<number>()
    .domain(ages.map((_, index) => index))
    .range([MARGIN.top + PLOT_HEIGHT, MARGIN.top])
    .paddingInner(ages.length > 40 ? 0 : 0.1);
  const y = (index: number) => rows(index) ?? 0;
  const left = (value: number) => centreLeft - scale(value);
  const right = (value: number) => centreRight + scale(value);
  const [first, ...others] = series;
  const bars = first
    ? ages.flatMap((age, index) => [
        {
          sex: 'male' as const,
          age,
          value: first.male[index]!,
          x: left(first.male[index]!),
          y: y(index),
          width: scale(first.male[index]!),
          height: rows.bandwidth(),
        },
        {
          sex: 'female' as const,
          age,
          value: first.female[index]!,
          x: centreRight,
          y: y(index),
          width: scale(first.female[index]!),
          height: rows.bandwidth(),
        },
      ])
    : [];
  const gap = (rows.step() - rows.bandwidth()) / 2;
  const outline = (values: readonly number[], side: (value: number) => number) =>
    outlinePath(values.map((value, index) => ({ x: side(value), bottom: y(index) + rows.bandwidth() + gap, top: y(index) - gap })));
  const every = labelEvery(ages.length);
  const ticks = scale.ticks(4);
  return {
    height: MARGIN.top + PLOT_HEIGHT + MARGIN.bottom,
    length: scale,
    bars,
    outlines: others.map((s) => ({ key: s.key, male: outline(s.male, left), female: outline(s.female, right) })),
    ticks: ticks.map((value) => ({ value, at: scale(value) })),
    ageTicks: ages.flatMap((label, index) => (index % every === 0 ? [{ label, y: y(index) + rows.bandwidth() / 2 }] : [])),
    centreLeft,
    centreRight,
  };
}

function assertLengths(ages: readonly string[], series: readonly PyramidSeries[]) {
  for (const s of series) {
    if (s.male.length !== ages.length || s.female.length !== ages.length) {
      throw new RangeError(`pyramid series ${s.key} has ${s.male.length}/${s.female.length} values for ${ages.length} age groups`);
    }
  }
}

/** Label every 1st, 2nd, 5th or 10th age group: about a dozen labels whatever the grouping. */
function labelEvery(rows: number): number {
  return [1, 2, 5, 10, 20].find((step) => rows / step <= 12) ?? 20;
}

/** A stepped outline up the age groups: a vertical stroke at each group's value, joined at group edges. */
function outlinePath(steps: readonly { x: number; top: number; bottom: number }[]): string {
  const points = steps.flatMap(({ x, top, bottom }): [number, number][] => [
    [x, bottom],
    [x, top],
  ]);
  return line().digits(1)(points) ?? '';
}

export function PopulationPyramid(props: PopulationPyramidProps) {
  const geometry = pyramidGeometry(props);
  const { id, title, description, locale, maleLabel, femaleLabel, ageLabel, valueLabel } = props;
  const labels = tickLabels(
    locale,
    geometry.ticks.map((t) => t.value),
  );
  const axisY = MARGIN.top + PLOT_HEIGHT;
  const ticks: AxisTick[] = geometry.ticks.flatMap((tick, index) => [
    { at: round(geometry.centreLeft - tick.at), label: labels[index]! },
    { at: round(geometry.centreRight + tick.at), label: labels[index]! },
  ]);
  return (
    <div class="chart chart--pyramid" tabindex="0">
      <ChartSvg id={id} title={title} description={description} width={WIDTH} height={geometry.height}>
        <XAxis ticks={ticks} y={axisY} gridTop={MARGIN.top} from={MARGIN.left} to={WIDTH - MARGIN.right} />
        <AxisTitle x={geometry.centreLeft} y={MARGIN.top - 10} anchor="end" text={maleLabel} />
        <AxisTitle x={geometry.centreRight} y={MARGIN.top - 10} anchor="start" text={femaleLabel} />
        <AxisTitle x={(geometry.centreLeft + geometry.centreRight) / 2} y={MARGIN.top - 10} text={ageLabel} />
        <AxisTitle x={WIDTH / 2} y={axisY + 2 * FONT_SIZE + 10} text={valueLabel} />
        <g class="chart__bars" shape-rendering="crispEdges">
          {geometry.bars.map((bar) => (
            <rect x={round(bar.x)} y={round(bar.y)} width={round(bar.width)} height={round(bar.height)} fill={PYRAMID_COLOURS[bar.sex]} />
          ))}
        </g>
        {geometry.outlines.map((outline, index) => (
          <Outline male={outline.male} female={outline.female} dash={OUTLINE_DASHES[index % OUTLINE_DASHES.length]!} />
        ))}
        <g class="chart__age-labels" aria-hidden="true">
          {geometry.ageTicks.map((tick) => (
            <text x={(geometry.centreLeft + geometry.centreRight) / 2} y={round(tick.y)} dy="0.32em" text-anchor="middle" safe>
              {tick.label}
            </text>
          ))}
        </g>
      </ChartSvg>
      <Legend items={pyramidLegend(props)} />
    </div>
  );
}

function Outline({ male, female, dash }: { male: string; female: string; dash: string }) {
  return (
    <g class="chart__outline" fill="none">
      <path d={male} stroke={BACKGROUND} stroke-width="4" />
      <path d={female} stroke={BACKGROUND} stroke-width="4" />
      <path d={male} stroke={TEXT} stroke-width="2" stroke-dasharray={dash || undefined} />
      <path d={female} stroke={TEXT} stroke-width="2" stroke-dasharray={dash || undefined} />
    </g>
  );
}

/** Bars of the first series per sex, then one outline per further series. */
export function pyramidLegend({ series, maleLabel, femaleLabel }: PopulationPyramidProps): LegendItem[] {
  const [first, ...others] = series;
  if (!first) return [];
  return [
    { label: `${maleLabel} ${first.label}`, swatch: { kind: 'fill', colour: PYRAMID_COLOURS.male } },
    { label: `${femaleLabel} ${first.label}`, swatch: { kind: 'fill', colour: PYRAMID_COLOURS.female } },
    ...others.map(
      (s, index): LegendItem => ({
        label: s.label,
        swatch: { kind: 'line', colour: TEXT, dash: OUTLINE_DASHES[index % OUTLINE_DASHES.length]!, halo: true },
      }),
    ),
  ];
}

/** The pyramid's numbers: one row per age group, a column per sex and series. */
export function pyramidData({ title, ages, series, maleLabel, femaleLabel, ageLabel, valueLabel }: PopulationPyramidProps): ChartData {
  const columns: ChartColumn[] = [
    { key: 'age', label: ageLabel, rowHeader: true },
    ...series.flatMap((s) => [
      { key: `male_${s.key}`, label: `${maleLabel} ${s.label}`, unit: valueLabel },
      { key: `female_${s.key}`, label: `${femaleLabel} ${s.label}`, unit: valueLabel },
    ]),
  ];
  const rows = ages.map((age, index) => ({
    age,
    ...Object.fromEntries(
      series.flatMap((s) => [
        [`male_${s.key}`, s.male[index]!],
        [`female_${s.key}`, s.female[index]!],
      ]),
    ),
  }));
  return { title, columns, rows };
}
