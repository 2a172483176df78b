/**
 * Where a sweep run's time goes (npx tsx bench/sweepBreakdown.ts [--runs N] [--repeats N]): the command line's sweep
 * runs of the bundled default scenario (calibrated, 24 h, the effluent dose varied 20–70 mL/kg/h) done in this
 * thread by parts, after 100 warm-up runs, CPU µs per run: reading the run's scenario (runScenario: the base's
 * checked tree with the run's override; and the long way beside it, as before 4e043a8: parse, override, zod, resolve), the run (simulate), its metrics, and the membrane-life measurement the
 * sweep adds (sim/sweep/membraneLife.ts: a second run, without the scheduled 24 h change, to the TMP limit or 120 h),
 * then the whole of runOne for comparison. Each part on its own pass over the runs; median (range) of the repeats.
 * Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { Simulation } from '../sim/engine/simulation.js';
import { calibratedScenarioText } from '../sim/scenario/loadFile.js';
import { applyOverrides, parseJsonText, scenarioFromObject } from '../sim/scenario/load.js';
import type { Scenario } from '../sim/scenario/resolve.js';
import { isTmpChange, membraneLife } from '../sim/sweep/membraneLife.js';
import { runMetrics } from '../sim/sweep/runMetrics.js';
import { runOne, runScenario, type RunTask, type SweepBase } from '../sim/sweep/runTask.js';
import { cpuMicros, median } from './cpuTime.js';

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(argValue('--runs') ?? 51);
const REPEATS = Number(argValue('--repeats') ?? 5);
const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
const base: SweepBase = { text: calibratedScenarioText(readFileSync(SCENARIO, 'utf8'), SCENARIO), source: SCENARIO, hours: 24, membraneLife: true };
const tasks: RunTask[] = Array.from({ length: RUNS }, (_, id) => ({
  id,
  overrides: [{ path: 'prescription.effluentDose', value: `${(20 + (50 * id) / Math.max(1, RUNS - 1)).toFixed(3)} mL/kg/h` }],
}));

for (let i = 0; i < 100; i++) runOne(base, tasks[i % RUNS]);

/** A run's scenario the long way, as every sweep run was read before 4e043a8: parse, override, zod, resolve. */
function longWay(t: RunTask): Scenario {
  const raw = parseJsonText(base.text, base.source);
  applyOverrides(raw, t.overrides);
  return scenarioFromObject(raw, base.source, { duration_h: base.hours });
}
for (let i = 0; i < 100; i++) longWay(tasks[i % RUNS]);

const parts = {
  first24: [] as number[],
  long: [] as number[],
  read: [] as number[],
  run: [] as number[],
  metrics: [] as number[],
  membrane: [] as number[],
  whole: [] as number[],
};
let measured = 0;
for (let r = 0; r < REPEATS; r++) {
  let scenarios: Scenario[] = [];
  let results: RunResult[] = [];
  parts.long.push(cpuMicros(() => tasks.forEach(longWay)) / RUNS);
  parts.read.push(cpuMicros(() => (scenarios = tasks.map((t) => runScenario(base, t)))) / RUNS);
  parts.run.push(cpuMicros(() => (results = scenarios.map((s) => simulate(s)))) / RUNS);
  parts.metrics.push(cpuMicros(() => results.forEach((res) => runMetrics(res))) / RUNS);
  measured = 0;
  parts.membrane.push(
    cpuMicros(() =>
      results.forEach((res, i) => {
        const before = res.summary.filter_changes.length;
        membraneLife(res, () => runScenario(base, tasks[i]));
        if (before === 0 || !isTmpChange(res.summary.filter_changes[0].reason)) measured++;
      }),
    ) / RUNS,
  );
  // the measurement's first 24 h, as it runs them (6 h looks, no scheduled change): what starting it from the run's
  // own state at 24 h would skip (that would end its segments elsewhere, so its figures would move by round-off)
  parts.first24.push(
    cpuMicros(() =>
      results.forEach((res, i) => {
        const first = res.summary.filter_changes[0];
        if (first && isTmpChange(first.reason)) return;
        const s = runScenario(base, tasks[i]);
        s.prescription.filterChange.maxHours = Infinity;
        const sim = new Simulation(s);
        for (let t = 6; t <= 24; t += 6) sim.advanceTo(t);
      }),
    ) / RUNS,
  );
  parts.whole.push(cpuMicros(() => tasks.forEach((t) => runOne(base, t))) / RUNS);
}

const row = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(58)} ${(median(xs) / 1000).toFixed(2).padStart(6)} ms (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)})`,
  );
console.log(`a sweep run by parts: ${RUNS} runs × 24 h after 100 warm-up runs; CPU per run, median (range) of ${REPEATS} repeats`);
row("reading the run's scenario the long way (before 4e043a8)", parts.long);
row("reading the run's scenario (runScenario)", parts.read);
row('the run (simulate)', parts.run);
row('its metrics (runMetrics)', parts.metrics);
row(`the membrane-life measurement (a second run for ${measured} of ${RUNS})`, parts.membrane);
row('  of which its first 24 h (not skippable bit for bit)', parts.first24);
row('the whole (runOne)', parts.whole);
