/**
 * Runs the model at points of the unit hypercube through the sweep's worker pool (sim/sweep/pool.ts, runTask.ts):
 * each coordinate u_i becomes the value lo_i + u_i (hi_i − lo_i) of its parameter, and each run's outcomes are
 * read from its metrics. A failed run gives NaN for every outcome; the estimators leave such points out.
 */
import { runTasks, type OnProgress } from '../sweep/pool.js';
import type { RunTask, SweepBase } from '../sweep/runTask.js';
import { pointTask } from './pointTask.js';
import type { Outcome } from './outcomes.js';
import type { UncertainParameter } from './uncertainParameters.js';

export interface Evaluations {
  /** per outcome, one value per point */
  values: number[][];
  failed: number;
  /** the message of the first failed run, to show the user */
  firstError?: string;
}

export async function evaluatePoints(
  base: SweepBase,
  hours: number,
  params: UncertainParameter[],
  points: number[][],
  outcomes: Outcome[],
  workers: number,
  onProgress?: OnProgress,
): Promise<Evaluations> {
  const values = outcomes.map(() => new Array<number>(points.length).fill(NaN));
  let failed = 0;
  let firstError: string | undefined;
  const tasks = function* (): Generator<RunTask> {
    for (let id = 0; id < points.length; id++) {
      yield pointTask(params, points[id], id);
    }
  };
  await runTasks(
    base,
    workers,
    points.length,
    tasks(),
    (o) => {
      if ('error' in o) {
        failed++;
        firstError ??= o.error;
        return;
      }
      outcomes.forEach((out, j) => (values[j][o.id] = out.read(o.metrics, hours)));
    },
    onProgress,
  );
  return { values, failed, firstError };
}
