/**
 * The hemofilter at one instant: operating point, membrane state and filter age. Derived once per evaluation by
 * the filter's part and read by the solutes (clearances), the circuit (the limb's flows and pressures), the fluid
 * balance (effluent and replacement) and the filter-change rule (TMP).
 */
import { filterOperatingPoint, filterPrescription, type FilterOperatingPoint, type FilterPrescription } from './operatingPoint.js';
import { adsorptiveClearance_mL_min, proteinLayerCoverageAt, sievingCoefficient } from './membrane.js';
import { effectiveUltrafiltrationCoefficient, transmembranePressure_mmHg } from './transmembranePressure.js';
import { g_L, mL_h, perHour, type Flow, type Pressure } from '../quantities.js';
import type { Model } from '../model/context.js';
import type { BloodState } from '../model/now.js';

export interface FilterNow {
  op: FilterOperatingPoint;
  age_h: number;
  /** The protein layer's coverage θ (0–1): adsorption by age and the convective part (membrane.ts). */
  coverage: number;
  /** θ_c, the convective part alone (the state). */
  convectiveCoverage: number;
  cakeResistance: number;
  clottedFraction: number;
}

/** Where the filter's states sit in the state vector. */
export interface FilterSlots {
  /** θ_c: the protein layer's convective part (the adsorption part follows the filter's age). */
  coverage: number;
  cakeResistance: number;
  clottedFraction: number;
}

/** Objects a run's filter fills in place at every evaluation, so the right-hand side allocates nothing. */
export interface FilterScratch {
  readonly now: FilterNow;
  readonly prescription: Partial<FilterPrescription>;
}

export function filterScratch(): FilterScratch {
  return {
    now: { op: {} as FilterOperatingPoint, age_h: NaN, coverage: NaN, convectiveCoverage: NaN, cakeResistance: NaN, clottedFraction: NaN },
    prescription: {},
  };
}

/** Whether the filter's blood pump runs: a filter in place and running, blood flow set, the limb not clamped. */
export function filterRunning(m: Model): boolean {
  const rx = m.current.prescription;
  return !!m.current.filter && m.filter.status === 'running' && rx.filterBloodFlow > 0 && !m.current.circuit?.clamps.filterLimb;
}

/**
 * The filter's state now, or null when it is not filtering (absent, being changed, limb clamped, blood pump stopped);
 * with its fluid pumps stopped (a bag empty or full) blood still flows through it, with no ultrafiltrate.
 * With `scratch` the result is its object, rewritten at each call: read it before the next evaluation.
 */
export function filterNow(m: Model, t_h: number, y: ArrayLike<number>, blood: BloodState, at: FilterSlots, scratch = filterScratch()): FilterNow | null {
  if (!filterRunning(m)) return null;
  const fn = scratch.now;
  const p = filterPrescription(m.current.prescription, m.weight_kg, scratch.prescription);
  if (m.filter.fluidPumpsStopped) {
    // bags (sim/filter/bags): no replacement and no effluent, so no net ultrafiltration; the blood pump runs on
    p.effluent_mL_h = mL_h(0);
    p.netUltrafiltration_mL_h = mL_h(0);
  }
  filterOperatingPoint(p, blood.hematocrit, g_L(blood.totalProtein_g_L), fn.op);
  fn.age_h = t_h - m.filter.installedAt_h;
  fn.convectiveCoverage = y[at.coverage];
  fn.coverage = proteinLayerCoverageAt(fn.convectiveCoverage, fn.age_h, m.current.filter!.proteinLayer);
  fn.cakeResistance = y[at.cakeResistance];
  fn.clottedFraction = y[at.clottedFraction];
  return fn;
}

/**
 * Convective clearance K = Q_uf·SC·DF (mL/h) [S: reference-data.md §1]. DF: plasma solutes are diluted by
 * predilution as Qp/(Qp + Q_pre); small solutes equilibrate with red-cell water, Q_b/(Q_b + Q_pre).
 */
export function convectiveClearance_mL_h(fn: FilterNow, sc: { clean: number; fouled: number }, dilution: 'plasma' | 'wholeBlood'): Flow<'mL/h'> {
  const op = fn.op;
  const sieving = sievingCoefficient(sc.clean, sc.fouled, fn.coverage);
  if (dilution === 'plasma') return mL_h(op.effluent_mL_h * sieving * op.dilutionFactor);
  return mL_h(op.effluent_mL_h * sieving * (op.bloodFlow_mL_min / (op.bloodFlow_mL_min + op.predilution_mL_min)));
}

/** Adsorptive clearance (mL/h), falling with the filter's age as its binding sites fill. */
export function adsorptiveClearance_mL_h(fn: FilterNow, initial_mL_min: Flow<'mL/min'>, timeConstant_h: number): Flow<'mL/h'> {
  return perHour(adsorptiveClearance_mL_min(initial_mL_min, fn.age_h, timeConstant_h));
}

/** TMP needed now (mmHg): the quantity the filter-change rule watches. */
export function filterTmp_mmHg(m: Model, fn: FilterNow): Pressure<'mmHg'> {
  const f = m.current.filter!;
  const kuf = effectiveUltrafiltrationCoefficient(f.ultrafiltrationCoefficient, fn.clottedFraction, fn.cakeResistance);
  const albuminSieving = sievingCoefficient(f.sieving.albumin.clean, f.sieving.albumin.fouled, fn.coverage);
  return transmembranePressure_mmHg(fn.op.effluent_mL_h, kuf, fn.op.membraneProtein_g_L, 1 - albuminSieving);
}
