/**
 * The results table: one row per finished run, in run-id order, every column of the results file (the row text the
 * file holds, split into cells); a failed run shows its error.
 */
import { splitCsvLine } from '../../sim/plot/resultsTable';

export function drawResultsTable(container: HTMLElement, header: string, rows: ReadonlyMap<number, string>): void {
  const table = document.createElement('table');
  table.className = 'results-table';
  const head = table.createTHead().insertRow();
  for (const name of header.split(',')) {
    const th = document.createElement('th');
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const id of [...rows.keys()].sort((a, b) => a - b)) {
    const tr = body.insertRow();
    const cells = splitCsvLine(rows.get(id)!);
    if (cells.at(-1)) tr.className = 'failed';
    for (const cell of cells) tr.insertCell().textContent = cell;
  }
  container.replaceChildren(table);
}
