/**
 * Venous return meets the cardiac function curve (Guyton): blood volume moves cardiac output, CVP and MAP; at the
 * starting volume the patient's own numbers are kept.
 */
import { describe, expect, it } from 'vitest';
import { circulationAt, flowAdjustedMap_mmHg, type Circulation } from '../sim/patient/hemodynamics/venousReturn.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FIXED_DEMAND, FIXED_RATE, FLUID_NEUTRAL, run, STILL_HEART } from './helpers/scenarios.js';

const params = { fillingGradient: 8, cardiacFunctionSlope: 0.5 };
const start = { cardiacOutput_L_min: 6.5, centralVenousPressure_mmHg: 10, compliance_mL_mmHg: 160, volume_mL: 5600 };
const out = (): Circulation => ({ cardiacOutput_L_min: NaN, centralVenousPressure_mmHg: NaN });

describe('venous return and cardiac output', () => {
  it('at the starting volume: the starting cardiac output, CVP and MAP', () => {
    const c = circulationAt(params, start, 5600, out());
    expect(c.cardiacOutput_L_min).toBeCloseTo(6.5, 12);
    expect(c.centralVenousPressure_mmHg).toBeCloseTo(10, 12);
    expect(flowAdjustedMap_mmHg(52.3, 10, c, 6.5)).toBeCloseTo(52.3, 12);
  });

  it('the crossing lies on both curves: CO = (Pmsf − CVP)/Rvr and CO = CO0 + S·(CVP − CVP0)', () => {
    for (const volume of [4600, 5300, 5900, 6600]) {
      const c = circulationAt(params, start, volume, out());
      const pmsf = start.centralVenousPressure_mmHg + params.fillingGradient + (volume - start.volume_mL) / start.compliance_mL_mmHg;
      const rvr = params.fillingGradient / start.cardiacOutput_L_min;
      expect(c.cardiacOutput_L_min).toBeCloseTo((pmsf - c.centralVenousPressure_mmHg) / rvr, 10);
      expect(c.cardiacOutput_L_min).toBeCloseTo(6.5 + 0.5 * (c.centralVenousPressure_mmHg - 10), 10);
    }
  });

  it('by hand: 480 mL lost from 5600 mL (C 160 mL/mmHg, gradient 8 mmHg, S 0.5 L/min/mmHg)', () => {
    // ΔPmsf = −480/160 = −3 mmHg; Rvr = 8/6.5 mmHg·min/L; ΔCVP = −3/(1 + 0.5·8/6.5) = −1.8571…; ΔCO = 0.5·ΔCVP
    const c = circulationAt(params, start, 5120, out());
    const dCvp = -3 / (1 + (0.5 * 8) / 6.5);
    expect(c.centralVenousPressure_mmHg).toBeCloseTo(10 + dCvp, 10);
    expect(c.cardiacOutput_L_min).toBeCloseTo(6.5 + 0.5 * dCvp, 10);
    // MAP − CVP scales with flow through the same resistance
    expect(flowAdjustedMap_mmHg(60, 10, c, 6.5)).toBeCloseTo(10 + dCvp + (50 * (6.5 + 0.5 * dCvp)) / 6.5, 10);
  });

  it('a flat cardiac function curve (S = 0) makes cardiac output deaf to volume; a steeper one makes it hear more', () => {
    const flat = circulationAt({ ...params, cardiacFunctionSlope: 0 }, start, 5000, out());
    expect(flat.cardiacOutput_L_min).toBe(6.5);
    const gentle = circulationAt({ ...params, cardiacFunctionSlope: 0.3 }, start, 5000, out()).cardiacOutput_L_min;
    const steep = circulationAt({ ...params, cardiacFunctionSlope: 1.2 }, start, 5000, out()).cardiacOutput_L_min;
    expect(steep).toBeLessThan(gentle);
  });

  it('flow never reverses: a filling pressure far below the atrium stops it', () => {
    expect(circulationAt(params, start, 1000, out()).cardiacOutput_L_min).toBe(0);
  });

  it('below the unstressed volume nothing holds pressure: from full to empty, CO, CVP and MAP never fall below 0 (Guyton 1955)', () => {
    for (const p of [params, { ...params, cardiacFunctionSlope: 0 }, { ...params, cardiacFunctionSlope: 1.2 }]) {
      for (let volume = 6600; volume >= 0; volume -= 50) {
        const c = circulationAt(p, start, volume, out());
        expect(c.cardiacOutput_L_min).toBeGreaterThanOrEqual(0);
        expect(c.centralVenousPressure_mmHg).toBeGreaterThanOrEqual(0);
        expect(flowAdjustedMap_mmHg(52.3, 10, c, 6.5)).toBeGreaterThanOrEqual(0);
      }
      const empty = circulationAt(p, start, 0, out());
      expect(empty.cardiacOutput_L_min).toBe(0);
      expect(flowAdjustedMap_mmHg(52.3, 10, empty, 6.5)).toBe(0);
    }
  });

  it('on the plateau: once the crossing would put the atrium below 0, CVP = 0 and the heart pumps what returns, Pmsf/Rvr', () => {
    // S 0.5: the heart still pumps CO0 − S·CVP0 = 1.5 L/min at CVP 0, so the atrium reaches 0 first: at Pmsf = Rvr·1.5
    const rvr = params.fillingGradient / 6.5;
    const atZero = 5600 + (rvr * 1.5 - 18) * 160; // the volume whose Pmsf is Rvr·1.5 mmHg
    const above = circulationAt(params, start, atZero + 1e-6, out());
    const below = circulationAt(params, start, atZero - 1e-6, out());
    expect(above.centralVenousPressure_mmHg).toBeCloseTo(0, 6);
    expect(below.centralVenousPressure_mmHg).toBe(0);
    expect(below.cardiacOutput_L_min).toBeCloseTo(above.cardiacOutput_L_min, 6);
    const deeper = circulationAt(params, start, atZero - 160, out()); // Pmsf 1 mmHg lower
    expect(deeper.cardiacOutput_L_min).toBeCloseTo((rvr * 1.5 - 1) / rvr, 10);
  });

  it('a steep heart (S 1.2) stops at a positive filling pressure CVP* = CVP0 − CO0/S: below it nothing flows and CVP = Pmsf', () => {
    const steep = { ...params, cardiacFunctionSlope: 1.2 };
    const stops = 10 - 6.5 / 1.2; // 4.58 mmHg
    const volume = 5600 + (stops - 1 - 18) * 160; // Pmsf 1 mmHg below CVP*
    const c = circulationAt(steep, start, volume, out());
    expect(c.cardiacOutput_L_min).toBe(0);
    expect(c.centralVenousPressure_mmHg).toBeCloseTo(stops - 1, 10);
    expect(flowAdjustedMap_mmHg(52.3, 10, c, 6.5)).toBeCloseTo(stops - 1, 10);
  });
});

