/**
 * A Pareto front written out: the runs on the front (none dominates them), best first in the first objective, with
 * every column of the results file, as CSV (the results' own columns, numbers with 8 significant digits) or JSON
 * (the objectives, counts and the runs). Pure text out, so the page can offer the same download.
 */
import { formatNumber } from './resultsCsv.js';
import { objectivesText, type ParetoFront } from './pareto.js';

type Row = Record<string, number | null>;

/** The front's runs (not dominated), ordered best first in the first objective. */
export function frontRuns<R extends Row>(front: ParetoFront<R>): R[] {
  const [first] = front.objectives;
  const sign = first.direction === 'max' ? -1 : 1;
  return front.runs
    .filter((r) => !r.dominated)
    .map((r) => r.row)
    .sort((a, b) => sign * ((a[first.column] as number) - (b[first.column] as number)));
}

export function frontCsv<R extends Row>(front: ParetoFront<R>, columns: readonly string[]): string {
  const lines = [`# front ${JSON.stringify({ objectives: objectivesText(front.objectives) })}`, columns.join(',')];
  for (const row of frontRuns(front)) lines.push(columns.map((c) => formatNumber(row[c] ?? null)).join(','));
  return lines.join('\n') + '\n';
}

export function frontJson<R extends Row>(front: ParetoFront<R>): string {
  const runs = frontRuns(front);
  return (
    JSON.stringify(
      {
        objectives: front.objectives,
        runs_considered: front.runs.length,
        on_front: runs.length,
        dominated: front.runs.length - runs.length,
        left_out: front.leftOut,
        front: runs,
      },
      null,
      2,
    ) + '\n'
  );
}
