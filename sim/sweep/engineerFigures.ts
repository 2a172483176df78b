/**
 * The figures an engineer weighs beside the run's own (cohort/runFigures.ts), read from one run's series, summary
 * and the membrane-life measurement (membraneLife.ts):
 *   membrane_life_h            the first filter's time to the TMP limit, whatever the scheduled change
 *   membrane_life_censored     1 when it had not reached the limit by the horizon (membrane_life_h is then the horizon)
 *   filters_per_day            filters used (the first included) per 24 h of run
 *   bags_per_day               replacement and effluent bags hung per 24 h (the engine's bags_used series; see BAGS_FROM_SERIES)
 *   mean_access_pressure_mmHg  the filter limb's access pressure (p_access_mmHg), mean over samples with blood flowing
 *   mean_return_pressure_mmHg  its return (post-filter) pressure (p_filter_out_mmHg), likewise
 *   map_24h_mmHg, norepinephrine_24h_ug_kg_min, temperature_24h_C, anti_xa_24h_U_mL, phosphate_24h_mmol_L
 *                              the patient at 24 h: MAP and norepinephrine from the summary's 24 h observation,
 *                              temperature and heparin interpolated linearly on the output grid; empty (null) for a
 *                              run shorter than 24 h, which never reached that time (the sweep says so on stderr).
 *   phosphate_removed_mmol     phosphate in the effluent over the whole run (its mass balance; docs/models/solutes.md)
 * Anti-Xa is the heparin model's anti_xa_U_mL: the chromogenic assay without added antithrombin, so it is the heparin
 * concentration scaled by the patient's antithrombin (docs/models/heparin.md; Mayo Clinic Laboratories, test HEPTP:
 * UFH therapeutic range 0.30–0.70 IU/mL; the assay underestimates heparin in antithrombin deficiency, Vera-Aguilera
 * 2016, Adv Hematol 4054806).
 */
import { interpolatedAt } from '../output/seriesValue.js';
import type { RunResult } from '../engine/simulate.js';
import type { MembraneLife } from './membraneLife.js';
import { SUMMARY_TIME_h } from '../engine/events.js';

/** An effluent bag's volume, L. An estimate (the brief's 5 L; common CRRT effluent bags hold 5 L), until a bag model counts them. */
export const EFFLUENT_BAG_L = 5;
/** Count bags from the engine's `bags_used` series (true once that series exists) instead of effluent volume / bag. */
export const BAGS_FROM_SERIES = true;

export const ENGINEER_COLUMNS = [
  'membrane_life_h',
  'membrane_life_censored',
  'filters_per_day',
  'bags_per_day',
  'mean_access_pressure_mmHg',
  'mean_return_pressure_mmHg',
  'map_24h_mmHg',
  'norepinephrine_24h_ug_kg_min',
  'temperature_24h_C',
  'anti_xa_24h_U_mL',
  'phosphate_24h_mmol_L',
  'phosphate_removed_mmol',
] as const;

export type EngineerFigureName = (typeof ENGINEER_COLUMNS)[number];

type Series = Record<string, ArrayLike<number> | undefined>;

/** A series' value at time t, linearly interpolated between the grid samples around it (NaN without the series). */
export function valueAt(series: Series, name: string, t: number): number {
  const time = series.time_h;
  const v = series[name];
  if (!time || !v || v.length === 0) return NaN;
  return interpolatedAt(time, v, t);
}

/** The mean of a series over the samples where the filter limb carries blood (null when it never does). */
function meanWhileFlowing(series: Series, name: string): number | null {
  const v = series[name];
  const flow = series.filter_blood_flow_mL_min;
  if (!v || !flow) return null;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    if (flow[i] > 0 && Number.isFinite(v[i])) {
      sum += v[i];
      n++;
    }
  }
  return n ? sum / n : null;
}

function bagsUsed(r: RunResult): number {
  const counted = (r.series as Series).bags_used;
  if (BAGS_FROM_SERIES && counted && counted.length) return counted[counted.length - 1];
  return r.summary.effluent_volume_mL / 1000 / EFFLUENT_BAG_L;
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

export function engineerFigures(r: RunResult, membrane: MembraneLife | null): Record<EngineerFigureName, number | null> {
  const s = r.summary;
  const days = s.duration_h / 24;
  const hasFilter = r.scenario.filter !== null;
  const series = r.series as Series;
  const at = s.change_at_h; // 24 h
  const reached = s.duration_h >= SUMMARY_TIME_h; // a value at a time the run never reached is not shown as if it were
  const at24 = (x: number) => (reached ? orNull(x) : null);
  return {
    membrane_life_h: membrane ? membrane.life_h : null,
    membrane_life_censored: membrane ? Number(membrane.censored) : null,
    filters_per_day: hasFilter && days > 0 ? s.filters_used / days : null,
    bags_per_day: hasFilter && days > 0 ? bagsUsed(r) / days : null,
    mean_access_pressure_mmHg: hasFilter ? meanWhileFlowing(series, 'p_access_mmHg') : null,
    mean_return_pressure_mmHg: hasFilter ? meanWhileFlowing(series, 'p_filter_out_mmHg') : null,
    map_24h_mmHg: at24(s.map_at_change_mmHg),
    norepinephrine_24h_ug_kg_min: at24(s.norepinephrine_baseline_ug_kg_min + s.norepinephrine_change_ug_kg_min),
    temperature_24h_C: at24(valueAt(series, 'temperature_C', at)),
    anti_xa_24h_U_mL: at24(valueAt(series, 'anti_xa_U_mL', at)),
    phosphate_24h_mmol_L: at24(valueAt(series, 'phosphate_mmol_L', at)),
    phosphate_removed_mmol: orNull(s.mass_balance.phosphate?.removed_in_effluent ?? NaN),
  };
}
