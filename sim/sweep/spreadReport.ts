/**
 * A patient spread (spread.ts) as text: a table (each outcome a line, each prescription its median and
 * interquartile range side by side), JSON, or CSV (one line per outcome and prescription). Numbers with 4 significant
 * digits in the table, 8 in CSV and JSON; an outcome without a value for any patient is "—" (table) or empty.
 */
import { formatNumber } from './resultsCsv.js';
import { METRIC_COLUMNS } from './runMetrics.js';
import type { Spread, SpreadResult } from './spread.js';

const short = (x: number) => String(Number(x.toPrecision(4)));

function cell(s: Spread | null): string {
  return s ? `${short(s.median)} [${short(s.q1)}, ${short(s.q3)}]` : '—';
}

export function spreadTable(r: SpreadResult): string {
  const head = [`Patient spread: ${r.arm}, ${r.patients} virtual patients, ${r.hours} h; median [Q1, Q3] per prescription`];
  for (const p of r.prescriptions) {
    const set = p.overrides.map((o) => `${o.path} = ${o.value}`).join(', ') || 'the protocol as it is';
    head.push(`  ${p.name}: ${set}${p.failed ? ` (${p.failed} runs failed: ${p.firstError})` : ''}`);
  }
  const rows = METRIC_COLUMNS.map((c) => [c, ...r.prescriptions.map((p) => cell(p.outcomes[c]))]);
  const all = [['outcome', ...r.prescriptions.map((p) => p.name)], ...rows];
  const widths = all[0].map((_, j) => Math.max(...all.map((row) => row[j].length)));
  const line = (row: string[]) =>
    row
      .map((v, j) => v.padEnd(widths[j]))
      .join('  ')
      .trimEnd();
  return [...head, '', line(all[0]), ...rows.map(line)].join('\n') + '\n';
}

export function spreadJson(r: SpreadResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}

export function spreadCsv(r: SpreadResult): string {
  const lines = ['outcome,prescription,n,median,q1,q3,iqr'];
  for (const c of METRIC_COLUMNS) {
    for (const p of r.prescriptions) {
      const s = p.outcomes[c];
      lines.push([c, p.name, s ? String(s.n) : '0', ...(s ? [s.median, s.q1, s.q3, s.iqr].map(formatNumber) : ['', '', '', ''])].join(','));
    }
  }
  return lines.join('\n') + '\n';
}
