/**
 * The drained vein collapses (circuit-hydraulics.md, "Drainage limits"; venousDrainage.ts): linear in blood volume
 * while distended, below the pressure around it the vein flattens and its pressure approaches P_ext − P_c (the
 * collapsed branch of a collapsible tube's tube law, Shapiro 1977) instead of falling with the linear compliance.
 * Emptying the patient keeps p_venous at or above that floor, the volumes still balance, and the venous-return
 * limit and chatter still follow Pmsf.
 */
import { describe, expect, it } from 'vitest';
import { collapsibleVeinPressure_mmHg, venousReturnLimit_mL_min, venousReturnResistance } from '../sim/circuit/venousDrainage.js';
import { DEFAULT_ECMO, run, runWithTimeline } from './helpers/scenarios.js';

const P_EXT = 7;
const P_C = 2;
const HIGH_FILLING = 1000; // a filling pressure that does not bind

describe('the tube law', () => {
  const vein = (linear: number, filling = HIGH_FILLING) => collapsibleVeinPressure_mmHg(linear, P_EXT, P_C, filling);
  it('a distended vein (P_lin ≥ P_ext) keeps the linear law exactly', () => {
    for (const p of [7, 8, 10, 25, 60]) expect(vein(p)).toBe(p);
  });
  it('is continuous in value and slope (the compliance) where the vein starts to collapse', () => {
    const h = 1e-6;
    expect(vein(P_EXT - h)).toBeCloseTo(P_EXT, 5);
    expect((vein(P_EXT) - vein(P_EXT - h)) / h).toBeCloseTo(1, 5);
  });
  it('below P_ext the pressure approaches P_ext − P_c and never passes it, however much volume is lost', () => {
    let before = vein(P_EXT);
    for (const p of [6, 4, 0, -10, -50, -1000]) {
      const v = vein(p);
      expect(v).toBeLessThan(before); // still falling with volume: the vein keeps a (growing) compliance
      expect(v).toBeGreaterThanOrEqual(P_EXT - P_C);
      before = v;
    }
    // one P_c of linear deficit below P_ext: P_ext − P_c·(1 − 1/e)
    expect(vein(P_EXT - P_C)).toBeCloseTo(P_EXT - P_C * (1 - Math.exp(-1)), 12);
    expect(vein(-1000)).toBeCloseTo(P_EXT - P_C, 9);
  });
  it('never holds more than the filling pressure that drives blood into it, nor any with no stressed volume', () => {
    expect(vein(4, 5)).toBe(5); // the tube law alone would give 5.45
    expect(vein(-30, -12)).toBe(0);
  });
});

describe('emptying the patient', () => {
  const bleed = run(DEFAULT_ECMO, { duration: '1.5 h', outputInterval: '1 min', 'patient.bleeding.rate': '2500 mL/h' });
  const s = bleed.series;
  const p = bleed.scenario.patient;
  const v = bleed.scenario.circuit!.venousDrainage;
  const v0 = s.intravascular_volume_mL[0];
  const linear = (i: number) => p.centralVenousPressure + (s.intravascular_volume_mL[i] - v0) / p.venousCompliance;

  it('a 2.5 L/h bleed: p_venous never falls below P_ext − P_c, where the linear law would be far below it', () => {
    const last = s.time_h.length - 1;
    for (let i = 0; i <= last; i++) expect(s.p_venous_mmHg[i]).toBeGreaterThanOrEqual(v.surroundingPressure - v.collapsePressure - 1e-9);
    expect(linear(last)).toBeLessThan(v.surroundingPressure - v.collapsePressure - 10);
    // while distended p_venous is the linear law, Pmsf keeps it (the whole circulation's stressed volume)
    expect(s.p_venous_mmHg[0]).toBeCloseTo(linear(0), 9);
    for (const i of [0, last]) expect(s.p_msf_mmHg[i]).toBeCloseTo(linear(i) + v.venousReturnGradient, 9);
  });

  it('the volumes still balance', () => {
    const f = bleed.summary.mass_balance.fluid;
    expect(f.lost_in_bleeding).toBeCloseTo(2500 * 1.5, 6);
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
  });

  it('the venous-return limit still follows Pmsf, and the collapsing vein chatters past it', () => {
    const rvr = venousReturnResistance(v.venousReturnGradient, p.cardiacOutput);
    let chattered = false;
    for (let i = 0; i < s.time_h.length; i++) {
      const limit = venousReturnLimit_mL_min(s.p_msf_mmHg[i], v.surroundingPressure, rvr, v.accessibleFraction) / 1000;
      expect(s.venous_return_limit_L_min[i]).toBeCloseTo(limit, 9);
      expect(s.drainage_flow_L_min[i]).toBeLessThanOrEqual(limit + 1e-9);
      if (s.drainage_flow_swing_L_min[i] > 0.5) chattered = true;
    }
    expect(chattered).toBe(true);
    const last = s.time_h.length - 1;
    expect(s.drainage_flow_L_min[last]).toBeLessThan(0.5 * s.drainage_demand_L_min[last]);
  });

  it('the return cannula out: the pump empties the patient in minutes, the vein sits on its floor, balances close', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '0.5 h', set: { 'circuit.decannulation': 'return', 'circuit.siteCompression': true } }], {
      duration: '1 h',
      outputInterval: '1 min',
    });
    const floor = r.scenario.circuit!.venousDrainage.surroundingPressure - r.scenario.circuit!.venousDrainage.collapsePressure;
    for (const pv of r.series.p_venous_mmHg) expect(pv).toBeGreaterThanOrEqual(floor - 1e-9);
    const n = r.series.time_h.length - 1;
    expect(r.series.p_venous_mmHg[n]).toBeCloseTo(floor, 1);
    expect(r.series.venous_return_limit_L_min[n]).toBeLessThan(0.1); // Pmsf down to P_ext: the veins deliver ~nothing
    const f = r.summary.mass_balance.fluid;
    expect(f.lost_in_bleeding).toBeGreaterThan(2000);
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
  });
});
