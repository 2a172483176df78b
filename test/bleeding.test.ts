/**
 * Blood loss and the faults that cause it (issue 13, "Faults"; docs/training/bleeding.md): whole blood leaving the
 * patient carries red cells, plasma and every plasma solute together. Volumes and masses balance with the loss;
 * hematocrit moves only as refill dilutes it; the lost volume lowers venous pressure and so the venous-return limit,
 * and the drained vein chatters at a pump speed that ran steadily before.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../sim/engine/simulate.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

type Series = keyof RunResult['series'];

/** ∫ f dt over the samples, trapezoidal. */
function integral(r: RunResult, f: (i: number) => number): number {
  const t = r.series.time_h;
  let sum = 0;
  for (let i = 1; i < t.length; i++) sum += 0.5 * (f(i) + f(i - 1)) * (t[i] - t[i - 1]);
  return sum;
}
const s = (r: RunResult, name: Series) => r.series[name];

describe('bleeding from the patient', () => {
  const rate = 500; // mL/h
  const bleeding = run(DEFAULT_ECMO, { duration: '4 h', outputInterval: '0.02 h', 'patient.bleeding.rate': `${rate} mL/h` });
  const intact = run(DEFAULT_ECMO, { duration: '4 h', outputInterval: '0.02 h' });

  it('volume is conserved: body + lost + urine + effluent = start + given, and the loss is the rate times the time', () => {
    const f = bleeding.summary.mass_balance.fluid;
    expect(f.lost_in_bleeding).toBeCloseTo(rate * 4, 6);
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
    expect(at(bleeding, 'blood_loss_mL', 2)).toBeCloseTo(rate * 2, 6);
    expect(at(bleeding, 'bleeding_rate_mL_h', 2)).toBe(rate);
    // without bleeding the balance reports no loss field at all (outputs unchanged)
    expect(intact.summary.mass_balance.fluid.lost_in_bleeding).toBeUndefined();
    expect(at(intact, 'blood_loss_mL', 4)).toBe(0);
  });

  it('red cells leave at the hematocrit of the blood lost: V_rc0 − V_rc(t) = ∫ Hct·Q dt', () => {
    const redCells = (i: number) => (s(bleeding, 'hematocrit_pct')[i] / 100) * s(bleeding, 'intravascular_volume_mL')[i];
    const lostRedCells = integral(bleeding, (i) => (s(bleeding, 'hematocrit_pct')[i] / 100) * rate);
    const last = bleeding.series.time_h.length - 1;
    expect((redCells(0) - redCells(last)) / lostRedCells).toBeCloseTo(1, 4);
  });

  it('pure bleeding leaves hematocrit where it was; only refill dilutes it afterwards', () => {
    // standard care (no filter), refill nearly shut (24 h time constant): 250 mL of whole blood in 30 min
    const slow = { duration: '0.5 h', 'patient.fluids.refillTimeConstant': '24 h' };
    const bled = run(DEFAULT_STANDARD, { ...slow, 'patient.bleeding.rate': `${rate} mL/h` });
    const hct0 = at(bled, 'hematocrit_pct', 0);
    const v0 = at(bled, 'intravascular_volume_mL', 0);
    // had 250 mL of plasma left instead, hematocrit would have risen by Hct0·V0/(V0 − 250) − Hct0
    const asPlasma = (hct0 * v0) / (v0 - 250) - hct0;
    expect(at(bled, 'intravascular_volume_mL', 0.5)).toBeLessThan(v0 - 240);
    expect(Math.abs(at(bled, 'hematocrit_pct', 0.5) - hct0)).toBeLessThan(0.03 * asPlasma);
    // with refill at its default the interstitium dilutes the blood that is left
    const refilled = run(DEFAULT_STANDARD, { duration: '2 h', 'patient.bleeding.rate': `${rate} mL/h` });
    expect(at(refilled, 'hematocrit_pct', 2)).toBeLessThan(hct0 - 0.5);
  });

  it('albumin’s mass balance closes with the albumin lost in plasma: ∫ c·Q·(1 − Hct) dt', () => {
    const b = bleeding.summary.mass_balance.albumin;
    expect(b.relative_residual).toBeLessThan(1e-9);
    const lost_g = integral(bleeding, (i) => (s(bleeding, 'albumin_g_L')[i] / 1000) * rate * (1 - s(bleeding, 'hematocrit_pct')[i] / 100));
    expect(b.lost_in_bleeding! / lost_g).toBeCloseTo(1, 3);
    // every solute balances, each with a loss (plasma solutes and body-water ones)
    for (const name of ['il6', 'pct', 'crp', 'creatinine', 'urea', 'lactate']) {
      const m = bleeding.summary.mass_balance[name];
      expect(m.lost_in_bleeding, name).toBeGreaterThan(0);
      expect(m.relative_residual, name).toBeLessThan(1e-9);
    }
  });

  it('500 mL/h: intravascular volume, venous pressure and the drainage limit fall; MAP falls', () => {
    for (const name of ['intravascular_volume_mL', 'p_venous_mmHg', 'venous_return_limit_L_min', 'map_mmHg'] as const) {
      expect(at(bleeding, name, 4), name).toBeLessThan(at(intact, name, 4));
    }
    expect(at(bleeding, 'intravascular_volume_mL', 4)).toBeLessThan(at(intact, 'intravascular_volume_mL', 4) - 1000);
  });

  it('the drained vein chatters at a pump speed that ran steadily without the bleeding', () => {
    const at4000 = { duration: '3 h', 'circuit.pump.speed': '4000 rpm' };
    const steady = run(DEFAULT_ECMO, at4000);
    const bled = run(DEFAULT_ECMO, { ...at4000, 'patient.bleeding.rate': `${rate} mL/h` });
    expect(Math.max(...s(steady, 'drainage_flow_swing_L_min'))).toBe(0);
    expect(steady.events.some((e) => e.type === 'drainage_chatter')).toBe(false);
    expect(at(bled, 'drainage_flow_swing_L_min', 3)).toBeGreaterThan(0.5);
    expect(at(bled, 'drainage_flow_L_min', 3)).toBeLessThan(at(steady, 'drainage_flow_L_min', 3));
    expect(bled.events.some((e) => e.type === 'drainage_chatter' && /chatter begins/.test(e.reason))).toBe(true);
  });
});
