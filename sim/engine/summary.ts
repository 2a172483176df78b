/**
 * The run's summary: filter changes, delivered dose, 24 h biomarker changes, albumin lost, and the mass balance
 * of each solute and of fluid: start + produced − eliminated − removed in effluent − adsorbed = end.
 */
import type { SimEvent } from './events.js';
import { SUMMARY_TIME_h } from './events.js';
import type { Model } from './model.js';
import type { Observation, SeriesName } from './observe.js';
import { STATE as S } from './stateLayout.js';

export interface MassBalance {
  unit: string;
  start: number;
  produced: number;
  eliminated: number;
  removed_in_effluent: number;
  adsorbed: number;
  end: number;
  /** start + produced − eliminated − removed − adsorbed − end */
  residual: number;
  /** |residual| / max(start, end, produced) */
  relative_residual: number;
}

export interface Summary {
  duration_h: number;
  filters_used: number;
  filter_changes: { t_h: number; reason: string }[];
  filter_lives_h: number[];
  prescribed_dose_mL_kg_h: number | null;
  delivered_dose_mL_kg_h: number | null;
  downtime_h: number;
  change_at_h: number;
  il6_baseline_pg_mL: number;
  il6_change_pg_mL: number;
  il6_change_pct: number;
  pct_change_ng_mL: number;
  crp_change_mg_L: number;
  albumin_lost_g: number;
  map_baseline_mmHg: number;
  map_at_change_mmHg: number;
  map_change_mmHg: number;
  heart_rate_change_bpm: number;
  norepinephrine_baseline_ug_kg_min: number;
  norepinephrine_change_ug_kg_min: number;
  sofa_baseline: number;
  sofa_end: number;
  sofa_change: number;
  peak_tmp_mmHg: number | null;
  mean_filtration_fraction: number | null;
  max_filtration_fraction: number | null;
  effluent_volume_mL: number;
  mass_balance: Record<'il6' | 'pct' | 'crp' | 'albumin' | 'creatinine' | 'heparin' | 'fluid', MassBalance>;
}

function balance(unit: string, start: number, produced: number, eliminated: number, removed: number, adsorbed: number, end: number): MassBalance {
  const residual = start + produced - eliminated - removed - adsorbed - end;
  return {
    unit,
    start,
    produced,
    eliminated,
    removed_in_effluent: removed,
    adsorbed,
    end,
    residual,
    relative_residual: Math.abs(residual) / Math.max(Math.abs(start), Math.abs(end), Math.abs(produced), 1e-300),
  };
}

const finite = (xs: number[]) => xs.filter(Number.isFinite);
/** The largest value, by a loop: Math.max(...xs) overflows the call stack beyond ~10⁵ samples (90 days at 1 min). */
const maxOf = (xs: number[]) => xs.reduce((a, b) => (b > a ? b : a), -Infinity);

