/**
 * Backtest of the projection engine against observed population; the same report as
 * `npm run projections -- backtest`, with the defaults.
 *   npm run bench -- projections-backtest [--base 2020] [--fit-until 2022] [--target 2026] [--worst 10]
 */
import { printBacktest, parseProjectionCommand, PROJECTIONS_USAGE, loadProjectionInputs } from '../src/projections/index.js';

const inputs = loadProjectionInputs();
const years = inputs.population.years;
const defaults = ['--base', '2020', '--fit-until', '2022', '--target', '2026'];
const parsed = parseProjectionCommand(['backtest', ...defaults, ...process.argv.slice(2)], { first: years[0]!, last: years.at(-1)! });
if (!parsed.ok || parsed.command.command !== 'backtest') {
  console.error(`${parsed.ok ? 'not a backtest' : parsed.error}\n${PROJECTIONS_USAGE}`);
  process.exit(2);
}
const { base, fitUntil, target, worst } = parsed.command;
printBacktest(inputs, { baseYear: base, fitUntil, targetYear: target }, worst);
