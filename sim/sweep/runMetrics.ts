/**
 * What each sweep run reports, in column order: the outcomes an engineer trades off (IL-6 and PCT removal at
 * 24 h, delivered dose, filtration fraction, filter life and changes, peak TMP, albumin lost, downtime).
 * Each column is a figure of cohort/runFigures.ts under its name there: changes are at 24 h, or at the end of a
 * shorter run. Filter life is the mean over completed filters (changed during the run), empty when none was.
 */
import { pickFigures, runFigures, type FigureName } from '../cohort/runFigures.js';
import type { RunResult } from '../engine/simulate.js';

export const METRIC_COLUMNS = [
  'il6_change_pg_mL',
  'il6_change_pct',
  'pct_change_ng_mL',
  'pct_change_pct',
  'prescribed_dose_mL_kg_h',
  'delivered_dose_mL_kg_h',
  'mean_filtration_fraction',
  'max_filtration_fraction',
  'mean_filter_life_h',
  'filter_changes',
  'peak_tmp_mmHg',
  'albumin_lost_g',
  'downtime_h',
  'effluent_volume_L',
  'il6_removed_in_effluent_ug',
] as const satisfies readonly FigureName[];

export type MetricName = (typeof METRIC_COLUMNS)[number];
export type RunMetrics = Record<MetricName, number | null>;

export function runMetrics(result: RunResult): RunMetrics {
  return pickFigures(runFigures(result), METRIC_COLUMNS);
}
