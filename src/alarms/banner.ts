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

/** One alarm's row, kept while the alarm is shown: its buttons stay the same elements across snapshots. */
interface Row {
  li: HTMLElement;
  priority: HTMLElement;
  mark: HTMLElement;
  since: HTMLElement;
  key: string;
}

export class AlarmBanner {
  private shownKey = '';
  private readonly rows = new Map<string, Row>();
  private readonly list = el('ul', 'alarm-list');
  private readonly all = button('Acknowledge all', 'alarm-ack-all', () => this.send({ type: 'acknowledge', id: 'all' }));

  constructor(
    private readonly box: HTMLElement,
    private readonly send: (c: Command) => void,
  ) {}

  reset(): void {
    this.shownKey = '';
    this.rows.clear();
    this.list.replaceChildren();
    this.box.replaceChildren();
  }

  /**
   * Shows the snapshot's alarms. A row already shown is updated in place, never rebuilt: a click whose press and
   * release straddle a snapshot (a silence coming back as the next button is pressed) lands on the same button and
   * is not lost. Only what changed is written, so the aria-live region announces each change once.
   */
  update(s: Snapshot): void {
    const key = s.alarms.map(alarmKey).join(';');
    if (key === this.shownKey) return;
    this.shownKey = key;
    const shown = new Set(s.alarms.map((a) => a.id));
    for (const id of [...this.rows.keys()]) if (!shown.has(id)) this.rows.delete(id);
    const ordered = s.alarms.map((a) => this.rowFor(a));
    const inOrder = ordered.length === this.list.children.length && ordered.every((r, i) => this.list.children[i] === r.li);
    if (!inOrder) this.list.replaceChildren(...ordered.map((r) => r.li));
    if (!s.alarms.length) this.box.replaceChildren();
    else if (this.box.firstChild !== this.list) this.box.replaceChildren(this.list, this.all);
  }

  private rowFor(a: AlarmView): Row {
    const key = alarmKey(a);
    let row = this.rows.get(a.id);
    if (!row) {
      row = this.row(a);
      this.rows.set(a.id, row);
    }
    if (row.key !== key) {
      row.key = key;
      const { li } = row;
      li.className = `alarm alarm-${a.priority}${a.acknowledged ? ' acknowledged' : ''}${a.status === 'latched' ? ' latched' : ''}`;
      li.dataset.priority = a.priority;
      li.dataset.audible = String(a.audible);
      li.dataset.status = a.status;
      row.priority.textContent = `${a.priority} priority`;
      row.since.textContent = `${CONSOLE_NAME[a.console]}, since ${fmtClock(a.since_h)}`;
      row.mark.textContent = alarmMarks(a).join(', ');
    }
    return row;
  }

  private row(a: AlarmView): Row {
    const li = el('li', 'alarm');
    li.dataset.testid = `alarm-${a.id}`;
    const mark = el('span', 'alarm-mark');
    mark.dataset.testid = `alarm-mark-${a.id}`;
    const since = el('span', 'alarm-console');
    const priority = el('span', 'alarm-priority');
    li.append(
      priority,
      el('span', 'alarm-title', a.title),
      since,
      mark,
      button('Acknowledge', `alarm-ack-${a.id}`, () => this.send({ type: 'acknowledge', id: a.id }), `Acknowledge ${a.title}`),
      button(
        `Silence ${SILENCE_min} min`,
        `alarm-silence-${a.id}`,
        () => this.send({ type: 'silence', id: a.id, minutes: SILENCE_min }),
        `Silence ${a.title} for ${SILENCE_min} min`,
      ),
    );
    return { li, priority, mark, since, key: '' };
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
