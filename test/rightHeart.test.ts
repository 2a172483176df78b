/**
 * The right ventricle's afterload from CO2 (rightHeart.ts, a hypothesis): PaCO2 above the patient's own raises the
 * right ventricle's systolic pressure (Balanos 2003), which lowers the cardiac function curve; venous return meets
 * the shifted curve (venousReturn.ts). VV ECMO's CO2 removal lifts it; a patient whose PaCO2 does not move feels nothing.
 */
import { describe, expect, it } from 'vitest';
import { circulationAt, type Circulation } from '../sim/patient/hemodynamics/venousReturn.js';
import { afterloadOutputShift_L_min, rightVentricularPressureChange_mmHg } from '../sim/patient/hemodynamics/rightHeart.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FIXED_DEMAND, FIXED_GAS, FIXED_RATE, run } from './helpers/scenarios.js';

const venous = { fillingGradient: 8, cardiacFunctionSlope: 0.5 };
const start = { cardiacOutput_L_min: 6.5, centralVenousPressure_mmHg: 10, compliance_mL_mmHg: 160, volume_mL: 5600 };
const heart = { co2PressureSensitivity: 0.8, afterloadSensitivity: 0.01 };
const out = (): Circulation => ({ cardiacOutput_L_min: NaN, centralVenousPressure_mmHg: NaN });

describe('the right ventricle’s afterload from CO2', () => {
  it('at the patient’s own PaCO2 nothing moves: the starting cardiac output and CVP', () => {
    const dP = rightVentricularPressureChange_mmHg(heart, 50 - 50);
    expect(dP).toBe(0);
    expect(afterloadOutputShift_L_min(heart, 6.5, dP)).toBeCloseTo(0, 15);
    const c = circulationAt(venous, start, 5600, out(), afterloadOutputShift_L_min(heart, 6.5, dP));
    expect(c.cardiacOutput_L_min).toBe(6.5);
    expect(c.centralVenousPressure_mmHg).toBe(10);
  });

  it('by hand: ECMO takes PaCO2 from 50 to 36 mmHg (g 0.8, f 1 %/mmHg, S 0.5 L/min/mmHg, Rvr 8/6.5)', () => {
    // ΔP_RV = 0.8·(36 − 50) = −11.2 mmHg; δ = 0.01·11.2·6.5 = 0.728 L/min at a constant filling pressure;
    // venous return takes back part of it: ΔCVP = −Rvr·δ/(1 + S·Rvr), ΔCO = δ/(1 + S·Rvr)
    const dP = rightVentricularPressureChange_mmHg(heart, 36 - 50);
    expect(dP).toBeCloseTo(-11.2, 12);
    const delta = afterloadOutputShift_L_min(heart, 6.5, dP);
    expect(delta).toBeCloseTo(0.728, 12);
    const rvr = 8 / 6.5;
    const c = circulationAt(venous, start, 5600, out(), delta);
    expect(c.centralVenousPressure_mmHg).toBeCloseTo(10 - (rvr * 0.728) / (1 + 0.5 * rvr), 10);
    expect(c.cardiacOutput_L_min).toBeCloseTo(6.5 + 0.728 / (1 + 0.5 * rvr), 10);
  });

  it('the crossing lies on the venous return line and on the shifted cardiac function curve', () => {
    const rvr = 8 / 6.5;
    for (const [volume, delta] of [
      [5600, -0.4],
      [5300, 0.6],
      [6100, 0.3],
    ]) {
      const c = circulationAt(venous, start, volume, out(), delta);
      const pmsf = 18 + (volume - 5600) / 160;
      expect(c.cardiacOutput_L_min).toBeCloseTo((pmsf - c.centralVenousPressure_mmHg) / rvr, 10);
      expect(c.cardiacOutput_L_min).toBeCloseTo(6.5 + delta + 0.5 * (c.centralVenousPressure_mmHg - 10), 10);
    }
  });

  it('a flat cardiac function curve passes the whole shift to the output; hypercapnia lowers it, an insensitive ventricle feels none', () => {
    const flat = circulationAt({ ...venous, cardiacFunctionSlope: 0 }, start, 5600, out(), 0.5);
    expect(flat.cardiacOutput_L_min).toBeCloseTo(7, 12);
    const hypercapnic = afterloadOutputShift_L_min(heart, 6.5, rightVentricularPressureChange_mmHg(heart, 60 - 50));
    expect(circulationAt(venous, start, 5600, out(), hypercapnic).cardiacOutput_L_min).toBeLessThan(6.5);
    const insensitive = { ...heart, afterloadSensitivity: 0 };
    expect(afterloadOutputShift_L_min(insensitive, 6.5, rightVentricularPressureChange_mmHg(insensitive, 36 - 50))).toBeCloseTo(0, 15);
  });

  it('a heart cannot eject less than nothing: the shift is at most the whole starting output', () => {
    expect(afterloadOutputShift_L_min(heart, 6.5, 500)).toBe(-6.5);
  });
});

