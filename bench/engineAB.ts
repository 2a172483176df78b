/**
 * Two builds of the engine in one process, alternated (npx tsx bench/engineAB.ts REV [scenario.json] [--batches N]
 * [--runs N]): this tree and commit REV (its sim/ exported with git archive), each bundled with esbuild, warmed up,
 * then N batches of `runs` 24 h runs each, the two builds taking turns batch by batch so a change in the machine's
 * load falls on both. Prints the median CPU ms per patient-day of each and the median of the per-pair ratios
 * (this tree / REV), which is what a loaded machine still measures, and the fastest batch of each (the least disturbed). Prints figures; asserts nothing.
 * `--this REV2` takes commit REV2's engine in place of this tree's: two runs with the commits swapped show what the
 * order of loading alone gives (one commit against itself at load 2–13: median ratios 0.86–1.00, fastest 0.97–1.03).
 * `--cohort`: each batch is one cohort replay (both bundled arms, 136 patients × 24 h, the arms loaded once per build)
 * instead of `runs` days; the figures are ms per replay.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { cpuMillis as cpu, median } from './cpuTime.js';
import { COHORT_ARM_FILES } from './cohortArms.js';

const ROOT = resolve(import.meta.dirname, '..');
const argValue = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const rev = process.argv[2];
if (!rev || rev.startsWith('--')) throw new Error('usage: engineAB.ts REV [scenario.json] [--batches N] [--runs N]');
const scenarioFile = resolve(process.argv[3]?.endsWith('.json') ? process.argv[3] : join(ROOT, 'scenarios/ecmo-hvhf-default.json'));
const BATCHES = Number(argValue('--batches', '12'));
const COHORT = process.argv.includes('--cohort');
const RUNS = COHORT ? 1 : Number(argValue('--runs', '25'));
const ARMS = COHORT_ARM_FILES;

interface Engine {
  loadScenarioFile: (file: string, overrides: { path: string; value: string }[]) => unknown;
  simulate: (s: unknown) => { solver: { rhsEvaluations: number } };
  loadArm: (file: string) => unknown;
  replayArm: (arm: unknown, options: { hours: number }) => unknown;
}

/** The engine of the tree at `root`, bundled into dir/name.mjs and imported. */
async function bundle(root: string, dir: string, name: string): Promise<Engine> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(
    entry,
    `export { loadScenarioFile } from ${JSON.stringify(join(root, 'sim/scenario/loadFile.ts'))};\nexport { simulate } from ${JSON.stringify(join(root, 'sim/engine/simulate.ts'))};\n` +
      `export { loadArm } from ${JSON.stringify(join(root, 'sim/cohort/loadArm.ts'))};\nexport { replayArm } from ${JSON.stringify(join(root, 'sim/cohort/replay.ts'))};\n`,
  );
  const outfile = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning', nodePaths: [join(ROOT, 'node_modules')] });
  return (await import(pathToFileURL(outfile).href)) as Engine;
}

const dir = mkdtempSync(join(tmpdir(), 'engine-ab-'));
try {
  const exported = (r: string, name: string) => {
    const tree = join(dir, name);
    execSync(`mkdir -p ${tree} && git -C ${ROOT} archive ${r} sim scenarios | tar -x -C ${tree}`);
    return tree;
  };
  const thisRev = argValue('--this', '');
  const roots = [thisRev ? exported(thisRev, 'this') : ROOT, exported(rev, 'old')];
  const engines = [await bundle(roots[0], dir, 'now'), await bundle(roots[1], dir, 'before')];
  const scenarios = engines.map((e, i) => e.loadScenarioFile(scenarioFile.replace(ROOT, roots[i]), [{ path: 'duration', value: '24 h' }]));
  const evaluations = engines.map((e, i) => e.simulate(scenarios[i]).solver.rhsEvaluations);
  const arms = engines.map((e, i) => (COHORT ? ARMS.map((f) => e.loadArm(join(roots[i], f))) : []));
  /** One unit of a batch: a 24 h day of the scenario, or with --cohort a whole replay. */
  const once = (k: number) => (COHORT ? arms[k].forEach((a) => engines[k].replayArm(a, { hours: 24 })) : engines[k].simulate(scenarios[k]));
  for (let i = 0; i < (COHORT ? 1 : 100); i++) engines.forEach((_, k) => once(k));
  const unit = COHORT ? 'ms/replay' : 'ms/day';
  const times: number[][] = [[], []];
  const ratios: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const order = b % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order)
      times[k].push(
        cpu(() => {
          for (let r = 0; r < RUNS; r++) once(k);
        }) / RUNS,
      );
    ratios.push(times[0][b] / times[1][b]);
  }
  console.log(
    `${COHORT ? 'cohort replay (136 × 24 h)' : scenarioFile}: ${BATCHES} alternated batches of ${COHORT ? 'one replay' : `${RUNS} days`}; load ${execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ')}`,
  );
  console.log(
    `${thisRev || 'this tree'} ${median(times[0]).toFixed(2)} ${unit}${COHORT ? '' : ` (${evaluations[0]} evaluations)`}; ${rev} ${median(times[1]).toFixed(2)} ${unit}${COHORT ? '' : ` (${evaluations[1]})`}; ratio median ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); fastest batches ${Math.min(...times[0]).toFixed(2)} and ${Math.min(...times[1]).toFixed(2)} ${unit}, ratio ${(Math.min(...times[0]) / Math.min(...times[1])).toFixed(3)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
