/**
 * "Run a sweep" on the page: reads the setup form, runs the grid on Web Workers (sweepPool.ts) with progress and
 * cancel, fills the results table and hands the results, as the command line's results file text, to the chart as
 * runs finish; "Download CSV" saves that text.
 */
import { resultsText } from '../../sim/sweep/identityParts';
import { fillSweepForm, readSweepForm } from './sweepForm';
import { pageSweep, type PageSweep } from './sweepSetup';
import { runPageSweep, type SweepHandle } from './sweepPool';
import { ResultsView } from './resultsView';

/** The chart is redrawn at most this often while runs finish (a Plot chart of many runs takes a while to draw). */
const REDRAW_MS = 300;

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface SweepPanelHooks {
  /** the results so far (a results file's text) and the sweep's first varied column */
  onResults: (text: string, name: string, firstParameter: string) => void;
  say: (text: string, error?: boolean) => void;
}

let current: { sweep: PageSweep; rows: Map<number, string>; handle?: SweepHandle } | undefined;

function fileText(): string {
  return current ? resultsText(current.sweep.identity, current.sweep.header, current.rows) : '';
}

function download(): void {
  if (!current) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([fileText()], { type: 'text/csv' }));
  a.download = `sweep-${current.sweep.identity.scenario.file.replace(/\.json$/, '')}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function setRunning(running: boolean): void {
  el<HTMLButtonElement>('sweep-run').disabled = running;
  el<HTMLButtonElement>('sweep-cancel').disabled = !running;
  el<HTMLButtonElement>('sweep-download').disabled = running || !current?.rows.size;
}

async function start(hooks: SweepPanelHooks): Promise<void> {
  let sweep: PageSweep;
  try {
    const s = readSweepForm();
    sweep = await pageSweep(s.scenario, s.axes, s.design, s.hours);
  } catch (e) {
    hooks.say((e as Error).message, true);
    return;
  }
  const rows = new Map<number, string>();
  current = { sweep, rows };
  const total = sweep.runs.length;
  const progress = el<HTMLProgressElement>('sweep-progress');
  progress.max = total;
  progress.value = 0;
  let failed = 0;
  const name = `${sweep.identity.scenario.file} sweep (${total} runs, ${sweep.identity.hours} h each)`;
  const first = sweep.header.split(',')[1];
  hooks.say(`Running ${total} runs of ${sweep.identity.hours} h…`);
  setRunning(true);
  el('sweep-status').textContent = `0 of ${total} runs done`;
  const view = new ResultsView(el('results'), sweep.header);
  let redraw: ReturnType<typeof setTimeout> | undefined;
  const drawNow = () => {
    clearTimeout(redraw);
    redraw = undefined;
    if (rows.size) hooks.onResults(fileText(), name, first);
  };
  current.handle = runPageSweep(sweep, (id, row, bad) => {
    rows.set(id, row);
    view.add(id, row);
    if (bad) failed++;
    progress.value = rows.size;
    el('sweep-status').textContent = `${rows.size} of ${total} runs done${failed ? `, ${failed} failed (see their error)` : ''}`;
    redraw ??= setTimeout(drawNow, REDRAW_MS);
  });
  const how = await current.handle.done;
  drawNow();
  setRunning(false);
  const failedText = failed ? `; ${failed} could not be run (their error column says why)` : '';
  if (how === 'finished') hooks.say(`Sweep finished: ${total} runs${failedText}. "Download CSV" saves the results file.`);
  else if (how === 'cancelled') hooks.say(`Sweep cancelled after ${rows.size} of ${total} runs${failedText}.`);
  else hooks.say(`The sweep stopped after ${rows.size} of ${total} runs: ${how}`, true);
}

export function setUpSweepPanel(hooks: SweepPanelHooks): void {
  fillSweepForm();
  el('sweep-run').addEventListener('click', () => void start(hooks));
  el('sweep-cancel').addEventListener('click', () => current?.handle?.cancel());
  el('sweep-download').addEventListener('click', download);
  setRunning(false);
}
