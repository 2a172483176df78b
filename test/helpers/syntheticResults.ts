/** A sweep results file as `sweep` writes it, with made-up outcomes that move with dose and predilution (plot and page tests). */
import { headerLine, resultRow } from '../../sim/sweep/resultsCsv.js';
import { METRIC_COLUMNS, type RunMetrics } from '../../sim/sweep/runMetrics.js';
import type { VaryAxis } from '../../sim/sweep/varySpec.js';

/** A 4 × 3 grid: effluent dose 30–60 mL/kg/h by predilution 0–100 %. */
export const SYNTHETIC_AXES: VaryAxis[] = [
  { path: 'prescription.effluentDose', unit: 'mL/kg/h', from: 30, to: 60, step: 10 },
  { path: 'prescription.predilutionFraction', unit: '1', from: 0, to: 1, step: 0.5 },
];

/** The file's text; the run with id `failedRun`, if given, has an error instead of outcomes. */
export function syntheticResults(failedRun?: number): string {
  const lines = [headerLine(SYNTHETIC_AXES)];
  let id = 0;
  for (const dose of [30, 40, 50, 60]) {
    for (const pre of [0, 0.5, 1]) {
      const m = Object.fromEntries(METRIC_COLUMNS.map((c) => [c, 1])) as RunMetrics;
      Object.assign(m, {
        il6_change_pct: -dose * (1 - 0.2 * pre),
        prescribed_dose_mL_kg_h: dose,
        delivered_dose_mL_kg_h: dose * 0.97,
        mean_filtration_fraction: dose / (200 + 100 * pre),
        mean_filter_life_h: 30 - dose / 3,
      });
      lines.push(resultRow(id, [dose, pre], id === failedRun ? { error: 'engine failure: "step limit", reached' } : { metrics: m }));
      id++;
    }
  }
  return lines.join('\n') + '\n';
}
