/**
 * Runs a batch of sweep runs (sim/sweep/runTask.ts: a base scenario and each run's overrides and patient factors) on
 * the page's Web Workers, the sweep's own worker (sweep.worker.ts: the command line's per-run function), as many as
 * the machine's cores and at most 4, one run per message; each outcome goes to `onOutcome` as it finishes. The patient
 * spread and the Morris analysis run on it. `cancel` stops the workers at once: the runs in progress are lost, and an
 * outcome a worker had already posted is dropped, so nothing reaches `onOutcome` after `done` has settled.
 */
import type { RunOutcome, RunTask, SweepBase } from '../../sim/sweep/runTask';

export const MAX_PAGE_WORKERS = 4;

export interface TaskRunHandle {
  /** 'finished', 'cancelled', or why a worker stopped */
  done: Promise<string>;
  cancel: () => void;
}

export function runTasksInPage(base: SweepBase, tasks: readonly RunTask[], onOutcome: (o: RunOutcome, done: number) => void): TaskRunHandle {
  const count = Math.max(1, Math.min(MAX_PAGE_WORKERS, navigator.hardwareConcurrency || 1, tasks.length));
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  let settle: (how: string) => void = () => {};
  const done = new Promise<string>((resolve) => (settle = resolve));
  /** set once the batch has finished, been cancelled or lost a worker: an outcome already on its way is dropped */
  let stopped = false;
  const stop = (how: string) => {
    if (stopped) return;
    stopped = true;
    workers.forEach((w) => w.terminate());
    settle(how);
  };
  if (tasks.length === 0) settle('finished');
  const feed = (w: Worker) => {
    if (next < tasks.length) w.postMessage({ task: tasks[next++] });
  };
  for (let i = 0; i < count && tasks.length; i++) {
    const w = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module', name: `runs-${i + 1}` });
    w.onmessage = (e: MessageEvent<RunOutcome>) => {
      if (stopped) return;
      onOutcome(e.data, ++finished);
      if (finished === tasks.length) stop('finished');
      else feed(w);
    };
    w.onerror = (e) => stop(`a worker stopped: ${e.message || 'it could not start'}`);
    w.postMessage({ base });
    workers.push(w);
    feed(w);
  }
  return { done, cancel: () => stop('cancelled') };
}
