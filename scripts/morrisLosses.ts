/**
 * Why a Morris screening loses runs (issue 12; docs/models/gas-exchange.md "Ventilator rate titration"). Builds the
 * same design `sim sensitivity` builds (every parameter with a plausible range, r trajectories, 4 levels, seed 1),
 * runs it on the sweep's pool and groups the failed runs by the start of their message; for each group it prints the
 * count, the hour of the first stop seen and the range of the native lung's CO2 conductance and production (the
 * two parameters that set PaCO2 without ECMO) among its runs,
 * Extra `--set` overrides apply to every run (e.g. the ventilator rate titration switched on).
 *
 * Run: npx tsx scripts/morrisLosses.ts <scenario> [--samples r] [--hours H] [--workers N] [--set path=value ...]
 */
import { readInputFile, calibratedScenarioText } from '../sim/scenario/loadFile.js';
import { parseJsonText } from '../sim/scenario/load.js';
import { applyOverrides } from '../sim/scenario/load.js';
import { morrisDesign } from '../sim/sensitivity/morris.js';
import { defaultUncertainParameters } from '../sim/sensitivity/uncertainParameters.js';
import { parameterValue, pointTask } from '../sim/sensitivity/pointTask.js';
import { runTasks } from '../sim/sweep/pool.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const file = args[0];
if (!file || file.startsWith('--'))
  throw new Error('usage: npx tsx scripts/morrisLosses.ts <scenario> [--samples r] [--hours H] [--workers N] [--set path=value ...]');
const samples = Number(option('--samples', '4'));
const hours = Number(option('--hours', '24'));
const workers = Number(option('--workers', '1'));
const sets = args
  .flatMap((a, i) => (a === '--set' ? [args[i + 1]] : []))
  .map((s) => {
    const eq = s.indexOf('=');
    return { path: s.slice(0, eq), value: s.slice(eq + 1) };
  });

const scenarioText = calibratedScenarioText(readInputFile(file, 'scenario file'), file);
const raw = parseJsonText(scenarioText, file) as Record<string, unknown>;
applyOverrides(raw, sets);
const text = JSON.stringify(raw);
const params = defaultUncertainParameters(raw);
const design = morrisDesign(params.length, samples, 4, 1);
const at = (path: string) => params.findIndex((p) => p.path === path);
const gIndex = at('patient.lung.co2Conductance');
const vIndex = at('patient.lung.co2Production');

interface Group {
  count: number;
  example: string;
  g: [number, number];
  v: [number, number];
  paco2: [number, number];
}
const groups = new Map<string, Group>();
let finished = 0;
const t0 = performance.now();
await runTasks(
  { text, source: file, hours },
  workers,
  design.points.length,
  design.points.map((u, id) => pointTask(params, u, id)),
  (o) => {
    if (!('error' in o)) {
      finished++;
      return;
    }
    // the cause: the message without its numbers, up to the first colon after the time
    const key = o.error
      .replace(/^engine failure: at [\d.]+ h /, '')
      .split(/[(:]/)[0]
      .replace(/[\d.]+/g, '#')
      .trim();
    const u = design.points[o.id];
    const g = parameterValue(params[gIndex], u[gIndex]);
    const v = parameterValue(params[vIndex], u[vIndex]);
    const grp = groups.get(key) ?? { count: 0, example: o.error, g: [Infinity, -Infinity], v: [Infinity, -Infinity], paco2: [Infinity, -Infinity] };
    grp.count++;
    grp.g = [Math.min(grp.g[0], g), Math.max(grp.g[1], g)];
    grp.v = [Math.min(grp.v[0], v), Math.max(grp.v[1], v)];
    grp.paco2 = [Math.min(grp.paco2[0], v / g), Math.max(grp.paco2[1], v / g)];
    groups.set(key, grp);
  },
);
const seconds = (performance.now() - t0) / 1000;
console.log(`${file}: ${params.length} parameters, r ${samples}, ${design.points.length} runs of ${hours} h in ${seconds.toFixed(0)} s; ${finished} finished`);
for (const [key, grp] of [...groups].sort((a, b) => b[1].count - a[1].count)) {
  console.log(
    `${grp.count} × ${key}\n   co2Conductance ${grp.g[0].toFixed(2)}–${grp.g[1].toFixed(2)} mL/min/mmHg, co2Production ${grp.v[0].toFixed(0)}–${grp.v[1].toFixed(0)} mL/min, their ratio (PaCO2 without ECMO) ${grp.paco2[0].toFixed(0)}–${grp.paco2[1].toFixed(0)} mmHg\n   e.g. ${grp.example.slice(0, 400)}`,
  );
}
