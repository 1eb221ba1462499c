/**
 * Colours, dash patterns and marker shapes. Every colour that draws data has at least 3:1 contrast
 * against the page's white background (WCAG 2.1 1.4.11) and text at least 4.5:1; no series is told
 * apart by colour alone: each also has its own dash pattern and marker, or a direct label.
 */

/** Designsystemet's light-scheme text colours (neutral text default and subtle). */
export const TEXT = '#292c30';
export const TEXT_SUBTLE = '#5b5d60';
/** Axis lines: graphical objects, so 3:1 or more. */
export const AXIS = '#77797b';
/** Grid lines only help the eye; the axis labels carry the values. */
export const GRID = '#e1e2e3';
export const BACKGROUND = '#ffffff';

/** Ten categorical colours, each ≥ 4.5:1 on white. */
export const CATEGORICAL = [
  '#1f6fb4',
  '#c4490b',
  '#2a7d2a',
  '#c0272d',
  '#7b4fa6',
  '#8c5a3c',
  '#b8327f',
  '#5f6266',
  '#737000',
  '#00808a',
] as const;

/** Sequential blues, strictly darker step by step (so they also order in greyscale), each ≥ 3:1 on white. */
export const SEQUENTIAL = ['#6a93cc', '#4f7fbf', '#3669a7', '#24548e', '#173f70', '#0c2b51', '#041733'] as const;

/** A pattern for municipalities without a value: light grey with cross-hatching. */
export const NO_DATA = '#f3f3f4';

/** Stroke dash patterns, solid first. */
export const DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4'] as const;

export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'wye'] as const;
export type MarkerShape = (typeof MARKERS)[number];

export interface SeriesStyle {
  colour: string;
  dash: string;
  marker: MarkerShape;
}

/**
 * The look of the `index`th series: colour, dash and marker. The pair (dash, marker) differs for
 * every index below `DASHES.length × MARKERS.length`, so lines differ even in greyscale.
 */
export function seriesStyle(index: number): SeriesStyle {
  const round = Math.floor(index / DASHES.length);
  return {
    colour: pick(CATEGORICAL, index),
    dash: pick(DASHES, index),
    marker: pick(MARKERS, (index % DASHES.length) + round),
  };
}

/** The `count` steps of the sequential palette, spread from lightest to darkest. */
export function sequentialPalette(count: number): string[] {
  if (count < 1 || count > SEQUENTIAL.length) throw new RangeError(`between 1 and ${SEQUENTIAL.length} classes`);
  if (count === 1) return [pick(SEQUENTIAL, 2)];
  return Array.from({ length: count }, (_, index) => pick(SEQUENTIAL, Math.round((index * (SEQUENTIAL.length - 1)) / (count - 1))));
}

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length]!;
}
