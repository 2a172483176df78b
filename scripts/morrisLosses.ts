/**
 * Why a Morris screening loses runs, and where the runs it keeps end up (issue 12; docs/models/gas-exchange.md
 * "Ventilator rate and the pH protocol"). Builds the design `sim sensitivity` builds (every parameter with a plausible
 * range, r trajectories, 4 levels, seed 1) and runs it here, one run after another: the failed runs grouped by the
 * start of their message, each group with its count, the latest stop time and the range of the native lung's CO2
 * conductance and production (the two parameters that set PaCO2 without ECMO) among its runs; for the runs that
 * finish, how many had a lowest arterial pH below 7.0 or 7.2 and a lowest SaO2 below 50 %, the quartiles of their pH and PaCO2 at the end, and how many ended at the
 * protocol's maximum ventilator rate. Extra `--set` overrides apply to every run (e.g. the rate titration switched on).
 *
 * Run: npx tsx scripts/morrisLosses.ts <scenario> [--samples r] [--hours H] [--json per-run.json] [--set path=value ...]
 * (--json: each run's end pH and PaCO2, lowest SaO2 and when, or its stop, with the values of its parameters.)
 * (r 10 on the standard-care default: 1090 runs of 48 h, about a minute on one core.)
 */
import { writeFileSync } from 'node:fs';
import { readInputFile, calibratedScenarioText } from '../sim/scenario/loadFile.js';
import { applyOverrides, parseJsonText } from '../sim/scenario/load.js';
import { runScenario, type SweepBase } from '../sim/sweep/runTask.js';
import { quantileSorted } from '../sim/sweep/spread.js';
import { simulate } from '../sim/engine/simulate.js';
import { morrisDesign } from '../sim/sensitivity/morris.js';
import { defaultUncertainParameters } from '../sim/sensitivity/uncertainParameters.js';
import { parameterValue, pointTask } from '../sim/sensitivity/pointTask.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const file = args[0];
if (!file || file.startsWith('--')) throw new Error('usage: npx tsx scripts/morrisLosses.ts <scenario> [--samples r] [--hours H] [--set path=value ...]');
const samples = Number(option('--samples', '10'));
const jsonOut = option('--json', '');
const hours = Number(option('--hours', '48'));
const sets = args
  .flatMap((a, i) => (a === '--set' ? [args[i + 1]] : []))
  .map((s) => ({ path: s.slice(0, s.indexOf('=')), value: s.slice(s.indexOf('=') + 1) }));

const text = calibratedScenarioText(readInputFile(file, 'scenario file'), file);
/** Each run is read as `sim sensitivity`'s workers read it: the file with the --set overrides, then the run's. */
const sweepBase: SweepBase = { text, source: file, hours };
const base = parseJsonText(text, file) as Record<string, unknown>;
applyOverrides(base, sets);
const params = defaultUncertainParameters(base);
const design = morrisDesign(params.length, samples, 4, 1);
const at = (path: string) => params.findIndex((p) => p.path === path);
const gIndex = at('patient.lung.co2Conductance');
const vIndex = at('patient.lung.co2Production');

