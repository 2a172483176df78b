/**
 * One trend chart on a 2D canvas: lines over simulated time, a reference band or limit, and event markers
 * (filter changes with their downtime shaded, setting changes, boluses, faults).
 */
import type { SimEventView } from '../protocol';

export interface Line {
  label: string;
  colour: string;
  t_h: ArrayLike<number>;
  v: ArrayLike<number>;
  /** The value now, drawn as the line's last point (the store samples on a grid). */
  now?: { t_h: number; v: number };
}

export interface ChartSpec {
  title: string;
  unit: string;
  digits: number;
  band?: [number, number];
  limit?: number;
  /** a goal drawn as a green dashed line (e.g. MAP 65 mmHg) */
  target?: number;
  /** y axis includes zero */
  zero?: boolean;
}

const MARKERS: Record<string, string> = {
  filter_change: '#ff5d5d',
  setting_change: '#5aa9ff',
  heparin_bolus: '#c78bff',
  fault: '#ffa53a',
};

const GRID = 'rgba(160,180,195,0.18)';
const AXIS_TEXT = '#9fb1c0';
const FAMILY = 'system-ui, "DejaVu Sans", Arial, sans-serif';

/** The simulated time a chart spans: from t0 to t1 (h), the run being at now. */
export interface Span {
  t0_h: number;
  t1_h: number;
  now_h: number;
}

/** Where the plot sits on the canvas (CSS pixels) and how time and value map onto it. */
interface Frame {
  ctx: CanvasRenderingContext2D;
  /** the font size (CSS px) the canvas's style gives it */
  em: number;
  font: string;
  span: Span;
  left: number;
  top: number;
  w: number;
  h: number;
  /** x of a time (h) */
  X: (t_h: number) => number;
  /** y of a value */
  Y: (v: number) => number;
}

/** A chart canvas's CSS size and font size (px). */
interface Box {
  w: number;
  h: number;
  em: number;
}

/**
 * Each chart canvas's box as last laid out, kept by a ResizeObserver: reading clientWidth or the computed font size
 * while drawing forced the browser to lay the page out again in the middle of a frame whenever the consoles had just
 * changed the DOM (every DOM_EVERY_ms), which made those frames long. The observer is told the sizes after layout.
 */
const boxes = new WeakMap<HTMLCanvasElement, Box>();
let observer: ResizeObserver | undefined;

function boxOf(canvas: HTMLCanvasElement): Box {
  const known = boxes.get(canvas);
  if (known) return known;
  // the first time: measured here once, then kept up to date by the observer
  const box = { w: canvas.clientWidth, h: canvas.clientHeight, em: parseFloat(getComputedStyle(canvas).fontSize) || 12 };
  boxes.set(canvas, box);
  observer ??= new ResizeObserver(resized);
  observer.observe(canvas);
  return box;
}

/** What each chart canvas showed last: drawn again at once at its new size when it is resized (shown, hidden, grown). */
const lastDrawn = new WeakMap<HTMLCanvasElement, Parameters<typeof drawChart>>();

function resized(entries: ResizeObserverEntry[]): void {
  for (const e of entries) {
    const c = e.target as HTMLCanvasElement;
    const old = boxes.get(c);
    // the layout is clean when the observer is called: reading sizes and the computed style costs no layout here
    const box = { w: c.clientWidth, h: c.clientHeight, em: parseFloat(getComputedStyle(c).fontSize) || 12 };
    boxes.set(c, box);
    const args = lastDrawn.get(c);
    // the canvas's size is set by CSS (100 % of its cell), so drawing it again does not change the layout
    if (args && (!old || old.w !== box.w || old.h !== box.h || old.em !== box.em)) drawChart(...args);
  }
}

/** Draws the chart over `span`; text takes the canvas's CSS font size (it grows on a large screen). */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, lines: Line[], events: readonly SimEventView[], span: Span): void {
  lastDrawn.set(canvas, [canvas, spec, lines, events, span]);
  const { w: cssW, h: cssH, em } = boxOf(canvas);
  const font = `${em}px ${FAMILY}`;
  const ctx = prepareCanvas(canvas, cssW, cssH, font);
  if (!ctx) return;
  const left = Math.round(3.4 * em);
  const top = Math.round((lines.length > 1 ? 2.6 : 1.6) * em);
  const w = cssW - left - 6;
  const h = cssH - top - Math.round(1.4 * em);
  drawTitle(ctx, spec, lines, cssW, em, font);
  const range = valueRange(spec, lines, span);
  if (!range) {
    ctx.fillStyle = AXIS_TEXT;
    ctx.textAlign = 'center';
    ctx.fillText('no data', left + w / 2, top + h / 2);
    return;
  }
  const [lo, hi] = range;
  const { t0_h, t1_h } = span;
  const X = (t: number) => left + ((t - t0_h) / (t1_h - t0_h)) * w;
  const frame: Frame = { ctx, em, font, span, left, top, w, h, X, Y: (v) => top + h - ((v - lo) / (hi - lo)) * h };
  drawReferences(frame, spec);
  drawGrid(frame, lo, hi);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, 0, w + 1, cssH);
  ctx.clip();
  drawEvents(frame, events);
  for (const l of lines) drawSeries(frame, l);
  ctx.restore();
  if (lines.length > 1) drawLegend(ctx, spec, lines, em);
}

