/**
 * odex's Solver, keeping its work arrays from one solve() to the next. odex allocates every work array at each
 * solve() call (its static Solver.dim / Solver.dim2, ~13,000 elements for 66 states: the extrapolation table, the
 * dense-output coefficients) and a fresh derivative array at every line of the extrapolation table; the engine
 * calls solve() once per segment between events (tens a day). Solver.dim and Solver.dim2 are replaced once, here:
 * while one of these solves runs they hand out the arrays an earlier solve used (of this solver or another: the
 * pools are shared, below), in the order odex asks for them, and one scratch array for the extrapolation lines'
 * derivatives; otherwise they are odex's own.
 * A subclass, not a fork: odex's solve() runs unchanged.
 *
 * odex reads no element before writing it within a solve (the arrays it allocates hold `undefined`, which would
 * reach the results as NaN or flip a step-size comparison), so the arrays' earlier values change nothing: the
 * results are identical to odex's own Solver (test/reusingSolver.test.ts compares them bit for bit).
 */
import { Solver, type Derivative, type OutputFunction } from 'odex';

type Dim = (n: number) => number[];
type Dim2 = (r: number, c: number) => number[][];
/** odex's private statics, which solve() calls through the class. */
const statics = Solver as unknown as { dim: Dim; dim2: Dim2 };
const odexDim = statics.dim;
const odexDim2 = statics.dim2;
/** The solver whose solve is running (the innermost, when one starts another from its observer), if any. */
const running: { solver: ReusingSolver | null } = { solver: null };

// Installed once, so odex's call sites always see the same two functions; outside a ReusingSolver's solve they are
// odex's own.
statics.dim = (n) => (running.solver ? running.solver.array(n) : odexDim(n));
statics.dim2 = (r, c) => (running.solver ? running.solver.table(r, c) : odexDim2(r, c));

/**
 * One solve's work arrays: those odex asked for before its first derivative evaluation, in the order it asked, and
 * the derivative array of one extrapolation line (odex's midex), asked for after the first evaluation.
 */
interface Pool {
  arrays: (number[] | number[][])[];
  scratch: number[];
}

/**
 * odex's F hands the derivative a copy of the state at every evaluation, `y.slice(1)` of its 1-based array: a new
 * array of n each time (~0.7 MB in a simulated day, for the collector). The state-sized arrays handed out here (odex
 * evaluates the derivative at yh1 and yh2, two of them) answer `slice(1)` with one array of their own, refilled: the
 * same values, no allocation. Any other slice is Array's. The derivative must not keep the array it is given past
 * its return (the engine's does not: Now.y is replaced at the next derivation).
 */
function withReusedTail(a: number[]): number[] {
  const tail = new Array<number>(a.length - 1).fill(0);
  const slice = Array.prototype.slice;
  Object.defineProperty(a, 'slice', {
    value(this: number[], start?: number, end?: number): number[] {
      if (start !== 1 || end !== undefined) return slice.call(this, start, end) as number[];
      for (let i = 1; i < this.length; i++) tail[i - 1] = this[i];
      return tail;
    },
  });
  return a;
}

/**
 * Pools no running solve holds. A solve takes one (or makes one) and puts it back when it ends, so the runs of a
 * process share a few pools instead of each Simulation allocating its own (~130 kB for 75 states, most of what a
 * running Simulation holds, which the garbage collector would copy while the run lives).
 */
const idle: Pool[] = [];

export class ReusingSolver extends Solver {
  /** The pool of the running solve. */
  private pool: Pool = { arrays: [], scratch: [] };
  /** How many of the pool's arrays this solve has handed out, and whether it has evaluated the derivative yet. */
  private next = 0;
  private evaluating = false;
  private f: Derivative = () => [];
  /** The derivative odex calls: the caller's, noting that the setup (every array but the scratch) is done. */
  private readonly evaluate: Derivative = (x, y) => {
    this.evaluating = true;
    return this.f(x, y);
  };

  /**
   * The dense output's coefficients of the running solve (odex's `dens`, (2 KM + 5)·n + 1 long, 1-based, all
   * components): what odex's per-step closure reads (StepInterpolant reads them directly). Null before a solve.
   */
  denseCoefficients: number[] | null = null;

  override solve(f: Derivative, x: number, y0: number[], xEnd: number, solOut?: OutputFunction): ReturnType<Solver['solve']> {
    const outer = running.solver;
    // a solve of this same solver from inside its own observer cannot share the pool it is using
    if (outer === this) return this.unpooled(() => super.solve(f, x, y0, xEnd, solOut));
    const f0 = this.f;
    this.f = f;
    this.next = 0;
    this.evaluating = false;
    const pool = (this.pool = idle.pop() ?? { arrays: [], scratch: [] });
    running.solver = this;
    try {
      return super.solve(this.evaluate, x, y0, xEnd, solOut);
    } finally {
      running.solver = outer;
      this.f = f0;
      idle.push(pool);
    }
  }

  private unpooled<T>(fn: () => T): T {
    running.solver = null;
    try {
      return fn();
    } finally {
      running.solver = this;
    }
  }

  /**
   * Solver.dim's stand-in: a 1-based array of n (its earlier values are overwritten before odex reads them). New
   * arrays are filled with NaN, a double, not 0: an array of small integers has another elements kind (V8's map)
   * than the doubles odex then writes, and odex's midex met both on the same line (its order costs and their
   * weights) and was deoptimized again and again (--trace-deopt: 141 times in 400 simulated days; none since).
   */
  array(n: number): number[] {
    if (this.evaluating) {
      if (this.pool.scratch.length !== n + 1) this.pool.scratch = new Array<number>(n + 1).fill(NaN);
      return this.pool.scratch;
    }
    const kept = this.pool.arrays[this.next] as number[] | undefined;
    let a = kept !== undefined && kept.length === n + 1 && !Array.isArray(kept[1]) ? kept : undefined;
    a ??= n === this.n ? withReusedTail(new Array<number>(n + 1).fill(NaN)) : new Array<number>(n + 1).fill(NaN);
    this.pool.arrays[this.next++] = a;
    if (this.denseOutput && !this.denseComponents && n === (2 * this.maxExtrapolationColumns + 5) * this.n) this.denseCoefficients = a;
    return a;
  }

  /** Solver.dim2's stand-in: r 1-based rows of c. */
  table(r: number, c: number): number[][] {
    const kept = this.pool.arrays[this.next] as number[][] | undefined;
    let a = kept;
    if (a === undefined || a.length !== r + 1 || !Array.isArray(a[r]) || a[r].length !== c + 1) {
      a = new Array<number[]>(r + 1);
      a[0] = [];
      for (let i = 1; i <= r; i++) a[i] = new Array<number>(c + 1).fill(NaN);
    }
    this.pool.arrays[this.next++] = a;
    return a;
  }
}
