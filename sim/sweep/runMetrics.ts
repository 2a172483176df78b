/**
 * What each sweep run reports, in column order: the outcomes an engineer trades off (IL-6 and PCT removal at
 * 24 h, delivered dose, filtration fraction, filter life and changes, peak TMP, albumin lost, downtime), then the
 * membrane's own life, the consumables, the filter limb's pressures and the patient at 24 h (engineerFigures.ts).
 * The first columns are figures of cohort/runFigures.ts under their names there: changes are at 24 h, or at the
 * end of a shorter run. Filter life is the mean over completed filters (changed during the run), empty when none was.
 *
 * Delivered dose is as clinicians measure it: the effluent volume over the patient's weight and the whole time of
 * the run, downtime included (the "average delivered daily dose" of Griffin 2019, Am J Kidney Dis 74:727; Vesconi
 * 2009, Crit Care 13:R57), not the prescribed rate; less the effluent collected while the circuit was isolated from
 * the patient (clamped lines, a stopped circuit: it cleared only the circuit's own blood, summary.ts).
 */
import { pickFigures, runFigures, type FigureName } from '../cohort/runFigures.js';
import type { RunResult } from '../engine/simulate.js';
import { ENGINEER_COLUMNS, engineerFigures } from './engineerFigures.js';
import type { MembraneLife } from './membraneLife.js';

export const FIGURE_COLUMNS = [
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

export const METRIC_COLUMNS = [...FIGURE_COLUMNS, ...ENGINEER_COLUMNS] as const;

export type MetricName = (typeof METRIC_COLUMNS)[number];
export type RunMetrics = Record<MetricName, number | null>;

/** A run's metrics; `membrane` is its membrane-life measurement (membraneLife.ts), null when none was made. */
export function runMetrics(result: RunResult, membrane: MembraneLife | null = null): RunMetrics {
  return { ...pickFigures(runFigures(result), FIGURE_COLUMNS), ...engineerFigures(result, membrane) };
}
