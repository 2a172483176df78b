/**
 * The run's event log, newest first. Every event is kept; the list draws the newest SHOWN of those the filter lets
 * through (all of them on "Show all"), runs of titrations fold into one collapsible row, and the whole log exports
 * as JSON. Rows are rebuilt at most every REBUILD_ms while events arrive.
 */
import type { SimEventView } from '../protocol';
import { fmtHours } from '../format';
import { EVENT_CATEGORIES, categoryOf, eventText, kindOf, type EventCategory } from './eventText';
import { el } from './panel';

/** Rows drawn until the user asks for all of them. */
export const SHOWN = 100;
const REBUILD_ms = 400;

export class EventLog {
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly entries: SimEventView[] = [];
  private readonly hidden = new Set<EventCategory>();
  /** the first event (index in entries) of each titration run the user opened */
  private readonly openRuns = new Set<number>();
  private showAll = false;
  private dirty = false;
  private lastBuild = 0;
  private scenario = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: HTMLElement) {
    this.list = el('ol', 'event-list');
    this.list.dataset.testid = 'event-log';
    const head = el('div', 'events-head');
    const exportButton = el('button', undefined, 'Export JSON');
    exportButton.type = 'button';
    exportButton.dataset.testid = 'event-log-export';
    exportButton.addEventListener('click', () => this.download());
    head.append(el('h2', undefined, 'Event log (newest first)'), exportButton);
    this.more = el('button', 'events-more');
    this.more.type = 'button';
    this.more.dataset.testid = 'event-log-show-all';
    this.more.addEventListener('click', () => {
      this.showAll = !this.showAll;
      this.rebuild();
    });
    host.append(head, this.filters(), this.list, this.more);
    this.rebuild();
  }

  /** Events kept in this session. */
  get count(): number {
    return this.entries.length;
  }

  reset(scenario = ''): void {
    this.entries.length = 0;
    this.openRuns.clear();
    this.showAll = false;
    this.scenario = scenario;
    this.rebuild();
  }

  add(events: SimEventView[]): void {
    for (const e of events) this.entries.push(e);
    if (events.length) this.dirty = true;
    this.update();
  }

  /**
   * Redraws the rows if events came since the last build: now, or once REBUILD_ms have passed since the last one
   * (a timer, so the last events show even when nothing else arrives, as while paused).
   */
  update(): void {
    if (!this.dirty || this.timer !== undefined) return;
    const wait = REBUILD_ms - (performance.now() - this.lastBuild);
    if (wait <= 0) this.rebuild();
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.dirty) this.rebuild();
      }, wait);
  }

  /** The log as a JSON document: every event with its time, type, category, the engine's reason and the shown text. */
  json(): string {
    const events = this.entries.map((e) => ({ ...e, category: categoryOf(e.type), text: eventText(e) }));
    return JSON.stringify({ scenario: this.scenario, exported: new Date().toISOString(), events }, null, 2);
  }

  private filters(): HTMLElement {
    const box = el('div', 'event-filters');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Show events of type');
    for (const c of EVENT_CATEGORIES) {
      const b = el('button', `ev-filter ev-cat-${c}`, c);
      b.type = 'button';
      b.dataset.testid = `event-filter-${c}`;
      b.setAttribute('aria-pressed', 'true');
      b.addEventListener('click', () => {
        if (this.hidden.has(c)) this.hidden.delete(c);
        else this.hidden.add(c);
        b.setAttribute('aria-pressed', String(!this.hidden.has(c)));
        this.rebuild();
      });
      box.append(b);
    }
    return box;
  }

  private rebuild(): void {
    this.dirty = false;
    this.lastBuild = performance.now();
    const rows: HTMLElement[] = [];
    let shown = 0;
    let total = 0;
    // newest first; consecutive titrations of one kind (no other event between) are one row
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (this.hidden.has(categoryOf(e.type))) continue;
      let first = i;
      if (categoryOf(e.type) === 'titrations') while (first > 0 && this.entries[first - 1].type === e.type) first--;
      total += i - first + 1;
      if (this.showAll || shown < SHOWN) {
        rows.push(first < i ? this.runRow(first, i) : row(e));
        shown++;
      }
      i = first;
    }
    this.list.replaceChildren(...rows);
    this.more.hidden = !this.showAll && shown < SHOWN;
    this.more.textContent = this.showAll ? `Show the newest ${SHOWN} only` : `Show all (${total} events)`;
  }

  /** A collapsed run of titrations from entries[first] to entries[last]: one summary, the entries inside. */
  private runRow(first: number, last: number): HTMLElement {
    const e = this.entries[last];
    const li = el('li', `ev-run ev-${e.type}`);
    const details = el('details');
    const summary = el('summary', 'ev');
    summary.append(
      el('span', 'ev-time', fmtHours(e.t_h)),
      el('span', 'ev-type', `${last - first + 1} × ${kindOf(e.type)}`),
      el('span', 'ev-reason', `since ${fmtHours(this.entries[first].t_h)}; latest: ${eventText(e)}`),
    );
    details.append(summary);
    const inner = el('ol', 'event-list');
    const fill = () => {
      if (inner.childElementCount) return;
      for (let j = last; j >= first; j--) inner.append(row(this.entries[j]));
    };
    if (this.openRuns.has(first)) {
      details.open = true;
      fill();
    }
    details.addEventListener('toggle', () => {
      if (details.open) {
        this.openRuns.add(first);
        fill();
      } else this.openRuns.delete(first);
    });
    details.append(inner);
    li.append(details);
    return li;
  }

  private download(): void {
    const url = URL.createObjectURL(new Blob([this.json()], { type: 'application/json' }));
    const a = el('a');
    a.href = url;
    a.download = `event-log${this.scenario ? `-${this.scenario.replace(/[^\w-]+/g, '_')}` : ''}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

function row(e: SimEventView): HTMLElement {
  const li = el('li', `ev ev-${e.type}`);
  const text = eventText(e);
  li.dataset.category = categoryOf(e.type);
  li.append(el('span', 'ev-time', fmtHours(e.t_h)), el('span', 'ev-type', kindOf(e.type)), el('span', 'ev-reason', text));
  li.title = text;
  return li;
}
