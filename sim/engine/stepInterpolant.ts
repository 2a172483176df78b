/**
 * odex's dense output of one accepted step, read in O(n) per state instead of O(n²), bit for bit.
 *
 * odex hands the observer a closure per step that, for component c at x, first scans all n components for c's place
 * (no early exit), then evaluates Hairer's interpolation polynomial (ODEX.F's CONTEX):
 *
 *   θ = (x − xOld)/h,  θ₁ = 1 − θ
 *   u = d₀ + θ (d₁ + θ₁ (d₂ θ + d₃ θ₁))
 *   r = d_{μ+4};  r ← d_{m+3} + r (θ − ½)/m  for m = μ … 1
 *   value = u + (θ θ₁)² r        (μ < 0: value = u)
 *
 * with d_k = dens[k·n + c + 1] its coefficients and μ (kmit) the step's interpolation order. Sampling a state (66
 * components) through the closure costs 66 scans of 75 (~14 µs; 20 % of a simulated day). Here the same polynomial
 * is evaluated from the coefficients themselves (the array odex asks Solver.dim for: ReusingSolver keeps it), with
 * θ and μ read from odex's own closure, so each operation is odex's and the result the same double:
 *
 * - θ at x: the closure evaluated on component 0 with its coefficients set to d₁ = 1 and every other 0 returns
 *   exactly θ (u = 0 + θ (1 + θ₁ · 0) = θ; r = 0); the coefficients are restored at once.
 * - μ: with only d_{s+4} = 1, the closure returns a non-zero value if and only if s ≤ μ (at θ = ¼, every factor of
 *   r is non-zero): a bisection over s once per step.
 *
 * Each step is verified: the polynomial here must equal the closure on the first, a middle and the last component at
 * two times; otherwise (another odex, a component subset) this step is read through the closure, as before.
 */
import type { DenseInterpolator } from 'odex';

export class StepInterpolant {
  /** Steps read through the polynomial here, and steps left to odex's closure (the verification failed). */
  readonly counts = { exact: 0, closure: 0 };
  private closure: DenseInterpolator = () => NaN;
  private dens: number[] | null = null;
  /** Number of components (odex's nrd: every component has dense output) and coefficient rows per component. */
  private readonly rows: number;
  private readonly saved: Float64Array;
  /** The step's interpolation order μ, and whether the polynomial here reproduces the closure this step. */
  private order = -1;
  private exact = false;

  constructor(
    private readonly n: number,
    maxExtrapolationColumns: number,
  ) {
    this.rows = 2 * maxExtrapolationColumns + 5;
    this.saved = new Float64Array(this.rows);
  }

  /** A new accepted step on [xOld, x]: its closure and odex's coefficient array (null if unknown). */
  beginStep(closure: DenseInterpolator, dens: number[] | null, xOld: number, x: number): void {
    this.closure = closure;
    this.dens = dens !== null && dens.length === this.rows * this.n + 1 ? dens : null;
    this.exact = false;
    if (this.dens) {
      const probe = xOld + 0.25 * (x - xOld);
      this.order = this.probeOrder(probe);
      this.exact = this.agrees(x) && this.agrees(probe);
    }
    if (this.exact) this.counts.exact++;
    else this.counts.closure++;
  }

  /** Component c at x (the closure's value, bit for bit). */
  at(c: number, x: number): number {
    return this.exact ? this.polynomial(c, this.theta(x)) : this.closure(c, x);
  }

  /** Writes components[k] at x into out[components[k]] (every component when `components` is omitted). */
  fill(x: number, out: number[], components?: readonly number[]): void {
    if (!this.exact) {
      if (components) for (let k = 0; k < components.length; k++) out[components[k]] = this.closure(components[k], x);
      else for (let c = 0; c < this.n; c++) out[c] = this.closure(c, x);
      return;
    }
    const theta = this.theta(x);
    if (components) for (let k = 0; k < components.length; k++) out[components[k]] = this.polynomial(components[k], theta);
    else for (let c = 0; c < this.n; c++) out[c] = this.polynomial(c, theta);
  }

  /** CONTEX's polynomial for component c at θ, operation for operation. */
  private polynomial(c: number, theta: number): number {
    const y = this.dens!;
    const n = this.n;
    const i = c + 1;
    const theta1 = 1 - theta;
    const phthet = y[i] + theta * (y[n + i] + theta1 * (y[2 * n + i] * theta + y[3 * n + i] * theta1));
    const imit = this.order;
    if (imit < 0) return phthet;
    const thetah = theta - 0.5;
    let ret = y[n * (imit + 4) + i];
    for (let im = imit; im >= 1; --im) ret = y[n * (im + 3) + i] + (ret * thetah) / im;
    return phthet + Math.pow(theta * theta1, 2) * ret;
  }

  /** θ at x as the closure computes it. */
  private theta(x: number): number {
    return this.probe(x, 1);
  }

  /** The closure on component 0 at x with only its coefficient row `row` set to 1; the coefficients restored. */
  private probe(x: number, row: number): number {
    const y = this.dens!;
    const n = this.n;
    const saved = this.saved;
    for (let k = 0; k < this.rows; k++) {
      saved[k] = y[k * n + 1];
      y[k * n + 1] = 0;
    }
    y[row * n + 1] = 1;
    try {
      return this.closure(0, x);
    } finally {
      for (let k = 0; k < this.rows; k++) y[k * n + 1] = saved[k];
    }
  }

  /** μ: the largest s whose coefficient d_{s+4} the closure reads (−1: none, the cubic Hermite alone). */
  private probeOrder(x: number): number {
    let lo = -1; // d_{lo+4} is read (or lo = −1)
    let hi = this.rows - 4; // d_{hi+4} lies beyond the rows: not read
    while (hi - lo > 1) {
      const s = (lo + hi) >> 1;
      if (this.probe(x, s + 4) !== 0) lo = s;
      else hi = s;
    }
    return lo;
  }

  private agrees(x: number): boolean {
    const theta = this.theta(x);
    for (const c of [0, this.n >> 1, this.n - 1]) if (!Object.is(this.polynomial(c, theta), this.closure(c, x))) return false;
    return true;
  }
}
