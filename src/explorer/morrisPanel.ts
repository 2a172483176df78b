/**
 * "Morris sensitivity" on the page: reads its form (morrisForm.ts), runs the design on the page's Web Workers
 * (morrisPlan.ts, spreadPool.ts) with progress and Cancel, and shows σ against μ* (morrisChart.ts) and the ranking
 * as the command line's table gives it (rank, parameter, range, μ*, μ, σ in 3 significant digits); "Download CSV"
 * saves `sim sensitivity --format csv`'s text for the same analysis.
 */
import { sensitivityCsv } from '../../sim/sensitivity/report';
import type { SensitivityReport } from '../../sim/sensitivity/sensitivity';
import { morrisChart } from './morrisChart';
import { fillMorrisForm, readMorrisForm } from './morrisForm';
import { runPageMorris, type PageMorrisHandle, type PageMorrisPlan } from './morrisPlan';
import { runTasksInPage } from './spreadPool';

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : Number(x.toPrecision(3)).toString());

let running: PageMorrisHandle | undefined;
let last: SensitivityReport | undefined;

function say(text: string, error = false): void {
  el('morris-message').textContent = text;
  el('morris-message').classList.toggle('error', error);
}

function setRunning(on: boolean): void {
  el<HTMLButtonElement>('morris-run').disabled = on;
  el<HTMLButtonElement>('morris-cancel').disabled = !on;
  el<HTMLButtonElement>('morris-download').disabled = on || !last;
}

function rankingTable(r: SensitivityReport): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'results-table morris-table';
  const head = table.createTHead().insertRow();
  for (const h of ['rank', 'parameter', 'range', 'μ*', 'μ', 'σ']) head.appendChild(document.createElement('th')).textContent = h;
  const body = table.createTBody();
  r.rankings[0].parameters.forEach((p, i) => {
    const tr = body.insertRow();
    tr.dataset.parameter = p.path;
    const range = `${fmt(p.range[0])}..${fmt(p.range[1])} ${p.unit === '1' ? '' : p.unit}`.trim();
    for (const text of [String(i + 1), p.path, range, fmt(p.muStar), fmt(p.mu), fmt(p.sigma)]) tr.insertCell().textContent = text;
  });
  return table;
}

async function start(): Promise<void> {
  let plan: PageMorrisPlan;
  try {
    plan = readMorrisForm();
  } catch (e) {
    say((e as Error).message, true);
    return;
  }
  last = undefined;
  el('morris-chart').replaceChildren();
  el('morris-table').replaceChildren();
  const progress = el<HTMLProgressElement>('morris-progress');
  const onProgress = (done: number, total: number) => {
    progress.max = total;
    progress.value = done;
    el('morris-status').textContent = `${done} of ${total} runs done`;
  };
  running = runPageMorris(plan, runTasksInPage, onProgress);
  onProgress(0, running.total);
  say(`Running ${running.total} runs of ${plan.hours} h (${plan.samples} trajectories × ${plan.parameters.length + 1} points)…`);
  setRunning(true);
  const { how, report } = await running.done;
  running = undefined;
  if (report) {
    last = report;
    el('morris-chart').replaceChildren(morrisChart(report.rankings[0]));
    el('morris-table').replaceChildren(rankingTable(report));
    const failed = report.failed ? `; ${report.failed} runs could not be run and are left out, the first: ${report.firstError}` : '';
    say(
      `Morris elementary effects of ${plan.outcome.name}: ${report.samples} trajectories, ${report.levels} levels, seed ${report.seed}, ${report.runs} runs of ${report.hours} h${failed}. μ*, μ, σ: change of the outcome as the parameter goes over its whole range.`,
    );
  } else if (how === 'cancelled') say('Morris analysis cancelled: the indices need every run.');
  else say(`The Morris analysis stopped: ${how}`, true);
  setRunning(false);
}

function download(): void {
  if (!last) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([sensitivityCsv(last)], { type: 'text/csv' }));
  a.download = `morris-${last.rankings[0].outcome}-seed-${last.seed}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function setUpMorrisPanel(): void {
  fillMorrisForm();
  el('morris-run').addEventListener('click', () => void start());
  el('morris-cancel').addEventListener('click', () => running?.cancel());
  el('morris-download').addEventListener('click', download);
  setRunning(false);
}