/** Sizes the canvas to its CSS box at the device pixel ratio and clears it; undefined if it has no size. */
function prepareCanvas(canvas: HTMLCanvasElement, cssW: number, cssH: number, font: string): CanvasRenderingContext2D | undefined {
  const dpr = window.devicePixelRatio || 1;
  if (cssW === 0 || cssH === 0) return undefined;
  if (canvas.width !== Math.round(cssW * dpr) || canvas.height !== Math.round(cssH * dpr)) {
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  ctx.font = font;
  ctx.textBaseline = 'alphabetic';
  return ctx;
}

/** A line's value now as text, or a dash. */
function valueText(l: Line, digits: number): string {
  return l.now && Number.isFinite(l.now.v) ? l.now.v.toFixed(digits) : '—';
}

/** The title and unit; with one line, its value now on the right (several lines get a legend instead). */
function drawTitle(ctx: CanvasRenderingContext2D, spec: ChartSpec, lines: Line[], cssW: number, em: number, font: string): void {
  const y = Math.round(1.1 * em);
  ctx.textAlign = 'left';
  ctx.font = `600 ${font}`;
  ctx.fillStyle = '#dfe8ef';
  ctx.fillText(spec.title, 4, y);
  const titleW = ctx.measureText(spec.title).width;
  ctx.font = font;
  ctx.fillStyle = AXIS_TEXT;
  ctx.fillText(`(${spec.unit})`, 8 + titleW, y);
  if (lines.length === 1) {
    ctx.textAlign = 'right';
    ctx.font = `600 ${font}`;
    ctx.fillStyle = lines[0].colour;
    ctx.fillText(valueText(lines[0], spec.digits), cssW - 4, y);
    ctx.font = font;
  }
}

/** The lowest and highest finite value of the lines in the span (their values now included); undefined if none. */
function dataRange(lines: Line[], span: Span): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of lines) {
    for (let i = firstIndex(l.t_h, span.t0_h); i < l.v.length; i++) {
      const v = l.v[i];
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (l.now && Number.isFinite(l.now.v)) {
      lo = Math.min(lo, l.now.v);
      hi = Math.max(hi, l.now.v);
    }
  }
  return Number.isFinite(lo) ? [lo, hi] : undefined;
}

/** The y axis: the data widened to show the band, limit, target (and zero if asked), with a margin. */
function valueRange(spec: ChartSpec, lines: Line[], span: Span): [number, number] | undefined {
  const data = dataRange(lines, span);
  if (!data) return undefined;
  let [lo, hi] = data;
  if (spec.band) {
    lo = Math.min(lo, spec.band[0]);
    hi = Math.max(hi, spec.band[1]);
  }
  if (spec.limit !== undefined) hi = Math.max(hi, spec.limit);
  if (spec.target !== undefined) {
    lo = Math.min(lo, spec.target);
    hi = Math.max(hi, spec.target);
  }
  if (spec.zero) lo = Math.min(lo, 0);
  if (hi - lo < 1e-9) {
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const pad = (hi - lo) * 0.08;
  return [spec.zero && lo >= 0 ? 0 : lo - pad, hi + pad];
}

/** The reference band (shaded), the limit (red dashed) and the target (green dashed). */
function drawReferences(f: Frame, spec: ChartSpec): void {
  if (spec.band) {
    f.ctx.fillStyle = 'rgba(90,200,120,0.13)';
    f.ctx.fillRect(f.left, f.Y(spec.band[1]), f.w, f.Y(spec.band[0]) - f.Y(spec.band[1]));
  }
  if (spec.limit !== undefined) drawLevel(f, spec.limit, 'rgba(255,93,93,0.7)');
  if (spec.target !== undefined) drawLevel(f, spec.target, 'rgba(90,200,120,0.8)');
}

/** A dashed horizontal line across the plot at value v. */
function drawLevel(f: Frame, v: number, colour: string): void {
  f.ctx.strokeStyle = colour;
  f.ctx.setLineDash([4, 3]);
  f.ctx.beginPath();
  f.ctx.moveTo(f.left, f.Y(v));
  f.ctx.lineTo(f.left + f.w, f.Y(v));
  f.ctx.stroke();
  f.ctx.setLineDash([]);
}

/** Value grid lines with their labels, and simulated-time labels along the bottom (timeTicks). */
function drawGrid(f: Frame, lo: number, hi: number): void {
  const { ctx, em, left, top, w, h, X, Y } = f;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = AXIS_TEXT;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  const vt = ticks(lo, hi, 3);
  const step = vt.length > 1 ? vt[1] - vt[0] : 1;
  for (const v of vt) {
    ctx.beginPath();
    ctx.moveTo(left, Y(v));
    ctx.lineTo(left + w, Y(v));
    ctx.stroke();
    ctx.fillText(tickText(v, step), left - 4, Y(v) + em / 3);
  }
  ctx.textAlign = 'center';
  const tt = timeTicks(f.span.t0_h, f.span.t1_h, Math.max(2, Math.floor(w / (4.5 * em))));
  for (const t of tt.at_h) {
    const s = tt.text(t);
    const half = ctx.measureText(s).width / 2;
    ctx.fillText(s, Math.min(Math.max(X(t), left + half), left + w - half), top + h + Math.round(1.1 * em));
  }
}

/** Steps between time ticks (min): whole minutes, hours, days. */
const TIME_STEPS_min = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 7200];

