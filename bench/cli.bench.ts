/**
 * Command-line start-up benchmark (npm run bench:cli, issue 14): CPU and wall time of an empty `node -e ""` start,
 * `--help`, a 24 h `run` of the default scenario (output to /dev/null) and one sweep worker's start, each measured
 * "before" (tsx sim/cli.ts at BENCH_CLI_BEFORE, default the last commit before the bundle, checked out from git into
 * a temporary folder), "tsx, this source" and "after" (the bundle in dist/cli/, built first), in one run, interleaved
 * so the machine's load falls on all of them alike. Median and spread (min–max) of BENCH_CLI_REPEATS (default 5)
 * repeats; ratios are of CPU medians to the empty node start's.
 * Targets: a 24 h run ≤ 8× an empty node start (CPU), --help ≤ 3×, a sweep worker ready in ≤ 0.5 s.
 * CPU time of a command is its process tree's (bash's `times`: children's user + system), so tsx's own child process
 * counts. A worker's start is timed inside bench/cliWorkerStart.mjs, from creating a one-thread pool to its answer to
 * an empty batch, CPU of the whole process; a worker that loads nothing (bench/cliWorkerEmpty.mjs) is the floor.
 * Prints figures; asserts nothing (design.md: benchmarks are not tests).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const REPEATS = Math.max(1, Number(process.env.BENCH_CLI_REPEATS ?? 5));
/** The last commit whose command line ran through tsx and loaded every command's modules. */
const BEFORE = process.env.BENCH_CLI_BEFORE ?? 'ad1b417';
const SCENARIO = join(ROOT, 'scenarios/ecmo-hvhf-default.json');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const NODE = process.execPath;

interface Sample {
  cpu: number;
  wall: number;
}

interface Case {
  group: string;
  name: string;
  /** a shell command; its standard output and error go to /dev/null */
  shell?: string;
  /** a `node bench/cliWorkerStart.mjs` run: it reports its own figures */
  worker?: string;
  samples: Sample[];
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs `command` under bash and reads its children's CPU time from `times`. */
function timeShell(command: string): Sample {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', `${command} >/dev/null 2>&1; s=$?; times; exit $s`], { encoding: 'utf8', cwd: ROOT });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`"${command}" exited with ${r.status}`);
  const children = r.stdout.trim().split('\n')[1];
  const [user, system] = children.split(/\s+/).map((t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    if (!m) throw new Error(`cannot read bash's times: ${r.stdout}`);
    return Number(m[1]) * 60 + Number(m[2]);
  });
  return { cpu: user + system, wall };
}

function timeWorker(file: string): Sample {
  const out = execFileSync(NODE, [join(ROOT, 'bench/cliWorkerStart.mjs'), file], { encoding: 'utf8', cwd: ROOT });
  const { wallMs, cpuMs } = JSON.parse(out) as { wallMs: number; cpuMs: number };
  return { cpu: cpuMs / 1000, wall: wallMs / 1000 };
}

/** The `before` commit's sim/ (and what tsx reads beside it) in a temporary folder, with this checkout's node_modules. */
function checkoutBefore(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ecmo-cli-before-'));
  try {
    execFileSync('bash', ['-c', `git -C ${q(ROOT)} archive ${q(BEFORE)} sim package.json tsconfig.json | tar -x -C ${q(dir)}`], { stdio: 'pipe' });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    return dir;
  } catch (e) {
    console.log(`(no "before" figures: cannot check out ${BEFORE} from git: ${(e as Error).message.split('\n')[0]})`);
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

function commandCases(group: string, cli: string, worker: string): Case[] {
  const run = `${cli} run ${q(SCENARIO)} --hours 24`;
  return [
    { group, name: '--help', shell: `${cli} --help`, samples: [] },
    { group, name: 'run 24 h', shell: run, samples: [] },
    { group, name: 'sweep worker start', worker, samples: [] },
  ];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs: number[]) => `${median(xs).toFixed(3)} s (${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)})`;

function report(cases: Case[]): void {
  const empty = median(cases[0].samples.map((s) => s.cpu));
  console.log(`\n${'case'.padEnd(44)} ${'CPU median (min–max)'.padEnd(26)} ${'wall median (min–max)'.padEnd(26)} CPU ÷ empty node`);
  for (const c of cases) {
    const cpu = c.samples.map((s) => s.cpu);
    const wall = c.samples.map((s) => s.wall);
    const ratio = c.worker ? '' : `${(median(cpu) / empty).toFixed(1)}×`;
    console.log(`${`${c.group}: ${c.name}`.padEnd(44)} ${fmt(cpu).padEnd(26)} ${fmt(wall).padEnd(26)} ${ratio}`);
  }
  console.log('\ntargets (after): run 24 h ≤ 8× empty node CPU; --help ≤ 3×; sweep worker start ≤ 0.5 s (wall, pool created → first answer)');
}

console.log(`node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${REPEATS} repeats`);
execFileSync(NODE, [join(ROOT, 'scripts/buildCli.mjs')], { stdio: 'inherit' });
const before = checkoutBefore();
const cases: Case[] = [
  { group: 'node', name: 'empty start (node -e "")', shell: `${q(NODE)} -e ""`, samples: [] },
  { group: 'node', name: 'piscina worker that loads nothing', worker: join(ROOT, 'bench/cliWorkerEmpty.mjs'), samples: [] },
];
if (before) cases.push(...commandCases(`before (tsx, ${BEFORE})`, `${q(TSX)} ${q(join(before, 'sim/cli.ts'))}`, join(before, 'sim/sweep/worker.mjs')));
cases.push(...commandCases('tsx, this source', `${q(TSX)} ${q(join(ROOT, 'sim/cli.ts'))}`, join(ROOT, 'sim/sweep/worker.mjs')));
cases.push(...commandCases('after (bundle)', `${q(NODE)} ${q(join(ROOT, 'dist/cli/cli.js'))}`, join(ROOT, 'dist/cli/sweepWorker.js')));
cases.push({ group: 'after (bundle)', name: 'npm run sim -- run 24 h', shell: `npm run --silent sim -- run ${q(SCENARIO)} --hours 24`, samples: [] });
try {
  for (let i = 0; i < REPEATS; i++) {
    for (const c of cases) c.samples.push(c.worker ? timeWorker(c.worker) : timeShell(c.shell!));
    process.stdout.write(`repeat ${i + 1}/${REPEATS} done\n`);
  }
} finally {
  if (before) rmSync(before, { recursive: true, force: true });
}
report(cases);
