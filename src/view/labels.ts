/** Text on the circuit: fixed captions and live tags (pressures at their transducers, device read-outs). */
import { Container, Graphics, Text, type TextStyleOptions } from 'pixi.js';
import type { Pt } from './paths';
import { LABEL, MUTED } from './colors';

const FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif';
/** Text is rasterised at this multiple of its logical size so it stays sharp when the view is scaled. */
export const TEXT_RESOLUTION = 2;

export function caption(text: string, at: Pt, opts: { size?: number; colour?: number; anchor?: [number, number]; bold?: boolean } = {}): Text {
  const style: TextStyleOptions = {
    fontFamily: FONT,
    fontSize: opts.size ?? 15,
    fill: opts.colour ?? MUTED,
    fontWeight: opts.bold ? '600' : '400',
    align: 'center',
    lineHeight: (opts.size ?? 15) * 1.2,
  };
  const t = new Text({ text, style, resolution: TEXT_RESOLUTION });
  t.anchor.set(...(opts.anchor ?? [0.5, 0]));
  t.position.set(at[0], at[1]);
  return t;
}

/** A live value: redraws its text only when the string changes. */
export class LiveText {
  readonly text: Text;
  private last = '';
  constructor(at: Pt, opts: { size?: number; colour?: number; anchor?: [number, number]; bold?: boolean } = {}) {
    this.text = caption('', at, { colour: LABEL, ...opts });
  }
  /** Sets the fill colour; true if it changed (pixi then rasterises the text again). */
  colour(c: number): boolean {
    if (this.text.style.fill === c) return false;
    this.text.style.fill = c;
    return true;
  }
  /** True if the text changed (pixi then rasterises it again at the next render). */
  set(s: string): boolean {
    if (s === this.last) return false;
    this.text.text = s;
    this.last = s;
    return true;
  }
}

/**
 * A pressure transducer on a line and its tag: a dot on the line, a leader, and a box "label / value mmHg". The
 * frame (dot, leader, box, label) never changes and goes in a cached layer; the value is drawn over it.
 */
export class PressureTag {
  readonly frame = new Container();
  readonly value: LiveText;

  constructor(label: string, at: Pt, tag: Pt) {
    const [tx, ty] = tag;
    const g = new Graphics()
      .moveTo(at[0], at[1])
      .lineTo(tx, ty)
      .stroke({ width: 1.5, color: MUTED, alpha: 0.8 })
      .roundRect(tx - 46, ty - 21, 92, 42, 6)
      .fill({ color: 0x0b1117, alpha: 0.94 })
      .stroke({ width: 1, color: MUTED, alpha: 0.8 })
      .circle(at[0], at[1], 4)
      .fill(0xf2c14e);
    const name = caption(label, [tx, ty - 20], { size: 14, anchor: [0.5, 0] });
    this.value = new LiveText([tx, ty + 9], { size: 17, anchor: [0.5, 0.5], bold: true });
    this.frame.addChild(g, name);
  }

  set(v_mmHg: number): boolean {
    return this.value.set(PressureTag.text(v_mmHg));
  }

  static text(v_mmHg: number): string {
    return `${Number.isFinite(v_mmHg) ? Math.round(v_mmHg) : '—'} mmHg`;
  }
}

/** The smallest text the circuit shows, in CSS pixels: captions grow to it when the view is scaled down. */
export const MIN_TEXT_px = 12;

/** Every Text under `root` (captions, live read-outs, tags' texts). */
export function textsUnder(root: Container): Text[] {
  const out: Text[] = [];
  const walk = (c: Container) => {
    if (c instanceof Text) out.push(c);
    for (const child of c.children) walk(child as Container);
  };
  walk(root);
  return out;
}

/** A text's size on screen (CSS px): its font size times every scale from it up to the stage. */
export function screenSize_px(t: Text): number {
  let px = Number(t.style.fontSize);
  for (let n: Container | null = t; n; n = n.parent) px *= n.scale.y;
  return px;
}
