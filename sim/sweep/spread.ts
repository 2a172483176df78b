/**
 * Patient spread: one or more prescriptions, each run on the same virtual patients of a cohort arm
 * (cohort/virtualPatients.ts: the arm's seeded draws, its calibration and fixed settings), and each outcome's
 * median and interquartile range per prescription, so a difference between prescriptions can be weighed against
 * the difference between patients. Deterministic: the patients come from the arm's seed, the runs from the engine.
 *
 * Quantiles are the linear interpolation between order statistics (Hyndman & Fan 1996, Am Stat 50:361, definition 7;
 * R's and NumPy's default): q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p on the sorted values, 0-based.
 * Runs that fail and values that do not exist (e.g. no filter changed) are left out of that outcome's quantiles
 * and counted.
 */
import type { LoadedArm } from '../cohort/loadArm.js';
import { armSettings } from '../cohort/armSettings.js';
import { drawPatients } from '../cohort/virtualPatients.js';
import type { Override } from '../scenario/load.js';
import type { OnProgress } from './pool.js';
import { METRIC_COLUMNS, type MetricName, type RunMetrics } from './runMetrics.js';
import type { RunTask, SweepBase } from './runTask.js';

export interface Prescription {
  /** how the prescription is named in the output (its file's name) */
  name: string;
  /** the settings it changes, as scenario paths and values with units */
  overrides: Override[];
}

export interface Spread {
  median: number;
  q1: number;
  q3: number;
  /** q3 − q1 */
  iqr: number;
  /** patients with a value */
  n: number;
}

export interface SpreadResult {
  arm: string;
  patients: number;
  hours: number;
  prescriptions: {
    name: string;
    overrides: Override[];
    failed: number;
    /** the message of the first failed run */
    firstError?: string;
    outcomes: Record<MetricName, Spread | null>;
  }[];
}

/** The p-quantile of sorted values (Hyndman & Fan definition 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median and quartiles of the finite values, or null when there are none. */
export function spreadOf(values: readonly (number | null)[]): Spread | null {
  const x = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (x.length === 0) return null;
  const q1 = quantileSorted(x, 0.25);
  const q3 = quantileSorted(x, 0.75);
  return { median: quantileSorted(x, 0.5), q1, q3, iqr: q3 - q1, n: x.length };
}

export interface SpreadPlan {
  loaded: LoadedArm;
  prescriptions: Prescription[];
  /** the arm's first N virtual patients' worth of draws (default: the arm's n) */
  patients?: number;
  hours: number;
  workers: number;
  onProgress?: OnProgress;
}

/**
 * The runs: every prescription on every patient, run id = prescription index × patients + patient index; each a
 * RunTask of the sweep's (runTask.ts), so any runner of sweep runs (the command line's pool, the page's workers) runs them.
 */
export function spreadTasks(plan: SpreadPlan): { base: SweepBase; tasks: RunTask[]; n: number } {
  const { loaded } = plan;
  const arm = plan.patients === undefined ? loaded.arm : { ...loaded.arm, n: plan.patients };
  const patients = drawPatients(arm, loaded.file, loaded.calibratedMeans);
  const common: Override[] = [
    ...armSettings(loaded.calibration, arm),
    { path: 'duration', value: `${plan.hours} h` },
    { path: 'outputInterval', value: '1 h' }, // as the cohort's replay (cohort/replay.ts)
  ];
  const tasks: RunTask[] = [];
  plan.prescriptions.forEach((rx, i) =>
    patients.forEach((p, k) => tasks.push({ id: i * patients.length + k, overrides: [...common, ...p.overrides, ...rx.overrides], factors: p.factors })),
  );
  const base: SweepBase = { text: JSON.stringify(loaded.protocol), source: loaded.protocolFile, hours: plan.hours, membraneLife: true };
  return { base, tasks, n: patients.length };
}

/** Each prescription's spread from the runs' outcomes, indexed by run id (spreadTasks' order); null where a run failed. */
export function summarizeSpread(
  plan: Pick<SpreadPlan, 'loaded' | 'prescriptions' | 'hours'>,
  n: number,
  metrics: readonly (RunMetrics | null)[],
  errors: readonly (string | undefined)[],
): SpreadResult {
  return {
    arm: plan.loaded.arm.name,
    patients: n,
    hours: plan.hours,
    prescriptions: plan.prescriptions.map((rx, i) => {
      const mine = metrics.slice(i * n, (i + 1) * n);
      const errs = errors.slice(i * n, (i + 1) * n).filter((e) => e !== undefined);
      const outcomes = Object.fromEntries(METRIC_COLUMNS.map((c) => [c, spreadOf(mine.map((m) => (m ? m[c] : null)))])) as Record<MetricName, Spread | null>;
      return { name: rx.name, overrides: rx.overrides, failed: errs.length, firstError: errs[0], outcomes };
    }),
  };
}
