/**
 * A page sweep's worker: runs one run at a time with the sweep's base scenario, exactly as the command line's worker
 * threads do (sim/sweep/runTask.ts), and posts back its outcome.
 */
import { runOne, type RunTask, type SweepBase } from '../../sim/sweep/runTask';

let base: SweepBase | undefined;

self.onmessage = (e: MessageEvent<{ base: SweepBase } | { task: RunTask }>) => {
  if ('base' in e.data) base = e.data.base;
  else if (base) self.postMessage(runOne(base, e.data.task));
};
