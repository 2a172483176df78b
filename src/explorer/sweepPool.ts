/**
 * Runs a page sweep's runs on Web Workers (as many as the machine's cores, at most 4), one run per message, and hands
 * each finished run's row (the command line's row text, sim/sweep/resultsCsv.ts) to `onRow`. `cancel` stops the
 * workers at once; the runs in progress are lost, the finished rows kept.
 */
import { formatQuantity } from '../../sim/units';
import { resultRow } from '../../sim/sweep/resultsCsv';
import type { RunOutcome, RunTask } from '../../sim/sweep/runTask';
import type { PageSweep } from './sweepSetup';

export const MAX_WORKERS = 4;

export interface SweepHandle {
  /** 'finished', 'cancelled', or why a worker stopped */
  done: Promise<string>;
  cancel: () => void;
}

function task(sweep: PageSweep, id: number): RunTask {
  return { id, overrides: sweep.axes.map((a, d) => ({ path: a.path, value: formatQuantity(sweep.runs[id][d], a.unit) })) };
}

export function runPageSweep(sweep: PageSweep, onRow: (id: number, row: string, failed: boolean) => void): SweepHandle {
  const count = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1, sweep.runs.length));
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  let settle: (how: string) => void = () => {};
  const done = new Promise<string>((resolve) => (settle = resolve));
  const stop = (how: string) => {
    workers.forEach((w) => w.terminate());
    settle(how);
  };
  const feed = (w: Worker) => {
    if (next < sweep.runs.length) w.postMessage({ task: task(sweep, next++) });
  };
  for (let i = 0; i < count; i++) {
    const w = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module', name: `sweep-${i + 1}` });
    w.onmessage = (e: MessageEvent<RunOutcome>) => {
      const o = e.data;
      onRow(o.id, resultRow(o.id, sweep.runs[o.id], o), 'error' in o);
      if (++finished === sweep.runs.length) stop('finished');
      else feed(w);
    };
    w.onerror = (e) => stop(`a worker stopped: ${e.message || 'it could not start'}`);
    w.postMessage({ base: sweep.base });
    workers.push(w);
    feed(w);
  }
  return { done, cancel: () => stop('cancelled') };
}
