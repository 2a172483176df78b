/**
 * The inverse the outputs take at every sample (engine.md, "Speed"): PO2 from saturation, Severinghaus's cubic solved
 * in closed form. It must reproduce its forward function to round-off and agree with the 60-halving bisection it
 * replaced. (The post-oxygenator PO2 now comes from the fibre bundle's own solve: test/gasExchangeFibreBundle.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { po2FromSaturation, saturationFromPo2 } from '../sim/patient/gasExchange/gasExchange.js';

/** The bisection po2FromSaturation was: 60 halvings of [0, 700] mmHg. */
function bisected(s: number): number {
  let lo = 0;
  let hi = 700;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (saturationFromPo2(mid) < s) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const saturations = Array.from({ length: 400 }, (_, i) => 0.001 + (0.998 * i) / 399);

describe('PO2 from saturation in closed form', () => {
  it('P³ + 150·P = 23400·S/(1 − S) to round-off, from S = 0.001 to 0.999', () => {
    for (const s of saturations) {
      const p = po2FromSaturation(s);
      const k = (23400 * s) / (1 - s);
      expect(Math.abs(p * p * p + 150 * p - k)).toBeLessThanOrEqual(1e-13 * k);
    }
  });
  it('agrees with the bisection it replaced to 1e-13 of P', () => {
    for (const s of saturations) expect(Math.abs(po2FromSaturation(s) - bisected(s))).toBeLessThanOrEqual(1e-13 * bisected(s));
  });
  it('keeps the ends: 0 at or below S = 0 (and for no number), 700 mmHg from S = 0.9999', () => {
    expect([po2FromSaturation(0), po2FromSaturation(-0.1), po2FromSaturation(NaN)]).toEqual([0, 0, 0]);
    expect(po2FromSaturation(0.9999)).toBe(700);
  });
});
