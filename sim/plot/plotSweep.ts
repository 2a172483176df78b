/** A sweep results file's text to a standalone SVG chart of the chosen kind (the `sim plot` command's work). */
import { chartSpec, type ChartChoice } from './plotKinds.js';
import { drawChart } from './renderChart.js';
import { parseResultsCsv } from './resultsTable.js';
import { lightDocument, stackSvg } from './svgDocument.js';

export interface PlottedSweep {
  svg: string;
  /** runs drawn, and runs left out (failed, or missing a plotted value) */
  drawn: number;
  leftOut: number;
}

export function plotSweep(csvText: string, source: string, choice: ChartChoice): PlottedSweep {
  const table = parseResultsCsv(csvText, source);
  const spec = chartSpec(table, choice);
  const { plot, legend } = drawChart(spec, lightDocument());
  const svg = stackSvg(spec.title, legend ? [legend as Element, plot as Element] : [plot as Element]);
  return { svg, drawn: spec.rows.length, leftOut: table.rows.length + table.failed - spec.rows.length };
}
