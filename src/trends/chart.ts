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
const FONT = '11px system-ui, "DejaVu Sans", Arial, sans-serif';

/** Where the plot sits on the canvas (CSS pixels) and how time and value map onto it. */
interface Frame {
  ctx: CanvasRenderingContext2D;
  left: number;
  top: number;
  w: number;
  h: number;
  /** x of a time (h) */
  X: (t_h: number) => number;
  /** y of a value */
  Y: (v: number) => number;
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, lines: Line[], events: readonly SimEventView[], tEnd_h: number): void {
  const ctx = prepareCanvas(canvas);
  if (!ctx) return;
  const cssW = canvas.clientWidth;
  const cssH = canvas.clientHeight;
  const left = 40;
  const top = lines.length > 1 ? 30 : 18;
  const w = cssW - left - 6;
  const h = cssH - top - 15;
  drawTitle(ctx, spec, lines, cssW);
  const range = valueRange(spec, lines);
  if (!range) {
    ctx.fillStyle = AXIS_TEXT;
    ctx.textAlign = 'center';
    ctx.fillText('no data', left + w / 2, top + h / 2);
    return;
  }
  const [lo, hi] = range;
  const t1 = Math.max(tEnd_h, 1);
  const frame: Frame = { ctx, left, top, w, h, X: (t) => left + (t / t1) * w, Y: (v) => top + h - ((v - lo) / (hi - lo)) * h };
  drawReferences(frame, spec);
  drawGrid(frame, lo, hi, t1);
  drawEvents(frame, events, tEnd_h);
  for (const l of lines) drawSeries(frame, l);
  if (lines.length > 1) drawLegend(ctx, spec, lines);
}

/** Sizes the canvas to its CSS box at the device pixel ratio and clears it; undefined if it has no size. */
function prepareCanvas(canvas: HTMLCanvasElement): CanvasRenderingContext2D | undefined {
  const dpr = window.devicePixelRatio || 1;
  const cssW = canvas.clientWidth;
  const cssH = canvas.clientHeight;
  if (cssW === 0 || cssH === 0) return undefined;
  if (canvas.width !== Math.round(cssW * dpr) || canvas.height !== Math.round(cssH * dpr)) {
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  ctx.font = FONT;
  ctx.textBaseline = 'alphabetic';
  return ctx;
}

/** A line's value now as text, or a dash. */
function valueText(l: Line, digits: number): string {
  return l.now && Number.isFinite(l.now.v) ? l.now.v.toFixed(digits) : '—';
}

/** The title and unit; with one line, its value now on the right (several lines get a legend instead). */
function drawTitle(ctx: CanvasRenderingContext2D, spec: ChartSpec, lines: Line[], cssW: number): void {
  ctx.textAlign = 'left';
  ctx.font = `600 ${FONT}`;
  ctx.fillStyle = '#dfe8ef';
  ctx.fillText(spec.title, 4, 12);
  const titleW = ctx.measureText(spec.title).width;
  ctx.font = FONT;
  ctx.fillStyle = AXIS_TEXT;
  ctx.fillText(`(${spec.unit})`, 8 + titleW, 12);
  if (lines.length === 1) {
    ctx.textAlign = 'right';
    ctx.font = `600 ${FONT}`;
    ctx.fillStyle = lines[0].colour;
    ctx.fillText(valueText(lines[0], spec.digits), cssW - 4, 12);
    ctx.font = FONT;
  }
}

/** The lowest and highest finite value of the lines (their values now included); undefined if there is none. */
function dataRange(lines: Line[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of lines) {
    for (let i = 0; i < l.v.length; i++) {
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
function valueRange(spec: ChartSpec, lines: Line[]): [number, number] | undefined {
  const data = dataRange(lines);
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

/** Value grid lines with their labels, and time labels along the bottom (hours on the last). */
function drawGrid(f: Frame, lo: number, hi: number, t1: number): void {
  const { ctx, left, top, w, h, X, Y } = f;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = AXIS_TEXT;
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  for (const v of ticks(lo, hi, 3)) {
    ctx.beginPath();
    ctx.moveTo(left, Y(v));
    ctx.lineTo(left + w, Y(v));
    ctx.stroke();
    ctx.fillText(tickText(v), left - 4, Y(v) + 4);
  }
  ctx.textAlign = 'center';
  const tt = ticks(0, t1, Math.max(2, Math.floor(w / 48)));
  tt.forEach((t, i) => ctx.fillText(i === tt.length - 1 ? `${tickText(t)} h` : tickText(t), Math.min(X(t), left + w - 10), top + h + 13));
}

/** Filter changes with the downtime shaded until the next filter starts, then a vertical marker per event. */
function drawEvents(f: Frame, events: readonly SimEventView[], tEnd_h: number): void {
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
  // a long run has more samples than pixels: draw about two per pixel
  const stride = Math.max(1, Math.floor(n / (2 * w)));
  for (let i = 0; i < n; i += i + stride < n || i === n - 1 ? stride : n - 1 - i) {
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
function drawLegend(ctx: CanvasRenderingContext2D, spec: ChartSpec, lines: Line[]): void {
  let x = 4;
  ctx.textAlign = 'left';
  for (const l of lines) {
    const s = `${l.label} ${valueText(l, spec.digits)}`;
    const tw = ctx.measureText(s).width;
    ctx.fillStyle = l.colour;
    ctx.fillText(s, x, 25);
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

function tickText(v: number): string {
  const a = Math.abs(v);
  if (a >= 1000) return `${+(v / 1000).toFixed(1)}k`;
  if (a >= 10 || a === 0) return `${+v.toFixed(0)}`;
  if (a >= 1) return `${+v.toFixed(1)}`;
  return `${+v.toPrecision(2)}`;
}
