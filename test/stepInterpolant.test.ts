/**
 * The engine reads odex's dense output through StepInterpolant (sim/engine/stepInterpolant.ts): Hairer's
 * interpolation polynomial evaluated from odex's own coefficients, one scan per time instead of one per component.
 * It must give odex's closure's value bit for bit, for every component, at any time in a step, whatever the step's
 * interpolation order; and fall back to the closure where it cannot read the coefficients.
 */
import { describe, expect, it } from 'vitest';
import { Solver } from 'odex';
import { ReusingSolver } from '../sim/engine/reusingSolver.js';
import { StepInterpolant } from '../sim/engine/stepInterpolant.js';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { Simulation } from '../sim/engine/simulation.js';

const lorenz = (_t: number, y: number[]) => [10 * (y[1] - y[0]), y[0] * (28 - y[2]) - y[1], y[0] * y[1] - (8 / 3) * y[2]];
/** 40 components: Lorenz, then 37 linear decays at rates from 0.1 to 20 per unit time driven by Lorenz's x. */
const coupled = (t: number, y: number[]) => [...lorenz(t, y), ...y.slice(3).map((v, k) => y[0] - (0.1 + k * 0.54) * v)];

interface Compared {
  values: number;
  differing: number;
  orders: Set<number>;
  interpolant: StepInterpolant;
}

/** Integrates to t = 10 in 5 segments, reading every component at 5 times in each step both ways. */
function compare(solver: Solver, n: number, f: (t: number, y: number[]) => number[], tolerance: number): Compared {
  solver.denseOutput = true;
  solver.relativeTolerance = tolerance;
  solver.absoluteTolerance = tolerance;
  solver.maxSteps = 100_000;
  const interpolant = new StepInterpolant(n, solver.maxExtrapolationColumns);
  const out: Compared = { values: 0, differing: 0, orders: new Set(), interpolant };
  const read = new Array<number>(n).fill(0);
  let y = [1, 1, 1, ...new Array<number>(n - 3).fill(0)];
  for (let s = 0; s < 5; s++) {
    const coefficients = () => (solver instanceof ReusingSolver ? solver.denseCoefficients : null);
    y = solver.solve(f, 2 * s, y, 2 * s + 2, (nr, xOld, x, _y, dense) => {
      if (nr === 1 || !dense) return;
      interpolant.beginStep(dense, coefficients(), xOld, x);
      out.orders.add((interpolant as unknown as { order: number }).order);
      for (const theta of [0, 0.13, 0.5, 0.77, 1]) {
        const t = xOld + theta * (x - xOld);
        interpolant.fill(t, read);
        for (let c = 0; c < n; c++) {
          out.values++;
          if (!Object.is(read[c], dense(c, t)) || !Object.is(interpolant.at(c, t), dense(c, t))) out.differing++;
        }
      }
    }).y;
  }
  return out;
}

describe('StepInterpolant', () => {
  it('gives odex’s dense output bit for bit, every component at every time, at the interpolation orders odex chose', () => {
    for (const tolerance of [1e-4, 1e-8, 1e-12]) {
      const r = compare(new ReusingSolver(40), 40, coupled, tolerance);
      expect(r.differing, `tolerance ${tolerance}`).toBe(0);
      expect(r.values).toBeGreaterThan(1000);
      // every step read from the coefficients, none left to the closure
      expect(r.interpolant.counts.closure).toBe(0);
      expect(r.interpolant.counts.exact).toBeGreaterThan(10);
    }
    // tolerances from loose to tight make odex use low and high orders: the probe of the order meets several
    const orders = new Set([1e-4, 1e-8, 1e-12].flatMap((tol) => [...compare(new ReusingSolver(40), 40, coupled, tol).orders]));
    expect(orders.size).toBeGreaterThanOrEqual(3);
  });

  it('leaves a step to odex’s closure when it has no coefficients to read (odex’s own Solver), with the same values', () => {
    const r = compare(new Solver(3), 3, lorenz, 1e-8);
    expect(r.differing).toBe(0);
    expect(r.interpolant.counts.exact).toBe(0);
    expect(r.interpolant.counts.closure).toBeGreaterThan(10);
  });

  it('reads every step of a simulated ECMO + HVHF day from the coefficients', () => {
    const sim = new Simulation(loadScenarioFile('scenarios/ecmo-hvhf-default.json', [{ path: 'duration', value: '24 h' }]));
    sim.advanceTo(24);
    expect(sim.dense.counts.closure).toBe(0);
    expect(sim.dense.counts.exact).toBe(sim.stats.steps);
  });
});
