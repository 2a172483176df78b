/**
 * "A/B over time" on the page: two prescriptions (a part of a scenario as JSON each, named) on a bundled scenario, run
 * side by side in two Web Workers (abCompare.worker.ts) for the chosen hours, their trends drawn on shared charts
 * (abCompareChart.ts) and downloadable as one CSV (abCompareCsv.ts). Cancel stops both runs.
 */
import { parseJsonText } from '../../sim/scenario/jsonText';
import type { Prescription } from '../../sim/sweep/spread';
import { BUNDLED_SCENARIOS } from '../scenarios';
import type { AbReply } from './abCompare.worker';
import { abCharts } from './abCompareChart';
import { abCsv } from './abCompareCsv';
import type { AbTrace } from './abCompareRun';
import { readPagePrescription } from './spreadPrescription';

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let workers: Worker[] = [];
let cancelRun: (() => void) | undefined;
let last: { name: string; trace: AbTrace }[] | undefined;

function say(text: string, error = false): void {
  el('ab-message').textContent = text;
  el('ab-message').classList.toggle('error', error);
}

function setRunning(on: boolean): void {
  el<HTMLButtonElement>('ab-run').disabled = on;
  el<HTMLButtonElement>('ab-cancel').disabled = !on;
  el<HTMLButtonElement>('ab-download').disabled = on || !last;
}

function readForm(): { text: string; source: string; hours: number; arms: Prescription[] } {
  const scenario = BUNDLED_SCENARIOS.find((s) => s.id === el<HTMLSelectElement>('ab-scenario').value)!;
  const source = `scenarios/${scenario.file}`;
  const raw = parseJsonText(scenario.text, source) as Record<string, unknown>;
  const hoursText = el<HTMLInputElement>('ab-hours').value.trim();
  const hours = Number(hoursText);
  if (hoursText === '' || !(hours > 0) || !(hours <= 720)) throw new Error(`Run length: "${hoursText}" h; expected a number of hours above 0, at most 720`);
  const arms = (['a', 'b'] as const).map((k) =>
    readPagePrescription(el<HTMLInputElement>(`ab-${k}-name`).value, el<HTMLTextAreaElement>(`ab-${k}`).value, raw),
  );
  if (arms[0].name === arms[1].name) throw new Error(`Both prescriptions are named "${arms[0].name}": give them different names`);
  return { text: scenario.text, source, hours, arms };
}

/** Runs one arm in a worker of its own; resolves with its trace, or rejects with why it could not run. */
function runArm(text: string, source: string, hours: number, rx: Prescription): Promise<AbTrace> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./abCompare.worker.ts', import.meta.url), { type: 'module', name: `ab-${rx.name}` });
    workers.push(w);
    w.onmessage = (e: MessageEvent<AbReply>) => ('trace' in e.data ? resolve(e.data.trace) : reject(new Error(`${rx.name}: ${e.data.error}`)));
    w.onerror = (e) => reject(new Error(`${rx.name}: the run stopped: ${e.message || 'its worker could not start'}`));
    w.postMessage({ text, source, overrides: rx.overrides, hours });
  });
}

async function start(): Promise<void> {
  let form: ReturnType<typeof readForm>;
  try {
    form = readForm();
  } catch (e) {
    say((e as Error).message, true);
    return;
  }
  last = undefined;
  el('ab-chart').replaceChildren();
  setRunning(true);
  say(`Running ${form.arms.map((a) => a.name).join(' and ')} for ${form.hours} h…`);
  const cancelled = new Promise<'cancelled'>((resolve) => (cancelRun = () => resolve('cancelled')));
  try {
    const traces = await Promise.race([Promise.all(form.arms.map((rx) => runArm(form.text, form.source, form.hours, rx))), cancelled]);
    if (traces === 'cancelled') say('A/B cancelled.');
    else {
      last = form.arms.map((rx, i) => ({ name: rx.name, trace: traces[i] }));
      el('ab-chart').replaceChildren(abCharts(last));
      say(
        `${last.map((a) => a.name).join(' and ')} over ${form.hours} h: ${form.arms.map((a) => `${a.name}: ${a.overrides.map((o) => `${o.path} = ${o.value}`).join(', ')}`).join('; ')}.`,
      );
    }
  } catch (e) {
    say((e as Error).message, true);
  } finally {
    workers.forEach((w) => w.terminate());
    workers = [];
    cancelRun = undefined;
    setRunning(false);
  }
}

function download(): void {
  if (!last) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([abCsv(last)], { type: 'text/csv' }));
  a.download = `ab-${last.map((x) => x.name.replace(/\W+/g, '-')).join('-vs-')}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function setUpAbComparePanel(): void {
  el<HTMLSelectElement>('ab-scenario').replaceChildren(...BUNDLED_SCENARIOS.map((s) => new Option(s.label, s.id)));
  el('ab-run').addEventListener('click', () => void start());
  el('ab-cancel').addEventListener('click', () => cancelRun?.());
  el('ab-download').addEventListener('click', download);
  setRunning(false);
}
