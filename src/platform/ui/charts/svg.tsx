/** The pieces every chart is drawn with: the accessible SVG root, axes, markers, tick labels. */
import type { Children } from '@kitajs/html';
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { formatNumber, type Locale } from '../../i18n/index.js';
import { AXIS, GRID, TEXT, TEXT_SUBTLE, type MarkerShape } from './style.js';

export const FONT_SIZE = 13;

/** What every chart takes: a page-unique id (for ids inside the SVG), texts already translated, the language. */
export interface ChartBaseProps {
  id: string;
  title: string;
  /** One or two sentences on what the chart shows, for the SVG's `<desc>`. */
  description: string;
  locale: Locale;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartSvgProps {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  /** `img` for a picture; `group` when the chart holds links (a role="img" would hide them). */
  role?: 'img' | 'group';
  class?: string;
  children?: Children;
}

/** The root: scales with its container (viewBox, width 100 %), named by its `<title>`, described by its `<desc>`. */
export function ChartSvg({ id, title, description, width, height, role = 'img', class: className, children }: ChartSvgProps) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role={role}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      class={className ? `chart__svg ${className}` : 'chart__svg'}
      font-size={FONT_SIZE}
      fill={TEXT}
    >
      <title id={`${id}-title`} safe>
        {title}
      </title>
      <desc id={`${id}-desc`} safe>
        {description}
      </desc>
      {children}
    </svg>
  );
}

/** Tick values' decimals: enough to tell neighbouring ticks apart, given the step between them. */
export function tickDigits(ticks: readonly number[]): number {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  return step >= 1 || step === 0 ? 0 : Math.ceil(-Math.log10(step) - 1e-9);
}

export function tickLabels(locale: Locale, ticks: readonly number[]): string[] {
  const digits = tickDigits(ticks);
  return ticks.map((tick) => formatNumber(locale, tick, digits));
}

export interface AxisTick {
  /** Position along the axis in SVG units. */
  at: number;
  label: string;
}

/** A horizontal axis at `y` with vertical grid lines up to `gridTop`, tick labels below. */
export function XAxis({
  ticks,
  y,
  gridTop,
  from,
  to,
}: {
  ticks: readonly AxisTick[];
  y: number;
  gridTop: number;
  from: number;
  to: number;
}) {
  return (
    <g class="chart__axis" aria-hidden="true">
      {ticks.map((tick) => (
        <line x1={tick.at} x2={tick.at} y1={gridTop} y2={y} stroke={GRID} />
      ))}
      <line x1={from} x2={to} y1={y} y2={y} stroke={AXIS} />
      {ticks.map((tick) => (
        <text x={tick.at} y={y + FONT_SIZE + 4} text-anchor="middle" fill={TEXT_SUBTLE} safe>
          {tick.label}
        </text>
      ))}
    </g>
  );
}

/** A vertical axis at `x` with horizontal grid lines across to `gridRight`, tick labels to the left. */
export function YAxis({
  ticks,
  x,
  gridRight,
  from,
  to,
}: {
  ticks: readonly AxisTick[];
  x: number;
  gridRight: number;
  from: number;
  to: number;
}) {
  return (
    <g class="chart__axis" aria-hidden="true">
      {ticks.map((tick) => (
        <line x1={x} x2={gridRight} y1={tick.at} y2={tick.at} stroke={GRID} />
      ))}
      <line x1={x} x2={x} y1={from} y2={to} stroke={AXIS} />
      {ticks.map((tick) => (
        <text x={x - 6} y={tick.at} dy="0.32em" text-anchor="end" fill={TEXT_SUBTLE} safe>
          {tick.label}
        </text>
      ))}
    </g>
  );
}

/** An axis title, horizontal, anchored at (x, y). */
export function AxisTitle({ x, y, anchor = 'middle', text }: { x: number; y: number; anchor?: 'start' | 'middle' | 'end'; text: string }) {
  return (
    <text class="chart__axis-title" x={x} y={y} text-anchor={anchor} fill={TEXT} safe>
      {text}
    </text>
  );
}

const SYMBOLS: Record<MarkerShape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  cross: symbolCross,
  wye: symbolWye,
};

/** A marker shape centred on (x, y); `size` is its area in square SVG units. */
export function Marker({ shape, x, y, colour, size = 40 }: { shape: MarkerShape; x: number; y: number; colour: string; size?: number }) {
  return (
    <path
      d={symbol(SYMBOLS[shape], size)() ?? ''}
      transform={`translate(${round(x)},${round(y)})`}
      fill={colour}
      stroke="#ffffff"
      stroke-width="1"
    />
  );
}

/** SVG coordinates to one decimal: enough at any screen size, and it keeps the markup small. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Overlays for filled areas, white on the fill colour: none, hatching, dots, cross-hatching, the other hatching. */
const PATTERNS = ['', 'hatch', 'dots', 'cross', 'backhatch'] as const;
type PatternKind = (typeof PATTERNS)[number];

/** The id of the `index`th overlay pattern of chart `chartId`, or undefined for the plain first one. */
export function patternId(chartId: string, index: number): string | undefined {
  const kind = PATTERNS[index % PATTERNS.length]!;
  return kind ? `${chartId}-${kind}` : undefined;
}

/** The `<defs>` with the chart's overlay patterns, referenced by `patternId`. */
export function PatternDefs({ chartId }: { chartId: string }) {
  return (
    <defs>
      {PATTERNS.filter((kind): kind is Exclude<PatternKind, ''> => kind !== '').map((kind) => (
        <pattern
          id={`${chartId}-${kind}`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform={kind === 'backhatch' ? 'rotate(-45)' : kind === 'dots' ? undefined : 'rotate(45)'}
        >
          {kind === 'dots' ? (
            <circle cx="3" cy="3" r="1.3" fill="#ffffff" />
          ) : (
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="1.5" />
          )}
          {kind === 'cross' ? <line x1="0" y1="3" x2="6" y2="3" stroke="#ffffff" stroke-width="1.5" /> : ''}
        </pattern>
      ))}
    </defs>
  );
}

/** Splits a label into lines of about `width` characters at spaces, for labels under or beside bars. */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A label of several lines, the block centred vertically on `y`. */
export function WrappedText({
  x,
  y,
  lines,
  anchor,
}: {
  x: number;
  y: number;
  lines: readonly string[];
  anchor: 'start' | 'middle' | 'end';
}) {
  const lineHeight = FONT_SIZE + 2;
  const first = y - ((lines.length - 1) * lineHeight) / 2;
  return (
    <text text-anchor={anchor}>
      {lines.map((text, i) => (
        <tspan x={round(x)} y={round(first + i * lineHeight)} dy="0.32em" safe>
          {text}
        </tspan>
      ))}
    </text>
  );
}