export function summarize(
  m: Model,
  series: Record<SeriesName, number[]>,
  events: SimEvent[],
  y0: number[],
  y: number[],
  at24: Observation,
  end_h: number,
): Summary {
  const changes = events.filter((e) => e.type === 'filter_change');
  const starts = [0, ...events.filter((e) => e.type === 'filter_start').map((e) => e.t_h)];
  const lives = changes.map((c, i) => c.t_h - starts[i]);
  const downtime =
    events.filter((e) => e.type === 'filter_start').reduce((acc, s, i) => acc + (s.t_h - (changes[i]?.t_h ?? s.t_h)), 0) +
    (m.filter.status === 'changing' ? end_h - (changes.at(-1)?.t_h ?? end_h) : 0);
  const tmp = finite(series.tmp_mmHg);
  const ff = finite(series.filtration_fraction);
  const il6_0 = m.scenario.patient.baseline.il6;
  const hemo0 = m.scenario.patient.hemodynamics;
  const hasFilter = m.scenario.filter !== null;
  const amount = (a: number, b: number, v: number[]) => v[a] + v[b];
  return {
    duration_h: end_h,
    filters_used: m.filter.filtersUsed,
    filter_changes: changes.map((c) => ({ t_h: c.t_h, reason: c.reason })),
    filter_lives_h: lives,
    prescribed_dose_mL_kg_h: hasFilter ? m.scenario.prescription.effluentDose : null,
    delivered_dose_mL_kg_h: hasFilter ? y[S.effluent_mL] / m.weight_kg / end_h : null,
    downtime_h: downtime,
    change_at_h: Math.min(SUMMARY_TIME_h, end_h),
    il6_baseline_pg_mL: il6_0,
    il6_change_pg_mL: at24.il6_pg_mL - il6_0,
    il6_change_pct: (100 * (at24.il6_pg_mL - il6_0)) / il6_0,
    pct_change_ng_mL: at24.pct_ng_mL - m.scenario.patient.baseline.pct,
    crp_change_mg_L: at24.crp_mg_L - m.scenario.patient.baseline.crp,
    albumin_lost_g: y[S.albuminRemoved_g],
    map_baseline_mmHg: hemo0.map,
    map_at_change_mmHg: at24.map_mmHg,
    map_change_mmHg: at24.map_mmHg - hemo0.map,
    heart_rate_change_bpm: at24.heart_rate_bpm - hemo0.heartRate,
    norepinephrine_baseline_ug_kg_min: hemo0.norepinephrine,
    norepinephrine_change_ug_kg_min: at24.norepinephrine_ug_kg_min - hemo0.norepinephrine,
    sofa_baseline: m.baselineSofa,
    sofa_end: series.sofa.at(-1) ?? NaN,
    sofa_change: (series.sofa.at(-1) ?? NaN) - m.baselineSofa,
    peak_tmp_mmHg: tmp.length ? maxOf(tmp) : null,
    mean_filtration_fraction: ff.length ? ff.reduce((a, b) => a + b, 0) / ff.length : null,
    max_filtration_fraction: ff.length ? maxOf(ff) : null,
    effluent_volume_mL: y[S.effluent_mL],
    mass_balance: {
      il6: balance(
        'pg',
        amount(S.il6Central_pg, S.il6Peripheral_pg, y0),
        y[S.il6Produced_pg],
        y[S.il6Eliminated_pg],
        y[S.il6Removed_pg],
        y[S.il6Adsorbed_pg],
        amount(S.il6Central_pg, S.il6Peripheral_pg, y),
      ),
      pct: balance(
        'ng',
        amount(S.pctCentral_ng, S.pctPeripheral_ng, y0),
        y[S.pctProduced_ng],
        y[S.pctEliminated_ng],
        y[S.pctRemoved_ng],
        y[S.pctAdsorbed_ng],
        amount(S.pctCentral_ng, S.pctPeripheral_ng, y),
      ),
      crp: balance('mg', y0[S.crp_mg], y[S.crpProduced_mg], y[S.crpEliminated_mg], y[S.crpRemoved_mg], 0, y[S.crp_mg]),
      albumin: balance(
        'g',
        amount(S.albuminIntravascular_g, S.albuminExtravascular_g, y0),
        y[S.albuminProduced_g],
        y[S.albuminEliminated_g],
        y[S.albuminRemoved_g],
        0,
        amount(S.albuminIntravascular_g, S.albuminExtravascular_g, y),
      ),
      creatinine: balance(
        'mg',
        y0[S.creatinine_mg],
        y[S.creatinineProduced_mg],
        y[S.creatinineEliminated_mg],
        y[S.creatinineRemoved_mg],
        0,
        y[S.creatinine_mg],
      ),
      heparin: balance('U', y0[S.heparin_U], y[S.heparinInfused_U], y[S.heparinEliminated_U], 0, 0, y[S.heparin_U]),
      fluid: balance(
        'mL',
        amount(S.intravascularVolume_mL, S.interstitialVolume_mL, y0),
        y[S.fluidInfused_mL] + y[S.replacement_mL],
        y[S.urine_mL],
        y[S.effluent_mL],
        0,
        amount(S.intravascularVolume_mL, S.interstitialVolume_mL, y),
      ),
    },
  };
}
