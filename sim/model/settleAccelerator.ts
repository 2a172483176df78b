/**
 * Aitken's Δ² for a value a model holds between events and the settle loop re-derives until it stops moving
 * (EventScheduler.settle): each pass derives G(h) at the held h, and a plain pass holds G(h) next. A map that contracts
 * at a steady ratio, G(h) − h* ≈ ρ·(h − h*), has its fixed point at
 *
 *   h* = h₁ + (G(h₁) − h₁)/(1 − ρ),   ρ = (G(h₁) − h₁)/(h₁ − h₀),   h₁ = G(h₀)
 *
 * [S: Aitken's Δ² process, Aitken 1926; Steffensen's method alternates it with plain passes]. The acid–base part's held
 * PaCO2 contracts at ρ ≈ −0.007 (PaCO2 → pH → heart → recirculation → PaCO2): plain passes gain ~2 digits each; an
 * extrapolated one lands within the ratio's drift. Only a contraction (|ρ| < CONTRACTION) is extrapolated; the settle loop
 * still ends only when a pass moves the value by less than its tolerance, so the result is a fixed point whatever the
 * extrapolation did.
 */
/** The largest ratio |ρ| extrapolated [E: a numerical safeguard; the held PaCO2's is ~0.007, and near 1 Aitken's step
 * divides by a vanishing 1 − ρ]. */
const CONTRACTION = 0.5;

export class SettleAccelerator {
  /** The held value before the last one, when the last pass was plain (h₀ above), else NaN. */
  private before = NaN;

  /** The value to hold next after a pass derived `fresh` = G(`held`) and moved it. */
  next(held: number, fresh: number): number {
    const rho = (fresh - held) / (held - this.before);
    const extrapolate = Math.abs(rho) < CONTRACTION; // false while `before` is NaN
    this.before = extrapolate ? NaN : held;
    return extrapolate ? held + (fresh - held) / (1 - rho) : fresh;
  }

  /** The settle ended: the next one starts with a plain pass. */
  reset(): void {
    this.before = NaN;
  }
}
