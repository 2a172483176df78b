/**
 * Where the heart rate's fall comes from (issue 12; docs/models/hemodynamics.md "Where the heart rate's fall comes
 * from"). Runs the cohort's two typical patients (ECMO + HVHF and standard care) for 72 h on the committed calibration
 * and splits each one's heart-rate change from the pre-treatment baseline into the terms of heartRate_bpm
 * (sim/patient/hemodynamics/heartRateParts.ts); the last column is what the terms leave of the change, a check (0 to
 * rounding). Prints the markdown table the page quotes, negative figures with U+2212, so it is pasted as printed.
 * Run: npx tsx scripts/heartRateParts.ts
 */
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { heartRatePartsAt, type HeartRateParts } from '../sim/patient/hemodynamics/heartRateParts.js';
import { pathToFileURL } from 'node:url';
import { pageSigned as signed } from './pageFigures.js';

const PATIENTS = [
  ['ECMO + HVHF', 'scenarios/cohort-typical-ecmo-hvhf.json'],
  ['standard care', 'scenarios/cohort-typical-standard-care.json'],
] as const;
const TIMES_h = [24, 72];

/** The run's heart-rate parts at t (h): the grid holds whole hours at the scenarios' output interval. */
function partsAt(r: RunResult, t_h: number): HeartRateParts {
  const i = r.series.time_h.findIndex((t) => Math.abs(t - t_h) < 1e-9);
  if (i < 0) throw new Error(`no sample at ${t_h} h`);
  return heartRatePartsAt(r, i);
}

function main(): void {
  const columns: (keyof HeartRateParts)[] = ['change', 'baroreflex', 'norepinephrine', 'mediators', 'hypoxaemia', 'fever', 'hypercapnia', 'left'];
  const header = ['patient', 'at', ...columns];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const [label, file] of PATIENTS) {
    const r = simulate({ ...loadScenarioFile(file), duration_h: Math.max(...TIMES_h), outputInterval_h: 0.25 });
    for (const t of TIMES_h) {
      const p = partsAt(r, t);
      lines.push(`| ${label} | ${t} h | ${columns.map((k) => signed(p[k], 1)).join(' | ')} |`);
    }
  }
  console.log(lines.join('\n'));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
