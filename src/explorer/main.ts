/**
 * The dose explorer page: runs a sweep from the page (sweepPanel.ts) or opens a sweep's results file (read in the
 * page, never uploaded), and draws the same charts as `npm run sim -- plot` (sim/plot/), with the kind and the x, y
 * and colour columns picked from lists.
 */
import { chartSpec, type ChartSpec } from '../../sim/plot/plotKinds.js';
import { drawChart } from '../../sim/plot/renderChart.js';
import { parseResultsCsv, type ResultsTable } from '../../sim/plot/resultsTable.js';
import { chooseAxes, currentChoice, fillColumns, fillKinds, onChange } from './controls.js';
import { fillObjectives, objectivesChoice, onObjectivesChange, showObjectives } from './objectives.js';
import { runOrigin, type RunOrigin } from './runLink.js';
import { RunPoints } from './runPoints.js';
import { setUpSweepPanel } from './sweepPanel.js';
import { setUpSpreadPanel } from './spreadPanel.js';
import { setUpAbComparePanel } from './abComparePanel.js';
import { setUpMorrisPanel } from './morrisPanel.js';

const chart = document.getElementById('chart')!;
const message = document.getElementById('explorer-message')!;
let table: ResultsTable | undefined;
/** where the table's runs open in the live view (its scenario), from the results file's identity line */
let origin: RunOrigin = { why: 'no results yet' };
const points = new RunPoints();

function say(text: string, error = false): void {
  message.textContent = text;
  message.classList.toggle('error', error);
}

/** Plot's <style> elements are inline styles, which the page's Content-Security-Policy refuses: drop them. */
function withoutInlineStyles(el: Element): Element {
  el.querySelectorAll('style').forEach((s) => s.remove());
  return el;
}

/** What the chart shows, said in a line: the runs drawn and left out, and for a front how many are on it. */
function summary(spec: ChartSpec, t: ResultsTable): string {
  const leftOut = t.rows.length + t.failed - spec.rows.length;
  const onFront = spec.dominated ? `; ${spec.dominated.filter((d) => !d).length} on the front, ${spec.dominated.filter((d) => d).length} dominated (grey)` : '';
  const left = leftOut ? `, ${leftOut} left out (failed, or without a value to plot)` : '';
  const reach =
    'why' in origin
      ? ` Runs cannot be opened in the live view: ${origin.why}.`
      : ' Point at a run (or Tab to it) for its settings; click it to open it in the live view.';
  return `${spec.title}: ${spec.rows.length} runs drawn${onFront}${left} from ${t.source}.${reach}`;
}

function draw(): void {
  showObjectives(currentChoice().kind);
  if (!table) return;
  try {
    const spec = chartSpec(table, { ...currentChoice(), objectives: objectivesChoice() });
    const { plot, legend } = drawChart(spec, document, { width: Math.max(480, Math.min(1100, chart.clientWidth - 20)), height: 480 });
    chart.replaceChildren(...(legend ? [withoutInlineStyles(legend)] : []), withoutInlineStyles(plot));
    points.attach(plot, spec, table, origin);
    say(summary(spec, table));
  } catch (e) {
    chart.replaceChildren();
    points.hide();
    say((e as Error).message, true);
  }
}

/** A results file's text read as the chart's table, with its columns in the pickers. */
function read(text: string, name: string): void {
  table = parseResultsCsv(text, name);
  origin = runOrigin(text);
  fillColumns(table);
  fillObjectives(table);
}

async function open(file: File): Promise<void> {
  try {
    read(await file.text(), file.name);
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
  read(text, name);
  if (first) chooseAxes('removal-vs-life', firstParameter, 'il6_change_pct');
  draw();
}

fillKinds();
onChange(draw);
fillObjectives();
onObjectivesChange(draw);
showObjectives(currentChoice().kind);
setUpSweepPanel({ onResults: showSweepResults, say });
setUpSpreadPanel();
setUpAbComparePanel();
setUpMorrisPanel();
const input = document.getElementById('results-file') as HTMLInputElement;
input.addEventListener('change', () => {
  if (input.files?.[0]) void open(input.files[0]);
});
