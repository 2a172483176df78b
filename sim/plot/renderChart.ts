/**
 * Draws a chart with Observable Plot into the given document: the plot's SVG, and its colour legend when it has
 * one. In the browser the document is the page's; in Node a light DOM (svgDocument.ts).
 */
import * as Plot from '@observablehq/plot';
import { chartOptions } from './chartMarks.js';
import type { ChartSpec } from './plotKinds.js';

export interface DrawnChart {
  plot: SVGSVGElement | HTMLElement;
  legend?: SVGSVGElement | HTMLElement;
}

export function drawChart(spec: ChartSpec, doc: Document, size?: { width: number; height: number }): DrawnChart {
  const plot = Plot.plot({ ...chartOptions(spec, size), document: doc });
  const legend = spec.color ? (plot.legend('color', { width: 320 }) as SVGSVGElement | undefined) : undefined;
  return { plot, legend };
}
