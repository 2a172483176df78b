/**
 * One measurement of the engine (run by bench/engine.bench.ts, in this tree or in a checkout of another commit, so
 * both are measured by the same code): CPU time per simulated patient-day in steady state, the RHS evaluations a
 * day takes and the cost of one evaluation (the floor: evaluations × cost), and the cohort replay. Prints JSON.
 * Uses only APIs both sides of a comparison have (simulate, loadScenarioFile, loadArm, replayArm, Simulation).
 */
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { simulate } from '../sim/engine/simulate.js';
import { loadArm } from '../sim/cohort/loadArm.js';
import { replayArm } from '../sim/cohort/replay.js';
import { Simulation } from '../sim/engine/simulation.js';
import { derivatives } from '../sim/engine/derivatives.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const WARMUP = arg('--warmup', 100);
const RUNS = arg('--runs', 20);

/** CPU milliseconds (user + system) of fn. (Not cpuTime.ts's: this file is copied alone into another commit's checkout.) */
function cpu(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function patientDay(file: string) {
  const scenario = loadScenarioFile(file, [{ path: 'duration', value: '24 h' }]);
  for (let i = 0; i < WARMUP; i++) simulate(scenario);
  const times: number[] = [];
  let evaluations = 0;
  for (let i = 0; i < RUNS; i++) times.push(cpu(() => (evaluations = simulate(scenario).solver.rhsEvaluations)));
  // one right-hand-side evaluation at the starting state, repeated (the floor's unit cost)
  const sim = new Simulation(scenario);
  const target = (sim as unknown as { composed?: unknown }).composed ?? sim.model;
  const y = [...sim.state];
  const rhs = derivatives as unknown as (m: unknown, t: number, y: number[]) => number[];
  const n = 20000;
  for (let i = 0; i < n; i++) rhs(target, 1, y);
  const perEval_ms =
    cpu(() => {
      for (let i = 0; i < n; i++) rhs(target, 1 + i * 1e-6, y);
    }) / n;
  return { cpu_ms: median(times), evaluations, perEval_us: perEval_ms * 1000, floor_ms: evaluations * perEval_ms };
}

function cohort() {
  // the arm files written out, not bench/cohortArms.ts's list: this file is copied alone into another commit's checkout
  const arms = ['scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json'].map(loadArm);
  const replayAll = () => arms.map((a) => replayArm(a, { hours: 24 }));
  replayAll();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(cpu(replayAll));
  return { cpu_ms: median(times), patients: arms.reduce((n, a) => n + a.arm.n, 0) };
}

const which = process.argv.includes('--cohort')
  ? { cohort: cohort() }
  : {
      ecmo: patientDay('scenarios/ecmo-hvhf-default.json'),
      standard: patientDay('scenarios/standard-care-default.json'),
    };
process.stdout.write(JSON.stringify(which) + '\n');
