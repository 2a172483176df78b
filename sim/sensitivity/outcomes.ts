/**
 * The outcomes a sensitivity analysis ranks parameters by, read from each run's sweep metrics:
 *   il6_removal_pct  IL-6 removed at 24 h (or at the end of a shorter run), % of baseline (= −il6_change_pct)
 *   filter_life_h    mean life of the filters changed during the run; a run in which no filter was changed
 *                    counts its length (the filter lasted at least that long: a censored value)
 * and any sweep metric column by its name (docs/dose-explorer.md).
 */
import { ScenarioError } from '../scenario/errors.js';
import { METRIC_COLUMNS, type MetricName, type RunMetrics } from '../sweep/runMetrics.js';

/**
 * The sweep columns a sensitivity analysis can rank by: all but the membrane's life, which its runs do not measure
 * (a second run per point: sweep/membraneLife.ts).
 */
const RANKABLE = METRIC_COLUMNS.filter((c) => c !== 'membrane_life_h' && c !== 'membrane_life_censored');

export const NAMED_OUTCOMES = ['il6_removal_pct', 'filter_life_h'] as const;
export const DEFAULT_OUTCOMES = 'il6_removal_pct,filter_life_h';

export type OutcomeReader = (m: RunMetrics, hours: number) => number;

function reader(name: string): OutcomeReader | undefined {
  if (name === 'il6_removal_pct') return (m) => -(m.il6_change_pct ?? NaN);
  if (name === 'filter_life_h') return (m, hours) => m.mean_filter_life_h ?? hours;
  if ((RANKABLE as readonly string[]).includes(name)) return (m) => m[name as MetricName] ?? NaN;
  return undefined;
}

export interface Outcome {
  name: string;
  read: OutcomeReader;
}

export function parseOutcomes(list: string): Outcome[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0)
    throw new ScenarioError('--outcome', [
      { path: '--outcome', message: `no outcome named; expected names separated by commas from ${[...NAMED_OUTCOMES, ...RANKABLE].join(', ')}` },
    ]);
  return names.map((name) => {
    const read = reader(name);
    if (!read)
      throw new ScenarioError('--outcome', [
        { path: '--outcome', message: `got ${JSON.stringify(name)}; expected one of ${[...NAMED_OUTCOMES, ...RANKABLE].join(', ')}` },
      ]);
    return { name, read };
  });
}
