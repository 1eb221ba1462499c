/**
 * Indicators of the map and the ranks: one number per municipality and year, and where a
 * municipality stands among all of them and within its county. Pure.
 */
import { figuresIn, percentChange, type AreaFigures } from './figures.js';

export const INDICATORS = ['workingAgePer80Plus', 'growth', 'share80Plus', 'ftePer1000WorkingAge'] as const;
export type Indicator = (typeof INDICATORS)[number];

export function isIndicator(value: unknown): value is Indicator {
  return typeof value === 'string' && (INDICATORS as readonly string[]).includes(value);
}

/** Fraction digits an indicator is shown with. */
export const INDICATOR_DIGITS: Readonly<Record<Indicator, number>> = {
  workingAgePer80Plus: 1,
  growth: 1,
  share80Plus: 1,
  ftePer1000WorkingAge: 0,
};

/**
 * persons 20–66 per person 80+; growth in per cent since the base year; share aged 80+ in per
 * cent; årsverk in kindergartens, schools and care per 1 000 aged 20–66.
 */
export function indicatorValue(figures: AreaFigures, indicator: Indicator, year: number): number {
  const y = figuresIn(figures, year);
  switch (indicator) {
    case 'workingAgePer80Plus':
      return y.workingAgePer80Plus;
    case 'growth':
      return percentChange(figuresIn(figures, figures.baseYear).total, y.total);
    case 'share80Plus':
      return 100 * y.share80Plus;
    case 'ftePer1000WorkingAge':
      return y.staffing.ftePer1000WorkingAge;
  }
}

export interface IndicatorValue {
  readonly code: string;
  readonly value: number;
}

export interface Rank {
  /** 1 = the highest value; equal values share a rank. */
  readonly rank: number;
  readonly of: number;
}

/** Where `value` stands among `values` (1 = highest; ties share the better rank; NaN not ranked). */
export function rankAmong(value: number, values: readonly number[]): Rank | undefined {
  if (Number.isNaN(value)) return undefined;
  const ranked = values.filter((v) => !Number.isNaN(v));
  return { rank: 1 + ranked.filter((v) => v > value).length, of: ranked.length };
}

export type SortKey = 'name' | 'value' | 'code';
export type SortOrder = 'asc' | 'desc';

export interface IndicatorRow extends IndicatorValue {
  readonly name: string;
  readonly countyCode: string;
}

/** Rows sorted by name, value or code; NaN values last whatever the order. */
export function sortRows<T extends IndicatorRow>(rows: readonly T[], key: SortKey, order: SortOrder, locale: string): T[] {
  const sign = order === 'asc' ? 1 : -1;
  const compare = (a: T, b: T): number => {
    if (key === 'value') {
      if (Number.isNaN(a.value) || Number.isNaN(b.value)) return Number.isNaN(a.value) ? (Number.isNaN(b.value) ? 0 : 1) : -1;
      return sign * (a.value - b.value) || a.code.localeCompare(b.code);
    }
    return sign * (key === 'name' ? a.name.localeCompare(b.name, locale) : a.code.localeCompare(b.code));
  };
  return [...rows].sort(compare);
}

/** Class breaks for a choropleth: `classes` quantiles of the finite values, ascending. */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return Array.from({ length: classes - 1 }, (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / classes)]!);
}
