/**
 * The sweep's CSV: one row per run, `run_id` first (the run's index in the deterministic run list), then the
 * varied parameters with their units in the column names, the outcomes, and `error` (empty unless the run failed).
 * Numbers are written with 8 significant digits; an absent value (no completed filter, no hemofilter) is empty.
 */
import { METRIC_COLUMNS, type RunMetrics } from './runMetrics.js';
import type { VaryAxis } from './varySpec.js';

/** A unit as a column-name suffix: mL/kg/h → mL_kg_h, m^2 → m2, 1 → fraction. */
/** A unit as a column-name suffix: mL/kg/h → mL_kg_h, dimensionless → fraction. */
export function unitSuffix(unit: string): string {
  return unit === '1' ? 'fraction' : unit.replace(/\^/g, '').replace(/[/\s*]+/g, '_');
}

export function parameterColumn(axis: Pick<VaryAxis, 'path' | 'unit'>): string {
  return `${axis.path}_${unitSuffix(axis.unit)}`;
}

export function headerLine(axes: VaryAxis[]): string {
  return ['run_id', ...axes.map(parameterColumn), ...METRIC_COLUMNS, 'error'].join(',');
}

export function formatNumber(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  return String(Number(x.toPrecision(8)));
}

function csvField(text: string): string {
  const one = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return /[",]/.test(one) ? `"${one.replace(/"/g, '""')}"` : one;
}

/** The fields every row of this run starts with: its id and its parameter values. */
export function rowPrefix(id: number, values: number[]): string {
  return [String(id), ...values.map(formatNumber)].join(',') + ',';
}

export function resultRow(id: number, values: number[], outcome: { metrics: RunMetrics } | { error: string }): string {
  const rest =
    'metrics' in outcome ? [...METRIC_COLUMNS.map((c) => formatNumber(outcome.metrics[c])), ''] : [...METRIC_COLUMNS.map(() => ''), csvField(outcome.error)];
  return rowPrefix(id, values) + rest.join(',');
}
