import { describe, expect, it } from 'vitest';
import { boundariesFromGeoJson, boundariesFromTopology, GeoFormatError } from './geo.js';
import { readDanishMunicipalityBoundaries, readNorwegianCountyBoundaries, readNorwegianMunicipalityBoundaries } from './sources.js';

/**
 * Two squares A (0..1) and B (1..2) sharing the edge x = 1 (arc 1), and C far away.
 * Arc 0: A's outer edge, arc 1: the shared edge from (1,0) to (1,1), which A runs backwards.
 */
const topology = {
  type: 'Topology',
  arcs: [
    [
      [1, 0],
      [0, 0],
      [0, 1],
      [1, 1],
    ],
    [
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [2, 1],
      [2, 0],
      [1, 0],
    ],
    [
      [5, 5],
      [6, 5],
      [6, 6],
      [5, 5],
    ],
  ],
  objects: {
    units: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, ~1]], properties: { nr: 'A', navn: 'Aa' } },
        { type: 'Polygon', arcs: [[1, 2]], properties: { nr: 'B', navn: 'Bb' } },
        { type: 'MultiPolygon', arcs: [[[3]]], properties: { nr: 'C', navn: 'Cc' } },
      ],
    },
  },
};

describe('TopoJSON', () => {
  it('stitches arcs into closed rings, reversing negative arcs', () => {
    const { features } = boundariesFromTopology(topology, 'units', 'nr', 'navn');
    expect(features.get('A')?.geometry.coordinates).toEqual([
      [
        [
          [1, 0],
          [0, 0],
          [0, 1],
          [1, 1],
          [1, 0],
        ],
      ],
    ]);
    expect(features.get('B')?.geometry.coordinates).toEqual([
      [
        [
          [1, 0],
          [1, 1],
          [2, 1],
          [2, 0],
          [1, 0],
        ],
      ],
    ]);
    expect(features.get('C')?.properties).toEqual({ code: 'C', name: 'Cc' });
  });

  it('finds neighbours through shared arcs', () => {
    const { neighbours } = boundariesFromTopology(topology, 'units', 'nr', 'navn');
    expect(neighbours.get('A')).toEqual(['B']);
    expect(neighbours.get('B')).toEqual(['A']);
    expect(neighbours.get('C')).toEqual([]);
  });

  it('decodes quantized, delta-encoded arcs', () => {
    const quantized = {
      ...topology,
      transform: { scale: [0.5, 2], translate: [10, 20] },
      arcs: [
        [
          [0, 0],
          [2, 1],
          [-2, 0],
        ],
      ],
    };
    const only = {
      ...quantized,
      objects: { units: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { nr: 'Q' } }] } },
    };
    expect(boundariesFromTopology(only, 'units', 'nr', 'navn').features.get('Q')?.geometry.coordinates).toEqual([
      [
        [
          [10, 20],
          [11, 22],
          [10, 22],
        ],
      ],
    ]);
  });

  it('refuses what is not a topology', () => {
    expect(() => boundariesFromTopology({ type: 'FeatureCollection' }, 'units', 'nr', 'navn')).toThrow(GeoFormatError);
    expect(() => boundariesFromTopology(topology, 'missing', 'nr', 'navn')).toThrow(GeoFormatError);
  });
});

describe('GeoJSON', () => {
  const square = (x: number, code: string) => ({
    type: 'Feature',
    properties: { code, name: code },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, 0, -999],
          [x + 1, 0, -999],
          [x + 1, 1, -999],
          [x, 1, -999],
          [x, 0, -999],
        ],
      ],
    },
  });

  it('joins features of one code and finds neighbours by a shared edge, not a shared corner', () => {
    const corner = {
      type: 'Feature',
      properties: { code: 'D', name: 'D' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [2, 1],
            [3, 1],
            [3, 2],
            [2, 1],
          ],
        ],
      },
    };
    const json = { type: 'FeatureCollection', features: [square(0, 'A'), square(1, 'B'), square(5, 'A'), corner] };
    const { features, neighbours } = boundariesFromGeoJson(json, 'code', 'name');
    expect(features.get('A')?.geometry.coordinates).toHaveLength(2);
    expect(features.get('A')?.geometry.coordinates[0]?.[0]?.[0]).toEqual([0, 0]);
    expect(neighbours.get('A')).toEqual(['B']);
    expect(neighbours.get('D')).toEqual([]);
  });
});

describe('shipped boundaries', () => {
  it("has Norway's 357 municipalities and 15 counties with plausible neighbours", () => {
    const municipalities = readNorwegianMunicipalityBoundaries();
    expect(municipalities.features.size).toBe(357);
    expect(readNorwegianCountyBoundaries().features.size).toBe(15);
    expect(municipalities.neighbours.get('0301')).toEqual(expect.arrayContaining(['3201', '3207'])); // Oslo: Bærum, Nordre Follo
    expect(municipalities.neighbours.get('5610')).toContain('5612'); // Karasjok – Kautokeino
    for (const [code, list] of municipalities.neighbours)
      for (const other of list) expect(municipalities.neighbours.get(other)).toContain(code);
  });

  it("has Denmark's 98 municipalities; Frederiksberg lies inside Copenhagen", () => {
    const denmark = readDanishMunicipalityBoundaries();
    expect(denmark.features.size).toBe(98);
    expect(denmark.neighbours.get('147')).toContain('101');
  });
});