interface Group {
  count: number;
  latest_h: number;
  example: string;
  g: [number, number];
  v: [number, number];
}
/** Per run (by its index in the design): pH and PaCO2 at the end and the lowest SaO2 with its time, or the stop's message; and its parameters' values. */
const perRun: {
  id: number;
  ph?: number;
  paco2_mmHg?: number;
  lowestSao2_pct?: number;
  lowestSao2_h?: number;
  error?: string;
  parameters: Record<string, number>;
}[] = [];
const pointValues = (u: number[]) => Object.fromEntries(params.map((p, i) => [p.path, parameterValue(p, u[i])]));
const widen = (r: [number, number], x: number): [number, number] => [Math.min(r[0], x), Math.max(r[1], x)];
const groups = new Map<string, Group>();
const kept = { runs: 0, phBelow7: 0, phBelow72: 0, sao2Below50: 0, atMaxRate: 0, endPh: [] as number[], endPaco2: [] as number[] };
const lowest = (values: ArrayLike<number>) => Array.from(values).reduce((a, x) => (x < a ? x : a), Infinity);
const t0 = performance.now();
design.points.forEach((u, id) => {
  try {
    const r = simulate(runScenario(sweepBase, { id, overrides: [...sets, ...pointTask(params, u, id).overrides] }));
    kept.runs++;
    kept.endPh.push(r.series.ph[r.series.ph.length - 1]);
    const sao2 = Array.from(r.series.sao2_pct);
    const low = lowest(sao2);
    perRun.push({
      id,
      ph: r.series.ph[r.series.ph.length - 1],
      paco2_mmHg: r.series.paco2_mmHg[r.series.paco2_mmHg.length - 1],
      lowestSao2_pct: low,
      lowestSao2_h: r.series.time_h[sao2.indexOf(low)],
      parameters: pointValues(u),
    });
    kept.endPaco2.push(r.series.paco2_mmHg[r.series.paco2_mmHg.length - 1]);
    if (lowest(r.series.ph) < 7) kept.phBelow7++;
    if (lowest(r.series.ph) < 7.2) kept.phBelow72++;
    if (lowest(r.series.sao2_pct) < 50) kept.sao2Below50++;
    const lung = r.scenario.patient.lung;
    if (lung.rateTitration.titrate && r.events.some((e) => e.type === 'ventilator_rate_titration' && e.reason.endsWith(`→ ${lung.rateTitration.maxRate} /min`)))
      kept.atMaxRate++;
  } catch (e) {
    const message = (e as Error).message;
    perRun.push({ id, error: message, parameters: pointValues(u) });
    const time = /^at ([\d.]+) h /.exec(message);
    // the cause: the message without its time and numbers, up to its first parenthesis or colon
    const key = message
      .replace(/^at [\d.]+ h /, '')
      .split(/[(:]/)[0]
      .replace(/(?<![A-Za-z])[\d.]+/g, '#')
      .trim();
    const g = parameterValue(params[gIndex], u[gIndex]);
    const v = parameterValue(params[vIndex], u[vIndex]);
    const grp = groups.get(key) ?? { count: 0, latest_h: 0, example: message, g: [Infinity, -Infinity], v: [Infinity, -Infinity] };
    grp.count++;
    grp.latest_h = Math.max(grp.latest_h, time ? Number(time[1]) : NaN);
    grp.g = widen(grp.g, g);
    grp.v = widen(grp.v, v);
    groups.set(key, grp);
  }
});
const seconds = (performance.now() - t0) / 1000;
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(perRun));
console.log(
  `${file}${sets.map((s) => ` --set ${s.path}=${s.value}`).join('')}: ${params.length} parameters, r ${samples}, ${design.points.length} runs of ${hours} h in ${seconds.toFixed(0)} s`,
);
console.log(
  `${kept.runs} finished: lowest pH < 7.0 in ${kept.phBelow7}, < 7.2 in ${kept.phBelow72}; lowest SaO2 < 50 % in ${kept.sao2Below50}; ventilator rate set to its maximum in ${kept.atMaxRate}`,
);
const quartiles = (v: number[], d: number) => {
  const sorted = [...v].sort((a, b) => a - b);
  return [0.25, 0.5, 0.75].map((q) => quantileSorted(sorted, q).toFixed(d)).join(' / ');
};
console.log(
  `  at ${hours} h: pH quartiles ${quartiles(kept.endPh, 2)}, pH < 7.0 in ${kept.endPh.filter((x) => x < 7).length}, < 7.30 in ${kept.endPh.filter((x) => x < 7.3).length}; PaCO2 quartiles ${quartiles(kept.endPaco2, 0)} mmHg`,
);
for (const [key, grp] of [...groups].sort((a, b) => b[1].count - a[1].count)) {
  console.log(
    `${grp.count} stopped (the latest at ${grp.latest_h} h): ${key}\n   co2Conductance ${grp.g[0].toFixed(2)}–${grp.g[1].toFixed(2)} mL/min/mmHg, co2Production ${grp.v[0].toFixed(0)}–${grp.v[1].toFixed(0)} mL/min\n   e.g. ${grp.example}`,
  );
}
