/** A sweep results file's text to a standalone SVG chart of the chosen kind (the `sim plot` command's work). */
import { chartSpec, type ChartChoice } from './plotKinds.js';
import { drawChart } from './renderChart.js';
import { parseResultsCsv } from './resultsTable.js';
import { lightDocument, stackSvg } from './svgDocument.js';
import { frontCsv, frontJson } from '../sweep/frontOutput.js';

export interface PlottedSweep {
  svg: string;
  /** runs drawn, and runs left out (failed, or missing a plotted value) */
  drawn: number;
  leftOut: number;
  /** kind front: the runs on the front, as CSV and JSON, and how many */
  front?: { csv: string; json: string; onFront: number };
}

export function plotSweep(csvText: string, source: string, choice: ChartChoice): PlottedSweep {
  const table = parseResultsCsv(csvText, source);
  const spec = chartSpec(table, choice);
  const { plot, legend } = drawChart(spec, lightDocument());
  const svg = stackSvg(spec.title, legend ? [legend as Element, plot as Element] : [plot as Element]);
  const drawn = spec.rows.length;
  const result: PlottedSweep = { svg, drawn, leftOut: table.rows.length + table.failed - drawn };
  if (spec.objectives && spec.dominated) {
    const front = { objectives: spec.objectives, runs: spec.rows.map((row, i) => ({ row, dominated: spec.dominated![i] })), leftOut: result.leftOut };
    result.front = { csv: frontCsv(front, table.columns), json: frontJson(front), onFront: spec.dominated.filter((d) => !d).length };
  }
  return result;
}
