/**
 * Backtest of the projection engine against observed population.
 *   npx tsx bench/projections-backtest.ts [--base 2020] [--fit-until 2022] [--target 2026]
 */
import { parseArgs } from 'node:util';
import { runBacktest, type BacktestResult } from '../src/projections/backtest.js';
import { loadProjectionInputs } from '../src/projections/sources.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: '2020' },
    'fit-until': { type: 'string', default: '2022' },
    target: { type: 'string', default: '2026' },
    worst: { type: 'string', default: '10' },
  },
});

let shownPercent = -1;
function progressBar(done: number, total: number): void {
  const percent = Math.floor((100 * done) / total);
  if (percent === shownPercent) return;
  shownPercent = percent;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} municipalities`);
  if (done === total) process.stderr.write('\n');
}

const percent = (v: number) => `${(100 * v).toFixed(2)} %`;

function report(result: BacktestResult, names: ReadonlyMap<string, string>, worst: number): void {
  const { baseYear, fitUntil, targetYear } = result.options;
  console.log(`backtest base ${baseYear}, fitted on data to ${fitUntil}, compared with observed ${targetYear}`);
  console.log(`municipalities: ${result.municipalities.length} (1508 Ålesund and 1580 Haram left out)`);
  console.log(`MAPE of assuming no change: ${percent(result.mapeNoChange)}`);
  console.log('MAPE of municipal totals by size class (base-year population):');
  let lower = 0;
  for (const c of result.mapeBySize) {
    const label = Number.isFinite(c.below) ? `${lower}–${c.below - 1}` : `${lower}+`;
    console.log(`  ${label.padEnd(14)} n=${String(c.count).padStart(3)}  ${percent(c.mape)}`);
    lower = c.below;
  }
  console.log('by age group:        MAPE      WAPE');
  for (const g of result.byAgeGroup) {
    const label = g.to >= 105 ? `${g.from}+` : g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`;
    console.log(`  ${label.padEnd(8)} ${percent(g.mape).padStart(12)} ${percent(g.wape).padStart(9)}`);
  }
  console.log(`worst ${worst} municipalities:`);
  [...result.municipalities]
    .sort((a, b) => Math.abs(b.relativeError) - Math.abs(a.relativeError))
    .slice(0, worst)
    .forEach((e) =>
      console.log(
        `  ${e.code} ${(names.get(e.code) ?? '').padEnd(24)} observed ${String(Math.round(e.observed)).padStart(7)}  projected ${String(Math.round(e.projected)).padStart(7)}  ${e.relativeError >= 0 ? '+' : ''}${percent(e.relativeError)}`,
      ),
    );
  console.log(`backtest MAPE total: ${(100 * result.mapeTotal).toFixed(2)} %`);
}

const inputs = loadProjectionInputs();
const result = runBacktest(
  inputs,
  { baseYear: Number(values.base), fitUntil: Number(values['fit-until']), targetYear: Number(values.target) },
  progressBar,
);
report(result, inputs.names, Number(values.worst));
