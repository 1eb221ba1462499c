import { describe, expect, it } from 'vitest';
import { checkAction, checkOwnFigure, isValueYear, outliers, readNumber } from './model.js';

describe('a figure the members define', () => {
  it('needs a name, a unit and a definition, each within its length', () => {
    expect(checkOwnFigure({ name: ' Sykefravær ', unit: '%', definition: 'Legemeldt fravær i pleie og omsorg' })).toEqual({
      name: 'Sykefravær',
      unit: '%',
      definition: 'Legemeldt fravær i pleie og omsorg',
    });
    expect(checkOwnFigure({ name: '', unit: 'x'.repeat(101), definition: ' ' })).toEqual([
      { field: 'name', code: 'required' },
      { field: 'unit', code: 'tooLong' },
      { field: 'definition', code: 'required' },
    ]);
  });
});

describe('values as people type them', () => {
  it('reads commas and spaces, and refuses what is not a number', () => {
    expect(readNumber('1 234,5')).toBe(1234.5);
    expect(readNumber('-3')).toBe(-3);
    expect(readNumber('12.25')).toBe(12.25);
    for (const bad of ['', 'abc', '1,2,3', '1e5', 'NaN', '--1']) expect(readNumber(bad)).toBeUndefined();
  });

  it('takes years from 2000 to the current year', () => {
    expect([1999, 2000, 2026, 2027].map((y) => isValueYear(y, 2026))).toEqual([false, true, true, false]);
  });
});

describe('outliers', () => {
  it('marks the member far from the network mean, with its signed distance in standard deviations', () => {
    // Mean 11.25; the population standard deviation of the eight values is about 3.3.
    const values = [10, 10, 10, 10, 10, 10, 10, 20].map((value, i) => ({ code: `m${i}`, value }));
    const mean = 11.25;
    const sd = Math.sqrt((7 * 1.25 ** 2 + 8.75 ** 2) / 8);
    expect(outliers(values)).toEqual([{ code: 'm7', deviations: (20 - mean) / sd, mean }]);
    expect((20 - mean) / sd).toBeCloseTo(2.6458, 4);
  });

  it('marks nobody with fewer than four values or no spread', () => {
    expect(outliers([1, 1, 50].map((value, i) => ({ code: `m${i}`, value })))).toEqual([]);
    expect(outliers([5, 5, 5, 5].map((value, i) => ({ code: `m${i}`, value })))).toEqual([]);
  });

  it('marks a low value below the mean with a negative distance', () => {
    const found = outliers([100, 100, 100, 100, 40].map((value, i) => ({ code: `m${i}`, value })));
    expect(found.map((o) => [o.code, Math.sign(o.deviations)])).toEqual([['m4', -1]]);
  });
});

describe('an improvement action', () => {
  it('needs what will change, an owner and a due date', () => {
    expect(checkAction({ action: ' Innføre hverdagsrehabilitering ', owner: 'Enhetsleder', due: '2026-06-30' })).toEqual({
      action: 'Innføre hverdagsrehabilitering',
      owner: 'Enhetsleder',
      due: '2026-06-30',
    });
    expect(checkAction({ action: '', owner: ' ', due: undefined })).toEqual([
      { field: 'action', code: 'required' },
      { field: 'owner', code: 'required' },
      { field: 'due', code: 'badDate' },
    ]);
  });
});
