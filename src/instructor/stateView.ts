/**
 * What the instructor sees of the session: the time, every alarm shown (acknowledged, silenced), every value (those
 * the trainee's devices do not show marked), and the whole log (entries hidden from the trainee marked).
 */
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { TrainingSnapshot } from '../training/trainingProtocol';
import { DEVICE_SERIES } from '../training/traineeView';
import { el, section, simClock } from './dom';

export interface StateView {
  show(full: TrainingSnapshot): void;
  /** Log entries that came before (a resumed session's saved log). */
  addLog(entries: readonly SessionEntry[]): void;
  reset(): void;
}

export function stateView(host: HTMLElement): StateView {
  const status = section(host, 'Session', 'session-state');
  const time = el('p', 'sim-time', '—');
  time.dataset.testid = 'sim-time';
  status.append(time);
  const alarms = el('ul', 'alarms');
  alarms.dataset.testid = 'instructor-alarms';
  section(host, 'Alarms (as the trainee sees them)', 'alarms-panel').append(alarms);
  const logPanel = section(host, 'Log (hidden entries marked)', 'log-panel');
  const log = el('ol', 'log');
  log.dataset.testid = 'instructor-log';
  logPanel.append(log);
  const valuesPanel = section(host, 'Every value (marked: no device shows it)', 'values-panel');
  const values = el('table', 'values');
  values.dataset.testid = 'instructor-values';
  const wrap = el('div', 'values-wrap');
  wrap.append(values);
  valuesPanel.append(wrap);
  let lastValues = 0;

  return {
    show(full) {
      time.textContent = `${simClock(full.t_h)} · ${full.running ? 'running' : full.ended ? 'ended' : 'paused'} · ${full.speed}×`;
      time.dataset.hours = String(full.t_h);
      time.dataset.running = String(full.running);
      alarms.replaceChildren(...full.alarms.map(alarmItem));
      for (const e of full.log) log.append(logItem(e));
      // the values table is redrawn at most every 500 ms of wall time (a snapshot comes every frame)
      const now = Date.now();
      if (now - lastValues > 500) {
        lastValues = now;
        values.replaceChildren(...Object.entries(full.obs).map(([k, v]) => valueRow(k, v, !DEVICE_SERIES.has(k))));
      }
    },
    addLog(entries) {
      for (const e of entries) log.append(logItem(e));
    },
    reset() {
      log.replaceChildren();
      alarms.replaceChildren();
      values.replaceChildren();
    },
  };
}

function alarmItem(a: TrainingSnapshot['alarms'][number]): HTMLElement {
  const li = el('li', `alarm alarm-${a.priority}`);
  li.dataset.testid = `instructor-alarm-${a.id}`;
  li.dataset.acknowledged = String(a.acknowledged);
  const until = a.silencedUntil_h;
  const silenced = until !== null && !a.audible && !a.acknowledged;
  li.dataset.silenced = String(silenced);
  const marks = [a.acknowledged ? 'acknowledged' : '', silenced ? `silenced to ${simClock(until)}` : '', a.status === 'latched' ? 'latched' : ''];
  li.textContent = `${a.title} (${a.priority}) since ${simClock(a.since_h)} ${marks.filter(Boolean).join(', ')}`;
  return li;
}

function logItem(e: SessionEntry): HTMLElement {
  const li = el('li', `entry kind-${e.kind}${e.hidden ? ' hidden-entry' : ''}`);
  li.dataset.kind = e.kind;
  li.dataset.id = e.id;
  li.dataset.hidden = String(Boolean(e.hidden));
  li.append(el('span', 'entry-time', simClock(e.t_h)), el('span', 'entry-kind', e.kind), el('span', 'entry-text', e.text));
  if (e.hidden) li.append(el('span', 'hidden-mark', 'hidden from trainee'));
  return li;
}

function valueRow(name: string, v: number, hidden: boolean): HTMLTableRowElement {
  const tr = el('tr', hidden ? 'hidden-value' : undefined);
  tr.dataset.series = name;
  tr.dataset.hidden = String(hidden);
  tr.append(el('td', undefined, name), el('td', 'num', Number.isFinite(v) ? String(+v.toPrecision(4)) : '—'), el('td', undefined, hidden ? 'no device' : ''));
  return tr;
}
