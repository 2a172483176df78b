/**
 * Where the heart rate's fall comes from (issue 12; docs/models/hemodynamics.md "Where the heart rate's fall comes
 * from"). Runs the cohort's two typical patients (ECMO + HVHF and standard care) for 72 h on the committed calibration
 * and splits each one's heart-rate change from the pre-treatment baseline into the terms of heartRate_bpm
 * (hemodynamics.ts): the baroreflex g_map·(MAP₀ − MAP), norepinephrine g_NE·(NE − NE₀), the mediators g_inf·(M − 1),
 * hypoxaemia (its held linear term at SaO2 against the pre-treatment saturation), fever g_T·(T − T₀) and hypercapnia
 * k_HR·H. The terms must add up to the change: the last column is what is left, a check (0 to rounding). Prints the
 * markdown table the page quotes, negative figures with U+2212, so it is pasted as printed.
 * Run: npx tsx scripts/heartRateParts.ts
 */
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { hypoxemicTachycardia_bpm } from '../sim/patient/hemodynamics/hemodynamics.js';
import { preTreatmentSaturation } from '../sim/patient/gasExchange/preTreatment.js';
import { pathToFileURL } from 'node:url';
import { pageSigned as signed } from './pageFigures.js';

const PATIENTS = [
  ['ECMO + HVHF', 'scenarios/cohort-typical-ecmo-hvhf.json'],
  ['standard care', 'scenarios/cohort-typical-standard-care.json'],
] as const;
const TIMES_h = [24, 72];

/** The sample at t (h): the grid holds whole hours at the scenarios' output interval. */
function at(r: RunResult, name: string, t_h: number): number {
  const i = r.series.time_h.findIndex((t) => Math.abs(t - t_h) < 1e-9);
  if (i < 0) throw new Error(`no sample at ${t_h} h`);
  return r.series[name][i];
}

/** The heart-rate change from baseline to t_h and its parts, bpm. */
export function heartRateParts(r: RunResult, t_h: number): Record<string, number> {
  const s = r.scenario;
  const g = s.hemodynamics.heartRate;
  const start = s.patient.hemodynamics;
  const parts = {
    baroreflex: g.mapGain * (start.map - at(r, 'map_mmHg', t_h)),
    norepinephrine: g.norepinephrineGain * (at(r, 'norepinephrine_ug_kg_min', t_h) - start.norepinephrine),
    mediators: g.inflammationGain * (at(r, 'vasoplegic_mediators', t_h) - 1),
    hypoxaemia: hypoxemicTachycardia_bpm(g.hypoxemiaGain, at(r, 'sao2_pct', t_h) / 100) - hypoxemicTachycardia_bpm(g.hypoxemiaGain, preTreatmentSaturation(s)),
    fever: s.patient.temperature.heartRatePerKelvin * (at(r, 'temperature_C', t_h) - s.patient.temperature.start),
    hypercapnia: s.hemodynamics.hypercapnia.heartRateGain * at(r, 'unadapted_paco2_mmHg', t_h),
  };
  const change = at(r, 'heart_rate_bpm', t_h) - start.heartRate;
  const sum = Object.values(parts).reduce((a, b) => a + b, 0);
  return { change, ...parts, left: change - sum };
}

function main(): void {
  const header = ['patient', 'at', 'change', 'baroreflex', 'norepinephrine', 'mediators', 'hypoxaemia', 'fever', 'hypercapnia', 'left'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const [label, file] of PATIENTS) {
    const r = simulate({ ...loadScenarioFile(file), duration_h: Math.max(...TIMES_h), outputInterval_h: 0.25 });
    for (const t of TIMES_h) {
      const p = heartRateParts(r, t);
      lines.push(
        `| ${label} | ${t} h | ${header
          .slice(2)
          .map((k) => signed(p[k], 1))
          .join(' | ')} |`,
      );
    }
  }
  console.log(lines.join('\n'));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