/**
 * Time ticks on clock-like steps with at most `n` in the span: "2 h" on whole hours when the step is an hour or
 * more, "2:30" (hours:minutes of simulated time) when it is shorter.
 */
export function timeTicks(t0_h: number, t1_h: number, n: number): { at_h: number[]; text: (t_h: number) => string } {
  const span_min = (t1_h - t0_h) * 60;
  const step = TIME_STEPS_min.find((s) => span_min / s <= n) ?? TIME_STEPS_min.at(-1)!;
  const at_h: number[] = [];
  for (let m = Math.ceil((t0_h * 60) / step - 1e-9) * step; m <= t1_h * 60 + 1e-9; m += step) at_h.push(m / 60);
  const text = (t_h: number) => {
    const total = Math.round(t_h * 60);
    return step >= 60 ? `${Math.round(total / 60)} h` : `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  };
  return { at_h, text };
}

/** The index of the first sample at or after t0 (less one, so a line enters the span from its left edge). */
function firstIndex(t_h: ArrayLike<number>, t0: number): number {
  let lo = 0;
  let hi = t_h.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t_h[mid] < t0) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** Filter changes with the downtime shaded until the next filter starts, then a vertical marker per event. */
function drawEvents(f: Frame, events: readonly SimEventView[]): void {
  const tEnd_h = f.span.now_h;
  const { ctx, top, h, X } = f;
  const shadeDowntime = (from_h: number, to_h: number) => {
    ctx.fillStyle = 'rgba(255,93,93,0.12)';
    ctx.fillRect(X(from_h), top, Math.max(X(to_h) - X(from_h), 1), h);
  };
  let changeAt: number | undefined;
  for (const e of events) {
    if (e.type === 'filter_change') changeAt = e.t_h;
    if (e.type === 'filter_start' && changeAt !== undefined) {
      shadeDowntime(changeAt, e.t_h);
      changeAt = undefined;
    }
  }
  if (changeAt !== undefined) shadeDowntime(changeAt, tEnd_h);
  for (const e of events) {
    const colour = MARKERS[e.type];
    if (!colour) continue;
    ctx.strokeStyle = colour;
    ctx.lineWidth = e.type === 'filter_change' ? 1.5 : 1;
    ctx.setLineDash(e.type === 'setting_change' ? [3, 3] : []);
    ctx.beginPath();
    ctx.moveTo(X(e.t_h), top);
    ctx.lineTo(X(e.t_h), top + h);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** One line over time, broken where a value is missing, ending at its value now. */
function drawSeries(f: Frame, l: Line): void {
  const { ctx, w, X, Y } = f;
  ctx.lineWidth = 1.6;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = l.colour;
  ctx.beginPath();
  let pen = false;
  const n = l.t_h.length;
  const i0 = firstIndex(l.t_h, f.span.t0_h);
  // a long run has more samples than pixels: draw about two per pixel
  const stride = Math.max(1, Math.floor((n - i0) / (2 * w)));
  for (let i = i0; i < n; i += i + stride < n || i === n - 1 ? stride : n - 1 - i) {
    const v = l.v[i];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    if (pen) ctx.lineTo(X(l.t_h[i]), Y(v));
    else ctx.moveTo(X(l.t_h[i]), Y(v));
    pen = true;
  }
  if (l.now && Number.isFinite(l.now.v) && pen && l.now.t_h > (l.t_h[n - 1] ?? -1)) ctx.lineTo(X(l.now.t_h), Y(l.now.v));
  ctx.stroke();
}

/** Each line's label and value now in its colour, in a row under the title. */
function drawLegend(ctx: CanvasRenderingContext2D, spec: ChartSpec, lines: Line[], em: number): void {
  let x = 4;
  ctx.textAlign = 'left';
  for (const l of lines) {
    const s = `${l.label} ${valueText(l, spec.digits)}`;
    const tw = ctx.measureText(s).width;
    ctx.fillStyle = l.colour;
    ctx.fillText(s, x, Math.round(2.3 * em));
    x += tw + 10;
  }
}

function ticks(lo: number, hi: number, n: number): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}

/** A value tick with the decimals its step needs (37.0, 37.2, … on a narrow axis; 1.5k on a wide one). */
function tickText(v: number, step: number): string {
  if (Math.abs(v) >= 1000 && step >= 100) return `${+(v / 1000).toFixed(1)}k`;
  let digits = 0;
  while (digits < 4 && Math.abs(step * 10 ** digits - Math.round(step * 10 ** digits)) > 1e-6) digits++;
  return `${+v.toFixed(digits)}`;
}
