/**
 * A chart spec as Observable Plot options: dots (one per run) for the scatter kinds, a curve per colour value for
 * dose against filtration fraction, the identity line for prescribed against delivered dose, and cells (one per
 * pair of parameter values, the mean of the colour column) for the heatmap — or coloured dots when the two
 * columns are not a grid. Colours are quantized (a stepped legend), which draws without a canvas.
 */
import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './plotKinds.js';

/** Distinct values per axis above which a heatmap's columns are taken as sampled (LHS) rather than a grid. */
const MAX_GRID_STEPS = 40;

const distinct = (spec: ChartSpec, c: string) => new Set(spec.rows.map((r) => r[c])).size;

export function isGrid(spec: ChartSpec): boolean {
  return distinct(spec, spec.x) <= MAX_GRID_STEPS && distinct(spec, spec.y) <= MAX_GRID_STEPS;
}

/** Grey for the runs another run dominates. */
export const DOMINATED_FILL = '#c8c8c8';

/** The front: dominated runs as grey dots under the front's runs (coloured by the third objective, if any), joined in x order. */
function frontMarks(spec: ChartSpec): Plot.Markish[] {
  const { x, y, color, rows } = spec;
  const flags = spec.dominated ?? rows.map(() => false);
  const dominated = rows.filter((_, i) => flags[i]);
  const front = rows.filter((_, i) => !flags[i]);
  return [
    Plot.dot(dominated, { x, y, fill: DOMINATED_FILL, r: 3, stroke: 'grey', strokeWidth: 0.5 }),
    ...(color ? [] : [Plot.line(front, { x, y, sort: x, stroke: 'steelblue', strokeDasharray: '4 3' })]),
    Plot.dot(front, { x, y, fill: color ?? 'steelblue', r: 4.5, stroke: 'black', strokeWidth: 0.8 }),
  ];
}

export function chartOptions(spec: ChartSpec, size = { width: 640, height: 400 }): Plot.PlotOptions {
  const { x, y, color, rows } = spec;
  const colorScale: Plot.ScaleOptions | undefined = color ? { type: 'quantize', n: 9, scheme: 'viridis', label: spec.colorLabel } : undefined;
  // inset: a run at the edge of the data (a sweep's first and last step) is drawn whole, inside the frame, not centred on it
  const base = { ...size, marginLeft: 60, grid: true, x: { label: spec.xLabel, inset: 8 }, y: { label: spec.yLabel, inset: 8 }, color: colorScale };
  if (spec.kind === 'heatmap' && isGrid(spec)) {
    return {
      ...base,
      x: { label: spec.xLabel, type: 'band', tickFormat: (v: number) => String(v) },
      y: { label: spec.yLabel, type: 'band', tickFormat: (v: number) => String(v) },
      marks: [Plot.cell(rows, Plot.group({ fill: 'mean' }, { x, y, fill: color!, inset: 0.5 }))],
    };
  }
  if (spec.kind === 'front') return { ...base, marks: frontMarks(spec) };
  const dots = Plot.dot(rows, { x, y, ...(color ? { fill: color } : {}), r: 3.5, stroke: 'black', strokeWidth: 0.5 });
  const marks: Plot.Markish[] = [];
  if (spec.kind === 'dose-vs-delivered') {
    // A loop, not Math.min(...all): spreading 10⁵ values overflows the call stack.
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      for (const v of [r[x]!, r[y]!]) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    marks.push(
      Plot.line(
        [
          [lo, lo],
          [hi, hi],
        ],
        { stroke: 'grey', strokeDasharray: '4 3' },
      ),
    );
  }
  if (spec.kind === 'dose-vs-ff') {
    marks.push(Plot.line(rows, { x, y, z: color, stroke: color ?? 'steelblue', sort: x }));
  }
  marks.push(dots);
  return { ...base, marks };
}
