/**
 * The run's summary: filter changes, delivered dose, 24 h biomarker changes, albumin lost, and the mass balance
 * of each solute and of fluid: start + produced − eliminated − removed in effluent − adsorbed = end.
 */
import type { SimEvent } from './events.js';
import { SUMMARY_TIME_h } from './events.js';
import type { ComposedModel } from './model.js';
import { LAYOUT } from './models.js';
import type { Observation, SeriesName } from './observe.js';
import type { MassBalance } from '../model/now.js';
import { isolatedCircuitEffluent_mL } from '../filter/circuitBlood.js';
import type { Sofa } from '../patient/sofa/sofa.js';
import type { DeviceChangeRecord, Model } from '../model/context.js';

export type { MassBalance } from '../model/now.js';

export interface Summary {
  duration_h: number;
  filters_used: number;
  filter_changes: { t_h: number; reason: string }[];
  filter_lives_h: number[];
  /** The ECMO circuit's devices changed (sim/circuit/deviceChange): each change's start, the device and why. */
  device_changes: DeviceChangeRecord[];
  prescribed_dose_mL_kg_h: number | null;
  delivered_dose_mL_kg_h: number | null;
  /** Effluent collected while the ECMO circuit was isolated from the patient: it cleared only the circuit's own blood. */
  isolated_circuit_effluent_mL: number | null;
  /** Time the circuit's blood was isolated from the patient (clamped lines, a stopped circuit), h. */
  isolated_circuit_h: number | null;
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
  /** sofa_change less the respiratory score's change (the cohort's ΔSOFA excluding the respiratory component). */
  sofa_change_nonrespiratory: number;
  peak_tmp_mmHg: number | null;
  mean_filtration_fraction: number | null;
  max_filtration_fraction: number | null;
  effluent_volume_mL: number;
  /** Every model's mass balances: each solute of the registry, heparin and fluid. */
  mass_balance: Record<string, MassBalance>;
}

/** A series' finite values, in order (a loop: Array.prototype.filter called on a typed array takes its slow path). */
function finite(xs: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i])) out.push(xs[i]);
  return out;
}
/** The largest value, by a loop: Math.max(...xs) overflows the call stack beyond ~10⁵ samples (90 days at 1 min). */
function maxOf(xs: number[]): number {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i] > max) max = xs[i];
  return max;
}
/** The last value of a series (NaN when it has none). */
const lastOf = (xs: ArrayLike<number>) => (xs.length ? xs[xs.length - 1] : NaN);

/**
 * SOFA over a run: its sub-scores at baseline (before treatment, patient/sofa/baseline.ts) and at the last sample
 * (the modelled ones; the liver + CNS points are carried from baseline, no series of their own). The summary's SOFA
 * fields and the cohort's per-component changes (cohort/runFigures.ts) read it.
 */
export interface RunSofa {
  baseline: Sofa;
  end: Omit<Sofa, 'other'>;
}

export function runSofa(m: Model, series: Record<SeriesName, ArrayLike<number>>): RunSofa {
  return {
    baseline: m.baselineSofa,
    end: {
      cardiovascular: lastOf(series.sofa_cardiovascular),
      respiratory: lastOf(series.sofa_respiratory),
      renal: lastOf(series.sofa_renal),
      coagulation: lastOf(series.sofa_coagulation),
      total: lastOf(series.sofa),
    },
  };
}
const EFFLUENT = LAYOUT.slot('effluent_mL');
const ALBUMIN_REMOVED = LAYOUT.slot('albuminRemoved_g');
/** Events this close to the end are at the end (the engine's event tolerance). */
const END_EPS_h = 1e-9;

/**
 * Filter changes, the filters' lives and the time without a filter running. A change at the run's very end (the
 * 24 h maximum age in a 24 h run) is logged among the events but is not one of the run's changes: the last sample
 * shows the filter still running and no new filter ran. The filter it took down did end its life there (its
 * maximum age, a TMP at the limit), so that life is counted among the lives.
 */
function filterHistory(c: ComposedModel, events: SimEvent[], end_h: number) {
  const withinRun = (e: SimEvent) => e.t_h < end_h - END_EPS_h;
  const takenDown = events.filter((e) => e.type === 'filter_change');
  const changes = takenDown.filter(withinRun);
  const startEvents = events.filter((e) => e.type === 'filter_start' && withinRun(e));
  const starts = [0, ...startEvents.map((e) => e.t_h)];
  // each change is followed by its filter's start (or by the run's end, when the downtime runs past it)
  const downtime = changes.reduce((acc, e, i) => acc + ((startEvents[i]?.t_h ?? end_h) - e.t_h), 0);
  // a filter started at the very end (a change at the end with no downtime) never ran
  const startedAtEnd = events.filter((e) => e.type === 'filter_start' && !withinRun(e)).length;
  return {
    filters_used: c.m.filter.filtersUsed - startedAtEnd,
    filter_changes: changes.map((e) => ({ t_h: e.t_h, reason: e.reason })),
    filter_lives_h: takenDown.map((e, i) => e.t_h - starts[i]),
    downtime_h: downtime,
  };
}

