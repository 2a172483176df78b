/** Inside a fuzz worker thread: run the cases the main thread sends, after saying it is ready (its modules loaded). */
import { parentPort } from 'node:worker_threads';
import { makeCase } from '../../tools/fuzz/cases.js';
import { runCase } from '../../tools/fuzz/runCase.js';
import { READY, type Job, type Reply } from './messages.js';

export function serveCases(): void {
  parentPort!.on('message', (job: Job) => {
    const c = makeCase(job.seed, job.index);
    parentPort!.postMessage({ index: job.index, outcome: runCase(c.text, job.hours) } satisfies Reply);
  });
  parentPort!.postMessage(READY);
}
