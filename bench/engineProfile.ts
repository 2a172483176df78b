/**
 * Where a simulated day goes (npx tsx bench/engineProfile.ts [scenario.json] [--days N]): the engine bundled with
 * esbuild (plain functions keep their names and lines; under tsx a closure is anonymous), warmed up with 100 runs,
 * then N 24 h runs (default 300) under `node --cpu-prof`; prints each function's self and inclusive share of the
 * profile, largest first. Prints figures; asserts nothing (a profile is not a test).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

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

const entry = `
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
function shares(p: Profile, moduleAt: (line: number) => string): { self: Map<string, number>; inclusive: Map<string, number>; total: number } {
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
    const n = nodes.get(id)!;
    self.set(key(n), (self.get(key(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(nodes.get(cur)!);
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
  const { self, inclusive, total } = shares(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, moduleAt);
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(6)} %  ${k}`)
      .join('\n');
  console.log(`${scenario}: ${DAYS} days after 100 warm-up runs; ${out.trim()}`);
  console.log(`self\n${top(self, 30)}\ninclusive\n${top(inclusive, 40)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