/**
 * How long the circuit's blood was isolated from the patient: the `circuit_blood` events alternate, the first
 * isolating the circuit (docs/models/hemofilter.md, "Isolated circuit"), the next mixing it back, and so on. The
 * effluent collected meanwhile is tallied from the effluent ledger at each of them (isolatedCircuitEffluent_mL).
 */
function isolatedHours(events: SimEvent[], end_h: number): number {
  const toggles = events.filter((e) => e.type === 'circuit_blood').map((e) => e.t_h);
  if (toggles.length % 2 === 1) toggles.push(end_h);
  let hours = 0;
  for (let i = 0; i < toggles.length; i += 2) hours += toggles[i + 1] - toggles[i];
  return hours;
}

/**
 * The cohort's 24 h figures: changes from baseline (the scenario's inputs, as the cohort's baseline values were taken:
 * before cannulation on an ECMO scenario, so they include the step at t = 0, e.g. the prime's dilution) to the milestone.
 */
function changesAtMilestone(c: ComposedModel, at24: Observation) {
  const p = c.m.scenario.patient;
  const il6_0 = p.baseline.il6;
  const hemo0 = p.hemodynamics;
  return {
    il6_baseline_pg_mL: il6_0,
    il6_change_pg_mL: at24.il6_pg_mL - il6_0,
    il6_change_pct: (100 * (at24.il6_pg_mL - il6_0)) / il6_0,
    pct_change_ng_mL: at24.pct_ng_mL - p.baseline.pct,
    crp_change_mg_L: at24.crp_mg_L - p.baseline.crp,
    map_baseline_mmHg: hemo0.map,
    map_at_change_mmHg: at24.map_mmHg,
    map_change_mmHg: at24.map_mmHg - hemo0.map,
    heart_rate_change_bpm: at24.heart_rate_bpm - hemo0.heartRate,
    norepinephrine_baseline_ug_kg_min: hemo0.norepinephrine,
    norepinephrine_change_ug_kg_min: at24.norepinephrine_ug_kg_min - hemo0.norepinephrine,
  };
}

export function summarize(
  c: ComposedModel,
  series: Record<SeriesName, ArrayLike<number>>,
  events: SimEvent[],
  y0: number[],
  y: number[],
  at24: Observation,
  end_h: number,
  sofa: RunSofa,
): Summary {
  const m = c.m;
  const tmp = finite(series.tmp_mmHg);
  const ff = finite(series.filtration_fraction);
  const hasFilter = m.scenario.filter !== null;
  const history = filterHistory(c, events, end_h);
  const isolated = hasFilter ? { volume_mL: isolatedCircuitEffluent_mL(m, y[EFFLUENT]), hours: isolatedHours(events, end_h) } : null;
  const balances: Record<string, MassBalance> = {};
  for (const p of c.parts) p.massBalances?.(y0, y, balances);
  const { baseline, end } = sofa;
  return {
    duration_h: end_h,
    filters_used: history.filters_used,
    filter_changes: history.filter_changes,
    filter_lives_h: history.filter_lives_h,
    device_changes: m.devices.started.map((d) => ({ ...d })),
    prescribed_dose_mL_kg_h: hasFilter ? m.scenario.prescription.effluentDose : null,
    // what reached the patient: the effluent less what cleared only the isolated circuit's blood, over the whole run
    delivered_dose_mL_kg_h: isolated ? (y[EFFLUENT] - isolated.volume_mL) / m.weight_kg / end_h : null,
    isolated_circuit_effluent_mL: isolated ? isolated.volume_mL : null,
    isolated_circuit_h: isolated ? isolated.hours : null,
    downtime_h: history.downtime_h,
    change_at_h: Math.min(SUMMARY_TIME_h, end_h),
    ...changesAtMilestone(c, at24),
    albumin_lost_g: y[ALBUMIN_REMOVED],
    sofa_baseline: baseline.total,
    sofa_end: end.total,
    sofa_change: end.total - baseline.total,
    sofa_change_nonrespiratory: end.total - baseline.total - (end.respiratory - baseline.respiratory),
    // the samples and what the filter's events saw between them (the TMP that reached the limit)
    peak_tmp_mmHg: tmp.length ? Math.max(maxOf(tmp), m.filter.peakEventTmp_mmHg) : null,
    mean_filtration_fraction: ff.length ? ff.reduce((a, b) => a + b, 0) / ff.length : null,
    max_filtration_fraction: ff.length ? maxOf(ff) : null,
    effluent_volume_mL: y[EFFLUENT],
    mass_balance: balances,
  };
}
