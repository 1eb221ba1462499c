import { describe, expect, it } from 'vitest';
import { BACKTEST_AGE_GROUPS, SIZE_CLASSES, type BacktestResult } from '../engine/backtest.js';
import { backtestReport } from './backtest-report.js';

const result: BacktestResult = {
  options: { baseYear: 2020, fitUntil: 2022, targetYear: 2026 },
  municipalities: [
    { code: '0301', basePopulation: 690_000, observed: 730_000, projected: 720_000, relativeError: -10_000 / 730_000 },
    { code: '1151', basePopulation: 200, observed: 219, projected: 202, relativeError: -17 / 219 },
  ],
  mapeTotal: 0.04567,
  mapeNoChange: 0.0385,
  mapeBySize: SIZE_CLASSES.map((below, i) => ({ below, count: i, mape: 0.01 * (i + 1) })),
  byAgeGroup: BACKTEST_AGE_GROUPS.map(([from, to], g) => ({ from, to, mape: 0.05, wape: 0.02, national: g === 0 ? 0.0212 : -0.001 })),
};

describe('backtest report', () => {
  const lines = backtestReport(result, new Map([['1151', 'Utsira']]), 1);

  it('ends with the exact total line', () => {
    expect(lines.at(-1)).toBe('backtest MAPE total: 4.57 %');
  });

  it('has the four size classes and the ten age groups', () => {
    expect(lines.filter((l) => /n=\s*\d/.test(l)).map((l) => l.trim().split(/\s+n=/)[0])).toEqual([
      '<2 000',
      '2 000–5 000',
      '5 000–20 000',
      '20 000+',
    ]);
    const table = lines.slice(lines.findIndex((l) => l.startsWith('by age group:')) + 1).slice(0, 10);
    expect(table.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      '0',
      '1–5',
      '6–12',
      '13–15',
      '16–19',
      '20–44',
      '45–66',
      '67–79',
      '80–89',
      '90+',
    ]);
    // each group's national error, signed, after MAPE and WAPE
    expect(table[0]).toMatch(/5\.00 %\s+2\.00 %\s+\+2\.12 %$/);
    expect(table[1]).toMatch(/-0\.10 %$/);
  });

  it('lists the worst municipalities by absolute error', () => {
    expect(lines.find((l) => l.includes('1151'))).toContain('Utsira');
    expect(lines.some((l) => l.includes('0301 '))).toBe(false);
  });
});
