/**
 * Runs a sweep's runs on a piscina worker pool (one thread per worker). Runs go to the workers in batches (one
 * message carries several runs, so the main thread's per-run overhead does not eat into the workers' cores),
 * a few batches per worker at a time, so a sweep of millions of runs holds little memory; each outcome is handed
 * to `onOutcome` as its batch finishes. A worker that dies (not a run that fails: those return their error)
 * stops the sweep with that error.
 */
import { Piscina } from 'piscina';
import type { RunOutcome, RunTask, SweepBase } from './runTask.js';

/**
 * From source (tsx, vitest), worker.mjs registers tsx and loads worker.ts; from the bundle (dist/cli/, built by
 * scripts/buildCli.mjs) the worker is an entry of its own, beside the chunk this code is in.
 */
const WORKER_FILE = new URL(import.meta.url.endsWith('.ts') ? './worker.mjs' : './sweepWorker.js', import.meta.url).href;

/** Told how many of a batch's runs are done, after each one. */
export type OnProgress = (done: number, total: number) => void;

export function createSweepPool(base: SweepBase, workers: number): Piscina {
  return new Piscina({ filename: WORKER_FILE, workerData: base, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
}

/**
 * A whole batch of runs on a fresh pool: starts `workers` threads (no more than there are runs), hands each outcome
 * to `onOutcome` and the count so far to `onProgress` (the command line draws its bar from it), and always stops the pool.
 */
export async function runTasks(
  base: SweepBase,
  workers: number,
  count: number,
  tasks: Iterable<RunTask>,
  onOutcome: (o: RunOutcome) => void,
  onProgress?: OnProgress,
): Promise<void> {
  const pool = createSweepPool(base, Math.max(1, Math.min(workers, count)));
  let done = 0;
  onProgress?.(0, count);
  try {
    await runOnPool(pool, tasks, (o) => {
      onOutcome(o);
      onProgress?.(++done, count);
    });
  } finally {
    await pool.destroy();
  }
}

/** Runs per message to a worker: enough to amortise the messaging, few enough to keep all workers busy. */
const BATCH_SIZE = 8;

function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export async function runOnPool(pool: Piscina, tasks: Iterable<RunTask>, onOutcome: (o: RunOutcome) => void): Promise<void> {
  const window = Math.max(4, pool.options.maxThreads * 3);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for (const batch of batches(tasks, BATCH_SIZE)) {
    if (failure !== undefined) break;
    const p: Promise<void> = pool
      .run(batch)
      .then(
        (outcomes: RunOutcome[]) => {
          if (failure === undefined) for (const o of outcomes) onOutcome(o);
        },
        (e: unknown) => {
          failure ??= e;
        },
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= window) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
}
