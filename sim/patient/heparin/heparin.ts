/**
 * Unfractionated heparin: plasma plus a saturable binding site, with saturable plus linear elimination.
 *
 *   dA/dt = I(t) − Vmax·C/(Km + C) − CL·C                                  [S: de Swart, Blood 1982; S2: Hirsh/ACCP]
 *   A     = Vd·C + B(C),   B(C) = Bmax·C/(Km + C)                           the "heparin sink" (a hypothesis)
 *
 * A is all heparin in the body: in plasma (Vd·C, the anticoagulant part) and bound to endothelial cells and
 * macrophages (B), in rapid equilibrium with plasma. The saturable pathway is those same sites internalising and
 * depolymerising what they hold (Vmax = k_int·Bmax, half-saturated at Km); CL the linear (renal) clearance. A bolus
 * loses part of itself to the sink at once (de Swart's "rapid initial loss"), a small one in a larger fraction, so
 * the apparent half-life grows with dose (30, 60, 150 min after 25, 100, 400 U/kg). Vmax, Km, CL and Bmax are
 * fitted to those figures and a weight-based infusion's steady state by scripts/fitHeparinElimination.ts. Heparin is
 * not filtered (SC 0, Singer 1994). Its effect (anti-Xa, aPTT) is anticoagulantEffect.ts.
 */
export interface HeparinKinetics {
  distributionVolume_mL: number;
  saturableVmax_U_h: number;
  saturableKm_U_mL: number;
  linearClearance_mL_h: number;
  /** Capacity of the saturable binding sites (U); without it (0) heparin is one compartment. */
  bindingCapacity_U?: number;
}

const capacity = (k: HeparinKinetics) => k.bindingCapacity_U ?? 0;

/** Elimination rate (U/h) at plasma concentration C (U/mL). */
export function heparinElimination_U_h(k: HeparinKinetics, c_U_mL: number): number {
  const c = Math.max(c_U_mL, 0);
  return (k.saturableVmax_U_h * c) / (k.saturableKm_U_mL + c) + k.linearClearance_mL_h * c;
}

/** Heparin held by the binding sites (U) in equilibrium with plasma at C (U/mL): Bmax·C/(Km + C). */
export function boundHeparin_U(k: HeparinKinetics, c_U_mL: number): number {
  const c = Math.max(c_U_mL, 0);
  return (capacity(k) * c) / (k.saturableKm_U_mL + c);
}

/** All heparin in the body (U) at plasma concentration C (U/mL): Vd·C + B(C). */
export function heparinInBody_U(k: HeparinKinetics, c_U_mL: number): number {
  return k.distributionVolume_mL * c_U_mL + boundHeparin_U(k, c_U_mL);
}

/**
 * Plasma concentration (U/mL) of A units in the body, the positive root of
 *   Vd·C² + (Vd·Km + Bmax − A)·C − A·Km = 0
 * in the form that does not cancel. A (slightly) negative A, the solver's round-off, gives C = A / (Vd + Bmax/Km),
 * the line the root follows near 0.
 */
export function plasmaHeparin_U_mL(k: HeparinKinetics, amount_U: number): number {
  const vd = k.distributionVolume_mL;
  const km = k.saturableKm_U_mL;
  if (amount_U <= 0) return amount_U / (vd + capacity(k) / km);
  const b = vd * km + capacity(k) - amount_U;
  const root = Math.sqrt(b * b + 4 * vd * amount_U * km);
  return b >= 0 ? (2 * amount_U * km) / (b + root) : (root - b) / (2 * vd);
}

/** dA/dC (mL): how much heparin the body takes up per U/mL of plasma concentration, Vd + Bmax·Km/(Km + C)². */
const storage_mL = (k: HeparinKinetics, c: number) => k.distributionVolume_mL + (capacity(k) * k.saturableKm_U_mL) / (k.saturableKm_U_mL + c) ** 2;

/** ∫ from lo to hi of dA/dC / elimination(C) dC (h): the time to fall from hi to lo (Simpson's rule, 200 panels). */
function fallTime_h(k: HeparinKinetics, lo: number, hi: number): number {
  const n = 200;
  const h = (hi - lo) / n;
  const f = (c: number) => storage_mL(k, c) / heparinElimination_U_h(k, c);
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += f(lo + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

/** Time (h) for plasma heparin to fall from c0, in equilibrium with the sites, to c0/2 with nothing infused. */
export function apparentHalfLife_h(k: HeparinKinetics, c0_U_mL: number): number {
  return fallTime_h(k, c0_U_mL / 2, c0_U_mL);
}

/**
 * Apparent half-life (h) of a bolus of `dose_U` into a body without heparin: from the concentration it mixes to in
 * plasma, dose/Vd, to half that. The sites take their share at once (to C_eq, A = dose), then elimination does the
 * rest; 0 if the sites alone take half.
 */
export function bolusHalfLife_h(k: HeparinKinetics, dose_U: number): number {
  const half = dose_U / k.distributionVolume_mL / 2;
  const equilibrated = plasmaHeparin_U_mL(k, dose_U);
  return equilibrated <= half ? 0 : fallTime_h(k, half, equilibrated);
}

/** Concentration (U/mL) at which elimination equals a constant infusion (U/h); elimination rises monotonically. */
export function heparinSteadyState_U_mL(k: HeparinKinetics, infusion_U_h: number): number {
  if (infusion_U_h <= 0) return 0;
  let lo = 0;
  let hi = 1;
  while (heparinElimination_U_h(k, hi) < infusion_U_h) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (heparinElimination_U_h(k, mid) < infusion_U_h) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
