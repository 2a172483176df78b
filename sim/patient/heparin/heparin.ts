/**
 * Unfractionated heparin: one compartment with saturable plus linear elimination.
 *
 *   dA/dt = I(t) − Vmax·C/(Km + C) − CL·C,   C = A / Vd            [S: de Swart, Blood 1982; S2: Hirsh/ACCP]
 *
 * The saturable pathway makes the apparent half-life grow with dose (30 min at 25 U/kg, 60 min at
 * 100 U/kg, 150 min at 400 U/kg); Vmax, Km and CL are fitted to those figures and to a weight-based infusion's
 * steady state by scripts/fitHeparinElimination.ts. Heparin is not filtered (SC 0, Singer 1994). Its effect (anti-Xa,
 * aPTT) is anticoagulantEffect.ts.
 */
export interface HeparinKinetics {
  distributionVolume_mL: number;
  saturableVmax_U_h: number;
  saturableKm_U_mL: number;
  linearClearance_mL_h: number;
}

/** Elimination rate (U/h) at concentration C (U/mL). */
export function heparinElimination_U_h(k: HeparinKinetics, c_U_mL: number): number {
  const c = Math.max(c_U_mL, 0);
  return (k.saturableVmax_U_h * c) / (k.saturableKm_U_mL + c) + k.linearClearance_mL_h * c;
}

/**
 * Apparent half-life (h) of a bolus that starts at concentration c0: the time for C to fall to c0/2,
 *   t½ = ∫_{c0/2}^{c0} Vd dC / elimination(C)   (Simpson's rule, 200 panels).
 */
export function apparentHalfLife_h(k: HeparinKinetics, c0_U_mL: number): number {
  const n = 200;
  const a = c0_U_mL / 2;
  const h = (c0_U_mL - a) / n;
  const f = (c: number) => k.distributionVolume_mL / heparinElimination_U_h(k, c);
  let sum = f(a) + f(c0_U_mL);
  for (let i = 1; i < n; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
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
