/** The explorer's pickers: chart kind and the x, y and colour columns of the loaded results file. */
import { PLOT_KINDS } from '../../sim/plot/plotKinds.js';
import type { ResultsTable } from '../../sim/plot/resultsTable.js';

export const DEFAULT_CHOICE = '(default)';

const select = (id: string) => document.getElementById(id) as HTMLSelectElement;

function fill(el: HTMLSelectElement, values: readonly string[], keep: boolean): void {
  const previous = el.value;
  el.replaceChildren(...values.map((v) => new Option(v, v)));
  if (keep && values.includes(previous)) el.value = previous;
}

export function fillKinds(): void {
  fill(select('kind'), PLOT_KINDS, false);
}

export function fillColumns(table: ResultsTable): void {
  const columns = [DEFAULT_CHOICE, ...table.columns.filter((c) => c !== 'run_id')];
  for (const id of ['x', 'y', 'color']) fill(select(id), columns, true);
}

export function currentChoice(): { kind: string; x?: string; y?: string; color?: string } {
  const pick = (id: string) => (select(id).value === DEFAULT_CHOICE || select(id).value === '' ? undefined : select(id).value);
  return { kind: select('kind').value, x: pick('x'), y: pick('y'), color: pick('color') };
}

export function onChange(handler: () => void): void {
  for (const id of ['kind', 'x', 'y', 'color']) select(id).addEventListener('change', handler);
}

/**
 * Puts the kind and axes on a sweep's own columns: its first varied parameter against the IL-6 change. A front
 * picked before the sweep ran stays (it fills as the runs finish).
 */
export function chooseAxes(kind: string, x: string, y: string): void {
  if (select('kind').value !== 'front') select('kind').value = kind;
  select('x').value = x;
  select('y').value = y;
  select('color').value = DEFAULT_CHOICE;
}
