/**
 * The trends panel: the channels the user chose (trends/charts.ts) over a time window (the last 1 h, 6 h, 24 h, or
 * the whole run), each chart a canvas. The choice is made in the panel's own bar.
 */
import type { Snapshot, TrendSeries } from './protocol';
import { el } from './consoles/panel';
import { drawChart, type Line } from './trends/chart';
import { CHARTS } from './trends/charts';
import type { TrendStore } from './trends/store';

/** Redraws at most this often (the samples arrive every 5 simulated minutes). */
const REDRAW_ms = 250;

/** The time windows offered (h; Infinity: the whole run). */
export const WINDOWS: readonly { label: string; h: number }[] = [
  { label: '1 h', h: 1 },
  { label: '6 h', h: 6 },
  { label: '24 h', h: 24 },
  { label: 'all', h: Infinity },
];

export class TrendsPanel {
  private readonly canvases: HTMLCanvasElement[] = [];
  private readonly shown: boolean[] = CHARTS.map((c) => c.shown);
  private readonly grid: HTMLElement;
  private window_h = Infinity;
  private drawnVersion = -1;
  private lastDraw = 0;
  /** The chart to draw next in the current round; CHARTS.length when no round is under way. */
  private next = CHARTS.length;

  constructor(
    host: HTMLElement,
    private readonly store: TrendStore,
  ) {
    this.grid = el('div', 'trend-grid');
    for (const c of CHARTS) {
      const cv = document.createElement('canvas');
      cv.className = 'trend';
      cv.dataset.testid = `trend-${c.id}`;
      cv.setAttribute('role', 'img');
      cv.setAttribute('aria-label', `${c.name} trend over simulated time`);
      this.grid.append(cv);
      this.canvases.push(cv);
    }
    host.append(this.bar(), this.grid);
    this.layout();
    new ResizeObserver(() => this.invalidate()).observe(host);
  }

  /**
   * Redraws the shown charts at most every REDRAW_ms, one chart per display frame: all of them in one frame made
   * that frame long every REDRAW_ms. A round starts only when the samples or the run's clock moved.
   */
  update(now: number, snap: Snapshot | undefined): void {
    if (!snap) return;
    if (this.next >= CHARTS.length) {
      if (now - this.lastDraw < REDRAW_ms) return;
      if (this.store.version === this.drawnVersion && !snap.running) return;
      this.lastDraw = now;
      this.drawnVersion = this.store.version;
      this.next = 0;
    }
    while (this.next < CHARTS.length && !this.shown[this.next]) this.next++;
    if (this.next < CHARTS.length) this.draw(this.next++, snap);
  }

  /** True while a round of chart redraws is under way (the page keeps its frames going until it ends). */
  get drawing(): boolean {
    return this.next < CHARTS.length;
  }

  /** The window and channel choosers. */
  private bar(): HTMLElement {
    const bar = el('div', 'trend-bar');
    const windows = el('div', 'trend-windows');
    windows.setAttribute('role', 'group');
    windows.setAttribute('aria-label', 'Trend time window');
    windows.append(el('span', 'row-label', 'Window'));
    const buttons: HTMLButtonElement[] = [];
    for (const w of WINDOWS) {
      const b = el('button', undefined, w.label);
      b.type = 'button';
      b.dataset.testid = `trend-window-${w.label.replace(' ', '')}`;
      b.setAttribute('aria-pressed', String(w.h === this.window_h));
      b.addEventListener('click', () => {
        this.window_h = w.h;
        buttons.forEach((o, i) => o.setAttribute('aria-pressed', String(WINDOWS[i].h === w.h)));
        this.invalidate();
      });
      buttons.push(b);
      windows.append(b);
    }
    const chooser = el('details', 'trend-channels');
    chooser.dataset.testid = 'trend-channels';
    chooser.append(el('summary', undefined, 'Channels'));
    const list = el('div', 'trend-channel-list');
    CHARTS.forEach((c, i) => {
      const label = el('label');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = this.shown[i];
      box.dataset.testid = `trend-channel-${c.id}`;
      box.addEventListener('change', () => {
        this.shown[i] = box.checked;
        this.layout();
      });
      label.append(box, ` ${c.name}`);
      list.append(label);
    });
    chooser.append(list);
    bar.append(windows, chooser);
    return bar;
  }

  /** Shows the chosen charts, four to a row. */
  private layout(): void {
    this.canvases.forEach((cv, i) => (cv.hidden = !this.shown[i]));
    const n = this.shown.filter(Boolean).length;
    this.grid.dataset.rows = String(Math.min(4, Math.max(1, Math.ceil(n / 4))));
    this.invalidate();
  }

  private invalidate(): void {
    this.drawnVersion = -1;
    this.lastDraw = 0;
  }

  private draw(i: number, snap: Snapshot): void {
    const c = CHARTS[i];
    const st = this.store;
    const lines: Line[] = c.lines.map((l) => ({
      label: l.label,
      colour: l.colour,
      t_h: st.t_h,
      v: l.scale ? this.scaledSeries(l.series, l.scale) : st.values[l.series],
      now: { t_h: snap.t_h, v: (typeof snap.obs[l.series] === 'number' ? snap.obs[l.series] : NaN) * (l.scale ?? 1) },
    }));
    const t1 = Number.isFinite(this.window_h) ? Math.max(snap.t_h, this.window_h) : Math.max(snap.t_h, 1);
    drawChart(this.canvases[i], c.spec(snap), lines, st.events, { t0_h: Math.max(0, t1 - this.window_h), t1_h: t1, now_h: snap.t_h });
  }

  private scaledSeries(series: TrendSeries, k: number): Float64Array {
    return Float64Array.from(this.store.values[series], (v) => v * k);
  }
}
