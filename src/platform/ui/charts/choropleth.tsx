/**
 * Choropleth map of municipalities: each area filled by the class of its value (a sequential
 * palette that darkens step by step, every other class also hatched), each a link to its page
 * named by municipality and value. Projected with a transverse Mercator centred on the map's own
 * longitude (UTM-like: 15° E for Norway gives UTM 33), fitted to the viewBox.
 */
import { bisectRight, extent, quantileSorted } from 'd3-array';
import {
  geoArea,
  geoBounds,
  geoPath,
  geoStream,
  geoTransverseMercator,
  type GeoGeometryObjects,
  type GeoProjection,
  type GeoStream,
} from 'd3-geo';
import { formatNumber, intlTag, type Locale } from '../../i18n/index.js';
import type { ChartColumn, ChartData } from './data.js';
import { Legend, type LegendItem } from './legend.js';
import { NO_DATA, sequentialPalette, TEXT_SUBTLE } from './style.js';
import { ChartSvg, type ChartBaseProps } from './svg.js';

type Position = readonly [number, number];

/** A municipality's outline: `BoundaryFeature` from the registry's geo module fits. */
export interface MapFeature {
  readonly id: string;
  readonly properties: { readonly name: string };
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly Position[])[] }
    | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly Position[])[])[] };
}

export type MapClasses =
  /** About equally many municipalities in each of `count` classes. */
  | { kind: 'quantile'; count: number }
  /** Classes split at these values (ascending): a value equal to a break belongs to the class above it. */
  | { kind: 'threshold'; breaks: readonly number[] };

/** The outlines: keep passing the same array or map (e.g. the registry's `Boundaries.features`), and the projection is computed once. */
export type MapFeatures = readonly MapFeature[] | ReadonlyMap<string, MapFeature>;

export interface ChoroplethProps extends ChartBaseProps {
  features: MapFeatures;
  /** Value per municipality code; codes missing or `null` are drawn as "no data". */
  values: ReadonlyMap<string, number | null>;
  /** The page a municipality links to. */
  href: (code: string) => string;
  classes: MapClasses;
  /** The indicator with its unit, e.g. "Persons 20–66 per person 80+": the legend's heading and the table's column. */
  valueLabel: string;
  /** Table headings: name, code, and the lower and upper bound of the municipality's class. */
  nameLabel: string;
  codeLabel: string;
  classLabels: { from: string; to: string };
  /** The accessible name's and the legend's text for a municipality without a value. */
  noDataLabel: string;
  fractionDigits?: number;
  /** Width of the viewBox in SVG units; the height follows the map's shape. */
  width?: number;
}

export interface MapClass {
  from: number;
  to: number;
  colour: string;
  /** Id of the fill pattern (colour with white hatching) for every other class. */
  pattern?: string;
}

export interface Classification {
  classes: MapClass[];
  /** The class index of a value, or -1 for no value. */
  classOf(value: number | null | undefined): number;
}

/**
 * Classes for the given values: from the lowest value to the first break, …, from the last break to
 * the highest value. Breaks that coincide (many equal values) collapse, so no class is empty by
 * construction.
 */
export function classify(values: readonly number[], classes: MapClasses, chartId: string): Classification {
  const sorted = [...values].sort((a, b) => a - b);
  const [lowest = 0, highest = 0] = extent(sorted);
  const candidates = classes.kind === 'quantile' ? quantileBreaks(sorted, classes.count) : [...classes.breaks].sort((a, b) => a - b);
  const breaks = [...new Set(candidates)];
  const palette = sequentialPalette(breaks.length + 1);
  const bounds = [Math.min(lowest, breaks[0] ?? lowest), ...breaks, Math.max(highest, breaks.at(-1) ?? highest)];
  return {
    classes: palette.map((colour, i) => ({
      from: bounds[i]!,
      to: bounds[i + 1]!,
      colour,
      pattern: i % 2 === 1 ? `${chartId}-class-${i}` : undefined,
    })),
    classOf: (value) => (value === null || value === undefined || !Number.isFinite(value) ? -1 : bisectRight(breaks, value)),
  };
}

function quantileBreaks(sorted: number[], count: number): number[] {
  const breaks = Array.from({ length: count - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / count) ?? 0);
  return breaks.filter((b) => b > (sorted[0] ?? b));
}

export interface MapArea {
  code: string;
  name: string;
  value: number | null;
  classIndex: number;
  path: string;
}

export interface ChoroplethGeometry {
  width: number;
  height: number;
  areas: MapArea[];
  classification: Classification;
}

/** Projected points closer than this (in SVG units, about a pixel) to the last one kept are dropped. */
const MIN_STEP = 1;
/** Rings smaller than this (square SVG units: skerries, ponds) are left out, unless a municipality has no bigger one. */
const MIN_AREA = 1;

