/**
 * Engine benchmark (npm run bench [-- --against REV] [--repeats N]): CPU time per simulated patient-day of the
 * bundled scenarios in steady state (after 100 warm-up runs), with the floor the right-hand side sets
 * (evaluations × cost of one evaluation), and the cohort replay (136 patients × 24 h). Each repeat is a fresh
 * process; the figures are the median and the range over the repeats.
 *
 * --against REV measures a checkout of another commit with the same measuring code (bench/engineMeasure.ts),
 * alternating the two trees repeat by repeat so both see the same machine load: before and after in one run.
 * Prints figures; asserts nothing (benchmarks are not tests).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './cpuTime.js';

const ROOT = resolve(import.meta.dirname, '..');
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const against = argValue('--against');
const REPEATS = Number(argValue('--repeats') ?? 3);

interface Day {
  cpu_ms: number;
  evaluations: number;
  perEval_us: number;
  floor_ms: number;
}
interface Figures {
  ecmo: Day[];
  standard: Day[];
  cohort: number[];
  patients: number;
}

/** A checkout of `rev` in a temporary folder, sharing this tree's node_modules, with this tree's measuring code. */
function checkout(rev: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', dir, rev], { stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  copyFileSync(join(ROOT, 'bench/engineMeasure.ts'), join(dir, 'bench/engineMeasure.ts'));
  return dir;
}

function measure(tree: string, flag: string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/engineMeasure.ts', ...flag], { cwd: tree, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

const trees: [string, string][] = [['now', ROOT]];
let temp: string | undefined;
if (against) trees.unshift([`at ${against}`, (temp = checkout(against))]);
const figures = new Map<string, Figures>(trees.map(([label]) => [label, { ecmo: [], standard: [], cohort: [], patients: 0 }]));
try {
  for (let r = 0; r < REPEATS; r++) {
    for (const [label, tree] of trees) {
      const f = figures.get(label)!;
      const days = measure(tree, []) as { ecmo: Day; standard: Day };
      f.ecmo.push(days.ecmo);
      f.standard.push(days.standard);
      const c = measure(tree, ['--cohort']) as { cohort: { cpu_ms: number; patients: number } };
      f.cohort.push(c.cohort.cpu_ms);
      f.patients = c.cohort.patients;
      process.stderr.write(`repeat ${r + 1}/${REPEATS} ${label} done\n`);
    }
  }
} finally {
  if (temp && existsSync(temp)) {
    execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', temp], { stdio: 'ignore' });
    rmSync(temp, { recursive: true, force: true });
  }
}

const spread = (xs: number[], d = 2) => `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;
console.log(`node ${process.version}, ${process.arch}; ${REPEATS} repeats, each a fresh process: median (range); CPU time`);
for (const [label] of trees) {
  const f = figures.get(label)!;
  for (const [name, days] of [
    ['ECMO + HVHF default', f.ecmo],
    ['standard care default', f.standard],
  ] as const) {
    const d = days.at(-1)!;
    console.log(
      `${label.padEnd(14)} ${name.padEnd(22)} ${spread(days.map((x) => x.cpu_ms))} ms/patient-day; ` +
        `RHS floor ${spread(days.map((x) => x.floor_ms))} ms = ${d.evaluations} evaluations × ${spread(days.map((x) => x.perEval_us))} µs`,
    );
  }
  console.log(`${label.padEnd(14)} cohort replay (${f.patients} × 24 h) ${spread(f.cohort, 0)} ms`);
}
