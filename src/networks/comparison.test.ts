import { describe, expect, it } from 'vitest';
import { keyFigureRows, ownFigureTables } from './comparison.js';
import type { Observation } from './key-figures.js';

const panel = (rows: Record<string, Record<number, Observation>>) =>
  new Map(Object.entries(rows).map(([code, years]) => [code, new Map(Object.entries(years).map(([y, o]) => [Number(y), o]))]));

describe("a network's comparison", () => {
  it('shows each key figure in its latest year, the network as summed numerators over denominators, and the outlier with its distance', () => {
    const observations = panel({
      a: { 2024: { population80plus: 100, homeCare80plus: 20 }, 2025: { population80plus: 100, homeCare80plus: 20 } },
      b: { 2025: { population80plus: 100, homeCare80plus: 21 } },
      c: { 2025: { population80plus: 100, homeCare80plus: 19 } },
      d: { 2025: { population80plus: 100, homeCare80plus: 20 } },
      e: { 2025: { population80plus: 300, homeCare80plus: 150 } },
    });
    const rows = keyFigureRows(observations, ['a', 'b', 'c', 'd', 'e']);
    const homeCare = rows.find((r) => r.figure.key === 'home-care-80')!;
    expect(homeCare.year).toBe(2025);
    expect(homeCare.cells.map((c) => c.value)).toEqual([200, 210, 190, 200, 500]);
    expect(homeCare.network).toBeCloseTo((1000 * (20 + 21 + 19 + 20 + 150)) / 700, 9);
    expect(homeCare.cells.filter((c) => c.outlier).map((c) => c.value)).toEqual([500]);
    expect(homeCare.cells[4]!.outlier!.deviations).toBeCloseTo(2, 1);
    expect(rows.find((r) => r.figure.key === 'dki')).toBeUndefined();
  });

  it("tables the members' own values by year with who entered them", () => {
    const figure = { id: 'f', name: 'Sykefravær', unit: '%', definition: 'x' };
    const value = (code: string, year: number, v: number) => ({
      figureId: 'f',
      code,
      year,
      value: v,
      enteredByName: `person ${code}`,
      enteredAt: new Date(0),
      version: 1,
    });
    const [table] = ownFigureTables([figure], [value('a', 2025, 8), value('b', 2024, 7), value('b', 2025, 9)], ['a', 'b']);
    expect(table!.years).toEqual([2024, 2025]);
    expect(table!.rows.map((row) => row.map((c) => [c.value, c.enteredByName ?? null]))).toEqual([
      [
        [null, null],
        [7, 'person b'],
      ],
      [
        [8, 'person a'],
        [9, 'person b'],
      ],
    ]);
  });
});
