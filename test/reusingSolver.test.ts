/**
 * The engine's odex solver that keeps its work arrays across solve() calls (sim/engine/reusingSolver.ts) computes
 * exactly what odex's own Solver computes: same steps, same dense output, same end states, bit for bit. The Lorenz
 * system is chaotic, so any difference in any operation grows to the size of the attractor by t = 20.
 */
import { describe, expect, it } from 'vitest';
import { Solver } from 'odex';
import { ReusingSolver } from '../sim/engine/reusingSolver.js';

const N = 3;
const lorenz = (_t: number, y: number[]) => [10 * (y[1] - y[0]), y[0] * (28 - y[2]) - y[1], y[0] * y[1] - (8 / 3) * y[2]];

/** Lorenz from (1, 1, 1) to t = 20 in segments (as the engine's events cut its runs), with the dense output read mid-step. */
function trajectory(solver: Solver, segments: number): number[] {
  solver.denseOutput = true;
  solver.relativeTolerance = 1e-8;
  solver.absoluteTolerance = 1e-8;
  solver.maxSteps = 100_000;
  const record: number[] = [];
  let y = [1, 1, 1];
  for (let s = 0; s < segments; s++) {
    const from = (20 * s) / segments;
    const result = solver.solve(lorenz, from, y, (20 * (s + 1)) / segments, (n, xOld, x, _y, dense) => {
      if (n > 1 && dense) for (let c = 0; c < N; c++) record.push(dense(c, 0.5 * (xOld + x)));
    });
    y = result.y;
    record.push(...y, result.nEval, result.nStep);
  }
  return record;
}

describe('ReusingSolver', () => {
  it('hands the derivative a few state arrays a solve, not a new copy at every evaluation, with odex’s values', () => {
    const seen = (solver: Solver) => {
      const arrays = new Set<number[]>();
      const states: number[] = [];
      solver.denseOutput = true;
      solver.relativeTolerance = 1e-8;
      solver.absoluteTolerance = 1e-8;
      const result = solver.solve(
        (t, y) => (arrays.add(y), states.push(...y), lorenz(t, y)),
        0,
        [1, 1, 1],
        2,
        () => undefined,
      );
      return { arrays: arrays.size, states, evaluations: result.nEval };
    };
    const odex = seen(new Solver(N));
    const reused = seen(new ReusingSolver(N));
    expect(reused.states.length).toBe(odex.states.length);
    expect(reused.states.every((v, i) => Object.is(v, odex.states[i]))).toBe(true);
    expect(odex.arrays).toBeGreaterThan(odex.evaluations);
    // odex's starting state (its own copy) and its two evaluation points yh1 and yh2
    expect(reused.arrays).toBeLessThanOrEqual(3);
  });
  it('gives odex Solver results bit for bit, over many segments (arrays reused 40 times)', () => {
    const reference = trajectory(new Solver(N), 40);
    const reused = trajectory(new ReusingSolver(N), 40);
    expect(reused.length).toBe(reference.length);
    expect(reused.every((v, i) => Object.is(v, reference[i]))).toBe(true);
    // the run is long enough to be chaotic: the end state is far from the start
    expect(Math.abs(reference[reference.length - 5] - 1)).toBeGreaterThan(1e-3);
  });

  it('gives odex Solver results bit for bit when solvers of different sizes take turns with the shared work arrays', () => {
    // a 3-state and a 5-state system (Lorenz and Lorenz with two decays), each solved in segments, alternating
    const five = (t: number, y: number[]) => [...lorenz(t, y), y[0] - y[3], y[1] - 2 * y[4]];
    const run = (make: (n: number) => Solver) => {
      const small = make(3);
      const large = make(5);
      const out: number[] = [];
      let a = [1, 1, 1];
      let b = [1, 1, 1, 0, 0];
      for (const s of [small, large]) {
        s.denseOutput = true;
        s.relativeTolerance = 1e-8;
        s.absoluteTolerance = 1e-8;
      }
      for (let k = 0; k < 10; k++) {
        const collect = (n: number, xOld: number, x: number, _y: number[], dense?: (c: number, x: number) => number) => {
          if (n > 1 && dense) out.push(dense(0, 0.5 * (xOld + x)), dense(2, x));
        };
        a = small.solve(lorenz, k, a, k + 1, collect).y;
        b = large.solve(five, k, b, k + 1, collect).y;
        out.push(...a, ...b);
      }
      return out;
    };
    const reference = run((n) => new Solver(n));
    const shared = run((n) => new ReusingSolver(n));
    expect(shared.length).toBe(reference.length);
    expect(shared.every((v, i) => Object.is(v, reference[i]))).toBe(true);
  });

  it('leaves odex Solver allocating its own arrays, also after a solve that threw from its observer', () => {
    const solver = new ReusingSolver(N);
    solver.denseOutput = true;
    expect(() =>
      solver.solve(lorenz, 0, [1, 1, 1], 1, (n) => {
        if (n > 3) throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(trajectory(new Solver(N), 3)).toEqual(trajectory(new Solver(N), 3));
    const dim = (Solver as unknown as { dim: (n: number) => unknown[] }).dim(4);
    expect(dim.length).toBe(5);
    expect(dim[1]).toBeUndefined();
  });

  it('solves a second system inside its observer with arrays of its own', () => {
    const outer = new ReusingSolver(N);
    outer.denseOutput = true;
    const inner: number[][] = [];
    outer.solve(lorenz, 0, [1, 1, 1], 2, (n) => {
      if (n === 2) inner.push(trajectory(new ReusingSolver(N), 2));
    });
    expect(inner[0]).toEqual(trajectory(new Solver(N), 2));
  });
});
