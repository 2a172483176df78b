/** A patient spread (spread.ts) run on the sweep's worker pool: the command line's runner. */
import { runTasks } from './pool.js';
import type { RunMetrics } from './runMetrics.js';
import { spreadTasks, summarizeSpread, type SpreadPlan, type SpreadResult } from './spread.js';

export async function runSpread(plan: SpreadPlan): Promise<SpreadResult> {
  const { base, tasks, n } = spreadTasks(plan);
  const metrics: (RunMetrics | null)[] = tasks.map(() => null);
  const errors: (string | undefined)[] = tasks.map(() => undefined);
  await runTasks(base, plan.workers, tasks.length, tasks, (o) => ('error' in o ? (errors[o.id] = o.error) : (metrics[o.id] = o.metrics)), plan.onProgress);
  return summarizeSpread(plan, n, metrics, errors);
}
