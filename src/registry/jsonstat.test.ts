import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonStatDataset, JsonStatError } from './jsonstat.js';

const small = {
  version: '2.0',
  class: 'dataset',
  label: 'test',
  source: 'unit test',
  id: ['region', 'sex', 'year'],
  size: [2, 2, 3],
  dimension: {
    region: { label: 'region', category: { index: { '0301': 0, '1103': 1 }, label: { '0301': 'Oslo', '1103': 'Stavanger' } } },
    sex: { category: { index: ['1', '2'] } },
    year: { category: { index: { '2020': 0, '2021': 1, '2022': 2 } } },
  },
  value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, null],
};

describe('JsonStatDataset', () => {
  it('keeps categories in index order with their labels', () => {
    const ds = JsonStatDataset.parse(small);
    expect(ds.dimension('region').categories).toEqual([
      { code: '0301', label: 'Oslo' },
      { code: '1103', label: 'Stavanger' },
    ]);
    expect(ds.dimension('sex').categories.map((c) => c.label)).toEqual(['1', '2']);
    expect(ds.dimension('year').indexOf('2022')).toBe(2);
    expect(ds.dimension('year').indexOf('1999')).toBe(-1);
  });

  it('looks values up row-major, last dimension fastest', () => {
    const ds = JsonStatDataset.parse(small);
    expect(ds.value({ region: '0301', sex: '1', year: '2020' })).toBe(1);
    expect(ds.value({ region: '0301', sex: '2', year: '2021' })).toBe(5);
    expect(ds.value({ region: '1103', sex: '1', year: '2022' })).toBe(9);
    expect(ds.value({ region: '1103', sex: '2', year: '2022' })).toBeNull();
    expect(ds.stride('region')).toBe(6);
    expect(ds.offsetAt([1, 0, 2])).toBe(8);
  });

  it('iterates every cell with its codes', () => {
    const cells = [...JsonStatDataset.parse(small).cells()];
    expect(cells).toHaveLength(12);
    expect(cells[7]).toEqual({ codes: { region: '1103', sex: '1', year: '2021' }, value: 8 });
  });

  it('reads the sparse value form and single-category dimensions without index', () => {
    const ds = JsonStatDataset.parse({
      id: ['metric', 'year'],
      size: [1, 3],
      dimension: {
        metric: { category: { label: { persons: 'Persons' } } },
        year: { category: { index: ['2020', '2021', '2022'] } },
      },
      value: { '1': 42 },
    });
    expect(ds.value({ metric: 'persons', year: '2021' })).toBe(42);
    expect(ds.value({ metric: 'persons', year: '2020' })).toBeNull();
  });

  it('rejects malformed datasets with a reason', () => {
    expect(() => JsonStatDataset.parse({ ...small, size: [2, 2, 2] })).toThrow(JsonStatError);
    expect(() => JsonStatDataset.parse({ ...small, value: [1, 2] })).toThrow(/12/);
    expect(() => JsonStatDataset.parse({ ...small, value: [...small.value.slice(0, 11), 'x'] })).toThrow(/not a number/);
    expect(() => JsonStatDataset.parse(small).value({ region: '9999', sex: '1', year: '2020' })).toThrow(/9999/);
  });

  it('reads the shipped SSB table 07459: Oslo on 1 January 2026 matches the municipality list', () => {
    const ds = JsonStatDataset.parse(
      JSON.parse(readFileSync(new URL('../../data/ssb/07459_population_2020-2026_b2024.json', import.meta.url), 'utf8')),
    );
    expect(ds.dimensions.map((d) => d.id)).toEqual(['Region', 'Kjonn', 'Alder', 'ContentsCode', 'Tid']);
    let oslo = 0;
    for (const sex of ['1', '2']) {
      for (const age of ds.dimension('Alder').categories) {
        oslo += ds.value({ Region: '0301', Kjonn: sex, Alder: age.code, ContentsCode: 'Personer1', Tid: '2026' }) ?? 0;
      }
    }
    expect(oslo).toBe(728714);
  });
});
