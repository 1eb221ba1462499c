/**
 * Progress bars for long commands (imports, exports, backtests), drawn on stderr so that stdout
 * stays clean for results. Updates are cheap: callers may report every row.
 */
import cliProgress from 'cli-progress';

export interface ProgressBar {
  /** Rows (or municipalities) done of total; the step names what is being done. */
  update(done: number, total: number, step?: string): void;
  stop(): void;
}

export function progressBar(unit: string): ProgressBar {
  const bar = new cliProgress.SingleBar(
    {
      format: `{bar} {percentage}% | {value}/{total} ${unit} | {step}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      // Without a terminal (CI, logs) a line every second instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, step = '') {
      if (!started) {
        bar.start(total, done, { step });
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done, { step });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
