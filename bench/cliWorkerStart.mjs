// One sweep worker's start, for bench/cli.bench.ts: `node bench/cliWorkerStart.mjs <worker file>` starts a piscina
// pool of one thread on that file, waits for its answer to an empty batch (modules loaded, ready to run), and prints
// {"wallMs", "cpuMs"} of that interval as JSON (CPU time of the whole process: main thread and worker).
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';

const file = process.argv[2];
const base = { text: '{}', source: 'bench', hours: 1 };
const t0 = performance.now();
const c0 = process.cpuUsage();
const pool = new Piscina({ filename: pathToFileURL(file).href, workerData: base, minThreads: 1, maxThreads: 1 });
await pool.run([]);
const cpu = process.cpuUsage(c0);
const wallMs = performance.now() - t0;
await pool.destroy();
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }) + '\n');
