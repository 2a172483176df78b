/**
 * Venous return meets the cardiac function curve (Guyton): blood volume moves cardiac output, CVP and MAP; at the
 * starting volume the patient's own numbers are kept.
 */
import { describe, expect, it } from 'vitest';
import { circulationAt, flowAdjustedMap_mmHg, type Circulation } from '../sim/patient/hemodynamics/venousReturn.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

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
});

describe('volume reaches MAP in a run (norepinephrine held)', () => {
  const held = { duration: '6 h', 'prescription.norepinephrine.titrate': 'false' };
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
    const ecmo = run(DEFAULT_ECMO, { duration: '1 h' });
    expect(at(ecmo, 'cardiac_output_L_min', 0)).toBeCloseTo(6.5, 9);
    expect(at(ecmo, 'central_venous_pressure_mmHg', 0)).toBeCloseTo(10, 9);
  });
});
