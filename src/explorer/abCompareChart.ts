/**
 * An A/B comparison's trends: one small chart per series (IL-6, TMP, albumin, MAP), the prescriptions' traces on the
 * same axes (A solid, B dashed, each its colour), shared hours on x, a legend naming A and B, two charts by two. A value that does not
 * exist (TMP while no filter runs) breaks its trace.
 */
import { AB_SERIES, type AbSeriesKey, type AbTrace } from './abCompareRun';
import { legend, scale, SERIES_COLOURS, short, svgEl } from './spreadSvg';

const W = 330;
const H = 180;
const PAD = { left: 48, right: 10, top: 26, bottom: 28 };

/** The SVG path of a trace, a new segment after every missing value. */
function pathOf(t: Float64Array, y: Float64Array, x: (v: number) => number, yScale: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < t.length; i++) {
    if (!Number.isFinite(y[i])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(t[i]).toFixed(1)},${yScale(y[i]).toFixed(1)}`;
    pen = true;
  }
  return d;
}

function finiteRange(arrays: Float64Array[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) for (const v of a) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return lo <= hi ? [lo, hi] : [0, 1];
}

function panel(key: AbSeriesKey, arms: readonly { name: string; trace: AbTrace }[]): SVGSVGElement {
  const spec = AB_SERIES.find((s) => s.key === key)!;
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': spec.label, 'data-series': key });
  const [t0, t1] = finiteRange(arms.map((a) => a.trace.time_h));
  const [lo, hi] = finiteRange(arms.map((a) => a.trace.values[key]));
  const x = scale(t0, t1, PAD.left, W - PAD.right);
  const y = scale(lo, hi, H - PAD.bottom, PAD.top);
  svg.append(svgEl('text', { x: PAD.left, y: 14, 'font-size': 12, 'font-weight': 600 }, `${spec.label} (${spec.unit})`));
  svg.append(svgEl('rect', { x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom, fill: 'none', stroke: '#cdd3da' }));
  for (const [v, at] of [
    [lo, H - PAD.bottom],
    [hi, PAD.top + 8],
  ])
    svg.append(svgEl('text', { x: PAD.left - 4, y: at, 'font-size': 10, 'text-anchor': 'end' }, short(v)));
  svg.append(svgEl('text', { x: PAD.left, y: H - 10, 'font-size': 10 }, `${short(t0)} h`));
  svg.append(svgEl('text', { x: W - PAD.right, y: H - 10, 'font-size': 10, 'text-anchor': 'end' }, `${short(t1)} h`));
  arms.forEach((a, i) => {
    const d = pathOf(a.trace.time_h, a.trace.values[key], x, y);
    const dash: Record<string, string> = i % 2 ? { 'stroke-dasharray': '5 3' } : {};
    if (d)
      svg.append(
        svgEl('path', { class: 'trace', 'data-arm': a.name, d, fill: 'none', stroke: SERIES_COLOURS[i % SERIES_COLOURS.length], 'stroke-width': 2, ...dash }),
      );
  });
  return svg;
}

/** The four trend charts, two by two in one SVG, under a legend. */
export function abCharts(arms: readonly { name: string; trace: AbTrace }[]): SVGSVGElement {
  const KEY_H = 22;
  const all = svgEl('svg', { viewBox: `0 0 ${W * 2} ${KEY_H + H * 2}`, width: W * 2, height: KEY_H + H * 2, 'aria-label': 'A/B trends' });
  all.append(
    legend(
      arms.map((a) => a.name),
      4,
      16,
      true,
    ),
  );
  AB_SERIES.forEach((s, i) => {
    const one = panel(s.key, arms);
    one.setAttribute('x', String((i % 2) * W));
    one.setAttribute('y', String(KEY_H + Math.floor(i / 2) * H));
    all.append(one);
  });
  return all;
}
