/**
 * The figures read from one run's summary, each under one name: the cohort table picks some per patient
 * (cohort/metrics.ts), the sweep's results columns others (sweep/runMetrics.ts). Changes are at the summary's
 * change time: 24 h, or the end of a shorter run. Names follow the summary's own (il6_change_pct, not
 * il6_change_24h_pct); `pct_` is procalcitonin, a trailing `_pct` a per cent. The SOFA sub-scores' changes are over
 * the whole run (the cohort's 72 h), like sofa_change: the last sample's sub-score less its baseline (before
 * treatment, the run's RunSofa, engine/summary.ts; also a figure); the carried liver + CNS points do not change, so the four add up to sofa_change.
 * The blood gas and the share below the MAP target are bloodGasFigures.ts's.
 */
import type { RunResult } from '../engine/simulate.js';
import { bloodGasFigures } from './bloodGasFigures.js';

export function runFigures(r: RunResult) {
  const s = r.summary;
  const baseline = r.scenario.patient.baseline;
  const lives = s.filter_lives_h;
  const { baseline: sofa0, end: sofaEnd } = r.sofa;
  return {
    il6_baseline_pg_mL: s.il6_baseline_pg_mL,
    il6_change_pg_mL: s.il6_change_pg_mL,
    il6_change_pct: s.il6_change_pct,
    crp_baseline_mg_L: baseline.crp,
    crp_change_mg_L: s.crp_change_mg_L,
    pct_baseline_ng_mL: baseline.pct,
    pct_change_ng_mL: s.pct_change_ng_mL,
    pct_change_pct: (100 * s.pct_change_ng_mL) / baseline.pct,
    map_baseline_mmHg: s.map_baseline_mmHg,
    map_24h_mmHg: s.map_at_change_mmHg,
    map_change_mmHg: s.map_change_mmHg,
    hr_change_bpm: s.heart_rate_change_bpm,
    norepinephrine_baseline_ug_kg_min: s.norepinephrine_baseline_ug_kg_min,
    norepinephrine_change_ug_kg_min: s.norepinephrine_change_ug_kg_min,
    sofa_baseline: s.sofa_baseline,
    sofa_72h: s.sofa_end,
    sofa_change: s.sofa_change,
    sofa_change_nonrespiratory: s.sofa_change_nonrespiratory,
    sofa_cardiovascular_baseline: sofa0.cardiovascular,
    sofa_respiratory_baseline: sofa0.respiratory,
    sofa_renal_baseline: sofa0.renal,
    sofa_coagulation_baseline: sofa0.coagulation,
    sofa_cardiovascular_change: sofaEnd.cardiovascular - sofa0.cardiovascular,
    sofa_respiratory_change: sofaEnd.respiratory - sofa0.respiratory,
    sofa_renal_change: sofaEnd.renal - sofa0.renal,
    sofa_coagulation_change: sofaEnd.coagulation - sofa0.coagulation,
    ...bloodGasFigures(r),
    prescribed_dose_mL_kg_h: s.prescribed_dose_mL_kg_h,
    delivered_dose_mL_kg_h: s.delivered_dose_mL_kg_h,
    mean_filtration_fraction: s.mean_filtration_fraction,
    max_filtration_fraction: s.max_filtration_fraction,
    /** the mean over filters taken down (changed during the run, or at its very end); null when none was */
    mean_filter_life_h: lives.length ? lives.reduce((a, b) => a + b, 0) / lives.length : null,
    filter_changes: s.filter_changes.length,
    peak_tmp_mmHg: s.peak_tmp_mmHg,
    albumin_lost_g: s.albumin_lost_g,
    downtime_h: s.downtime_h,
    effluent_volume_L: s.effluent_volume_mL / 1000,
    il6_removed_in_effluent_ug: s.mass_balance.il6.removed_in_effluent / 1e6,
  };
}

export type RunFigures = ReturnType<typeof runFigures>;
export type FigureName = keyof RunFigures;

/** The named figures of a run, in the order given. */
export function pickFigures<K extends FigureName>(figures: RunFigures, names: readonly K[]): Pick<RunFigures, K> {
  return Object.fromEntries(names.map((k) => [k, figures[k]])) as Pick<RunFigures, K>;
}
