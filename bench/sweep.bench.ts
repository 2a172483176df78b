/**
 * Sweep benchmark (npm run bench:sweep [-- --cli [--against REV] [--runs N] [--repeats N] [--workers N]]).
 *
 * Without --cli: throughput of the piscina sweep in patient-days per second with 1 and with 2 workers, and the
 * scaling from 1 to 2. Each measurement runs a 24 h dose grid on a pool that has already started and run a warm-up
 * round (worker start-up, the TypeScript transform and the JIT are reported apart). Targets (issue 5): ≥ 200
 * patient-days/s on 2 workers and ≥ 1.7× scaling.
 *
 * With --cli: the command line's own sweep end to end, start-up included (issue 14's target: ≥ 800 patient-days/s
 * on 2 workers for a 1,000-run sweep): `node dist/cli/cli.js sweep` of the bundled default scenario, a
 * Latin-hypercube of N runs (default 1,000) over the effluent dose, 24 h each, on 2 workers; wall and CPU time (the
 * process and its worker threads, bash's `times`). The command's sweep also measures each run's membrane life
 * (sim/sweep/membraneLife.ts: a second run with the scheduled change off, up to 120 h, for every run whose first
 * filter outlived its 24 h change), which the pool figures above leave out; patient-days count the 24 h runs only.
 * --against REV builds REV's command line in a temporary worktree and measures it too, alternating the two repeat
 * by repeat (both see the same load), and says whether the two results files are the same bytes.
 * Prints figures; asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSweepPool, runOnPool } from '../sim/sweep/pool.js';
import type { RunTask } from '../sim/sweep/runTask.js';
import { median } from './cpuTime.js';

const ROOT = resolve(import.meta.dirname, '..');
const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
const HOURS = 24;
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(argValue('--runs') ?? process.env.SWEEP_BENCH_RUNS ?? 1000);

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

async function poolFigures(): Promise<void> {
  console.log(`node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs`);
  const one = await measure(1);
  const two = await measure(2);
  console.log(`scaling 1 → 2 workers: ${(two / one).toFixed(2)}×`);
  console.log('targets: ≥ 200 patient-days/s on 2 workers; ≥ 1.7× scaling');
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

interface Sample {
  wall: number;
  cpu: number;
}

/** One end-to-end sweep of the command line in `tree` (its dist/cli), results to `out`: wall and CPU seconds. */
function cliSweep(tree: string, out: string, workers: number): Sample {
  const command = [
    process.execPath,
    q(join(tree, 'dist/cli/cli.js')),
    'sweep',
    q(join(tree, SCENARIO)),
    '--design lhs',
    `--samples ${RUNS}`,
    `--vary ${q('prescription.effluentDose=20 mL/kg/h..70 mL/kg/h')}`,
    `--hours ${HOURS}`,
    `--workers ${workers}`,
    `--max-runs ${RUNS}`,
    `--out ${q(out)}`,
    '--overwrite --quiet',
  ].join(' ');
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', `${command} >/dev/null; s=$?; times; exit $s`], { encoding: 'utf8', cwd: tree });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`the sweep in ${tree} exited with ${r.status}: ${r.stderr}`);
  const [user, system] = r.stdout
    .trim()
    .split('\n')[1]
    .split(/\s+/)
    .map((t) => {
      const m = /^(\d+)m([\d.]+)s$/.exec(t);
      if (!m) throw new Error(`cannot read bash's times: ${r.stdout}`);
      return Number(m[1]) * 60 + Number(m[2]);
    });
  return { wall, cpu: user + system };
}

/** `rev` in a temporary worktree with this tree's node_modules and its own command line built. */
function checkout(rev: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sweep-'));
  execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', dir, rev], { stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, ['scripts/buildCli.mjs', '--quiet'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

function cliFigures(): void {
  const against = argValue('--against');
  const repeats = Number(argValue('--repeats') ?? 3);
  const workers = Number(argValue('--workers') ?? 2);
  execFileSync(process.execPath, ['scripts/buildCli.mjs', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const out = mkdtempSync(join(tmpdir(), 'bench-sweep-out-'));
  const trees: { label: string; dir: string; samples: Sample[]; file: string }[] = [{ label: 'now', dir: ROOT, samples: [], file: join(out, 'now.csv') }];
  let temp: string | undefined;
  try {
    if (against) trees.unshift({ label: `at ${against}`, dir: (temp = checkout(against)), samples: [], file: join(out, 'before.csv') });
    for (let r = 0; r < repeats; r++) {
      for (const t of trees) {
        t.samples.push(cliSweep(t.dir, t.file, workers));
        process.stderr.write(`repeat ${r + 1}/${repeats} ${t.label} done\n`);
      }
    }
    const spread = (xs: number[], d = 1) => `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;
    const days = (RUNS * HOURS) / 24;
    console.log(
      `node ${process.version}; the command line's sweep, start-up included: ${RUNS} runs × ${HOURS} h (membrane life measured), ` +
        `${workers} workers; ${repeats} repeats, median (range)`,
    );
    for (const t of trees) {
      const wall = t.samples.map((s) => s.wall);
      console.log(
        `${t.label.padEnd(14)} ${spread(
          wall.map((w) => days / w),
          0,
        )} patient-days/s; wall ${spread(wall)} s, CPU ${spread(t.samples.map((s) => s.cpu))} s (${spread(
          t.samples.map((s) => (1000 * s.cpu) / RUNS),
        )} ms a run)`,
      );
    }
    if (trees.length === 2) {
      const same = readFileSync(trees[0].file).equals(readFileSync(trees[1].file));
      console.log(`results files: ${same ? 'the same bytes' : 'DIFFERENT'}`);
    }
    console.log('target (issue 14): ≥ 800 patient-days/s on 2 workers, start-up included, for a 1,000-run sweep');
  } finally {
    rmSync(out, { recursive: true, force: true });
    if (temp && existsSync(temp)) {
      execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', temp], { stdio: 'ignore' });
      rmSync(temp, { recursive: true, force: true });
    }
  }
}

if (process.argv.includes('--cli')) cliFigures();
else await poolFigures();
