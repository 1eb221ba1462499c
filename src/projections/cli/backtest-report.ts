/**
 * The backtest's printed report, shared by `npm run projections -- backtest` and
 * bench/projections-backtest.ts. The last line is always `backtest MAPE total: X.XX %`.
 */
import { progressBar } from '../../platform/cli/progress.js';
import { runBacktest, type BacktestOptions, type BacktestResult } from '../engine/backtest.js';
import type { ProjectionInputs } from '../engine/inputs.js';

const percent = (v: number) => `${(100 * v).toFixed(2)} %`;

/** Heading of the column with each age group's national error, the floor under its WAPE. */
const NATIONAL_COLUMN = 'national (WAPE ≥ |national|)';

function sizeClassLabel(lower: number, below: number): string {
  const n = (v: number) => v.toLocaleString('en-US').replace(/,/g, ' ');
  if (!Number.isFinite(below)) return `${n(lower)}+`;
  return lower === 0 ? `<${n(below)}` : `${n(lower)}–${n(below)}`;
}

function ageGroupLabel(from: number, to: number): string {
  if (to >= 105) return `${from}+`;
  return from === to ? `${from}` : `${from}–${to}`;
}

export function backtestReport(result: BacktestResult, names: ReadonlyMap<string, string>, worst: number): string[] {
  const { baseYear, fitUntil, targetYear } = result.options;
  const lines = [
    `backtest base ${baseYear}, fitted on data to ${fitUntil}, compared with observed ${targetYear}`,
    `municipalities: ${result.municipalities.length} (1508 Ålesund and 1580 Haram left out)`,
    `MAPE of assuming no change: ${percent(result.mapeNoChange)}`,
    'MAPE of municipal totals by size class (base-year population):',
  ];
  let lower = 0;
  for (const c of result.mapeBySize) {
    lines.push(`  ${sizeClassLabel(lower, c.below).padEnd(14)} n=${String(c.count).padStart(3)}  ${percent(c.mape)}`);
    lower = c.below;
  }
  lines.push(`by age group:        MAPE      WAPE  ${NATIONAL_COLUMN}`);
  for (const g of result.byAgeGroup) {
    const national = `${g.national >= 0 ? '+' : ''}${percent(g.national)}`;
    lines.push(
      `  ${ageGroupLabel(g.from, g.to).padEnd(8)} ${percent(g.mape).padStart(12)} ${percent(g.wape).padStart(9)} ${national.padStart(10)}`,
    );
  }
  if (worst > 0) {
    lines.push(`worst ${worst} municipalities:`);
    [...result.municipalities]
      .sort((a, b) => Math.abs(b.relativeError) - Math.abs(a.relativeError))
      .slice(0, worst)
      .forEach((e) =>
        lines.push(
          `  ${e.code} ${(names.get(e.code) ?? '').padEnd(24)} observed ${String(Math.round(e.observed)).padStart(7)}  projected ${String(Math.round(e.projected)).padStart(7)}  ${e.relativeError >= 0 ? '+' : ''}${percent(e.relativeError)}`,
        ),
      );
  }
  lines.push(`backtest MAPE total: ${(100 * result.mapeTotal).toFixed(2)} %`);
  return lines;
}

/** Runs a backtest with a progress bar on stderr and prints the report on stdout. */
export function printBacktest(inputs: ProjectionInputs, options: BacktestOptions, worst: number): void {
  const bar = progressBar('municipalities');
  const result = runBacktest(inputs, options, (done, total) => bar.update(done, total));
  bar.stop();
  for (const line of backtestReport(result, inputs.names, worst)) console.log(line);
}
