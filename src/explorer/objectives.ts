/**
 * The front's objectives: two or three columns of the results, each to be maximised or minimised, picked from lists
 * and read as the text the command line's `plot --kind front --objectives` takes ("il6_change_pct:min,..."), so
 * the page and the command line compute the same front (sim/sweep/pareto.ts). Shown only for the front chart.
 */
import type { ResultsTable } from '../../sim/plot/resultsTable.js';
import { MAX_OBJECTIVES, type Direction } from '../../sim/sweep/pareto.js';
import { METRIC_COLUMNS } from '../../sim/sweep/runMetrics.js';

export const NO_OBJECTIVE = '(none)';

/** What a new front weighs by default: IL-6 removed against albumin lost (the issue's first trade-off). */
const DEFAULT_OBJECTIVES = ['il6_change_pct', 'albumin_lost_g', NO_OBJECTIVE];

/** Outcomes where more is better; every other column starts as "min" (an engineer may turn any round). */
const MORE_IS_BETTER = new Set(['membrane_life_h', 'mean_filter_life_h', 'delivered_dose_mL_kg_h', 'il6_removed_in_effluent_ug', 'map_24h_mmHg']);

const select = (id: string) => document.getElementById(id) as HTMLSelectElement;
const ids = Array.from({ length: MAX_OBJECTIVES }, (_, i) => i + 1);

/**
 * The objective lists filled with the results' columns (the choices kept when the columns allow); before any results,
 * with the outcome columns every results file has, so a front can be chosen before a sweep runs.
 */
export function fillObjectives(table?: ResultsTable): void {
  const columns = table ? table.columns.filter((c) => c !== 'run_id') : [...METRIC_COLUMNS];
  for (const n of ids) {
    const el = select(`objective-${n}`);
    const previous = el.value || DEFAULT_OBJECTIVES[n - 1];
    const options = n > 2 ? [NO_OBJECTIVE, ...columns] : columns;
    el.replaceChildren(...options.map((c) => new Option(c, c)));
    el.value = options.includes(previous) ? previous : options[0];
  }
}

/** A column's usual direction, set when the column is picked. */
function suggestDirection(n: number): void {
  select(`objective-${n}-direction`).value = MORE_IS_BETTER.has(select(`objective-${n}`).value) ? 'max' : 'min';
}

/** The objectives as the command line's text; the third only when one is picked. */
export function objectivesChoice(): string {
  return ids
    .filter((n) => select(`objective-${n}`).value !== NO_OBJECTIVE && select(`objective-${n}`).value !== '')
    .map((n) => `${select(`objective-${n}`).value}:${select(`objective-${n}-direction`).value as Direction}`)
    .join(',');
}

/** Shows the objectives only for the front chart (x, y and colour are its objectives there). */
export function showObjectives(kind: string): void {
  const front = kind === 'front';
  document.getElementById('objectives')!.hidden = !front;
  for (const id of ['x', 'y', 'color']) select(id).disabled = front;
}

export function onObjectivesChange(handler: () => void): void {
  for (const n of ids) {
    select(`objective-${n}`).addEventListener('change', () => {
      suggestDirection(n);
      handler();
    });
    select(`objective-${n}-direction`).addEventListener('change', handler);
  }
}
