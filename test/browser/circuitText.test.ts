/**
 * The circuit's text on its Canvas 2D layer, under Node with a context that records what is drawn: a text never
 * smaller than MIN_TEXT_px on screen, grown about its anchor, its lines centred in its box.
 */
import { describe, expect, it } from 'vitest';
import { Caption, MIN_TEXT_px, textGrowth } from '../../src/view/labels';
import type { Ctx } from '../../src/view/draw';

/** A context whose text is `CHAR_W` × font size wide per character; it keeps each fillText's text and position. */
const CHAR_W = 0.5;
function recordingCtx() {
  const drawn: { text: string; x: number; y: number; px: number }[] = [];
  let px = 0;
  const ctx = {
    set font(f: string) {
      px = Number(/(\d+(?:\.\d+)?)px/.exec(f)![1]);
    },
    fillStyle: '',
    textBaseline: '',
    textAlign: '',
    measureText: (s: string) => ({ width: s.length * CHAR_W * px }),
    fillText: (text: string, x: number, y: number) => drawn.push({ text, x, y, px }),
  };
  return { ctx: ctx as unknown as Ctx, drawn };
}

describe('circuit text grows to stay readable when the view is scaled down', () => {
  it('at full scale a 15 px caption is drawn at 15 px', () => {
    expect(textGrowth(1, 15)).toBe(1);
    const { ctx, drawn } = recordingCtx();
    expect(new Caption('exhaust', [100, 50], { size: 15 }).draw(ctx, 1)).toBe(15);
    expect(drawn[0].px).toBe(15);
  });

  it('at half scale a 15 px caption (7.5 px on screen) grows to MIN_TEXT_px on screen; a 30 px one does not grow', () => {
    expect(15 * 0.5 * textGrowth(0.5, 15)).toBeCloseTo(MIN_TEXT_px, 12);
    expect(textGrowth(0.5, 30)).toBe(1);
    const { ctx } = recordingCtx();
    expect(new Caption('exhaust', [100, 50], { size: 15 }).draw(ctx, 0.5)).toBeCloseTo(MIN_TEXT_px, 12);
  });

  it('grows about its anchor: a right-anchored, vertically centred block keeps its right edge and middle at the anchor', () => {
    for (const k of [1, 0.4]) {
      const { ctx, drawn } = recordingCtx();
      new Caption('Effluent bag\n0.44 of 5.0 L', [806, 464], { size: 15, anchor: [1, 0.5] }).draw(ctx, k);
      const px = drawn[0].px;
      const widest = Math.max('Effluent bag'.length, '0.44 of 5.0 L'.length) * CHAR_W * px;
      // lines are centred in the block: the block's centre is half its width left of the anchor
      expect(drawn[0].x).toBeCloseTo(806 - widest / 2, 9);
      expect(drawn[1].x).toBeCloseTo(806 - widest / 2, 9);
      // two lines of 1.2 × size, centred on the anchor's y
      expect((drawn[0].y + drawn[1].y) / 2).toBeCloseTo(464, 9);
      expect(drawn[1].y - drawn[0].y).toBeCloseTo(1.2 * px, 9);
    }
  });

  it('an empty or hidden caption draws nothing and does not count as the smallest text', () => {
    const { ctx, drawn } = recordingCtx();
    expect(new Caption('', [0, 0]).draw(ctx, 1)).toBe(Infinity);
    const hidden = new Caption('P drain', [0, 0]);
    hidden.visible = false;
    expect(hidden.draw(ctx, 1)).toBe(Infinity);
    expect(drawn).toEqual([]);
  });
});
