/**
 * The hemofilter at one instant: operating point, membrane performance and the clearance it gives each solute.
 * Shared by the right-hand side, the TMP event and the outputs, so all three see the same filter.
 */
import { filterOperatingPoint, filterPrescription, type FilterOperatingPoint } from '../filter/operatingPoint.js';
import { adsorptiveClearance_mL_min, sievingCoefficient } from '../filter/membrane.js';
import { effectiveUltrafiltrationCoefficient, transmembranePressure_mmHg } from '../filter/transmembranePressure.js';
import type { BloodState } from './bloodState.js';
import type { Model } from './model.js';
import { STATE as STATE_EXPORT } from './stateLayout.js';
/** Bound once: where modules are compiled to CommonJS (tsx), every use of an imported binding is a getter call. */
const STATE = STATE_EXPORT;

export interface FilterNow {
  op: FilterOperatingPoint;
  age_h: number;
  coverage: number;
  cakeResistance: number;
  clottedFraction: number;
  /** Convective clearances (mL/h): Q_uf·SC·DF. */
  il6Convective_mL_h: number;
  pctConvective_mL_h: number;
  albuminConvective_mL_h: number;
  crpConvective_mL_h: number;
  /** Small solutes equilibrate with red-cell water: whole-blood dilution factor Q_b/(Q_b + Q_pre) [S: reference-data.md §1]. */
  creatinineConvective_mL_h: number;
  il6Adsorptive_mL_h: number;
  pctAdsorptive_mL_h: number;
  il6Sieving: number;
  albuminSieving: number;
}

/** The filter's state now, or null when it is not filtering (absent, being changed, limb clamped, blood pump stopped). */
export function filterNow(m: Model, t_h: number, y: ArrayLike<number>, blood: BloodState): FilterNow | null {
  const f = m.current.filter;
  const rx = m.current.prescription;
  if (!f || m.filter.status !== 'running' || rx.filterBloodFlow <= 0 || m.current.circuit?.clamps.filterLimb) return null;
  const op = filterOperatingPoint(filterPrescription(rx, m.weight_kg), blood.hematocrit, blood.totalProtein_g_L);
  const coverage = y[STATE.proteinLayerCoverage];
  const quf_mL_h = op.effluent_mL_h;
  const age = t_h - m.filter.installedAt_h;
  const tau = f.adsorption.timeConstant;
  const s = f.sieving;
  return {
    op,
    age_h: age,
    coverage,
    cakeResistance: y[STATE.cakeResistance],
    clottedFraction: y[STATE.clottedFraction],
    il6Convective_mL_h: convectiveClearance_mL_h(quf_mL_h, s.il6, coverage, op.dilutionFactor),
    pctConvective_mL_h: convectiveClearance_mL_h(quf_mL_h, s.pct, coverage, op.dilutionFactor),
    albuminConvective_mL_h: convectiveClearance_mL_h(quf_mL_h, s.albumin, coverage, op.dilutionFactor),
    crpConvective_mL_h: convectiveClearance_mL_h(quf_mL_h, s.crp, coverage, op.dilutionFactor),
    creatinineConvective_mL_h:
      quf_mL_h *
      sievingCoefficient(f.sieving.creatinine.clean, f.sieving.creatinine.fouled, coverage) *
      (op.bloodFlow_mL_min / (op.bloodFlow_mL_min + op.predilution_mL_min)),
    il6Adsorptive_mL_h: 60 * adsorptiveClearance_mL_min(f.adsorption.il6InitialClearance, age, tau),
    pctAdsorptive_mL_h: 60 * adsorptiveClearance_mL_min(f.adsorption.pctInitialClearance, age, tau),
    il6Sieving: sievingCoefficient(f.sieving.il6.clean, f.sieving.il6.fouled, coverage),
    albuminSieving: sievingCoefficient(f.sieving.albumin.clean, f.sieving.albumin.fouled, coverage),
  };
}

/** Convective clearance K = Q_uf·SC·DF (mL/h) [S: reference-data.md §1]. */
function convectiveClearance_mL_h(quf_mL_h: number, sc: { clean: number; fouled: number }, coverage: number, dilutionFactor: number): number {
  return quf_mL_h * sievingCoefficient(sc.clean, sc.fouled, coverage) * dilutionFactor;
}

/** TMP needed now (mmHg): the quantity the filter-change rule watches. */
export function filterTmp_mmHg(m: Model, fn: FilterNow): number {
  const kuf = effectiveUltrafiltrationCoefficient(m.current.filter!.ultrafiltrationCoefficient, fn.clottedFraction, fn.cakeResistance);
  return transmembranePressure_mmHg(fn.op.effluent_mL_h, kuf, fn.op.membraneProtein_g_L);
}
