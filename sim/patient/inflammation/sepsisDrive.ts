/**
 * The sepsis drive D(t): cytokine production relative to its value at the start of the run.
 *   D(t) = D∞ + (1 − D∞)·exp(−t/τ)
 * Cytokines fall even without extracorporeal removal as production falls [S: Clic-AKI, Crit Care 2021];
 * the shape is an estimate and D∞, τ are calibratable [E].
 */
export function sepsisDrive(t_h: number, residualFraction: number, timeConstant_h: number): number {
  return residualFraction + (1 - residualFraction) * Math.exp(-t_h / timeConstant_h);
}
