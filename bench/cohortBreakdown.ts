/**
 * Where a cohort replay's time goes beside the integration (npx tsx bench/cohortBreakdown.ts [--hours H]
 * [--replays N]): both bundled arms' patients replayed by parts after one warm-up replay, CPU µs per patient of
 * each part summed over the cohort: reading the patient's scenario (the checked protocol with their draws:
 * patientScenario), the factored values (applyFactors), building the run (new Simulation: the parts' constants and
 * the settle at t = 0), the run itself (simulate minus its own build), and the table's figures (patientMetrics).
 * Each part is timed on its own pass over the patients, so their sum is near a whole replay's (bench/engine.bench.ts
 * prints that). Prints figures; asserts nothing.
 */
import { loadArm } from '../sim/cohort/loadArm.js';
import { applyFactors, armOverrides } from '../sim/cohort/replay.js';
import { COHORT_ARM_FILES } from './cohortArms.js';
import { drawPatients } from '../sim/cohort/virtualPatients.js';
import { checkedProtocol, patientScenario } from '../sim/cohort/patientScenarios.js';
import { patientMetrics } from '../sim/cohort/metrics.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { Simulation } from '../sim/engine/simulation.js';
import type { Scenario } from '../sim/scenario/resolve.js';
import { cpuMicros, median } from './cpuTime.js';

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const HOURS = Number(argValue('--hours') ?? 24);
const REPLAYS = Number(argValue('--replays') ?? 3);

const arms = COHORT_ARM_FILES.map(loadArm);
/** What replayArm does for each arm before its patients: the draws and the protocol checked once. */
const prepared = arms.map((loaded) => {
  const common = armOverrides(loaded, { hours: HOURS });
  const name = loaded.arm.name;
  return {
    name,
    patients: drawPatients(loaded.arm, loaded.file, loaded.calibratedMeans),
    protocol: checkedProtocol(loaded.protocol, common, `${name}: protocol`),
  };
});
const patients = prepared.flatMap((a) => a.patients.map((p) => ({ ...p, arm: a })));

const parts = {
  prepare: [] as number[],
  scenario: [] as number[],
  factors: [] as number[],
  build: [] as number[],
  run: [] as number[],
  figures: [] as number[],
};
let scenarios: Scenario[] = [];
let results: RunResult[] = [];
const pass = () => {
  const prepare = cpuMicros(() => prepared.forEach((a, i) => checkedProtocol(arms[i].protocol, [], a.name)));
  const built: Scenario[] = [];
  const scenario = cpuMicros(() => {
    for (const p of patients) built.push(patientScenario(p.arm.protocol, p.overrides, p.id));
  });
  const factors = cpuMicros(() => built.forEach((s, i) => applyFactors(s, patients[i].factors, patients[i].id)));
  scenarios = built;
  const build = cpuMicros(() => scenarios.forEach((s) => new Simulation(s)));
  const out: RunResult[] = [];
  const whole = cpuMicros(() => scenarios.forEach((s) => out.push(simulate(s))));
  results = out;
  const figures = cpuMicros(() => results.forEach((r) => patientMetrics(r)));
  return { prepare, scenario, factors, build, run: whole - build, figures };
};
pass(); // warm-up
for (let r = 0; r < REPLAYS; r++) {
  const t = pass();
  for (const k of Object.keys(parts) as (keyof typeof parts)[]) parts[k].push(t[k]);
}

const n = patients.length;
const row = (label: string, xs: number[], perPatient = true) => {
  const ms = median(xs) / 1000;
  const range = `${(Math.min(...xs) / 1000).toFixed(1)}–${(Math.max(...xs) / 1000).toFixed(1)}`;
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(7)} ms (${range})${perPatient ? `  ${((1000 * ms) / n).toFixed(0).padStart(5)} µs/patient` : ''}`);
};
console.log(`cohort replay by parts: ${n} patients × ${HOURS} h, median (range) of ${REPLAYS} replays after one; CPU time`);
row('checking the two protocols (once per arm)', parts.prepare, false);
row("each patient's scenario (patientScenario)", parts.scenario);
row('their factored values (applyFactors)', parts.factors);
row('building each run (new Simulation, settle at 0 h)', parts.build);
row('the runs (simulate − building)', parts.run);
row("the table's figures (patientMetrics)", parts.figures);
const total = ['prepare', 'scenario', 'factors', 'build', 'run', 'figures'].map((k) => median(parts[k as keyof typeof parts]));
console.log(`${'sum of the medians'.padEnd(52)} ${(total.reduce((a, b) => a + b, 0) / 1000).toFixed(1).padStart(7)} ms`);
