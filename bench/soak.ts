/**
 * Soak (npm run soak): a 30-day simulated run and a 1,000-run sweep, reporting the heap before and after each
 * (after forced garbage collection) so memory growth shows. Prints figures; asserts nothing.
 * Run with --expose-gc (the npm script does).
 */
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { simulate } from '../sim/engine/simulate.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run soak)');
const heapMiB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const file = 'scenarios/ecmo-hvhf-default.json';

const h0 = heapMiB();
let t0 = performance.now();
const long = simulate(
  loadScenarioFile(file, [
    { path: 'duration', value: '720 h' },
    { path: 'outputInterval', value: '1 h' },
  ]),
);
const longMs = performance.now() - t0;
const h1 = heapMiB();
console.log(
  `30-day run: ${longMs.toFixed(0)} ms, ${long.summary.filters_used} filters, ${long.solver.rhsEvaluations} RHS evaluations; ` +
    `heap ${h0.toFixed(1)} → ${h1.toFixed(1)} MiB (result still held)`,
);

const RUNS = 1000;
const before = heapMiB();
t0 = performance.now();
let checksum = 0;
for (let i = 0; i < RUNS; i++) {
  const dose = 20 + (i % 50); // mL/kg/h, a sweep over dose
  const r = simulate(
    loadScenarioFile(file, [
      { path: 'duration', value: '24 h' },
      { path: 'prescription.effluentDose', value: `${dose} mL/kg/h` },
    ]),
  );
  checksum += r.summary.il6_change_pct;
  if (i === 99) console.log(`after 100 runs: heap ${heapMiB().toFixed(1)} MiB`);
}
const sweepMs = performance.now() - t0;
const after = heapMiB();
console.log(
  `${RUNS}-run sweep: ${(sweepMs / 1000).toFixed(1)} s (${(RUNS / (sweepMs / 1000)).toFixed(0)} patient-days/s, 1 core); ` +
    `heap ${before.toFixed(1)} → ${after.toFixed(1)} MiB (growth ${(after - before).toFixed(2)} MiB); checksum ${checksum.toFixed(3)}`,
);
