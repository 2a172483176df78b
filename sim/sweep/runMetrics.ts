/**
 * What each sweep run reports, in column order: the outcomes an engineer trades off (IL-6 and PCT removal at
 * 24 h, delivered dose, filtration fraction, filter life and changes, peak TMP, albumin lost, downtime).
 * Changes are at 24 h, or at the end of a shorter run. Filter life is the mean over completed filters
 * (changed during the run), empty when none was.
 */
import type { RunResult } from '../engine/simulate.js';

export const METRIC_COLUMNS = [
  'il6_change_24h_pg_mL',
  'il6_change_24h_pct',
  'pct_change_24h_ng_mL',
  'pct_change_24h_pct',
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
] as const;

export type MetricName = (typeof METRIC_COLUMNS)[number];
export type RunMetrics = Record<MetricName, number | null>;

export function runMetrics(result: RunResult): RunMetrics {
  const s = result.summary;
  const pct0 = result.scenario.patient.baseline.pct;
  const lives = s.filter_lives_h;
  return {
    il6_change_24h_pg_mL: s.il6_change_pg_mL,
    il6_change_24h_pct: s.il6_change_pct,
    pct_change_24h_ng_mL: s.pct_change_ng_mL,
    pct_change_24h_pct: (100 * s.pct_change_ng_mL) / pct0,
    prescribed_dose_mL_kg_h: s.prescribed_dose_mL_kg_h,
    delivered_dose_mL_kg_h: s.delivered_dose_mL_kg_h,
    mean_filtration_fraction: s.mean_filtration_fraction,
    max_filtration_fraction: s.max_filtration_fraction,
    mean_filter_life_h: lives.length ? lives.reduce((a, b) => a + b, 0) / lives.length : null,
    filter_changes: s.filter_changes.length,
    peak_tmp_mmHg: s.peak_tmp_mmHg,
    albumin_lost_g: s.albumin_lost_g,
    downtime_h: s.downtime_h,
    effluent_volume_L: s.effluent_volume_mL / 1000,
    il6_removed_in_effluent_ug: s.mass_balance.il6.removed_in_effluent / 1e6,
  };
}
