/**
 * The patient spread as a table, as `sim spread` prints it (sim/sweep/spreadReport.ts): one row per outcome, each
 * prescription's median [Q1, Q3] side by side (4 significant digits), "—" where no patient has a value, and each
 * prescription's settings and failed runs above it.
 */
import { METRIC_COLUMNS } from '../../sim/sweep/runMetrics';
import type { Spread, SpreadResult } from '../../sim/sweep/spread';
import { short } from './spreadSvg';

const cell = (s: Spread | null) => (s ? `${short(s.median)} [${short(s.q1)}, ${short(s.q3)}]` : '—');

function headCell(row: HTMLTableRowElement, text: string): void {
  const th = document.createElement('th');
  th.textContent = text;
  row.appendChild(th);
}

export function spreadTable(r: SpreadResult): HTMLElement {
  const box = document.createElement('div');
  const about = document.createElement('ul');
  for (const p of r.prescriptions) {
    const li = document.createElement('li');
    const set = p.overrides.map((o) => `${o.path} = ${o.value}`).join(', ');
    li.textContent = `${p.name}: ${set}${p.failed ? ` (${p.failed} runs could not be run: ${p.firstError})` : ''}`;
    about.appendChild(li);
  }
  const table = document.createElement('table');
  table.className = 'results-table spread-table';
  const head = table.createTHead().insertRow();
  headCell(head, 'outcome');
  for (const p of r.prescriptions) headCell(head, `${p.name}: median [Q1, Q3]`);
  const body = table.createTBody();
  for (const c of METRIC_COLUMNS) {
    const tr = body.insertRow();
    tr.dataset.outcome = c;
    tr.insertCell().textContent = c;
    for (const p of r.prescriptions) {
      const td = tr.insertCell();
      td.textContent = cell(p.outcomes[c]);
      const n = p.outcomes[c]?.n ?? 0;
      td.title = `${n} of ${r.patients} patients with a value`;
    }
  }
  box.append(about, table);
  return box;
}
