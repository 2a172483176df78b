/** A sensitivity report as a ranked table (one per outcome), JSON, or CSV (one row per outcome and parameter). */
import { toJsonText } from '../output/formats.js';
import { formatNumber } from '../sweep/resultsCsv.js';
import type { ParameterIndex, SensitivityReport } from './sensitivity.js';

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : Number(x.toPrecision(3)).toString());

function columns(r: SensitivityReport): { head: string; cell: (p: ParameterIndex) => number | undefined }[] {
  return r.method === 'morris'
    ? [
        { head: 'mu_star', cell: (p) => p.muStar },
        { head: 'mu', cell: (p) => p.mu },
        { head: 'sigma', cell: (p) => p.sigma },
      ]
    : [
        { head: 'total_index', cell: (p) => p.total },
        { head: 'first_order_index', cell: (p) => p.first },
      ];
}

export function sensitivityTable(r: SensitivityReport): string {
  const cols = columns(r);
  const design =
    r.method === 'morris'
      ? `Morris elementary effects, ${r.samples} trajectories, ${r.levels} levels`
      : `Sobol' indices (Saltelli sampling, Jansen estimators), N = ${r.samples}`;
  const out = [`${design}, seed ${r.seed}, ${r.hours} h per run: ${r.runs} runs, ${r.failed} failed`];
  if (r.method === 'morris') out.push('μ*, μ, σ: change of the outcome (its unit) as the parameter goes over its whole range');
  for (const rank of r.rankings) {
    const rows = rank.parameters.map((p, i) => [
      String(i + 1),
      p.path,
      `${fmt(p.range[0])}..${fmt(p.range[1])} ${p.unit === '1' ? '' : p.unit}`.trim(),
      ...cols.map((c) => fmt(c.cell(p))),
    ]);
    const head = [
      'rank',
      'parameter',
      'range',
      ...cols.map((c) => (c.head === 'mu_star' ? 'μ*' : c.head === 'mu' ? 'μ' : c.head === 'sigma' ? 'σ' : c.head.replace(/_/g, ' '))),
    ];
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
    const line = (cells: string[]) =>
      cells
        .map((s, c) => (c <= 2 ? s.padEnd(widths[c]) : s.padStart(widths[c])))
        .join('  ')
        .trimEnd();
    out.push('', `${rank.outcome}${rank.used !== undefined ? ` (${rank.used} of ${r.samples} base samples complete)` : ''}`, line(head), ...rows.map(line));
  }
  return out.join('\n') + '\n';
}

export function sensitivityJson(r: SensitivityReport): string {
  return toJsonText(r);
}

export function sensitivityCsv(r: SensitivityReport): string {
  const cols = columns(r);
  const lines = [['outcome', 'rank', 'parameter', 'unit', 'range_low', 'range_high', ...cols.map((c) => c.head)].join(',')];
  for (const rank of r.rankings) {
    rank.parameters.forEach((p, i) =>
      lines.push(
        [
          rank.outcome,
          String(i + 1),
          p.path,
          p.unit,
          formatNumber(p.range[0]),
          formatNumber(p.range[1]),
          ...cols.map((c) => formatNumber(c.cell(p) ?? null)),
        ].join(','),
      ),
    );
  }
  return lines.join('\n') + '\n';
}
