/**
 * The alarm banner: the shown alarms, highest priority first (the worker's order), in IEC 60601-1-8's colours
 * (high red and flashing, medium yellow and flashing, low cyan and steady), each with Acknowledge and Silence, and
 * "Acknowledge all". The banner is an aria-live region: it is rebuilt only when what it says changes, so a screen
 * reader announces each change once.
 */
import { el } from '../consoles/panel';
import { fmtClock } from '../format';
import type { AlarmConsoleName, AlarmView, Command, Snapshot } from '../protocol';

/** The silence a banner button asks for: the longest the consoles allow for high and medium alarms ([practice]). */
export const SILENCE_min = 2;

export const CONSOLE_NAME: Record<AlarmConsoleName, string> = { ecmo: 'ECMO', crrt: 'CRRT', heparin: 'Heparin pump', monitor: 'Patient monitor' };

/** What one row says; the banner is rebuilt when the joined keys change. */
export function alarmKey(a: AlarmView): string {
  return [a.id, a.priority, a.status, a.acknowledged, a.audible, a.silencedUntil_h ?? ''].join('|');
}

/** The row's state in words: "acknowledged", "silenced until 1 h 05 min", "cleared (latched)". */
export function alarmMarks(a: AlarmView): string[] {
  const marks: string[] = [];
  if (a.status === 'latched') marks.push('cleared, latched until acknowledged');
  if (a.acknowledged) marks.push('acknowledged');
  if (a.silencedUntil_h !== null) marks.push(`silenced until ${fmtClock(a.silencedUntil_h)}`);
  return marks;
}

export class AlarmBanner {
  private shownKey = '';

  constructor(
    private readonly box: HTMLElement,
    private readonly send: (c: Command) => void,
  ) {}

  reset(): void {
    this.shownKey = '';
    this.box.replaceChildren();
  }

  update(s: Snapshot): void {
    const key = s.alarms.map(alarmKey).join(';');
    if (key === this.shownKey) return;
    this.shownKey = key;
    if (!s.alarms.length) {
      this.box.replaceChildren();
      return;
    }
    const list = el('ul', 'alarm-list');
    for (const a of s.alarms) list.append(this.row(a));
    const all = button('Acknowledge all', 'alarm-ack-all', () => this.send({ type: 'acknowledge', id: 'all' }));
    this.box.replaceChildren(list, all);
  }

  private row(a: AlarmView): HTMLElement {
    const li = el('li', `alarm alarm-${a.priority}${a.acknowledged ? ' acknowledged' : ''}${a.status === 'latched' ? ' latched' : ''}`);
    li.dataset.testid = `alarm-${a.id}`;
    li.dataset.priority = a.priority;
    li.dataset.audible = String(a.audible);
    li.dataset.status = a.status;
    const marks = alarmMarks(a);
    const mark = el('span', 'alarm-mark', marks.join(', '));
    mark.dataset.testid = `alarm-mark-${a.id}`;
    li.append(
      el('span', 'alarm-priority', `${a.priority} priority`),
      el('span', 'alarm-title', a.title),
      el('span', 'alarm-console', `${CONSOLE_NAME[a.console]}, since ${fmtClock(a.since_h)}`),
      mark,
      button('Acknowledge', `alarm-ack-${a.id}`, () => this.send({ type: 'acknowledge', id: a.id }), `Acknowledge ${a.title}`),
      button(
        `Silence ${SILENCE_min} min`,
        `alarm-silence-${a.id}`,
        () => this.send({ type: 'silence', id: a.id, minutes: SILENCE_min }),
        `Silence ${a.title} for ${SILENCE_min} min`,
      ),
    );
    return li;
  }
}

function button(text: string, testId: string, onClick: () => void, label?: string): HTMLButtonElement {
  const b = el('button', 'alarm-button', text);
  b.type = 'button';
  b.dataset.testid = testId;
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}
