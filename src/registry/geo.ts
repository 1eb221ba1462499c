/**
 * Municipal boundaries for maps: TopoJSON (Norway, Kartverket) and GeoJSON (Denmark, DAGI) decoded
 * into GeoJSON features keyed by municipality code, and which municipalities share a boundary.
 * Pure: takes parsed JSON.
 */

export type Position = readonly [number, number];
export type Ring = readonly Position[];
export type Polygon = readonly Ring[];

export interface BoundaryFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly properties: { readonly code: string; readonly name: string };
  readonly geometry: { readonly type: 'MultiPolygon'; readonly coordinates: readonly Polygon[] };
}

export interface Boundaries {
  readonly features: ReadonlyMap<string, BoundaryFeature>;
  /** Codes of the municipalities that share a stretch of boundary with each municipality, sorted. */
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
}

export class GeoFormatError extends Error {}

interface TopoGeometry {
  type: string;
  arcs?: unknown;
  properties?: Record<string, unknown>;
}

interface Topology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries?: TopoGeometry[] }>;
  arcs: number[][][];
  transform?: { scale: [number, number]; translate: [number, number] };
}

/**
 * Decodes one GeometryCollection of a TopoJSON topology. `codeProperty` and `nameProperty` name the
 * properties that hold the code and the name. Two units are neighbours when their rings use the
 * same arc: TopoJSON stores each shared stretch of boundary once.
 */
export function boundariesFromTopology(json: unknown, object: string, codeProperty: string, nameProperty: string): Boundaries {
  const topology = json as Topology;
  if (topology?.type !== 'Topology' || !Array.isArray(topology.arcs)) throw new GeoFormatError('not a TopoJSON topology');
  const geometries = topology.objects?.[object]?.geometries;
  if (!Array.isArray(geometries)) throw new GeoFormatError(`topology has no geometry collection "${object}"`);
  const arcs = topology.arcs.map((arc) => decodeArc(arc, topology.transform));
  const features = new Map<string, BoundaryFeature>();
  const codesByArc = new Map<number, Set<string>>();
  for (const geometry of geometries) {
    const code = String(geometry.properties?.[codeProperty] ?? '');
    if (code === '') throw new GeoFormatError(`a geometry has no "${codeProperty}"`);
    const polygons = polygonArcs(geometry);
    for (const ring of polygons.flat()) {
      for (const index of ring) {
        const arc = index < 0 ? ~index : index;
        codesByArc.set(arc, (codesByArc.get(arc) ?? new Set()).add(code));
      }
    }
    const coordinates = polygons.map((polygon) => polygon.map((ring) => stitchRing(ring, arcs)));
    features.set(code, feature(code, String(geometry.properties?.[nameProperty] ?? code), coordinates));
  }
  return { features, neighbours: neighboursFromGroups(features.keys(), codesByArc.values()) };
}

/** Arc indices of a Polygon or MultiPolygon as [polygon][ring][arc]; other geometry types have none. */
function polygonArcs(geometry: TopoGeometry): number[][][] {
  if (geometry.type === 'Polygon') return [geometry.arcs as number[][]];
  if (geometry.type === 'MultiPolygon') return geometry.arcs as number[][][];
  return [];
}

/** Quantized arcs are delta-encoded integers; without a transform they are plain positions. */
function decodeArc(arc: number[][], transform: Topology['transform']): Position[] {
  if (!transform) return arc.map((p) => [p[0]!, p[1]!] as const);
  let x = 0;
  let y = 0;
  return arc.map((p) => {
    x += p[0]!;
    y += p[1]!;
    return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]] as const;
  });
}

/** Joins a ring's arcs; a negative index ~i is arc i reversed; each arc starts where the last ended. */
function stitchRing(indices: readonly number[], arcs: readonly Position[][]): Position[] {
  const ring: Position[] = [];
  for (const index of indices) {
    const arc = index < 0 ? [...arcs[~index]!].reverse() : arcs[index]!;
    if (!arc) throw new GeoFormatError(`arc ${index} does not exist`);
    ring.push(...(ring.length > 0 ? arc.slice(1) : arc));
  }
  return ring;
}

/**
 * Features from a GeoJSON FeatureCollection, several features with the same code joined into one
 * MultiPolygon (islands), heights dropped. Two units are neighbours when their rings share at
 * least two vertices, i.e. a stretch of boundary, not just a corner.
 */
export function boundariesFromGeoJson(
  json: unknown,
  codeProperty: string,
  nameProperty: string,
  keep: (code: string) => boolean = () => true,
): Boundaries {
  const collection = json as {
    type?: string;
    features?: { properties?: Record<string, unknown>; geometry?: { type: string; coordinates: unknown } }[];
  };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new GeoFormatError('not a GeoJSON FeatureCollection');
  }
  const polygonsByCode = new Map<string, { name: string; polygons: Polygon[] }>();
  for (const f of collection.features) {
    const code = String(f.properties?.[codeProperty] ?? '');
    if (code === '' || !keep(code) || !f.geometry) continue;
    const polygons = geoJsonPolygons(f.geometry);
    const entry = polygonsByCode.get(code) ?? { name: String(f.properties?.[nameProperty] ?? code), polygons: [] };
    entry.polygons.push(...polygons);
    polygonsByCode.set(code, entry);
  }
  const features = new Map<string, BoundaryFeature>();
  const codesByVertex = new Map<string, Set<string>>();
  for (const [code, { name, polygons }] of polygonsByCode) {
    features.set(code, feature(code, name, polygons));
    for (const position of polygons.flat(2)) {
      const key = `${position[0]},${position[1]}`;
      codesByVertex.set(key, (codesByVertex.get(key) ?? new Set()).add(code));
    }
  }
  const pairCounts = new Map<string, number>();
  for (const codes of codesByVertex.values()) {
    for (const pair of pairsOf([...codes])) pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
  }
  const sharedEdges = [...pairCounts].filter(([, count]) => count >= 2).map(([pair]) => new Set(pair.split('|')));
  return { features, neighbours: neighboursFromGroups(features.keys(), sharedEdges) };
}

function geoJsonPolygons(geometry: { type: string; coordinates: unknown }): Polygon[] {
  const toRing = (ring: number[][]): Ring => ring.map((p) => [p[0]!, p[1]!] as const);
  if (geometry.type === 'Polygon') return [(geometry.coordinates as number[][][]).map(toRing)];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as number[][][][]).map((p) => p.map(toRing));
  return [];
}

function feature(code: string, name: string, coordinates: readonly Polygon[]): BoundaryFeature {
  return { type: 'Feature', id: code, properties: { code, name }, geometry: { type: 'MultiPolygon', coordinates } };
}

function pairsOf(codes: readonly string[]): string[] {
  const sorted = [...codes].sort();
  return sorted.flatMap((a, i) => sorted.slice(i + 1).map((b) => `${a}|${b}`));
}

/** Every unit that appears in a group together with another is that unit's neighbour. */
function neighboursFromGroups(codes: Iterable<string>, groups: Iterable<ReadonlySet<string>>): Map<string, string[]> {
  const sets = new Map<string, Set<string>>([...codes].map((code) => [code, new Set<string>()]));
  for (const group of groups) {
    for (const a of group) for (const b of group) if (a !== b) sets.get(a)?.add(b);
  }
  return new Map([...sets].map(([code, set]) => [code, [...set].sort()]));
}
