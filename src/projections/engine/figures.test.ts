import { describe, expect, it } from 'vitest';
import { AreaSum, areaFigures, figuresIn, percentChange } from './figures.js';
import { indicatorValue, quantileBreaks, rankAmong, sortRows } from './indicators.js';
import { flat, madeUpProjection as projection, madeUpRates as rates } from './testing.js';

describe('figures', () => {
  it('sum a set of municipalities and keep the ratios of the sum', () => {
    const one = areaFigures([{ projection: projection('a', flat(10)), rates }]);
    const two = areaFigures([
      { projection: projection('a', flat(10)), rates },
      { projection: projection('b', flat(30)), rates },
    ]);
    expect(figuresIn(two, 2039).total).toBe(4 * figuresIn(one, 2039).total);
    expect(figuresIn(two, 2039).workingAgePer80Plus).toBeCloseTo(figuresIn(one, 2039).workingAgePer80Plus, 10);
    expect(figuresIn(one, 2039).workingAgePer80Plus).toBeCloseTo(47 / 26, 10);
    expect(figuresIn(two, 2040).staffing.fteTotal).toBeCloseTo(4 * figuresIn(one, 2040).staffing.fteTotal, 8);
    expect(() => figuresIn(one, 2041)).toThrow(RangeError);
  });

  it('summed a part at a time, a set has exactly the figures of areaFigures', () => {
    const parts = [1, 2, 3].map((n) => ({ projection: projection(String(n), (sex, age) => n * (sex + 1) + age / 7), rates }));
    const sum = new AreaSum(parts[0]!.projection);
    for (const part of parts) sum.add(part);
    expect(sum.figures()).toEqual(areaFigures(parts));
    expect(() => new AreaSum(parts[0]!.projection).figures()).toThrow(RangeError);
  });

  it('percentChange is NaN from zero', () => {
    expect(percentChange(100, 125)).toBe(25);
    expect(percentChange(0, 5)).toBeNaN();
  });
});

describe('indicators and ranks', () => {
  it('rank 1 is the highest, ties share the better rank, NaN is not ranked', () => {
    expect(rankAmong(5, [1, 5, 9, 5, Number.NaN])).toEqual({ rank: 2, of: 4 });
    expect(rankAmong(9, [1, 5, 9])).toEqual({ rank: 1, of: 3 });
    expect(rankAmong(Number.NaN, [1])).toBeUndefined();
  });

  it('growth, share 80+ and the other indicators come from the figures', () => {
    const figures = areaFigures([{ projection: projection('a', flat(10)), rates }]);
    expect(indicatorValue(figures, 'growth', 2040)).toBeCloseTo(
      percentChange(figuresIn(figures, 2039).total, figuresIn(figures, 2040).total),
    );
    expect(indicatorValue(figures, 'share80Plus', 2039)).toBeCloseTo((100 * 26) / 106);
    expect(indicatorValue(figures, 'ftePer1000WorkingAge', 2039)).toBeGreaterThan(0);
  });

  it('sorts rows by value with NaN last, or by name in the language', () => {
    const rows = [
      { code: '1', name: 'Øksnes', countyCode: '18', value: 2 },
      { code: '2', name: 'Aukra', countyCode: '15', value: Number.NaN },
      { code: '3', name: 'Ås', countyCode: '32', value: 7 },
    ];
    expect(sortRows(rows, 'value', 'desc', 'nb').map((r) => r.code)).toEqual(['3', '1', '2']);
    expect(sortRows(rows, 'value', 'asc', 'nb').map((r) => r.code)).toEqual(['1', '3', '2']);
    expect(sortRows(rows, 'name', 'asc', 'nb').map((r) => r.name)).toEqual(['Aukra', 'Øksnes', 'Ås']);
    expect(quantileBreaks([1, 2, 3, 4, Number.NaN], 2)).toEqual([3]);
  });
});
