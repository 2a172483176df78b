/**
 * The deterministic run list of a sweep: every run's parameter values, its index being its run id.
 * Grid: the full factorial, the first --vary outermost. LHS: n seeded Latin-hypercube samples of the ranges,
 * rounded to 6 significant digits so the value written in the results is exactly the value simulated.
 */
import { ScenarioError } from '../scenario/errors.js';
import { latinHypercube } from './latinHypercube.js';
import { axisValues, type VaryAxis } from './varySpec.js';

export type Design = { kind: 'grid' } | { kind: 'lhs'; samples: number; seed: number };

/** A sweep bigger than this is a typo, not a plan. */
export const MAX_RUNS = 10_000_000;

export function gridRuns(axes: VaryAxis[]): number[][] {
  const values = axes.map(axisValues);
  const total = values.reduce((n, v) => n * v.length, 1);
  if (total > MAX_RUNS) {
    throw new ScenarioError('--vary', [
      {
        path: '--vary',
        message: `the grid has ${total} runs (${values.map((v) => v.length).join(' × ')}); at most ${MAX_RUNS} are allowed: use larger steps or --design lhs`,
      },
    ]);
  }
  let runs: number[][] = [[]];
  for (const v of values) runs = runs.flatMap((r) => v.map((x) => [...r, x]));
  return runs;
}

export function lhsRuns(axes: VaryAxis[], samples: number, seed: number): number[][] {
  return latinHypercube(samples, axes.length, seed).map((p) =>
    p.map((u, d) => {
      const { from, to } = axes[d];
      return Math.min(to, Math.max(from, Number((from + u * (to - from)).toPrecision(6))));
    }),
  );
}

/** How many runs a sweep has, without listing them (a grid: the product of its axes' step counts). */
export function runCount(axes: VaryAxis[], design: Design): number {
  return design.kind === 'grid' ? axes.reduce((n, a) => n * axisValues(a).length, 1) : design.samples;
}

export function runList(axes: VaryAxis[], design: Design): number[][] {
  return design.kind === 'grid' ? gridRuns(axes) : lhsRuns(axes, design.samples, design.seed);
}
