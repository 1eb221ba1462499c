/** A chart's key, as an HTML list beside the SVG: real text that wraps, zooms and is read aloud. */
import { Marker } from './svg.js';
import { BACKGROUND, type MarkerShape } from './style.js';

export type Swatch =
  /** An area: a bar, a map class or a band; `pattern` is the id of an SVG `<pattern>` on the page. */
  | { kind: 'fill'; colour: string; pattern?: string; opacity?: number }
  /** A line with its dash pattern and marker; `halo` draws it on a white edge, as over bars. */
  | { kind: 'line'; colour: string; dash?: string; marker?: MarkerShape; halo?: boolean };

export interface LegendItem {
  label: string;
  swatch: Swatch;
}

export function Legend({ items, label }: { items: readonly LegendItem[]; label?: string }) {
  return (
    <ul class="chart-legend" aria-label={label}>
      {items.map((item) => (
        <li class="chart-legend__item">
          <SwatchGraphic swatch={item.swatch} />
          <span safe>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

const WIDTH = 32;
const HEIGHT = 16;

/** The swatch alone, 32 × 16, hidden from assistive technology (the label says it all). */
export function SwatchGraphic({ swatch }: { swatch: Swatch }) {
  return (
    <svg class="chart-legend__swatch" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false">
      {swatch.kind === 'fill' ? <FillSwatch {...swatch} /> : <LineSwatch {...swatch} />}
    </svg>
  );
}

function FillSwatch({ colour, pattern, opacity }: { colour: string; pattern?: string; opacity?: number }) {
  return (
    <>
      <rect x="1" y="1" width={WIDTH - 2} height={HEIGHT - 2} fill={colour} fill-opacity={opacity} stroke={colour} />
      {pattern ? <rect x="1" y="1" width={WIDTH - 2} height={HEIGHT - 2} fill={`url(#${pattern})`} /> : ''}
    </>
  );
}

function LineSwatch({ colour, dash, marker, halo }: { colour: string; dash?: string; marker?: MarkerShape; halo?: boolean }) {
  const y = HEIGHT / 2;
  return (
    <>
      {halo ? <line x1="1" x2={WIDTH - 1} y1={y} y2={y} stroke={BACKGROUND} stroke-width="5" /> : ''}
      <line x1="1" x2={WIDTH - 1} y1={y} y2={y} stroke={colour} stroke-width="2" stroke-dasharray={dash || undefined} />
      {marker ? <Marker shape={marker} x={WIDTH / 2} y={y} colour={colour} /> : ''}
    </>
  );
}