describe('in a run: only a PaCO2 that moves moves the heart', () => {
  // hypercapnia's own response off, so that only the right ventricle's load differs (hypercapnicResponse.test.ts)
  const rv = (f: string) => ({ duration: '2 h', 'hemodynamics.rightHeart.afterloadSensitivity': f, 'hemodynamics.hypercapnia.cardiacOutputGain': '0 1/mmHg' });
  it('standard care at a fixed ventilator rate and CO2 production (native lung alone, PaCO2 its own) is the same with and without the right ventricle’s afterload', () => {
    const off = run(DEFAULT_STANDARD, { ...rv('0 1/mmHg'), ...FIXED_RATE, ...FIXED_DEMAND });
    const on = run(DEFAULT_STANDARD, { ...rv('0.02 1/mmHg'), ...FIXED_RATE, ...FIXED_DEMAND });
    for (const t of [0, 1, 2]) {
      expect(at(on, 'cardiac_output_L_min', t)).toBe(at(off, 'cardiac_output_L_min', t));
      expect(at(on, 'map_mmHg', t)).toBe(at(off, 'map_mmHg', t));
    }
  });
  it('standard care under the pH protocol: a faster rate lowers PaCO2 below the patient’s own and so relieves the right ventricle too', () => {
    const off = run(DEFAULT_STANDARD, { ...rv('0 1/mmHg'), duration: '6 h' });
    const on = run(DEFAULT_STANDARD, { ...rv('0.01 1/mmHg'), duration: '6 h' });
    expect(at(on, 'paco2_mmHg', 6)).toBeLessThan(at(on, 'paco2_mmHg', 0));
    expect(at(on, 'cardiac_output_L_min', 6)).toBeGreaterThan(at(off, 'cardiac_output_L_min', 6));
  });
  it('VV ECMO lowers PaCO2 and so raises cardiac output from cannulation, by the hand figure, at the same arterial pressure', () => {
    const off = run(DEFAULT_ECMO, { ...rv('0 1/mmHg'), ...FIXED_GAS, duration: '2 h' });
    const on = run(DEFAULT_ECMO, { ...rv('0.01 1/mmHg'), ...FIXED_GAS, duration: '2 h' });
    // at the start PaCO2 is the patient's own; an hour in the CO2 stores have emptied towards the circuit's balance
    // (τ ≈ 18 min, co2Stores.ts), while the circulation has adapted to little of the fall (its τ_a is 12 h)
    const t = 1;
    expect(at(on, 'cardiac_output_L_min', 0)).toBe(at(off, 'cardiac_output_L_min', 0));
    expect(at(on, 'paco2_mmHg', t)).toBeLessThan(at(on, 'paco2_mmHg', 0) - 5);
    // the right ventricle's pressure falls by S·H with H the unadapted PaCO2; at nearly the starting volume in both
    // runs the gain is δ/(1 + S_c·Rvr), δ = S·(−H)·CO₀ (the volumes differ by the filter's echo of the flow)
    const s = on.scenario;
    const co0 = s.patient.cardiacOutput / 1000;
    const rvr = s.hemodynamics.venousReturn.fillingGradient / co0;
    const delta = -0.01 * s.hemodynamics.rightHeart.co2PressureSensitivity * at(on, 'unadapted_paco2_mmHg', t) * co0;
    const gain = at(on, 'cardiac_output_L_min', t) - at(off, 'cardiac_output_L_min', t);
    expect(gain).toBeGreaterThan(0);
    expect(Math.abs(gain / (delta / (1 + s.hemodynamics.venousReturn.cardiacFunctionSlope * rvr)) - 1)).toBeLessThan(0.02);
    // CO2 moves flow, not pressure (hypercapnicResponse.ts): the pressure is the one without the load, but for the
    // gas exchange's echo of the higher flow
    expect(Math.abs(at(on, 'map_mmHg', t) - at(off, 'map_mmHg', t))).toBeLessThan(0.3);
  });
});
