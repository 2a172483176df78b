/**
 * "Patient spread" on the page: reads its form (spreadForm.ts), runs every prescription on the same virtual patients
 * of the chosen arm on the page's Web Workers (spreadPageRun.ts, spreadPool.ts) with progress and Cancel, then shows
 * each outcome's median and interquartile range per prescription as a chart and a table; "Download CSV" saves
 * `sim spread --format csv`'s text for the same inputs.
 */
import { spreadCsv } from '../../sim/sweep/spreadReport';
import type { SpreadResult } from '../../sim/sweep/spread';
import { spreadChart } from './spreadChart';
import { fillSpreadForm, readSpreadForm, type SpreadSettings } from './spreadForm';
import { runPageSpread, type PageSpreadHandle } from './spreadPageRun';
import { runTasksInPage } from './spreadPool';
import { spreadTable } from './spreadTable';

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let running: PageSpreadHandle | undefined;
let last: SpreadResult | undefined;

function say(text: string, error = false): void {
  const m = el('spread-message');
  m.textContent = text;
  m.classList.toggle('error', error);
}

function setRunning(on: boolean): void {
  el<HTMLButtonElement>('spread-run').disabled = on;
  el<HTMLButtonElement>('spread-cancel').disabled = !on;
  el<HTMLButtonElement>('spread-download').disabled = on || !last;
}

function download(): void {
  if (!last) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([spreadCsv(last)], { type: 'text/csv' }));
  a.download = `spread-${last.arm.replace(/\W+/g, '-').toLowerCase()}-${last.patients}-patients.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function show(r: SpreadResult): void {
  el('spread-chart').replaceChildren(spreadChart(r));
  el('spread-table').replaceChildren(spreadTable(r));
  const failed = r.prescriptions.reduce((n, p) => n + p.failed, 0);
  const failedText = failed ? `; ${failed} runs could not be run and are left out (the table says why)` : '';
  say(`Patient spread: ${r.arm}, ${r.patients} virtual patients, ${r.hours} h each, ${r.prescriptions.map((p) => p.name).join(' and ')}${failedText}.`);
}

async function start(): Promise<void> {
  let s: SpreadSettings;
  try {
    s = readSpreadForm();
  } catch (e) {
    say((e as Error).message, true);
    return;
  }
  last = undefined;
  el('spread-chart').replaceChildren();
  el('spread-table').replaceChildren();
  const progress = el<HTMLProgressElement>('spread-progress');
  const onProgress = (done: number, total: number) => {
    progress.max = total;
    progress.value = done;
    el('spread-status').textContent = `${done} of ${total} runs done`;
  };
  running = runPageSpread({ loaded: s.loaded, prescriptions: s.prescriptions, patients: s.patients, hours: s.hours }, runTasksInPage, onProgress);
  onProgress(0, running.total);
  say(`Running ${s.prescriptions.length} × ${s.patients} patients of ${s.hours} h…`);
  setRunning(true);
  const { how, result } = await running.done;
  running = undefined;
  if (result) {
    last = result;
    show(result);
  } else if (how === 'cancelled') say('Patient spread cancelled: nothing to show until every run has finished.');
  else say(`The patient spread stopped: ${how}`, true);
  setRunning(false);
}

export function setUpSpreadPanel(): void {
  fillSpreadForm();
  el('spread-run').addEventListener('click', () => void start());
  el('spread-cancel').addEventListener('click', () => running?.cancel());
  el('spread-download').addEventListener('click', download);
  setRunning(false);
}
