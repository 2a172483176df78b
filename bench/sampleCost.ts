/**
 * What one output sample costs (npx tsx bench/sampleCost.ts [scenario.json] [--batches N] [--runs N]): the same 24 h
 * run at 15-min and at 1-min output and unsampled (Simulation.advanceTo, no sampler), taking turns batch by batch so
 * a change in the machine's load falls on all three, after 100 warm-up runs of each; CPU time. A sample's cost is
 * the difference between the two sampled runs over the difference in their sample counts (integration, events and
 * the summary cancel); "outputs + summary" is the 15-min day less the unsampled one, as bench/engineBreakdown.ts
 * measures it. Then observe() alone, over the 97 states of a 15-min run, with its parts timed one by one.
 * Prints figures; asserts nothing.
 */
import { resolve } from 'node:path';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { simulate } from '../sim/engine/simulate.js';
import { Simulation } from '../sim/engine/simulation.js';
import { deriveNow } from '../sim/engine/model.js';
import { observe, SERIES_NAMES, type Observation } from '../sim/engine/observe.js';
import { cpuMicros as cpu, median } from './cpuTime.js';

const argValue = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const file = resolve(process.argv[2]?.endsWith('.json') ? process.argv[2] : 'scenarios/ecmo-hvhf-default.json');
const BATCHES = Number(argValue('--batches', '15'));
const RUNS = Number(argValue('--runs', '10'));
const at = (interval: string) =>
  loadScenarioFile(file, [
    { path: 'duration', value: '24 h' },
    { path: 'outputInterval', value: interval },
  ]);
const coarse = at('15 min');
const fine = at('1 min');

const kinds: [string, () => unknown][] = [
  ['15-min output', () => simulate(coarse)],
  ['1-min output', () => simulate(fine)],
  ['unsampled', () => new Simulation(coarse).advanceTo(24)],
];
const samples = (s: typeof coarse) => simulate(s).series.time_h.length;
const n15 = samples(coarse);
const n1 = samples(fine);
for (let i = 0; i < 100; i++) for (const [, run] of kinds) run();
const per: number[][] = kinds.map(() => []);
const sampleCost: number[] = [];
const outputs: number[] = [];
for (let b = 0; b < BATCHES; b++) {
  const t = kinds.map(([, run]) => cpu(() => { for (let i = 0; i < RUNS; i++) run(); }) / RUNS); // prettier-ignore
  t.forEach((v, k) => per[k].push(v));
  sampleCost.push((t[1] - t[0]) / (n1 - n15));
  outputs.push(t[0] - t[2]);
}
console.log(`${file}: ${BATCHES} batches of ${RUNS} runs each, after 100 warm-up runs; CPU µs, median [min–max] over batches`);
const row = (label: string, xs: number[], note = '') =>
  console.log(`${label.padEnd(44)} ${median(xs).toFixed(1).padStart(8)}  [${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}] ${note}`);
kinds.forEach(([label], k) => row(`a day, ${label}`, per[k]));
row('a sample ((1 min − 15 min) / Δsamples)', sampleCost, `(${n1} − ${n15} samples)`);
row('outputs + summary (15 min − unsampled)', outputs, `(${n15} samples)`);

// observe() alone over a 15-min run's states, and its parts (each pass over every state, many times)
const states: [number, number[]][] = [];
{
  const sim = new Simulation(coarse);
  const grid = { next: 0 };
  sim.advanceTo(24, {
    due: () => grid.next,
    take(t, stateAt) {
      for (; grid.next <= t + 1e-9; grid.next += 0.25) states.push([grid.next, [...stateAt(grid.next)]]);
    },
  });
  const c = sim.composed;
  const REPS = 200;
  const each = (fn: (t: number, y: number[]) => void) => {
    for (let r = 0; r < 20; r++) for (const [t, y] of states) fn(t, y);
    return cpu(() => { for (let r = 0; r < REPS; r++) for (const [t, y] of states) fn(t, y); }) / (REPS * states.length); // prettier-ignore
  };
  const blank: Observation = Object.fromEntries(SERIES_NAMES.map((n) => [n, NaN]));
  const whole = each((t, y) => observe(c, t, y, { ...blank }));
  const derive = each((t, y) => deriveNow(c, t, y));
  console.log(`observe() over ${states.length} states of a 15-min run (end-of-run settings):`);
  console.log(`${'  observe (whole)'.padEnd(44)} ${whole.toFixed(2).padStart(8)} µs`);
  console.log(`${'    deriveNow'.padEnd(44)} ${derive.toFixed(2).padStart(8)} µs`);
  let before = derive;
  for (let k = 0; k < c.parts.length; k++) {
    if (!c.parts[k].deriveForOutput) continue;
    const upTo = each((t, y) => {
      const now = deriveNow(c, t, y);
      for (let j = 0; j <= k; j++) c.parts[j].deriveForOutput?.(now);
    });
    console.log(`${`    deriveForOutput of part ${k}`.padEnd(44)} ${(upTo - before).toFixed(2).padStart(8)} µs`);
    before = upTo;
  }
  const now = deriveNow(c, states[10][0], states[10][1]);
  for (const p of c.parts) p.deriveForOutput?.(now);
  const out: Observation = { ...blank };
  const writes = cpu(() => { for (let r = 0; r < 20_000; r++) for (const p of c.parts) p.observe?.(now, out); }) / 20_000; // prettier-ignore
  console.log(`${'    every part observe (one Now)'.padEnd(44)} ${writes.toFixed(2).padStart(8)} µs`);
}
