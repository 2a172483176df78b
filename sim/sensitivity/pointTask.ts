/**
 * A point of the unit hypercube as a sweep run: each coordinate u_i becomes the value lo_i + u_i (hi_i − lo_i) of its
 * parameter, written with the parameter's unit. Kept apart from evaluate.ts (which holds the command line's worker
 * pool) so the explorer page builds the same runs.
 */
import type { RunTask } from '../sweep/runTask.js';
import { formatQuantity } from '../units.js';
import type { UncertainParameter } from './uncertainParameters.js';

export function parameterValue(p: UncertainParameter, u: number): number {
  return p.lo + u * (p.hi - p.lo);
}

export function pointTask(params: readonly UncertainParameter[], u: readonly number[], id: number): RunTask {
  return { id, overrides: params.map((p, d) => ({ path: p.path, value: formatQuantity(parameterValue(p, u[d]), p.unit) })) };
}