export function choroplethGeometry({
  id,
  features,
  values,
  classes,
  width = 480,
}: Pick<ChoroplethProps, 'id' | 'features' | 'values' | 'classes' | 'width'>): ChoroplethGeometry {
  const projected = projectedFeatures(features, width);
  const numbers = projected.shapes.map((s) => values.get(s.code)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const classification = classify(numbers, classes, id);
  const areas = projected.shapes.map((shape) => {
    const value = values.get(shape.code) ?? null;
    return { ...shape, value, classIndex: classification.classOf(value) };
  });
  return { width, height: projected.height, areas, classification };
}

interface ProjectedFeatures {
  height: number;
  shapes: { code: string; name: string; path: string }[];
}

const projections = new WeakMap<MapFeatures, Map<number, ProjectedFeatures>>();

/** The features' SVG paths at this width, computed once per features object and width. */
function projectedFeatures(features: MapFeatures, width: number): ProjectedFeatures {
  const byWidth = projections.get(features) ?? new Map<number, ProjectedFeatures>();
  projections.set(features, byWidth);
  const known = byWidth.get(width);
  if (known) return known;
  const result = project([...features.values()], width);
  byWidth.set(width, result);
  return result;
}

function project(features: readonly MapFeature[], width: number): ProjectedFeatures {
  const geometries = features.map(sphericalGeometry);
  const collection = { type: 'GeometryCollection' as const, geometries };
  const [[west], [east]] = geoBounds(collection);
  const projection = geoTransverseMercator()
    .rotate([-(west + east) / 2, 0])
    .precision(0)
    .fitWidth(width, collection);
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
  const height = Math.ceil(bottom - top);
  projection.fitSize([width, height], collection);
  return {
    height,
    shapes: features.map((f, i) => ({
      code: f.id,
      name: f.properties.name,
      path: svgPath(visibleRings(projectedRings(projection, geometries[i]!))),
    })),
  };
}

/**
 * The feature as d3-geo wants it: d3 reads rings clockwise on the sphere, GeoJSON (RFC 7946) writes
 * them anticlockwise; a polygon read the wrong way round covers the rest of the globe, so its rings
 * are reversed.
 */
function sphericalGeometry(feature: MapFeature): GeoGeometryObjects {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const coordinates = polygons.map((polygon) => {
    const rings = polygon.map((ring) => ring.map(([x, y]) => [x, y]));
    return geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => ring.reverse()) : rings;
  });
  return { type: 'MultiPolygon', coordinates };
}

type Point = [number, number];

/** The geometry's rings after projection (and d3's clipping), as lists of SVG points. */
function projectedRings(projection: GeoProjection, geometry: GeoGeometryObjects): Point[][] {
  const rings: Point[][] = [];
  let ring: Point[] = [];
  const sink: GeoStream = {
    point: (x, y) => void ring.push([x, y]),
    lineStart: () => void (ring = []),
    lineEnd: () => void rings.push(ring),
    polygonStart: () => undefined,
    polygonEnd: () => undefined,
  };
  geoStream(geometry, projection.stream(sink));
  return rings;
}

/** Rings thinned to points at least MIN_STEP apart, without those too small to see (but never none). */
function visibleRings(rings: readonly Point[][]): Point[][] {
  const thinnedRings = rings.map(thinned);
  const areas = thinnedRings.map((ring) => Math.abs(ringArea(ring)));
  const visible = thinnedRings.filter((_, i) => areas[i]! >= MIN_AREA);
  if (visible.length > 0 || thinnedRings.length === 0) return visible;
  return [thinnedRings[maxIndex(areas)]!];
}

function thinned(ring: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of ring) {
    const last = kept.at(-1);
    if (!last || Math.abs(point[0] - last[0]) >= MIN_STEP || Math.abs(point[1] - last[1]) >= MIN_STEP) kept.push(point);
  }
  return kept;
}

/** Shoelace formula: the signed area of a ring. */
function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  ring.forEach(([x, y], i) => {
    const [nextX, nextY] = ring[(i + 1) % ring.length]!;
    sum += x * nextY - nextX * y;
  });
  return sum / 2;
}

function maxIndex(values: readonly number[]): number {
  return values.reduce((best, value, i) => (value > values[best]! ? i : best), 0);
}

/**
 * Rings as compact SVG path data: the first point absolute, the rest relative (`l`) in tenths of a
 * unit, rounded before differencing so the rounding never drifts.
 */
function svgPath(rings: readonly Point[][]): string {
  return rings.map(ringPath).join('');
}

function ringPath(ring: readonly Point[]): string {
  const tenths = ring.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)] as const);
  const [first, ...rest] = tenths;
  if (!first) return '';
  let previous = first;
  let steps = '';
  for (const point of rest) {
    const dx = point[0] - previous[0];
    const dy = point[1] - previous[1];
    if (dx !== 0 || dy !== 0) steps += compactNumber(dx, steps === '') + compactNumber(dy, false);
    previous = point;
  }
  return `M${first[0] / 10},${first[1] / 10}${steps ? `l${steps}` : ''}Z`;
}

