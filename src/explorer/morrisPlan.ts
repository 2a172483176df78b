/**
 * A Morris screening run from the page, built as `sim sensitivity --method morris` builds it
 * (sim/cli/sensitivityCommand.ts, sim/sensitivity/sensitivity.ts): the bundled scenario's text with its calibration
 * written in, the design of sim/sensitivity/morris.ts (r trajectories on a p-level grid, the seed's draws), each point
 * a sweep run whose parameters take lo + u (hi − lo) (evaluate.ts), and μ*, μ and σ of the chosen outcome from the
 * runs' metrics (morrisIndices), ranked by μ* as the command line ranks them; so the page's report is the command
 * line's for the same scenario, parameters, outcome, r, p, seed and hours.
 */
import { morrisDesign, morrisIndices, type MorrisDesign } from '../../sim/sensitivity/morris';
import type { Outcome } from '../../sim/sensitivity/outcomes';
import type { ParameterIndex, SensitivityReport } from '../../sim/sensitivity/sensitivity';
import type { UncertainParameter } from '../../sim/sensitivity/uncertainParameters';
import type { RunOutcome, RunTask, SweepBase } from '../../sim/sweep/runTask';
import { pointTask } from '../../sim/sensitivity/pointTask';
import type { TaskRunner } from './spreadPageRun';
export { calibratedPageText } from './calibratedText';

export interface PageMorrisPlan {
  /** the calibrated scenario text and its name (calibratedPageText) */
  text: string;
  source: string;
  hours: number;
  parameters: UncertainParameter[];
  outcome: Outcome;
  /** trajectories r and grid levels p (even) */
  samples: number;
  levels: number;
  seed: number;
}

export function morrisRuns(plan: PageMorrisPlan): { base: SweepBase; design: MorrisDesign; tasks: RunTask[] } {
  const design = morrisDesign(plan.parameters.length, plan.samples, plan.levels, plan.seed);
  const tasks = design.points.map((u, id) => pointTask(plan.parameters, u, id));
  return { base: { text: plan.text, source: plan.source, hours: plan.hours }, design, tasks };
}

/** The command line's ordering: μ* descending, then the path. */
const byMuStar = (a: ParameterIndex, b: ParameterIndex) => (b.muStar ?? -Infinity) - (a.muStar ?? -Infinity) || (a.path < b.path ? -1 : 1);

export interface PageMorrisHandle {
  total: number;
  done: Promise<{ how: string; report?: SensitivityReport }>;
  cancel: () => void;
}

/** Runs the design on `runner` and ranks the parameters by the outcome's μ*; a failed run's point is left out (NaN). */
export function runPageMorris(plan: PageMorrisPlan, runner: TaskRunner, onProgress: (done: number, total: number) => void): PageMorrisHandle {
  const t0 = performance.now();
  const { base, design, tasks } = morrisRuns(plan);
  const y = new Array<number>(tasks.length).fill(NaN);
  let failed = 0;
  let firstError: string | undefined;
  const handle = runner(base, tasks, (o: RunOutcome, done) => {
    if ('error' in o) {
      failed++;
      firstError ??= o.error;
    } else y[o.id] = plan.outcome.read(o.metrics, plan.hours);
    onProgress(done, tasks.length);
  });
  const done = handle.done.then((how) => {
    if (how !== 'finished') return { how };
    const m = morrisIndices(design, y);
    const ranked = plan.parameters
      .map((p, i): ParameterIndex => ({ path: p.path, unit: p.unit, range: [p.lo, p.hi], mu: m.mu[i], muStar: m.muStar[i], sigma: m.sigma[i] }))
      .sort(byMuStar);
    const report: SensitivityReport = {
      method: 'morris',
      runs: tasks.length,
      failed,
      firstError,
      seconds: (performance.now() - t0) / 1000,
      samples: plan.samples,
      levels: plan.levels,
      seed: plan.seed,
      hours: plan.hours,
      rankings: [{ outcome: plan.outcome.name, parameters: ranked }],
    };
    return { how, report };
  });
  return { total: tasks.length, done, cancel: handle.cancel };
}
