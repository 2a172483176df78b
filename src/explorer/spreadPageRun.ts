/**
 * A patient spread run from the page: the command line's runs (sim/sweep/spread.ts spreadTasks: every prescription
 * on the same virtual patients of the arm) on a runner of sweep runs (the page's Web Workers, spreadPool.ts), and the
 * command line's summary of them (summarizeSpread: medians and quartiles, Hyndman & Fan definition 7), so the page's
 * numbers are `sim spread`'s for the same arm, prescriptions, patients and hours.
 */
import type { RunMetrics } from '../../sim/sweep/runMetrics';
import { spreadTasks, summarizeSpread, type SpreadPlan, type SpreadResult } from '../../sim/sweep/spread';
import type { RunOutcome, RunTask, SweepBase } from '../../sim/sweep/runTask';
import type { TaskRunHandle } from './spreadPool';

/** Something that runs sweep runs and hands back each outcome (the page's workers; in a test, the runs in turn). */
export type TaskRunner = (base: SweepBase, tasks: readonly RunTask[], onOutcome: (o: RunOutcome, done: number) => void) => TaskRunHandle;

export interface PageSpreadHandle {
  total: number;
  /** how the runs ended ('finished', 'cancelled' or why they stopped) and, when finished, the spread */
  done: Promise<{ how: string; result?: SpreadResult }>;
  cancel: () => void;
}

export function runPageSpread(
  plan: Omit<SpreadPlan, 'workers' | 'onProgress'>,
  runner: TaskRunner,
  onProgress: (done: number, total: number) => void,
): PageSpreadHandle {
  const { base, tasks, n } = spreadTasks({ ...plan, workers: 1 });
  const metrics: (RunMetrics | null)[] = tasks.map(() => null);
  const errors: (string | undefined)[] = tasks.map(() => undefined);
  const handle = runner(base, tasks, (o, done) => {
    if ('error' in o) errors[o.id] = o.error;
    else metrics[o.id] = o.metrics;
    onProgress(done, tasks.length);
  });
  const done = handle.done.then((how) => ({ how, result: how === 'finished' ? summarizeSpread(plan, n, metrics, errors) : undefined }));
  return { total: tasks.length, done, cancel: handle.cancel };
}
