/** A progress bar on stderr for long runs, shown only on a terminal (never in CI logs or pipes). */
import cliProgress from 'cli-progress';

export interface Progress {
  update(t_h: number, duration_h: number): void;
  stop(): void;
}

export function progressBar(label: string, enabled = process.stderr.isTTY === true && !process.env.CI): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} h simulated | ETA {eta_formatted}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(t, duration) {
      if (!started) {
        bar.start(Math.round(duration), 0);
        started = true;
      }
      bar.update(Math.round(t));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
