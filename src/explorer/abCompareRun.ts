/**
 * One arm of an A/B comparison: a bundled scenario (its calibration resolved against the page's bundled copy, as the
 * live view loads it) with a prescription's settings, run for the chosen hours, and the trends the comparison draws
 * read from the run's output series (docs/outputs.md): plasma IL-6, the filter's TMP, serum albumin and MAP.
 */
import { simulate } from '../../sim/engine/simulate';
import { loadScenarioText, type Override } from '../../sim/scenario/load';
import { bundledCalibration } from '../engine/bundledCalibration';

/** The series an A/B comparison draws, with their units (docs/outputs.md). */
export const AB_SERIES = [
  { key: 'il6_pg_mL', label: 'Plasma IL-6', unit: 'pg/mL' },
  { key: 'tmp_mmHg', label: 'Transmembrane pressure', unit: 'mmHg' },
  { key: 'albumin_g_L', label: 'Serum albumin', unit: 'g/L' },
  { key: 'map_mmHg', label: 'Mean arterial pressure', unit: 'mmHg' },
] as const;

export type AbSeriesKey = (typeof AB_SERIES)[number]['key'];

export interface AbRequest {
  text: string;
  source: string;
  overrides: Override[];
  hours: number;
}

export interface AbTrace {
  time_h: Float64Array;
  values: Record<AbSeriesKey, Float64Array>;
}

export function runAbArm(req: AbRequest): AbTrace {
  const scenario = loadScenarioText(req.text, req.source, req.overrides, { resolveCalibration: bundledCalibration });
  scenario.duration_h = req.hours;
  scenario.outputInterval_h = Math.min(scenario.outputInterval_h, scenario.duration_h);
  const { series } = simulate(scenario);
  // the run's columns are views of one buffer: copy the few drawn, so posting them does not send the whole run
  const values = Object.fromEntries(AB_SERIES.map((s) => [s.key, series[s.key].slice()])) as Record<AbSeriesKey, Float64Array>;
  return { time_h: series.time_h.slice(), values };
}
