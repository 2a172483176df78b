/**
 * Axis labels with units for the columns of a results file. Outcome columns have a written label; a parameter
 * column is its path with the unit its name ends with (prescription.effluentDose_mL_kg_h → mL/kg/h).
 */
import { unitSuffix } from '../sweep/resultsCsv.js';
import { leafAt, type SpecTree } from '../parameters.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';

const OUTCOME_LABELS: Record<string, string> = {
  il6_change_pg_mL: 'IL-6 change at 24 h (pg/mL; negative = removed)',
  il6_change_pct: 'IL-6 change at 24 h (%; negative = removed)',
  pct_change_ng_mL: 'PCT change at 24 h (ng/mL)',
  pct_change_pct: 'PCT change at 24 h (%)',
  prescribed_dose_mL_kg_h: 'prescribed dose (mL/kg/h)',
  delivered_dose_mL_kg_h: 'delivered dose (mL/kg/h)',
  mean_filtration_fraction: 'mean filtration fraction (fraction)',
  max_filtration_fraction: 'max filtration fraction (fraction)',
  mean_filter_life_h: 'mean filter life (h)',
  filter_changes: 'filter changes (count)',
  peak_tmp_mmHg: 'peak TMP (mmHg)',
  albumin_lost_g: 'albumin lost (g)',
  downtime_h: 'downtime (h)',
  effluent_volume_L: 'effluent volume (L)',
  il6_removed_in_effluent_ug: 'IL-6 removed in effluent (µg)',
};

/** The unit a parameter column's suffix stands for: the spec's unit when it matches (mPa s, not mPa/s), else / for _. */
function unitOf(path: string, tail: string): string {
  const leaf = leafAt(scenarioSpecs as SpecTree, path);
  if (leaf?.kind === 'quantity' && unitSuffix(leaf.unit) === tail) return leaf.unit === '1' ? 'fraction' : leaf.unit;
  return tail === 'fraction' ? 'fraction' : tail.replace(/_/g, '/');
}

export function columnLabel(column: string, parameters: readonly string[]): string {
  if (OUTCOME_LABELS[column]) return OUTCOME_LABELS[column];
  if (parameters.includes(column)) {
    const m = /^(.*\.[A-Za-z0-9]+?)_(.+)$/.exec(column);
    if (m) return `${m[1]} (${unitOf(m[1], m[2])})`;
  }
  return column;
}
