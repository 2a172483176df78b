/**
 * Where a simulated day goes (npx tsx bench/engineProfile.ts [scenario.json] [--days N]): the engine bundled with
 * esbuild (plain functions keep their names and lines; under tsx a closure is anonymous), warmed up with 100 runs,
 * then N 24 h runs (default 300) under `node --cpu-prof`; prints each function's self and inclusive share of the
 * profile, largest first. With --cohort [--replays N]: the cohort replay (both bundled arms, 24 h) instead, one
 * replay to warm up, then N (default 3); with --build [--replays N] only its patients' scenarios read and their
 * runs built (new Simulation), none run; with --sweep [--days N]: N sweep runs as bench/sweep.bench.ts's workers run
 * them (runOne: the scenario read with the run's override, simulated, its metrics). --top N: that many inclusive rows. --under "FUNCTION FILE" (as a row names it, e.g. "apply engine/events.ts"): only the time inside that function, by what it calls (self and inclusive of the frames below its outermost call; shares still of the whole profile). Prints figures; asserts nothing (a profile is not a test).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { cohortArmPaths } from './cohortArms.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = resolve(import.meta.dirname, '..');
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const scenario = resolve(process.argv[2]?.endsWith('.json') ? process.argv[2] : join(ROOT, 'scenarios/ecmo-hvhf-default.json'));
const DAYS = Number(argValue('--days') ?? 300);
const COHORT = process.argv.includes('--cohort');
const REPLAYS = Number(argValue('--replays') ?? 3);

const cohortEntry = `
import { loadArm } from ${JSON.stringify(join(ROOT, 'sim/cohort/loadArm.ts'))};
import { replayArm } from ${JSON.stringify(join(ROOT, 'sim/cohort/replay.ts'))};
const files = ${JSON.stringify(cohortArmPaths(ROOT))};
const replayAll = () => files.map(loadArm).map((a) => replayArm(a, { hours: 24 }));
replayAll();
const c0 = process.cpuUsage();
for (let i = 0; i < ${REPLAYS}; i++) replayAll();
const c = process.cpuUsage(c0);
console.log(((c.user + c.system) / 1000 / ${REPLAYS}).toFixed(0) + ' ms CPU per cohort replay (136 × 24 h, arms loaded each time) under the profiler');
`;

const SWEEP = process.argv.includes('--sweep');
const sweepEntry = `
import { readFileSync } from 'node:fs';
import { runOne } from ${JSON.stringify(join(ROOT, 'sim/sweep/runTask.ts'))};
const base = { text: readFileSync(${JSON.stringify(scenario)}, 'utf8'), source: 'sweep', hours: 24 };
const task = (id) => ({ id, overrides: [{ path: 'prescription.effluentDose', value: (20 + (id % 51)) + ' mL/kg/h' }] });
for (let i = 0; i < 100; i++) runOne(base, task(i));
const c0 = process.cpuUsage();
for (let i = 0; i < ${DAYS}; i++) runOne(base, task(i));
const c = process.cpuUsage(c0);
console.log(((c.user + c.system) / 1000 / ${DAYS}).toFixed(2) + ' ms CPU per sweep run (24 h, as bench/sweep.bench.ts runs them) under the profiler');
`;

const BUILD = process.argv.includes('--build');
const buildEntry = `
import { loadArm } from ${JSON.stringify(join(ROOT, 'sim/cohort/loadArm.ts'))};
import { applyFactors, armOverrides } from ${JSON.stringify(join(ROOT, 'sim/cohort/replay.ts'))};
import { drawPatients } from ${JSON.stringify(join(ROOT, 'sim/cohort/virtualPatients.ts'))};
import { checkedProtocol, patientScenario } from ${JSON.stringify(join(ROOT, 'sim/cohort/patientScenarios.ts'))};
import { Simulation } from ${JSON.stringify(join(ROOT, 'sim/engine/simulation.ts'))};
const files = ${JSON.stringify(cohortArmPaths(ROOT))};
const arms = files.map(loadArm);
const scenariosOf = (l) => {
  const protocol = checkedProtocol(l.protocol, armOverrides(l, { hours: 24 }), l.arm.name);
  return drawPatients(l.arm, l.file, l.calibratedMeans).map((p) => applyFactors(patientScenario(protocol, p.overrides, p.id), p.factors, p.id));
};
const buildAll = () => arms.flatMap(scenariosOf).forEach((s) => new Simulation(s));
buildAll();
const c0 = process.cpuUsage();
for (let i = 0; i < ${REPLAYS}; i++) buildAll();
const c = process.cpuUsage(c0);
console.log(((c.user + c.system) / 1000 / ${REPLAYS}).toFixed(0) + ' ms CPU per cohort of scenarios read and runs built (136, none run) under the profiler');
`;

const RHS = process.argv.includes('--rhs');
/**
 * The right-hand side alone, where a day's runs call it: each evaluation odex asks for is repeated 20 times at the same
 * time and state, so the profile is the right-hand side's (the repeats change nothing the run reads: the derivative
 * is a function of time, state and the settings and held lines of the moment). States replayed after the run would
 * be read against the end's held lines and CO2 anchor: a state from the morning under the evening's anchor puts
 * PaCO2 far outside physiology (a 15-min grid gave 510 such PaCO2s, −2.5·10¹⁶⁵ mmHg among them), and the acid–base
 * Newton then took a quarter of the profile.
 */
