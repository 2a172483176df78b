/**
 * The session log as the trainee reads it, newest first: alarms, faults a device shows, actions, labs, notes and
 * device events, each with its simulated time (mm:ss), filterable by kind. Routine bedside events (the nurse's
 * titrations) are folded out unless asked for.
 */
import { el } from '../consoles/panel';
import { clock } from '../../sim/training/debrief';
import type { SessionEntry, SessionEntryKind } from '../../sim/training/sessionLog';

const KINDS: readonly SessionEntryKind[] = ['alarm', 'fault', 'action', 'lab', 'note', 'event'];
/** Engine events of the bedside protocol's routine, hidden by the "event" filter's default. */
const ROUTINE = new Set(['norepinephrine_titration', 'heparin_titration', 'circuit_blood']);

export class SessionLogView {
  private readonly list: HTMLOListElement;
  private readonly entries: SessionEntry[] = [];
  private readonly hiddenKinds = new Set<SessionEntryKind>();
  private dirty = false;

  constructor(host: HTMLElement) {
    const box = el('section', 'session-log');
    box.setAttribute('aria-label', 'Session log');
    const filters = el('div', 'event-filters');
    filters.setAttribute('role', 'group');
    filters.setAttribute('aria-label', 'Show entries of kind');
    for (const k of KINDS) {
      const b = el('button', `ev-filter log-kind-${k}`, k);
      b.type = 'button';
      b.dataset.testid = `log-filter-${k}`;
      b.setAttribute('aria-pressed', 'true');
      b.addEventListener('click', () => {
        if (this.hiddenKinds.has(k)) this.hiddenKinds.delete(k);
        else this.hiddenKinds.add(k);
        b.setAttribute('aria-pressed', String(!this.hiddenKinds.has(k)));
        this.rebuild();
      });
      filters.append(b);
    }
    this.list = el('ol', 'event-list');
    this.list.dataset.testid = 'session-log';
    box.append(el('h2', undefined, 'Session log (newest first)'), filters, this.list);
    host.append(box);
  }

  get count(): number {
    return this.entries.length;
  }

  reset(): void {
    this.entries.length = 0;
    this.rebuild();
  }

  add(entries: readonly SessionEntry[]): void {
    for (const e of entries) if (!(e.kind === 'event' && ROUTINE.has(e.id))) this.entries.push(e);
    if (entries.length) this.dirty = true;
  }

  /** Redraws when entries came since the last draw (the page calls it at its console rate). */
  update(): void {
    if (this.dirty) this.rebuild();
  }

  private rebuild(): void {
    this.dirty = false;
    const rows: HTMLElement[] = [];
    for (let i = this.entries.length - 1; i >= 0 && rows.length < 300; i--) {
      const e = this.entries[i];
      if (this.hiddenKinds.has(e.kind)) continue;
      const li = el('li', `ev log-${e.kind}`);
      li.dataset.kind = e.kind;
      li.dataset.id = e.id;
      li.append(el('span', 'ev-time', clock(e.t_h)), el('span', 'ev-type', e.kind), el('span', 'ev-reason', e.text));
      if (e.wall) li.title = `${e.text} (at ${new Date(e.wall).toLocaleTimeString()})`;
      rows.push(li);
    }
    this.list.replaceChildren(...rows);
  }
}
