/** The run's event log, newest first: filter changes, setting changes, boluses, aPTT checks, faults. */
import type { SimEventView } from '../protocol';
import { fmtHours } from '../format';
import { el } from './panel';

const SHOWN = 200;

export class EventLog {
  private readonly list: HTMLOListElement;

  constructor(host: HTMLElement) {
    this.list = el('ol', 'event-list');
    this.list.dataset.testid = 'event-log';
    host.append(el('h2', undefined, 'Event log (newest first)'), this.list);
  }

  reset(): void {
    this.list.replaceChildren();
  }

  add(events: SimEventView[]): void {
    for (const e of events) {
      const li = el('li', `ev ev-${e.type}`);
      li.append(el('span', 'ev-time', fmtHours(e.t_h)), el('span', 'ev-type', e.type.replace(/_/g, ' ')), el('span', 'ev-reason', e.reason));
      li.title = e.reason;
      this.list.prepend(li);
    }
    while (this.list.children.length > SHOWN) this.list.lastElementChild?.remove();
  }
}
