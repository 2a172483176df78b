/**
 * The sensitivity bar chart: one panel per outcome, a horizontal bar per parameter in rank order — μ* for Morris
 * (outcome units per full range), the total index for Sobol' with the first-order index drawn inside it.
 */
import * as Plot from '@observablehq/plot';
import { lightDocument, stackSvg } from '../plot/svgDocument.js';
import type { SensitivityReport } from './sensitivity.js';

export function sensitivityBarChart(r: SensitivityReport): string {
  const doc = lightDocument();
  const panels = r.rankings.map((rank) => {
    const data = rank.parameters
      .map((p) => ({ path: p.path, value: (r.method === 'morris' ? p.muStar : p.total) ?? NaN, first: p.first ?? NaN }))
      .filter((d) => Number.isFinite(d.value));
    const label =
      r.method === 'morris'
        ? `${rank.outcome}: μ* (change over the parameter's range) →`
        : `${rank.outcome}: total (light) and first-order (dark) Sobol' index →`;
    const marks: Plot.Markish[] = [Plot.barX(data, { x: 'value', y: 'path', fill: r.method === 'morris' ? 'steelblue' : '#9ecae1' }), Plot.ruleX([0])];
    if (r.method === 'sobol')
      marks.push(Plot.barX(data, { x: (d: { first: number }) => Math.max(0, d.first), y: 'path', fill: '#08519c', insetTop: 4, insetBottom: 4 }));
    return Plot.plot({
      document: doc,
      width: 720,
      height: 40 + 18 * data.length,
      marginLeft: 280,
      x: { label, grid: true },
      y: { label: null, domain: data.map((d) => d.path) },
      marks,
    }) as unknown as Element;
  });
  const title = r.method === 'morris' ? `Morris screening: ${r.samples} trajectories, ${r.runs} runs` : `Sobol' indices: N = ${r.samples}, ${r.runs} runs`;
  return stackSvg(title, panels);
}
