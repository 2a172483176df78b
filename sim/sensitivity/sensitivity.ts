/**
 * A sensitivity analysis end to end: the design on the unit hypercube (Morris trajectories or Saltelli matrices),
 * the model runs on the worker pool, and the indices per outcome, each list ranked (most influential first: by μ*
 * for Morris, by the total index for Sobol').
 */
import type { OnProgress } from '../sweep/pool.js';
import type { SweepBase } from '../sweep/runTask.js';
import { evaluatePoints } from './evaluate.js';
import { morrisDesign, morrisIndices } from './morris.js';
import type { Outcome } from './outcomes.js';
import { saltelliDesign, sobolIndices } from './sobol.js';
import type { UncertainParameter } from './uncertainParameters.js';

export type Method = 'morris' | 'sobol';

export interface SensitivityPlan {
  base: SweepBase;
  hours: number;
  method: Method;
  parameters: UncertainParameter[];
  outcomes: Outcome[];
  /** Morris: trajectories r; Sobol': base samples N */
  samples: number;
  /** Morris grid levels p */
  levels: number;
  seed: number;
  workers: number;
  onProgress?: OnProgress;
}

export interface ParameterIndex {
  path: string;
  unit: string;
  range: [number, number];
  /** Morris: μ, μ*, σ (outcome units per full range of the parameter) */
  mu?: number;
  muStar?: number;
  sigma?: number;
  /** Sobol': first-order and total indices (fractions of the variance) */
  first?: number;
  total?: number;
}

export interface OutcomeRanking {
  outcome: string;
  /** ranked, most influential first */
  parameters: ParameterIndex[];
  /** Sobol': base samples left after dropping failed rows */
  used?: number;
}

export interface SensitivityReport {
  method: Method;
  runs: number;
  failed: number;
  firstError?: string;
  seconds: number;
  samples: number;
  levels?: number;
  seed: number;
  hours: number;
  rankings: OutcomeRanking[];
}

const byDescending = (key: (p: ParameterIndex) => number | undefined) => (a: ParameterIndex, b: ParameterIndex) =>
  (key(b) ?? -Infinity) - (key(a) ?? -Infinity) || (a.path < b.path ? -1 : 1);

export async function runSensitivity(plan: SensitivityPlan): Promise<SensitivityReport> {
  const t0 = performance.now();
  const k = plan.parameters.length;
  const described = plan.parameters.map((p) => ({ path: p.path, unit: p.unit, range: [p.lo, p.hi] as [number, number] }));
  const morris = plan.method === 'morris' ? morrisDesign(k, plan.samples, plan.levels, plan.seed) : undefined;
  const saltelli = plan.method === 'sobol' ? saltelliDesign(k, plan.samples, plan.seed) : undefined;
  const points = (morris ?? saltelli)!.points;
  const ev = await evaluatePoints(plan.base, plan.hours, plan.parameters, points, plan.outcomes, plan.workers, plan.onProgress);
  const rankings = plan.outcomes.map((o, j): OutcomeRanking => {
    if (morris) {
      const m = morrisIndices(morris, ev.values[j]);
      const ps = described.map((p, i) => ({ ...p, mu: m.mu[i], muStar: m.muStar[i], sigma: m.sigma[i] }));
      return { outcome: o.name, parameters: ps.sort(byDescending((p) => p.muStar)) };
    }
    const s = sobolIndices(saltelli!, ev.values[j]);
    const ps = described.map((p, i) => ({ ...p, first: s.first[i], total: s.total[i] }));
    return { outcome: o.name, parameters: ps.sort(byDescending((p) => p.total)), used: s.used };
  });
  return {
    method: plan.method,
    runs: points.length,
    failed: ev.failed,
    firstError: ev.firstError,
    seconds: (performance.now() - t0) / 1000,
    samples: plan.samples,
    levels: morris ? plan.levels : undefined,
    seed: plan.seed,
    hours: plan.hours,
    rankings,
  };
}
