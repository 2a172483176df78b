/** The piscina worker: runs a batch of sweep runs per task with the base scenario it was started with. */
import { workerData } from 'node:worker_threads';
import { runOne, type RunOutcome, type RunTask, type SweepBase } from './runTask.js';

const base = workerData as SweepBase;

export default function sweepWorker(batch: RunTask[]): RunOutcome[] {
  return batch.map((task) => runOne(base, task));
}
