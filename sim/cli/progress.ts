/**
 * The one progress bar of the command line, on stderr, shown only on a terminal (never in CI logs or pipes):
 * `update(done, total)` or `tick()` (one more of `total`), with the unit of what is counted and an ETA.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  tick(): void;
  stop(): void;
}

export function progressBar(label: string, unit: string, total = 0, enabled = process.stderr.isTTY === true && !process.env.CI): Progress {
  if (!enabled) return { update() {}, tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const start = (t: number) => {
    if (!started) bar.start(t, 0);
    started = true;
  };
  if (total > 0) start(total);
  return {
    update(done, t) {
      start(Math.round(t));
      bar.update(Math.round(done));
    },
    tick() {
      if (started) bar.increment();
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Runs a long task with a progress bar that its progress callback moves, and stops the bar whatever happens. */
export async function withProgress<T>(label: string, unit: string, task: (onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  const bar = progressBar(label, unit);
  try {
    return await task((done, total) => bar.update(done, total));
  } finally {
    bar.stop();
  }
}
