/**
 * Sweep benchmark (npm run bench:sweep): throughput of the piscina sweep in patient-days per second with 1 and
 * with 2 workers, and the scaling from 1 to 2. Each measurement runs a 24 h dose grid on a pool that has already
 * started and run a warm-up round (worker start-up, the TypeScript transform and the JIT are reported apart).
 * Targets (issue 5): ≥ 200 patient-days/s on 2 workers and ≥ 1.7× scaling. Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createSweepPool, runOnPool } from '../sim/sweep/pool.js';
import type { RunTask } from '../sim/sweep/runTask.js';

const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
const HOURS = 24;
const RUNS = Number(process.env.SWEEP_BENCH_RUNS ?? 1000);

const tasks = (n: number): RunTask[] =>
  Array.from({ length: n }, (_, id) => ({ id, overrides: [{ path: 'prescription.effluentDose', value: `${20 + (id % 51)} mL/kg/h` }] }));

async function measure(workers: number): Promise<number> {
  const t0 = performance.now();
  const pool = createSweepPool({ text: readFileSync(SCENARIO, 'utf8'), source: SCENARIO, hours: HOURS }, workers);
  let failed = 0;
  await runOnPool(pool, tasks(50 * workers), () => {}); // start-up and warm-up (the JIT needs tens of runs per worker)
  const startup = performance.now() - t0;
  const t1 = performance.now();
  await runOnPool(pool, tasks(RUNS), (o) => void ('error' in o && failed++));
  const seconds = (performance.now() - t1) / 1000;
  await pool.destroy();
  const rate = (RUNS * HOURS) / 24 / seconds;
  console.log(
    `${workers} worker${workers === 1 ? ' ' : 's'}: ${rate.toFixed(1).padStart(7)} patient-days/s  (${RUNS} runs × ${HOURS} h in ${seconds.toFixed(2)} s; ` +
      `${((1000 * seconds) / RUNS).toFixed(1)} ms/run wall; start-up + warm-up ${(startup / 1000).toFixed(1)} s${failed ? `; ${failed} runs failed` : ''})`,
  );
  return rate;
}

console.log(`node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs`);
const one = await measure(1);
const two = await measure(2);
console.log(`scaling 1 → 2 workers: ${(two / one).toFixed(2)}×`);
console.log('targets: ≥ 200 patient-days/s on 2 workers; ≥ 1.7× scaling');
