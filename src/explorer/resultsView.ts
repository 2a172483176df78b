/**
 * The results table: one row per finished run, kept in run-id order as runs finish in any order, every column of the
 * results file (the row text the file holds, split into cells); a failed run is marked and shows its error. Rows are
 * inserted one at a time, so a long sweep does not redraw the table per run.
 */
import { splitCsvLine } from '../../sim/plot/resultsTable';

export class ResultsView {
  private readonly body: HTMLTableSectionElement;
  private readonly ids: number[] = [];

  constructor(container: HTMLElement, header: string) {
    const table = document.createElement('table');
    table.className = 'results-table';
    const head = table.createTHead().insertRow();
    for (const name of header.split(',')) {
      const th = document.createElement('th');
      th.textContent = name;
      head.appendChild(th);
    }
    this.body = table.createTBody();
    container.replaceChildren(table);
  }

  add(id: number, row: string): void {
    let at = this.ids.length;
    while (at > 0 && this.ids[at - 1] > id) at--;
    this.ids.splice(at, 0, id);
    const tr = this.body.insertRow(at);
    tr.dataset.runId = String(id);
    const cells = splitCsvLine(row);
    if (cells.at(-1)) tr.className = 'failed';
    for (const cell of cells) tr.insertCell().textContent = cell;
  }
}
