/**
 * Where one simulated day goes, in absolute figures (npx tsx bench/engineBreakdown.ts [scenario.json] [--days N]):
 * what a day counts (segments, steps, evaluations, samples) and the CPU time of its parts, after 100 warm-up runs:
 * building the run, integrating without outputs, the outputs (a whole run minus the same run unsampled), the
 * right-hand side (evaluations × the cost of one), and methods timed by wrapping them (the wrapping's own cost,
 * ~0.1 µs a call, is in their figures). Prints figures; asserts nothing.
 */
import { resolve } from 'node:path';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { simulate } from '../sim/engine/simulate.js';
import { Simulation } from '../sim/engine/simulation.js';
import { EventScheduler } from '../sim/engine/events.js';
import { StepInterpolant } from '../sim/engine/stepInterpolant.js';
import { derivatives } from '../sim/engine/derivatives.js';
import { cpuMicros } from './cpuTime.js';

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const file = resolve(process.argv[2]?.endsWith('.json') ? process.argv[2] : 'scenarios/ecmo-hvhf-default.json');
const DAYS = Number(argValue('--days') ?? 200);
const scenario = loadScenarioFile(file, [{ path: 'duration', value: '24 h' }]);

/** CPU µs per call of fn, over n calls. */
function perCall(n: number, fn: () => void): number {
  return (
    cpuMicros(() => {
      for (let i = 0; i < n; i++) fn();
    }) / n
  );
}
const unsampled = () => new Simulation(scenario).advanceTo(24);

for (let i = 0; i < 100; i++) simulate(scenario);
const stats = simulate(scenario).solver;
const day = perCall(DAYS, () => simulate(scenario));
const setup = perCall(DAYS * 5, () => new Simulation(scenario));
const integrated = perCall(DAYS, unsampled);
const probe = new Simulation(scenario);
const y = [...probe.state];
const rhs = perCall(50_000, () => derivatives(probe.composed, 1, y));
console.log(`${file}: ${DAYS} days after 100 warm-up runs; ${JSON.stringify(stats)}`);
const row = (label: string, us: number, note = '') => console.log(`${label.padEnd(40)} ${us.toFixed(0).padStart(6)} µs  ${note}`);
row('a day (simulate)', day);
row('  building the run (new Simulation)', setup);
row('  integrating, no outputs', integrated - setup);
row('    right-hand side (evals × one)', stats.rhsEvaluations * rhs, `${stats.rhsEvaluations} × ${rhs.toFixed(2)} µs`);
row('  outputs + summary (day − unsampled)', day - integrated);

// methods timed by wrapping (each in its own pass of unsampled days, so no wrapper times another's calls)
type Methods = Record<string, (...a: unknown[]) => unknown>;
const wrapped: [string, Methods, string][] = [
  ['EventScheduler.apply (segment ends)', EventScheduler.prototype as unknown as Methods, 'apply'],
  ['EventScheduler.checksWouldStop', EventScheduler.prototype as unknown as Methods, 'checksWouldStop'],
  ['EventScheduler.runDueChecks', EventScheduler.prototype as unknown as Methods, 'runDueChecks'],
  ['EventScheduler.locatedExcess', EventScheduler.prototype as unknown as Methods, 'locatedExcess'],
  ['StepInterpolant.beginStep', StepInterpolant.prototype as unknown as Methods, 'beginStep'],
  ['StepInterpolant.fill', StepInterpolant.prototype as unknown as Methods, 'fill'],
];
for (const [label, obj, key] of wrapped) {
  const fn = obj[key];
  let calls = 0;
  let ns = 0n;
  obj[key] = function (this: unknown, ...a: unknown[]) {
    const t0 = process.hrtime.bigint();
    try {
      return fn.apply(this, a);
    } finally {
      ns += process.hrtime.bigint() - t0;
      calls++;
    }
  };
  for (let i = 0; i < DAYS; i++) unsampled();
  obj[key] = fn;
  row(`    ${label}`, Number(ns) / 1000 / DAYS, `${(calls / DAYS).toFixed(1)} calls, ${(Number(ns) / 1000 / Math.max(calls, 1)).toFixed(2)} µs each`);
}

// the right-hand side where odex calls it (its state moves from call to call), timed by wrapping Simulation's f
{
  let calls = 0;
  let ns = 0n;
  const timedRun = () => {
    const s = new Simulation(scenario);
    const own = s as unknown as { f: (x: number, y: number[]) => number[] };
    const f = own.f;
    own.f = (x, yy) => {
      const t0 = process.hrtime.bigint();
      try {
        return f(x, yy);
      } finally {
        ns += process.hrtime.bigint() - t0;
        calls++;
      }
    };
    s.advanceTo(24);
  };
  for (let i = 0; i < DAYS; i++) timedRun();
  row(
    '    right-hand side where odex calls it',
    Number(ns) / 1000 / DAYS,
    `${(calls / DAYS).toFixed(0)} calls, ${(Number(ns) / 1000 / Math.max(calls, 1)).toFixed(2)} µs each`,
  );
}
