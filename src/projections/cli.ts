/**
 * `npm run projections -- export …` writes every municipality's projection as CSV;
 * `npm run projections -- backtest …` measures the engine against observed population.
 * Both read the data shipped in data/ and show a progress bar on stderr.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { progressBar } from '../platform/cli/progress.js';
import { printBacktest } from './cli/backtest-report.js';
import { PROJECTIONS_USAGE, parseProjectionCommand, type ProjectionCommand } from './cli/commands.js';
import { buildEngine } from './engine/engine.js';
import { writeProjectionCsv } from './cli/export.js';
import type { ProjectionInputs } from './engine/inputs.js';
import type { Projection } from './engine/model.js';
import { loadProjectionInputs } from './sources.js';

/** Bytes gathered before each write to the file. */
const WRITE_BUFFER = 1 << 20;

/** Opens the output file, or says why it cannot be written. */
function openOutput(path: string): { ok: true; file: number } | { ok: false; error: string } {
  try {
    return { ok: true, file: openSync(path, 'w') };
  } catch (error) {
    return { ok: false, error: `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

function exportCsv(inputs: ProjectionInputs, command: Extract<ProjectionCommand, { command: 'export' }>, file: number): void {
  const started = performance.now();
  const engine = buildEngine(inputs, { baseYear: command.base, endYear: command.to, scenario: command.scenario });
  const bar = progressBar('municipalities');
  function* projections(): Generator<Projection> {
    for (const [i, code] of engine.codes.entries()) {
      yield engine.project(code);
      bar.update(i + 1, engine.codes.length, code);
    }
  }
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    writeSync(file, buffer.join(''));
    buffer = [];
    size = 0;
  };
  try {
    writeProjectionCsv(projections(), (line) => {
      buffer.push(line, '\n');
      size += line.length + 1;
      if (size >= WRITE_BUFFER) flush();
    });
    flush();
  } finally {
    closeSync(file);
    bar.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `wrote ${engine.codes.length} municipalities, ${command.base}–${command.to}, scenario ${command.scenario}, to ${command.out} in ${seconds.toFixed(1)} s`,
  );
}

function main(): number {
  const argv = process.argv.slice(2);
  // Syntax first, so that a typo fails before the data is read; years once the data says which there are.
  const syntax = parseProjectionCommand(argv, { first: Number.NEGATIVE_INFINITY, last: Number.POSITIVE_INFINITY });
  if (!syntax.ok && !syntax.error.includes('must be a year')) return usage(syntax.error);
  const inputs = loadProjectionInputs();
  const years = inputs.population.years;
  const parsed = parseProjectionCommand(argv, { first: years[0]!, last: years[years.length - 1]! });
  if (!parsed.ok) return usage(parsed.error);
  if (parsed.command.command === 'export') {
    const output = openOutput(parsed.command.out);
    if (!output.ok) return usage(output.error);
    exportCsv(inputs, parsed.command, output.file);
  } else
    printBacktest(
      inputs,
      { baseYear: parsed.command.base, fitUntil: parsed.command.fitUntil, targetYear: parsed.command.target },
      parsed.command.worst,
    );
  return 0;
}

function usage(error: string): number {
  console.error(`${error}\n${PROJECTIONS_USAGE}`);
  return 2;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`projections: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
