/**
 * Both arms of an A/B comparison as one CSV: a row per prescription and output time, the trends in their units
 * (column names as the series' names, docs/outputs.md), numbers with 8 significant digits, empty where a value does
 * not exist (no filter running: no TMP).
 */
import { formatNumber } from '../../sim/sweep/resultsCsv';
import { AB_SERIES, type AbTrace } from './abCompareRun';

const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function abCsv(arms: readonly { name: string; trace: AbTrace }[]): string {
  const lines = [['prescription', 'time_h', ...AB_SERIES.map((s) => s.key)].join(',')];
  for (const { name, trace } of arms) {
    trace.time_h.forEach((t, i) => lines.push([field(name), formatNumber(t), ...AB_SERIES.map((s) => formatNumber(trace.values[s.key][i]))].join(',')));
  }
  return lines.join('\n') + '\n';
}
