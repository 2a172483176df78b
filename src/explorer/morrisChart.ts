/**
 * A Morris screening as Morris's own chart: each parameter a point at (μ*, σ) (Morris 1991; μ* of Campolongo 2007),
 * both in the outcome's unit per full range of the parameter. Far right: influential; high: non-linear or
 * interacting; near the origin: negligible. A parameter whose σ could not be estimated (too few effects) sits on
 * the x axis, drawn hollow.
 */
import type { OutcomeRanking } from '../../sim/sensitivity/sensitivity';
import { scale, SERIES_COLOURS, short, svgEl } from './spreadSvg';

const W = 640;
const H = 380;
const PAD = { left: 56, right: 20, top: 30, bottom: 40 };

/** The last two segments of a path: enough to tell parameters apart on the chart. */
const label = (path: string) => path.split('.').slice(-2).join('.');

export function morrisChart(r: OutcomeRanking): SVGSVGElement {
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Morris μ* and σ of ${r.outcome}` });
  const ps = r.parameters.filter((p) => Number.isFinite(p.muStar));
  const xMax = Math.max(0, ...ps.map((p) => p.muStar!));
  const yMax = Math.max(0, ...ps.map((p) => (Number.isFinite(p.sigma) ? p.sigma! : 0)));
  const x = scale(0, xMax || 1, PAD.left, W - PAD.right - 80);
  const y = scale(0, yMax || 1, H - PAD.bottom, PAD.top);
  svg.append(svgEl('text', { x: PAD.left, y: 16, 'font-size': 13, 'font-weight': 600 }, `Morris screening of ${r.outcome}: σ against μ*`));
  svg.append(svgEl('line', { x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom, stroke: '#5b6570' }));
  svg.append(svgEl('line', { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: H - PAD.bottom, stroke: '#5b6570' }));
  svg.append(
    svgEl('text', { x: (W + PAD.left) / 2, y: H - 8, 'font-size': 11, 'text-anchor': 'middle' }, `μ* (mean |elementary effect|, ${r.outcome} per full range)`),
  );
  svg.append(
    svgEl(
      'text',
      { x: 12, y: (H - PAD.bottom + PAD.top) / 2, 'font-size': 11, transform: `rotate(-90 12 ${(H - PAD.bottom + PAD.top) / 2})`, 'text-anchor': 'middle' },
      'σ',
    ),
  );
  svg.append(svgEl('text', { x: W - PAD.right - 80, y: H - PAD.bottom + 14, 'font-size': 10, 'text-anchor': 'middle' }, short(xMax)));
  svg.append(svgEl('text', { x: PAD.left - 4, y: PAD.top + 4, 'font-size': 10, 'text-anchor': 'end' }, short(yMax)));
  svg.append(svgEl('text', { x: PAD.left - 4, y: H - PAD.bottom, 'font-size': 10, 'text-anchor': 'end' }, '0'));
  for (const p of ps) {
    const known = Number.isFinite(p.sigma);
    const cx = x(p.muStar!);
    const cy = y(known ? p.sigma! : 0);
    const g = svgEl('g', { class: 'morris-point', 'data-parameter': p.path });
    g.append(svgEl('circle', { cx, cy, r: 5, fill: known ? SERIES_COLOURS[0] : '#fff', stroke: SERIES_COLOURS[0], 'stroke-width': 2 }));
    g.append(svgEl('text', { x: cx + 7, y: cy - 6, 'font-size': 10 }, label(p.path)));
    g.append(svgEl('title', {}, `${p.path}: μ* ${short(p.muStar!)}, μ ${short(p.mu!)}, σ ${known ? short(p.sigma!) : '—'}`));
    svg.append(g);
  }
  return svg;
}
