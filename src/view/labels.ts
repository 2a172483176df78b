/** Text on the circuit: fixed captions and live tags (pressures at their transducers, device read-outs). */
import type { Pt } from './paths';
import { LABEL, MUTED } from './colors';
import { circle, css, fill, roundRect, stroke, type Ctx } from './draw';

const FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif';

/** The smallest text the circuit shows, in CSS pixels: captions grow to it when the view is scaled down. */
export const MIN_TEXT_px = 12;

/** How much a text of `size` logical px grows when the view is scaled by `k` so it is at least MIN_TEXT_px on screen. */
export function textGrowth(k: number, size: number): number {
  return Math.max(1, MIN_TEXT_px / (k * size));
}

export interface TextOptions {
  size?: number;
  colour?: number;
  /** 0..1 of the text's box that sits at `at` ([0.5, 0]: centred, top) */
  anchor?: [number, number];
  bold?: boolean;
}

/** A text of one or more centred lines, drawn about its anchor; it grows about the anchor (textGrowth). */
export class Caption {
  readonly size: number;
  readonly colour: number;
  readonly anchor: [number, number];
  readonly bold: boolean;
  visible = true;

  constructor(
    public text: string,
    readonly at: Pt,
    opts: TextOptions = {},
  ) {
    this.size = opts.size ?? 15;
    this.colour = opts.colour ?? MUTED;
    this.anchor = opts.anchor ?? [0.5, 0];
    this.bold = opts.bold ?? false;
  }

  /** Draws in logical space on a view scaled by `k`; returns its size on screen (CSS px), or Infinity if nothing drawn. */
  draw(ctx: Ctx, k: number): number {
    if (!this.visible || !this.text) return Infinity;
    const size = this.size * textGrowth(k, this.size);
    const lineHeight = size * 1.2;
    const lines = this.text.split('\n');
    ctx.font = `${this.bold ? 600 : 400} ${size}px ${FONT}`;
    ctx.fillStyle = css(this.colour);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    let width = 0;
    for (const l of lines) width = Math.max(width, ctx.measureText(l).width);
    const cx = this.at[0] + (0.5 - this.anchor[0]) * width;
    const top = this.at[1] - this.anchor[1] * lines.length * lineHeight;
    lines.forEach((l, i) => ctx.fillText(l, cx, top + (i + 0.5) * lineHeight));
    return size * k;
  }
}

/** A live value: its text changes only when the string does. */
export class LiveText {
  readonly text: Caption;
  constructor(at: Pt, opts: TextOptions = {}) {
    this.text = new Caption('', at, { colour: LABEL, ...opts });
  }
  /** True if the text changed (the layer holding it is then drawn again). */
  set(s: string): boolean {
    if (s === this.text.text) return false;
    this.text.text = s;
    return true;
  }
}

/** A pressure transducer on a line and its tag: a dot on the line, a leader, and a box "label / value mmHg". */
export class PressureTag {
  readonly value: LiveText;
  private readonly name: Caption;

  constructor(
    label: string,
    private readonly at: Pt,
    private readonly tag: Pt,
  ) {
    const [tx, ty] = tag;
    this.name = new Caption(label, [tx, ty - 20], { size: 14, anchor: [0.5, 0] });
    this.value = new LiveText([tx, ty + 9], { size: 17, anchor: [0.5, 0.5], bold: true });
  }

  /** Draws the tag; returns the smaller on-screen size of its two texts. */
  draw(ctx: Ctx, k: number): number {
    const [tx, ty] = this.tag;
    const [x, y] = this.at;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(tx, ty);
    stroke(ctx, { width: 1.5, color: MUTED, alpha: 0.8 });
    roundRect(ctx, tx - 46, ty - 21, 92, 42, 6);
    fill(ctx, 0x0b1117, 0.94);
    stroke(ctx, { width: 1, color: MUTED, alpha: 0.8 });
    fill(circle(ctx, x, y, 4), 0xf2c14e);
    return Math.min(this.name.draw(ctx, k), this.value.text.draw(ctx, k));
  }

  static text(v_mmHg: number): string {
    return `${Number.isFinite(v_mmHg) ? Math.round(v_mmHg) : '—'} mmHg`;
  }
}
