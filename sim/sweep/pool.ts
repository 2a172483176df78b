/**
 * Runs a sweep's runs on a piscina worker pool (one thread per worker). Runs are queued a few per worker at a
 * time, so a sweep of millions of runs holds little memory; each outcome is handed to `onOutcome` as it finishes.
 * A worker that dies (not a run that fails: those return their error) stops the sweep with that error.
 */
import { Piscina } from 'piscina';
import type { RunOutcome, RunTask, SweepBase } from './runTask.js';

const WORKER_FILE = new URL('./worker.mjs', import.meta.url).href;

export function createSweepPool(base: SweepBase, workers: number): Piscina {
  return new Piscina({ filename: WORKER_FILE, workerData: base, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
}

export async function runOnPool(pool: Piscina, tasks: Iterable<RunTask>, onOutcome: (o: RunOutcome) => void): Promise<void> {
  const window = Math.max(4, pool.options.maxThreads * 4);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for (const task of tasks) {
    if (failure !== undefined) break;
    const p: Promise<void> = pool.run(task).then(
      (o: RunOutcome) => {
        if (failure === undefined) onOutcome(o);
      },
      (e: unknown) => {
        failure ??= e;
      },
    ).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= window) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
}
