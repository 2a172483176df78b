/** A pool of worker threads running the fuzz cases, each case under a time budget (a worker over budget is terminated). */
import { Worker } from 'node:worker_threads';
import { READY, type Job, type Reply } from './messages.js';
import type { Options } from './options.js';
import type { Tally } from './tally.js';

function startWorker(): Worker {
  // Worker threads start as plain Node: register tsx, then load the worker module (sim/sweep/worker.mjs does the same).
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const workerModule = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerModule)}); }).then((m) => m.serveCases());`;
  return new Worker(code, { eval: true });
}

/** Runs cases 0 … count − 1 of the seed on `o.workers` threads, each outcome into the tally. */
export function runPool(o: Options, tally: Tally): Promise<void> {
  let nextIndex = 0;
  return new Promise<void>((resolve, reject) => {
    const launch = () => {
      const w = startWorker();
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let ready = false;
      const feed = () => {
        if (nextIndex >= o.count) {
          current = undefined;
          void w.terminate();
          if (tally.finished >= o.count) resolve();
          return;
        }
        current = nextIndex++;
        timer = setTimeout(() => {
          // over budget: this worker may be stuck forever; kill it and carry on with a fresh one
          const stuck = current!;
          current = undefined;
          w.removeAllListeners();
          void w.terminate();
          tally.record(stuck, 'timeout');
          if (tally.finished >= o.count) resolve();
          else launch();
        }, o.budgetMs);
        w.postMessage({ seed: o.seed, index: current, hours: o.hours } satisfies Job);
      };
      w.on('message', (reply: Reply | typeof READY) => {
        if (reply === READY) {
          ready = true;
          return feed();
        }
        clearTimeout(timer);
        tally.record(reply.index, reply.outcome);
        feed();
        if (tally.finished >= o.count) resolve();
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        if (!ready) return reject(new Error(`a fuzz worker could not start: ${e.message}`));
        if (current !== undefined) tally.workerDied(current, e.message);
        if (tally.finished >= o.count) resolve();
        else launch();
      });
    };
    for (let i = 0; i < Math.min(o.workers, o.count); i++) launch();
    if (o.count === 0) resolve();
  });
}
