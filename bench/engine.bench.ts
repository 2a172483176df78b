/**
 * Engine benchmark (npm run bench): wall time per simulated patient-day of the bundled default scenario, the
 * right-hand-side evaluations it takes, and the real-time factor. Median of 30 runs after 5 warm-up runs.
 * Target (issue 2): one patient-day of the full model in 5 ms or less on the 2-core project machine.
 * Prints figures; asserts nothing (design.md: benchmarks are not tests).
 */
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { simulate } from '../sim/engine/simulate.js';
import { loadArm } from '../sim/cohort/loadArm.js';
import { replayArm } from '../sim/cohort/replay.js';

const WARMUP = 5;
const RUNS = 30;

function measure(file: string, label: string): void {
  const scenario = loadScenarioFile(file, [{ path: 'duration', value: '24 h' }]);
  for (let i = 0; i < WARMUP; i++) simulate(scenario);
  const times: number[] = [];
  let evaluations = 0;
  let steps = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = simulate(scenario);
    times.push(performance.now() - t0);
    evaluations = r.solver.rhsEvaluations;
    steps = r.solver.steps;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  const p90 = times[Math.floor(RUNS * 0.9)];
  const realTime = (24 * 3600 * 1000) / median;
  console.log(
    `${label.padEnd(34)} ${median.toFixed(2).padStart(8)} ms/patient-day (median of ${RUNS}; p90 ${p90.toFixed(2)} ms)  ` +
      `${String(evaluations).padStart(6)} RHS evaluations  ${String(steps).padStart(5)} steps  real-time factor ${realTime.toExponential(2)}`,
  );
}

console.log(`node ${process.version}, ${process.arch}`);
measure('scenarios/ecmo-hvhf-default.json', 'ECMO + HVHF default, 24 h');
measure('scenarios/standard-care-default.json', 'standard care default, 24 h');
console.log('target: ≤ 5 ms per patient-day (ECMO + HVHF default)');

// The whole reference cohort in-process (issue 3): 44 + 92 patients × 24 h, median of 5 after one warm-up.
const arms = ['scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json'].map(loadArm);
const replayAll = () => arms.map((a) => replayArm(a, { hours: 24 }));
replayAll();
const cohortTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  replayAll();
  cohortTimes.push(performance.now() - t0);
}
cohortTimes.sort((a, b) => a - b);
const patients = arms.reduce((n, a) => n + a.arm.n, 0);
console.log(`cohort replay (${patients} patients × 24 h)      ${cohortTimes[2].toFixed(0).padStart(8)} ms (median of 5)  target ≤ 1000 ms`);
