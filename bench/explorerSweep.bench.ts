/**
 * Explorer sweep benchmark (npm run bench:explorer, issue 16): the same 100-run 24 h dose sweep (20–69.5 mL/kg/h by
 * 0.5, the bundled scenario, membrane life measured) run in the explorer page (headless chromium, its Web Workers)
 * and on the command line (`node dist/cli/cli.js sweep`, its worker threads), with as many workers in both as the
 * page uses (the machine's cores, at most 4), in one run. Each repeat is timed from the click on "Run sweep" to
 * "Sweep finished" (the page; its workers start with each sweep) and from the command's start to its exit (the
 * command line; its process and threads start with each sweep). CPU time: user + system of every chromium process
 * (the page's renderer holds its workers) and of the command's child process, from /proc (Linux). Prints each
 * repeat, the median and the spread (min–max), and whether the two results files are the same; asserts nothing.
 *
 * EXPLORER_BENCH_REPEATS (default 5) repeats; EXPLORER_BENCH_RUNS (default 100) runs, the dose from 20 mL/kg/h by 0.5.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MAX_WORKERS } from '../src/explorer/sweepPool.js';
import { ROOT, buildAndServe, launchChromium } from '../tools/browser/harness.js';

const REPEATS = Number(process.env.EXPLORER_BENCH_REPEATS ?? 5);
const RUNS = Number(process.env.EXPLORER_BENCH_RUNS ?? 100);
const STEP = 0.5;
const FROM = 20;
const TO = FROM + (RUNS - 1) * STEP;
const HOURS = 24;
const WORKERS = Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

interface Timing {
  wall_s: number;
  cpu_s: number;
}

/** utime + stime (s) of a process; with `children`, also of its waited-for children (cutime + cstime). */
function cpuOf(pid: number | 'self', children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the name: state is [0], utime [11], stime [12], cutime [13], cstime [14]
    const own = Number(f[11]) + Number(f[12]);
    return (children ? own + Number(f[13]) + Number(f[14]) : own) / TICKS;
  } catch {
    return 0; // the process has gone
  }
}

/** The process and its descendants, from /proc. */
function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** CPU of the chromium processes this benchmark started (its descendants named chrom*). */
function chromiumCpu(): number {
  const named = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('chrom');
    } catch {
      return false;
    }
  };
  return processTree(process.pid)
    .slice(1)
    .filter(named)
    .reduce((s, pid) => s + cpuOf(pid), 0);
}

async function setUpPage(page: Page, url: string): Promise<void> {
  await page.goto(`${url}explorer.html`);
  await page.selectOption('#sweep-scenario', 'ecmo-hvhf-default');
  await page.fill('#sweep-hours', String(HOURS));
  await page.selectOption('#sweep-p1', 'prescription.effluentDose');
  await page.fill('#sweep-p1-from', String(FROM));
  await page.fill('#sweep-p1-to', String(TO));
  await page.fill('#sweep-p1-step', String(STEP));
}

/** One page sweep: from the click to "Sweep finished", timed in the page. */
async function pageSweep(page: Page): Promise<Timing> {
  const cpu0 = chromiumCpu();
  const wall_ms = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const message = document.getElementById('explorer-message')!;
        message.textContent = '';
        const t0 = performance.now();
        (document.getElementById('sweep-run') as HTMLButtonElement).click();
        const poll = setInterval(() => {
          const text = message.textContent ?? '';
          if (text.startsWith('Sweep finished')) resolve(performance.now() - t0);
          else if (message.classList.contains('error')) reject(new Error(text));
          else return;
          clearInterval(poll);
        }, 10);
      }),
  );
  return { wall_s: wall_ms / 1000, cpu_s: chromiumCpu() - cpu0 };
}

async function pageDownload(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sweep-download')]);
  return readFileSync((await download.path())!, 'utf8');
}

/** One command-line sweep, the same runs, written to `out`. */
async function cliSweep(out: string): Promise<Timing> {
  const args = [
    'dist/cli/cli.js',
    'sweep',
    'scenarios/ecmo-hvhf-default.json',
    '--vary',
    `prescription.effluentDose=${FROM} mL/kg/h..${TO} mL/kg/h:${STEP} mL/kg/h`,
  ];
  args.push('--hours', String(HOURS), '--workers', String(WORKERS), '--quiet', '--overwrite', '--out', out);
  const cpu0 = cpuOf('self', true) - cpuOf('self');
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the command line's sweep exited with ${code}`))));
  });
  const wall_s = (performance.now() - t0) / 1000;
  return { wall_s, cpu_s: cpuOf('self', true) - cpuOf('self') - cpu0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function report(name: string, ts: Timing[]): void {
  const line = (what: string, xs: number[]) =>
    `${what} median ${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} s over ${xs.length})`;
  const wall = ts.map((t) => t.wall_s);
  const cpu = ts.map((t) => t.cpu_s);
  console.log(
    `${name.padEnd(13)} wall ${line('', wall).trim()}; CPU ${line('', cpu).trim()}; ${((RUNS * HOURS) / 24 / median(wall)).toFixed(1)} patient-days/s`,
  );
}

execFileSync(process.execPath, ['scripts/buildCli.mjs', '--if-stale', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
console.log(
  `node ${process.version}, ${availableParallelism()} CPUs; ${RUNS} runs × ${HOURS} h (dose ${FROM}–${TO} mL/kg/h by ${STEP}), ${WORKERS} workers each`,
);
const dir = mkdtempSync(join(tmpdir(), 'explorer-bench-'));
const served = await buildAndServe();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ acceptDownloads: true });
  await setUpPage(page, served.url);
  const inPage: Timing[] = [];
  const cli: Timing[] = [];
  const out = join(dir, 'cli.csv');
  for (let r = 1; r <= REPEATS; r++) {
    // alternated, so a change in the machine's load falls on both
    inPage.push(await pageSweep(page));
    cli.push(await cliSweep(out));
    const [p, c] = [inPage.at(-1)!, cli.at(-1)!];
    console.log(
      `repeat ${r}: page ${p.wall_s.toFixed(2)} s wall, ${p.cpu_s.toFixed(2)} s CPU; command line ${c.wall_s.toFixed(2)} s wall, ${c.cpu_s.toFixed(2)} s CPU`,
    );
  }
  report('page', inPage);
  report('command line', cli);
  console.log(`page / command line, median wall: ${(median(inPage.map((t) => t.wall_s)) / median(cli.map((t) => t.wall_s))).toFixed(2)}×`);
  const [a, b] = [(await pageDownload(page)).split('\n'), readFileSync(out, 'utf8').split('\n')];
  const differ = a.findIndex((line, i) => line !== b[i]);
  console.log(
    `results files identical: ${differ < 0 && a.length === b.length ? 'yes' : `NO, from line ${differ + 1}:\n  page: ${a[differ]}\n  cli:  ${b[differ]}`}`,
  );
} finally {
  await browser.close();
  await served.close();
  rmSync(dir, { recursive: true, force: true });
}
