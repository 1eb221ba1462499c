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
export function XAxis({ ticks, y, gridTop, from, to }: { ticks: readonly AxisTick[]; y: number; gridTop: number; from: number; to: number }) {
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
export function YAxis({ ticks, x, gridRight, from, to }: { ticks: readonly AxisTick[]; x: number; gridRight: number; from: number; to: number }) {
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
    <path d={symbol(SYMBOLS[shape], size)() ?? ''} transform={`translate(${round(x)},${round(y)})`} fill={colour} stroke="#ffffff" stroke-width="1" />
  );
}

/** SVG coordinates to one decimal: enough at any screen size, and it keeps the markup small. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
