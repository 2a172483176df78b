/**
 * CRP (solutes.md, "CRP"): hepatic synthesis driven by IL-6 after a lag, first-order elimination (t½ 19 h), and
 * a start that need not be a steady state: synthesis at the start is the fraction φ of elimination at the start.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../sim/engine/simulate.js';
import { DEFAULT_STANDARD, FLUID_NEUTRAL, run, scenario } from './helpers/scenarios.js';

/** CRP in plasma, mg: concentration (mg/L) times the plasma volume (L) at every sample. */
function crpAmount_mg(r: RunResult): number[] {
  const s = r.series;
  return Array.from(s.crp_mg_L, (c, i) => (c * s.intravascular_volume_mL[i] * (1 - s.hematocrit_pct[i] / 100)) / 1000);
}

describe('a CRP excess at the start is cleared with CRP’s own half-life (solutes.md, CRP)', () => {
  // IL-6 held at its start (drive D∞ = 1, no filter), so the lagged signal and the synthesis S = φ·k·A₀ are constant:
  //   dA/dt = φ·k·A₀ − k·A   ⇒   A(t) = A₀·[φ + (1 − φ)·e^(−k·t)],  k = ln 2 / t½
  // the excess (1 − φ)·A₀ halves every t½ and CRP settles at φ·A₀ (from above when φ < 1, from below when φ > 1).
  const halfLife = 19;
  const k = Math.LN2 / halfLife;
  // no fluid moves (FLUID_NEUTRAL): IL-6's concentration, which drives synthesis, stays where it started
  const flatIl6 = { 'kinetics.sepsisDrive.residualFraction': '1', 'kinetics.crp.halfLife': `${halfLife} h`, duration: '72 h', ...FLUID_NEUTRAL };

  it('follows A₀·[φ + (1 − φ)·e^(−kt)] to 1e-6 relative at every output sample', () => {
    for (const phi of [0.7, 0.85, 1.5]) {
      const r = run(DEFAULT_STANDARD, { ...flatIl6, 'kinetics.crp.startingSynthesisFraction': `${phi}` });
      const amount = crpAmount_mg(r);
      r.series.time_h.forEach((t, i) => {
        const analytic = amount[0] * (phi + (1 - phi) * Math.exp(-k * t));
        expect(Math.abs(amount[i] / analytic - 1), `φ = ${phi}, t = ${t} h`).toBeLessThan(1e-6);
      });
    }
  });
  it('after one half-life half the excess is gone; with φ = 1 the start is a steady state and CRP stays flat', () => {
    const r = run(DEFAULT_STANDARD, { ...flatIl6, 'kinetics.crp.startingSynthesisFraction': '0.7' });
    const i = r.series.time_h.findIndex((t) => Math.abs(t - halfLife) < 1e-9);
    expect(i).toBeGreaterThan(0);
    const amount = crpAmount_mg(r);
    expect(amount[i] / amount[0]).toBeCloseTo(0.7 + 0.3 / 2, 5);
    const steady = crpAmount_mg(run(DEFAULT_STANDARD, { ...flatIl6, 'kinetics.crp.startingSynthesisFraction': '1' }));
    for (const a of steady) expect(Math.abs(a / steady[0] - 1)).toBeLessThan(1e-9);
  });
  it('a fraction below 0 or above 5 is refused, naming the field and the value', () => {
    for (const bad of ['-0.1', '6'])
      expect(() => scenario(DEFAULT_STANDARD, { 'kinetics.crp.startingSynthesisFraction': bad })).toThrow(
        new RegExp(`kinetics\\.crp\\.startingSynthesisFraction[\\s\\S]*${bad.replace('.', '\\.')}`),
      );
  });
});