/** Tenths as the shortest SVG number: "-.5", " 1.2"; a leading space separates it unless a minus sign does. */
function compactNumber(tenths: number, first: boolean): string {
  const text = String(tenths / 10).replace(/^(-?)0\./, '$1.');
  return first || tenths < 0 ? text : ` ${text}`;
}

export function ChoroplethMap(props: ChoroplethProps) {
  const { id, title, description, locale, href, noDataLabel, fractionDigits = 0, valueLabel } = props;
  const geometry = choroplethGeometry(props);
  const { classes } = geometry.classification;
  return (
    <div class="chart chart--map">
      <ChartSvg
        id={id}
        title={title}
        description={description}
        width={geometry.width}
        height={geometry.height}
        role="group"
        class="chart__map"
      >
        <ClassPatterns id={id} classes={classes} />
        <g stroke="#ffffff" stroke-width="0.4" stroke-linejoin="round">
          {geometry.areas.map((area) => (
            <a
              href={href(area.code)}
              aria-label={`${area.name}: ${area.value === null ? noDataLabel : formatNumber(locale, area.value, fractionDigits)}`}
            >
              <path d={area.path} fill={areaFill(id, classes, area.classIndex)} />
            </a>
          ))}
        </g>
      </ChartSvg>
      <Legend label={valueLabel} items={choroplethLegend(props, geometry)} />
    </div>
  );
}

function areaFill(id: string, classes: readonly MapClass[], index: number): string {
  const mapClass = classes[index];
  if (!mapClass) return `url(#${id}-nodata)`;
  return mapClass.pattern ? `url(#${mapClass.pattern})` : mapClass.colour;
}

/** A pattern per hatched class (its colour with white diagonal lines) and one for "no data" (light grey, grey cross-hatching). */
function ClassPatterns({ id, classes }: { id: string; classes: readonly MapClass[] }) {
  return (
    <defs>
      {classes.map((c) =>
        c.pattern ? (
          <pattern id={c.pattern} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="5" height="5" fill={c.colour} />
            <line x1="0" y1="0" x2="0" y2="5" stroke="#ffffff" stroke-width="1.2" />
          </pattern>
        ) : (
          ''
        ),
      )}
      <pattern id={`${id}-nodata`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" fill={NO_DATA} />
        <line x1="0" y1="0" x2="0" y2="5" stroke={TEXT_SUBTLE} stroke-width="0.8" />
        <line x1="0" y1="2.5" x2="5" y2="2.5" stroke={TEXT_SUBTLE} stroke-width="0.8" />
      </pattern>
    </defs>
  );
}

/** A class's range in the language's format, e.g. "2,5–3,1". */
export function classRange(locale: Locale, mapClass: MapClass, fractionDigits = 0): string {
  return `${formatNumber(locale, mapClass.from, fractionDigits)}–${formatNumber(locale, mapClass.to, fractionDigits)}`;
}

/** One entry per class, lightest first, stating its range; "no data" when some municipality has none. */
export function choroplethLegend(props: ChoroplethProps, geometry: ChoroplethGeometry = choroplethGeometry(props)): LegendItem[] {
  const { id, locale, fractionDigits, noDataLabel } = props;
  const items: LegendItem[] = geometry.classification.classes.map((c) => ({
    label: classRange(locale, c, fractionDigits),
    swatch: { kind: 'fill', colour: c.colour, pattern: c.pattern },
  }));
  if (geometry.areas.some((a) => a.classIndex < 0))
    items.push({ label: noDataLabel, swatch: { kind: 'fill', colour: NO_DATA, pattern: `${id}-nodata` } });
  return items;
}

/** The map's numbers: a row per municipality (by name), with its code, value and its class's bounds. */
export function choroplethData(props: ChoroplethProps, geometry: ChoroplethGeometry = choroplethGeometry(props)): ChartData {
  const { title, locale, valueLabel, nameLabel, codeLabel, classLabels, fractionDigits = 0 } = props;
  const collator = new Intl.Collator(intlTag(locale));
  const { classes } = geometry.classification;
  const columns: ChartColumn[] = [
    { key: 'name', label: nameLabel, rowHeader: true },
    { key: 'code', label: codeLabel },
    { key: 'value', label: valueLabel, fractionDigits },
    { key: 'class_from', label: classLabels.from, fractionDigits },
    { key: 'class_to', label: classLabels.to, fractionDigits },
  ];
  const rows = [...geometry.areas]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((a) => ({
      name: a.name,
      code: a.code,
      value: a.value,
      class_from: classes[a.classIndex]?.from ?? null,
      class_to: classes[a.classIndex]?.to ?? null,
    }));
  return { title, columns, rows };
}