describe('volume reaches MAP in a run (norepinephrine held)', () => {
  // CO2 production held too: PaCO2 then stays the patient's own and moves neither the heart nor the right ventricle
  // and no fluid in or out but the one each run sets
  const held = { duration: '6 h', 'prescription.norepinephrine.titrate': 'false', ...FIXED_RATE, ...FIXED_DEMAND, ...FLUID_NEUTRAL };
  const base = run(DEFAULT_STANDARD, held);
  const losing = run(DEFAULT_STANDARD, { ...held, 'patient.fluids.urineOutput': '300 mL/h' });
  const given = run(DEFAULT_STANDARD, { ...held, 'patient.fluids.infusion': '300 mL/h' });
  it('standard care keeps its starting MAP, cardiac output and CVP when volume does not change', () => {
    expect(at(base, 'map_mmHg', 0)).toBeCloseTo(52.3, 9);
    expect(at(base, 'cardiac_output_L_min', 6)).toBeCloseTo(6.5, 9);
    expect(at(base, 'central_venous_pressure_mmHg', 6)).toBeCloseTo(10, 9);
  });
  it('losing volume lowers cardiac output and MAP; giving it raises them', () => {
    expect(at(losing, 'cardiac_output_L_min', 6)).toBeLessThan(6.5);
    expect(at(losing, 'map_mmHg', 6)).toBeLessThan(at(base, 'map_mmHg', 6));
    expect(at(given, 'cardiac_output_L_min', 6)).toBeGreaterThan(6.5);
    expect(at(given, 'map_mmHg', 6)).toBeGreaterThan(at(base, 'map_mmHg', 6));
  });
  it('the ECMO prime holds the starting pressures at cannulation: CVP and cardiac output start at the patient’s', () => {
    // the right ventricle's afterload off: ECMO's CO2 removal lifts the heart's curve from cannulation (rightHeart.test.ts)
    const ecmo = run(DEFAULT_ECMO, { duration: '1 h', ...STILL_HEART });
    expect(at(ecmo, 'cardiac_output_L_min', 0)).toBeCloseTo(6.5, 9);
    expect(at(ecmo, 'central_venous_pressure_mmHg', 0)).toBeCloseTo(10, 9);
  });
});
