/**
 * Dose–response in the cohort's typical ECMO + HVHF patient (issue 12): the effluent dose at 25, 35, 45 and
 * 70 mL/kg/h over 72 h on the committed calibration, and the standard-care typical patient beside them. Prints the
 * markdown table docs/models/cohort.md quotes. Run: npm run dose-response
 */
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';

const ECMO = 'scenarios/cohort-typical-ecmo-hvhf.json';
const STANDARD = 'scenarios/cohort-typical-standard-care.json';
const DOSES_mL_kg_h = [25, 35, 45, 70];

/** The sample at t (h): the grid holds whole hours at the scenarios' output interval. */
function at(r: RunResult, name: string, t_h: number): number {
  const i = r.series.time_h.findIndex((t) => Math.abs(t - t_h) < 1e-9);
  if (i < 0) throw new Error(`no sample at ${t_h} h`);
  return r.series[name][i];
}

const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

function row(label: string, r: RunResult): string {
  const il6 = (t: number) => (100 * (at(r, 'il6_pg_mL', t) - at(r, 'il6_pg_mL', 0))) / at(r, 'il6_pg_mL', 0);
  return [
    label,
    fixed(at(r, 'map_mmHg', 24), 1),
    fixed(at(r, 'map_mmHg', 72), 1),
    fixed(at(r, 'norepinephrine_ug_kg_min', 24), 3),
    fixed(at(r, 'norepinephrine_ug_kg_min', 72), 3),
    fixed(il6(24), 1),
    fixed(il6(72), 1),
    fixed(r.summary.albumin_lost_g, 1),
    fixed(at(r, 'temperature_C', 24), 2),
    fixed(at(r, 'sofa', 72), 0),
  ].join(' | ');
}

const run = (file: string, overrides: { path: string; value: string }[] = []) =>
  simulate({ ...loadScenarioFile(file, overrides), duration_h: 72, outputInterval_h: 0.25 });

console.log(
  '| run | MAP 24 h (mmHg) | MAP 72 h | norepinephrine 24 h (µg/kg/min) | norepinephrine 72 h | IL-6 change 24 h (%) | IL-6 change 72 h (%) | albumin lost 72 h (g) | temperature 24 h (°C) | SOFA 72 h |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const dose of DOSES_mL_kg_h)
  console.log(`| ${row(`ECMO + HVHF ${dose} mL/kg/h`, run(ECMO, [{ path: 'prescription.effluentDose', value: `${dose} mL/kg/h` }]))} |`);
console.log(`| ${row('standard care', run(STANDARD))} |`);
