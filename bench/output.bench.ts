/**
 * Output benchmark (npm run bench:output, issue 14): peak resident memory and CPU time of a 30-day run at 1-min
 * output (43,201 samples × every series) written as JSON and as CSV, "before" (the bundle of BENCH_OUTPUT_BEFORE,
 * default c542753, the last commit that built the whole text in memory: checked out from git into a temporary
 * folder with this checkout's node_modules, and built there) and "after" (this checkout's bundle, built first), in
 * one run, interleaved so the machine's load falls on both alike. Median and spread (min–max) of
 * BENCH_OUTPUT_REPEATS (default 3) repeats. Also checks that before and after wrote the same bytes.
 * Peak RSS is /usr/bin/time's "%M" (kB) where it exists; otherwise a preloaded module (bench/outputRss.mjs) reports
 * the CLI process's own process.resourceUsage() as it exits. CPU time is user + system of the CLI process.
 * Target: peak RSS under 150 MB for both formats. Prints figures; asserts nothing (design.md: benchmarks are not tests).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const REPEATS = Math.max(1, Number(process.env.BENCH_OUTPUT_REPEATS ?? 3));
const BEFORE = process.env.BENCH_OUTPUT_BEFORE ?? 'c542753';
const NODE = process.execPath;
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);
const ARGS = ['run', 'scenarios/ecmo-hvhf-default.json', '--hours', '720', '--set', 'outputInterval=1 min', '--overwrite', '--quiet'];
const FORMATS = ['json', 'csv'] as const;

interface Sample {
  rss_MB: number;
  cpu_s: number;
  wall_s: number;
}

interface Case {
  side: string;
  format: (typeof FORMATS)[number];
  cli: string;
  cwd: string;
  out: string;
  samples: Sample[];
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI once; peak RSS and CPU time from /usr/bin/time, or from the preloaded reporter. */
function measure(c: Case): Sample {
  const args = [c.cli, ...ARGS, '--format', c.format, '--out', c.out];
  const t0 = performance.now();
  if (HAS_TIME) {
    const r = spawnSync(TIME, ['-f', 'BENCH %M %U %S', NODE, ...args], { cwd: c.cwd, encoding: 'utf8' });
    const wall_s = (performance.now() - t0) / 1000;
    const line = /BENCH (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (r.status !== 0 || !line) throw new Error(`${c.side} ${c.format} failed (${r.status}): ${r.stderr.slice(-500)}`);
    return { rss_MB: Number(line[1]) / 1024, cpu_s: Number(line[2]) + Number(line[3]), wall_s };
  }
  const report = join(tmpdir(), `ecmo-output-bench-${process.pid}.json`);
  const r = spawnSync(NODE, ['--import', join(ROOT, 'bench/outputRss.mjs'), ...args], {
    cwd: c.cwd,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_REPORT: report },
  });
  const wall_s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${c.side} ${c.format} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const u = JSON.parse(readFileSync(report, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
  rmSync(report, { force: true });
  return { rss_MB: u.maxRSS / 1024, cpu_s: (u.userCPUTime + u.systemCPUTime) / 1e6, wall_s };
}

/** The `before` commit's sources in a temporary folder, with this checkout's node_modules, its bundle built. */
function checkoutBefore(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ecmo-output-before-'));
  try {
    execFileSync('bash', ['-c', `git -C ${q(ROOT)} archive ${q(BEFORE)} sim scripts scenarios package.json tsconfig.json | tar -x -C ${q(dir)}`], {
      stdio: 'pipe',
    });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(NODE, [join(dir, 'scripts/buildCli.mjs'), '--quiet'], { cwd: dir, stdio: 'inherit' });
    return dir;
  } catch (e) {
    console.log(`(no "before" figures: cannot check out and build ${BEFORE}: ${(e as Error).message.split('\n')[0]})`);
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs: number[], digits: number, unit: string) =>
  `${median(xs).toFixed(digits)} ${unit} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

function report(cases: Case[]): void {
  console.log(`\n${'case'.padEnd(34)} ${'peak RSS median (min–max)'.padEnd(28)} ${'CPU median (min–max)'.padEnd(26)} wall median`);
  for (const c of cases) {
    const name = `${c.side}: ${c.format}`;
    const rss = fmt(
      c.samples.map((s) => s.rss_MB),
      0,
      'MB',
    );
    const cpu = fmt(
      c.samples.map((s) => s.cpu_s),
      2,
      's',
    );
    console.log(`${name.padEnd(34)} ${rss.padEnd(28)} ${cpu.padEnd(26)} ${median(c.samples.map((s) => s.wall_s)).toFixed(2)} s`);
  }
  console.log('\nMB = 2^20 bytes. Target (after): peak RSS < 150 MB for JSON and CSV.');
}

console.log(
  `node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${REPEATS} repeats, ` +
    `peak RSS from ${HAS_TIME ? `${TIME} %M` : 'bench/outputRss.mjs (process.resourceUsage)'}`,
);
console.log(`30-day run at 1-min output: ${ARGS.join(' ')}`);
execFileSync(NODE, [join(ROOT, 'scripts/buildCli.mjs'), '--quiet'], { stdio: 'inherit' });
const before = checkoutBefore();
const outDir = mkdtempSync(join(tmpdir(), 'ecmo-output-bench-'));
const cases: Case[] = [];
for (const format of FORMATS) {
  if (before)
    cases.push({ side: `before (${BEFORE})`, format, cli: join(before, 'dist/cli/cli.js'), cwd: before, out: join(outDir, `before.${format}`), samples: [] });
  cases.push({ side: 'after (this checkout)', format, cli: join(ROOT, 'dist/cli/cli.js'), cwd: ROOT, out: join(outDir, `after.${format}`), samples: [] });
}
try {
  for (let i = 0; i < REPEATS; i++) {
    for (const c of cases) c.samples.push(measure(c));
    process.stdout.write(`repeat ${i + 1}/${REPEATS} done\n`);
  }
  report(cases);
  if (before) {
    for (const format of FORMATS) {
      const [b, a] = [join(outDir, `before.${format}`), join(outDir, `after.${format}`)];
      const same = statSync(b).size === statSync(a).size && sha256(b) === sha256(a);
      console.log(`${format}: before and after ${same ? 'identical' : 'DIFFER'} (${(statSync(a).size / 2 ** 20).toFixed(1)} MB)`);
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
  if (before) rmSync(before, { recursive: true, force: true });
}
