/** The piscina worker: runs one sweep run per task with the base scenario it was started with. */
import { workerData } from 'node:worker_threads';
import { runOne, type RunOutcome, type RunTask, type SweepBase } from './runTask.js';

const base = workerData as SweepBase;

export default function sweepWorker(task: RunTask): RunOutcome {
  return runOne(base, task);
}
