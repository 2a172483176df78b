/**
 * Runs a page sweep's runs on the page's Web Workers (spreadPool.ts: as many as the machine's cores, at most 4, one
 * run per message) and hands each finished run's row (the command line's row text, sim/sweep/resultsCsv.ts) to
 * `onRow`. `cancel` stops the workers at once; the runs in progress are lost, the finished rows kept.
 */
import { formatQuantity } from '../../sim/units';
import { resultRow } from '../../sim/sweep/resultsCsv';
import type { RunTask } from '../../sim/sweep/runTask';
import { MAX_PAGE_WORKERS, runTasksInPage, type TaskRunHandle } from './spreadPool';
import type { PageSweep } from './sweepSetup';

export const MAX_WORKERS = MAX_PAGE_WORKERS;

export type SweepHandle = TaskRunHandle;

function task(sweep: PageSweep, id: number): RunTask {
  return { id, overrides: sweep.axes.map((a, d) => ({ path: a.path, value: formatQuantity(sweep.runs[id][d], a.unit) })) };
}

export function runPageSweep(sweep: PageSweep, onRow: (id: number, row: string, failed: boolean) => void): SweepHandle {
  const tasks = sweep.runs.map((_, id) => task(sweep, id));
  return runTasksInPage(sweep.base, tasks, (o) => onRow(o.id, resultRow(o.id, sweep.runs[o.id], o), 'error' in o));
}
