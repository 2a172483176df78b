/** A progress bar for sweeps: runs done of runs to do, with an ETA; shown only on a terminal (never in CI logs or pipes). */
import cliProgress from 'cli-progress';

export interface RunProgress {
  tick(): void;
  stop(): void;
}

export function runProgressBar(total: number, enabled = process.stderr.isTTY === true && !process.env.CI): RunProgress {
  if (!enabled || total === 0) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'sweeping [{bar}] {percentage}% | {value}/{total} runs | {duration_formatted} elapsed | ETA {eta_formatted}', hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
