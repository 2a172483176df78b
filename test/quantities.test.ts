/**
 * Units in the types (sim/quantities.ts). The type-level cases are checked by `tsc --noEmit` (`npm test` runs it
 * first): each `@ts-expect-error` line must fail to compile, so if mixing units ever compiled again, the directive
 * would be unused and the type check would fail. At run time the brands cost nothing: the values are plain numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  g_L,
  gramsPerDecilitre,
  L_min,
  litresPerMinute,
  mL_h,
  mL_min,
  mmHg,
  perHour,
  perMinute,
  type Concentration,
  type Flow,
  type Pressure,
} from '../sim/quantities.js';

describe('conversions between units', () => {
  it('perHour: mL/min → mL/h is × 60', () => {
    expect(perHour(mL_min(300))).toBe(18000);
    expect(perHour(mL_min(52.5))).toBe(52.5 * 60);
    expect(perHour(mL_min(0))).toBe(0);
    expect(perHour(mL_min(-5))).toBe(-300);
  });
  it('perMinute: mL/h → mL/min is ÷ 60, the same division the engine did by hand', () => {
    expect(perMinute(mL_h(3600))).toBe(60);
    expect(perMinute(mL_h(3150))).toBe(3150 / 60);
    expect(perMinute(mL_h(1000))).toBe(1000 / 60); // not 1000 × (1/60), which differs in the last bit
  });
  it('perMinute undoes perHour', () => {
    for (const q of [0, 1, 42.7, 350, 4200.123]) expect(perMinute(perHour(mL_min(q)))).toBeCloseTo(q, 12);
  });
  it('litresPerMinute: mL/min → L/min is ÷ 1000', () => {
    expect(litresPerMinute(mL_min(4200))).toBe(4.2);
    expect(litresPerMinute(mL_min(3456.7))).toBe(3456.7 / 1000);
  });
  it('gramsPerDecilitre: g/L → g/dL is ÷ 10', () => {
    expect(gramsPerDecilitre(g_L(73))).toBe(7.3);
  });
  it('constructors are identities: a branded value is the number itself', () => {
    for (const x of [0, -1.5, 3.25, 1e9]) {
      expect(mL_min(x)).toBe(x);
      expect(mL_h(x)).toBe(x);
      expect(L_min(x)).toBe(x);
      expect(mmHg(x)).toBe(x);
      expect(g_L(x)).toBe(x);
      expect(typeof mL_min(x)).toBe('number');
    }
  });
});

describe('mixing units fails to compile', () => {
  const takesMlPerHour = (q: Flow<'mL/h'>) => q;
  const takesMlPerMin = (q: Flow<'mL/min'>) => q;
  const takesMmHg = (p: Pressure<'mmHg'>) => p;
  const takesGramsPerLitre = (c: Concentration<'g/L'>) => c;

  it('a flow in one unit is refused where another unit is expected', () => {
    // @ts-expect-error -- mL/min where mL/h is expected
    takesMlPerHour(mL_min(60));
    // @ts-expect-error -- mL/h where mL/min is expected
    takesMlPerMin(mL_h(3600));
    // @ts-expect-error -- L/min where mL/min is expected
    takesMlPerMin(L_min(4.2));
    // the named conversion is what compiles
    expect(takesMlPerHour(perHour(mL_min(60)))).toBe(3600);
    expect(takesMlPerMin(perMinute(mL_h(3600)))).toBe(60);
  });
  it('a bare number is refused where a unit is expected; a branded one is accepted where a number is', () => {
    // @ts-expect-error -- a plain number has no unit
    takesMlPerMin(300);
    // @ts-expect-error -- arithmetic gives a plain number: re-brand it to say what it is
    takesMlPerMin(mL_min(300) - mL_min(40));
    const asNumber: number = mL_min(300);
    expect(takesMlPerMin(mL_min(asNumber - 40))).toBe(260);
  });
  it('quantities of different dimensions are refused', () => {
    // @ts-expect-error -- a pressure is not a flow
    takesMlPerMin(mmHg(250));
    // @ts-expect-error -- a flow is not a pressure
    takesMmHg(mL_min(250));
    // @ts-expect-error -- a concentration is not a pressure
    takesMmHg(g_L(70));
    // @ts-expect-error -- g/dL where g/L is expected
    takesGramsPerLitre(gramsPerDecilitre(g_L(70)));
    expect(takesMmHg(mmHg(250))).toBe(250);
  });
  it('the conversions accept only their own input unit', () => {
    // @ts-expect-error -- perHour converts from mL/min, not from mL/h
    perHour(mL_h(3600));
    // @ts-expect-error -- perMinute converts from mL/h, not from mL/min
    perMinute(mL_min(60));
    // @ts-expect-error -- litresPerMinute converts from mL/min
    litresPerMinute(mL_h(3600));
    expect(true).toBe(true);
  });
});
