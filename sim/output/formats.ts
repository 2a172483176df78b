/** Run results as JSON and CSV. Missing values (NaN) become null in JSON and empty cells in CSV. */
import type { RunResult } from '../engine/simulate.js';
import { SERIES, SERIES_NAMES } from '../engine/observe.js';

export function seriesUnits(): Record<string, string> {
  return Object.fromEntries(SERIES_NAMES.map((n) => [n, SERIES[n][0]]));
}

/** JSON text of a document whose missing values are NaN: written as null (JSON has no NaN), 2-space indent. */
export function toJsonText(doc: unknown): string {
  return JSON.stringify(doc, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

export function resultToJson(r: RunResult): string {
  const doc = {
    scenario: r.scenario,
    units: seriesUnits(),
    series: r.series,
    events: r.events,
    summary: r.summary,
    solver: r.solver,
  };
  return toJsonText(doc);
}

function csvCell(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

export function resultToCsv(r: RunResult): string {
  const rows = [SERIES_NAMES.join(',')];
  const n = r.series.time_h.length;
  for (let i = 0; i < n; i++) rows.push(SERIES_NAMES.map((s) => csvCell(r.series[s][i])).join(','));
  return rows.join('\n') + '\n';
}
