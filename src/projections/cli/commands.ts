/**
 * Arguments of `npm run projections -- …`, parsed without IO so that they can be tested. Years are
 * checked against the years of population data there are (`dataYears`).
 */
import { parseArgs } from 'node:util';
import type { ParsedCommand } from '../../registry/index.js';
import { HORIZON_YEAR, SCENARIOS, type ScenarioName } from '../engine/model.js';

export const PROJECTIONS_USAGE = `usage:
  npm run projections -- export --base YEAR --to YEAR --scenario main|high|low --out FILE.csv
  npm run projections -- backtest --base YEAR --fit-until YEAR --target YEAR [--worst N]`;

export type ProjectionCommand =
  | { command: 'export'; base: number; to: number; scenario: ScenarioName; out: string }
  | { command: 'backtest'; base: number; fitUntil: number; target: number; worst: number };

export interface DataYears {
  readonly first: number;
  readonly last: number;
}

const OPTIONS = {
  base: { type: 'string' },
  to: { type: 'string' },
  scenario: { type: 'string' },
  out: { type: 'string' },
  'fit-until': { type: 'string' },
  target: { type: 'string' },
  worst: { type: 'string' },
} as const;

const ALLOWED: Readonly<Record<ProjectionCommand['command'], readonly (keyof typeof OPTIONS)[]>> = {
  export: ['base', 'to', 'scenario', 'out'],
  backtest: ['base', 'fit-until', 'target', 'worst'],
};

export function parseProjectionCommand(argv: readonly string[], years: DataYears): ParsedCommand<ProjectionCommand> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== 'export' && command !== 'backtest') {
    return { ok: false, error: command ? `unknown command "${command}"` : 'no command given' };
  }
  if (rest.length > 0) return { ok: false, error: `unexpected argument "${rest[0]}"` };
  const misplaced = Object.keys(parsed.values).find((name) => !(ALLOWED[command] as readonly string[]).includes(name));
  if (misplaced) return { ok: false, error: `--${misplaced} is not an option of ${command}` };
  const values = parsed.values as Partial<Record<keyof typeof OPTIONS, string>>;
  try {
    return { ok: true, command: command === 'export' ? exportCommand(values, years) : backtestCommand(values, years) };
  } catch (error) {
    if (error instanceof ArgumentError) return { ok: false, error: error.message };
    throw error;
  }
}

class ArgumentError extends Error {}

function year(values: Partial<Record<string, string>>, name: string, from: number, to: number, fallback?: number): number {
  const text = values[name];
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new ArgumentError(`--${name} is required`);
  }
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < from || value > to)
    throw new ArgumentError(`--${name} must be a year from ${from} to ${to} (got "${text}")`);
  return value;
}

function exportCommand(values: Partial<Record<keyof typeof OPTIONS, string>>, years: DataYears): ProjectionCommand {
  const base = year(values, 'base', years.first, years.last);
  const to = year(values, 'to', base + 1, HORIZON_YEAR, HORIZON_YEAR);
  const scenario = values.scenario ?? 'main';
  if (!(SCENARIOS as readonly string[]).includes(scenario)) {
    throw new ArgumentError(`--scenario must be one of ${SCENARIOS.join(', ')} (got "${scenario}")`);
  }
  if (!values.out) throw new ArgumentError('--out FILE.csv is required');
  return { command: 'export', base, to, scenario: scenario as ScenarioName, out: values.out };
}

function backtestCommand(values: Partial<Record<keyof typeof OPTIONS, string>>, years: DataYears): ProjectionCommand {
  const base = year(values, 'base', years.first, years.last - 1);
  const fitUntil = year(values, 'fit-until', Math.max(base, years.first + 1), years.last - 1);
  const target = year(values, 'target', fitUntil + 1, years.last);
  const worstText = values.worst ?? '10';
  if (!/^\d+$/.test(worstText)) throw new ArgumentError(`--worst must be a whole number (got "${worstText}")`);
  return { command: 'backtest', base, fitUntil, target, worst: Number(worstText) };
}