const rhsEntry = `
import { loadScenarioFile } from ${JSON.stringify(join(ROOT, 'sim/scenario/loadFile.ts'))};
import { Simulation } from ${JSON.stringify(join(ROOT, 'sim/engine/simulation.ts'))};
import { derivatives } from ${JSON.stringify(join(ROOT, 'sim/engine/derivatives.ts'))};
const scenario = loadScenarioFile(${JSON.stringify(scenario)}, [{ path: 'duration', value: '24 h' }]);
const REPEATS = 20;
let calls = 0;
const day = () => {
  const sim = new Simulation(scenario);
  const f = sim.f;
  sim.f = (x, y) => {
    for (let i = 0; i < REPEATS; i++) derivatives(sim.composed, x, y);
    calls += REPEATS;
    return f(x, y);
  };
  sim.advanceTo(24);
};
for (let i = 0; i < 20; i++) day();
calls = 0;
const c0 = process.cpuUsage();
for (let i = 0; i < ${DAYS} / 10; i++) day();
const c = process.cpuUsage(c0);
console.log(((c.user + c.system) / calls).toFixed(3) + ' µs CPU per right-hand-side evaluation under the profiler (an upper bound: the rest of each run is in the time)');
`;

const entry = RHS
  ? rhsEntry
  : BUILD
    ? buildEntry
    : COHORT
      ? cohortEntry
      : SWEEP
        ? sweepEntry
        : `
import { loadScenarioFile } from ${JSON.stringify(join(ROOT, 'sim/scenario/loadFile.ts'))};
import { simulate } from ${JSON.stringify(join(ROOT, 'sim/engine/simulate.ts'))};
const scenario = loadScenarioFile(${JSON.stringify(scenario)}, [{ path: 'duration', value: '24 h' }]);
for (let i = 0; i < 100; i++) simulate(scenario);
const c0 = process.cpuUsage();
for (let i = 0; i < ${DAYS}; i++) simulate(scenario);
const c = process.cpuUsage(c0);
console.log(((c.user + c.system) / 1000 / ${DAYS}).toFixed(2) + ' ms CPU per patient-day under the profiler');
`;

/** The source file of each line of the bundle (esbuild heads each module with a `// path` comment). */
function modulesOf(bundle: string): (line: number) => string {
  const starts: [number, string][] = [];
  bundle.split('\n').forEach((text, i) => {
    const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(text);
    if (m) starts.push([i + 1, m[1].split('/').slice(-2).join('/')]);
  });
  return (line) => {
    let name = '';
    for (const [start, file] of starts) if (start <= line) name = file;
    return name;
  };
}

/** Self and inclusive time per function (name and source file), in shares of the whole profile. */
function shares(p: Profile, moduleAt: (line: number) => string, under?: string): { self: Map<string, number>; inclusive: Map<string, number>; total: number } {
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.endsWith('run.mjs') ? moduleAt(n.callFrame.lineNumber + 1) : n.callFrame.url}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i];
    total += dt;
    // the sample's stack, leaf first; with `under`, only the frames below that function's outermost call count
    const stack: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(key(nodes.get(cur)!));
    const cut = under === undefined ? stack.length : stack.lastIndexOf(under) + 1;
    if (cut === 0) return;
    self.set(stack[0], (self.get(stack[0]) ?? 0) + dt);
    const seen = new Set<string>();
    for (const k of stack.slice(0, cut)) {
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  return { self, inclusive, total };
}

const dir = mkdtempSync(join(tmpdir(), 'engine-profile-'));
try {
  writeFileSync(join(dir, 'entry.ts'), entry);
  await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'run.mjs'), logLevel: 'warning' });
  const out = execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(dir, 'run.mjs')], { encoding: 'utf8' });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
  const moduleAt = modulesOf(readFileSync(join(dir, 'run.mjs'), 'utf8'));
  const { self, inclusive, total } = shares(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, moduleAt, argValue('--under'));
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(6)} %  ${k}`)
      .join('\n');
  console.log(
    BUILD || COHORT
      ? `${BUILD ? 'cohort built' : 'cohort replay'}: ${REPLAYS} replays after one; ${out.trim()}`
      : `${scenario}: ${DAYS} days after 100 warm-up runs; ${out.trim()}`,
  );
  console.log(`self\n${top(self, 30)}\ninclusive\n${top(inclusive, Number(argValue('--top') ?? 40))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
