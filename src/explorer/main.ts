/**
 * The dose explorer page: runs a sweep from the page (sweepPanel.ts) or opens a sweep's results file (read in the
 * page, never uploaded), and draws the same charts as `npm run sim -- plot` (sim/plot/), with the kind and the x, y
 * and colour columns picked from lists.
 */
import { chartSpec } from '../../sim/plot/plotKinds.js';
import { drawChart } from '../../sim/plot/renderChart.js';
import { parseResultsCsv, type ResultsTable } from '../../sim/plot/resultsTable.js';
import { chooseAxes, currentChoice, fillColumns, fillKinds, onChange } from './controls.js';
import { setUpSweepPanel } from './sweepPanel.js';
import { setUpSpreadPanel } from './spreadPanel.js';
import { setUpAbComparePanel } from './abComparePanel.js';
import { setUpMorrisPanel } from './morrisPanel.js';

const chart = document.getElementById('chart')!;
const message = document.getElementById('explorer-message')!;
let table: ResultsTable | undefined;

function say(text: string, error = false): void {
  message.textContent = text;
  message.classList.toggle('error', error);
}

/** Plot's <style> elements are inline styles, which the page's Content-Security-Policy refuses: drop them. */
function withoutInlineStyles(el: Element): Element {
  el.querySelectorAll('style').forEach((s) => s.remove());
  return el;
}

function draw(): void {
  if (!table) return;
  try {
    const spec = chartSpec(table, currentChoice());
    const { plot, legend } = drawChart(spec, document, { width: Math.max(480, Math.min(1100, chart.clientWidth - 20)), height: 480 });
    chart.replaceChildren(...(legend ? [withoutInlineStyles(legend)] : []), withoutInlineStyles(plot));
    const leftOut = table.rows.length + table.failed - spec.rows.length;
    say(`${spec.title}: ${spec.rows.length} runs drawn${leftOut ? `, ${leftOut} left out (failed, or without a value to plot)` : ''} from ${table.source}.`);
  } catch (e) {
    chart.replaceChildren();
    say((e as Error).message, true);
  }
}

async function open(file: File): Promise<void> {
  try {
    table = parseResultsCsv(await file.text(), file.name);
    fillColumns(table);
    draw();
  } catch (e) {
    table = undefined;
    chart.replaceChildren();
    say((e as Error).message, true);
  }
}

/** A page sweep's results so far: the first results put the chart on the varied parameter against the IL-6 change. */
function showSweepResults(text: string, name: string, firstParameter: string): void {
  const first = table?.source !== name;
  table = parseResultsCsv(text, name);
  fillColumns(table);
  if (first) chooseAxes('removal-vs-life', firstParameter, 'il6_change_pct');
  draw();
}

fillKinds();
onChange(draw);
setUpSweepPanel({ onResults: showSweepResults, say });
setUpSpreadPanel();
setUpAbComparePanel();
setUpMorrisPanel();
const input = document.getElementById('results-file') as HTMLInputElement;
input.addEventListener('change', () => {
  if (input.files?.[0]) void open(input.files[0]);
});
