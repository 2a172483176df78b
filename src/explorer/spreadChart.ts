/**
 * The patient spread as a chart: one row per outcome, each on its own scale (outcomes have their own units), and in
 * each row every prescription's interquartile range as a bar from Q1 to Q3 with its median as a dot, one under the
 * other, so a difference between prescriptions can be weighed against the spread between patients at a glance.
 */
import { METRIC_COLUMNS } from '../../sim/sweep/runMetrics';
import type { Spread, SpreadResult } from '../../sim/sweep/spread';
import { legend, scale, SERIES_COLOURS, short, svgEl } from './spreadSvg';

const LABEL_W = 230;
const TRACK_W = 420;
const LANE_H = 9;

export function spreadChart(r: SpreadResult): SVGSVGElement {
  const shown = METRIC_COLUMNS.filter((c) => r.prescriptions.some((p) => p.outcomes[c]));
  const rowH = LANE_H * r.prescriptions.length + 12;
  const top = 34;
  const width = LABEL_W + TRACK_W + 150;
  const height = top + rowH * shown.length + 8;
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'Patient spread: median and interquartile range' });
  svg.append(svgEl('text', { x: 0, y: 14, 'font-size': 13, 'font-weight': 600 }, `Median (dot) and interquartile range (bar) over ${r.patients} patients`));
  svg.append(
    legend(
      r.prescriptions.map((p) => p.name),
      LABEL_W,
      30,
    ),
  );
  shown.forEach((c, j) => {
    const y0 = top + j * rowH;
    const spreads = r.prescriptions.map((p) => p.outcomes[c]);
    const known = spreads.filter((s): s is Spread => s !== null);
    const lo = Math.min(...known.map((s) => s.q1));
    const hi = Math.max(...known.map((s) => s.q3));
    const x = scale(lo, hi, LABEL_W + 8, LABEL_W + TRACK_W - 8);
    const row = svgEl('g', { 'aria-label': c, 'data-outcome': c });
    if (j % 2 === 0) row.append(svgEl('rect', { x: 0, y: y0, width, height: rowH, fill: '#f4f6f8' }));
    row.append(svgEl('text', { x: 4, y: y0 + rowH / 2 + 4, 'font-size': 11 }, c));
    row.append(svgEl('text', { x: LABEL_W + TRACK_W + 4, y: y0 + rowH / 2 + 4, 'font-size': 10, fill: '#5b6570' }, `${short(lo)} … ${short(hi)}`));
    spreads.forEach((s, i) => {
      if (!s) return;
      const y = y0 + 8 + i * LANE_H;
      const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
      row.append(svgEl('line', { class: 'iqr', x1: x(s.q1), x2: x(s.q3), y1: y, y2: y, stroke: colour, 'stroke-width': 4, 'stroke-linecap': 'round' }));
      row.append(svgEl('circle', { class: 'median', cx: x(s.median), cy: y, r: 4, fill: '#fff', stroke: colour, 'stroke-width': 2 }));
    });
    svg.append(row);
  });
  return svg;
}
