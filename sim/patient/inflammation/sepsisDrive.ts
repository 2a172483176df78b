/**
 * The sepsis drive D(t): cytokine production relative to its value at the start of the run, resolving in two
 * phases once treatment (antibiotics, source control) acts:
 *   D(t) = D∞ + (1 − D∞)·[f·exp(−t/τ_fast) + (1 − f)·exp(−t/τ_slow)]
 * Cytokines fall even without extracorporeal removal as production falls [S: Clic-AKI, Crit Care 2021]; in
 * the two phases (a fast drop in the first day as antibiotics and source control act, a slow resolution over days)
 * are an estimate [E]: f, τ_fast and τ_slow are fitted to the cohort's 24 h and 72 h figures together, which a
 * single exponential could not meet (it plateaued on its bound, issue 12).
 */
export function sepsisDrive(t_h: number, residualFraction: number, fastFraction: number, fastTimeConstant_h: number, slowTimeConstant_h: number): number {
  const course = fastFraction * Math.exp(-t_h / fastTimeConstant_h) + (1 - fastFraction) * Math.exp(-t_h / slowTimeConstant_h);
  return residualFraction + (1 - residualFraction) * course;
}

/** A one-phase decline to a residual, D∞ + (1 − D∞)·exp(−t/τ) (PCT's bacterial stimulus, pct.ts). */
export function singlePhaseDecline(t_h: number, residualFraction: number, timeConstant_h: number): number {
  return residualFraction + (1 - residualFraction) * Math.exp(-t_h / timeConstant_h);
}
