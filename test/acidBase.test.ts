/** Acid–base: Henderson–Hasselbalch, lactate titrating bicarbonate, and the replacement fluid's bicarbonate. */
import { describe, expect, it } from 'vitest';
import { arterialPh } from '../sim/patient/acidBase/acidBase.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

describe('acid–base', () => {
  it('Henderson–Hasselbalch: bicarbonate 24 mmol/L at PaCO2 40 mmHg is the normal pH 7.4', () => {
    expect(arterialPh(24, 40)).toBeCloseTo(7.4, 1);
    // doubling PaCO2 at the same bicarbonate lowers pH by log10(2)
    expect(arterialPh(24, 40) - arterialPh(24, 80)).toBeCloseTo(Math.log10(2), 12);
  });

  it('without the filter, lactic acid titrates bicarbonate one for one: bicarbonate + lactate stays at its start', () => {
    const r = run(DEFAULT_STANDARD, { duration: '24 h' });
    const start = r.scenario.patient.acidBase.bicarbonate + r.scenario.patient.baseline.lactate;
    r.series.bicarbonate_mmol_L.forEach((b, i) => expect(b + r.series.lactate_mmol_L[i]).toBeCloseTo(start, 9));
  });

  it('a short delivery: lactate rises, bicarbonate and pH fall', () => {
    const r = run(DEFAULT_STANDARD, {
      'patient.cardiacOutput': '4000 mL/min',
      'patient.lung.shuntFraction': '0.6',
      'patient.lung.o2Consumption': '300 mL/min',
      duration: '4 h',
    });
    expect(at(r, 'lactate_mmol_L', 4)).toBeGreaterThan(at(r, 'lactate_mmol_L', 0));
    expect(at(r, 'bicarbonate_mmol_L', 4)).toBeLessThan(at(r, 'bicarbonate_mmol_L', 0));
    expect(at(r, 'ph', 4)).toBeLessThan(at(r, 'ph', 0));
  });

  it('hemofiltration draws bicarbonate + lactate towards the replacement fluid’s bicarbonate, never past it', () => {
    const r = run(DEFAULT_ECMO, { duration: '72 h' });
    const target = r.scenario.prescription.replacementFluid.bicarbonate;
    const base = r.series.bicarbonate_mmol_L.map((b, i) => b + r.series.lactate_mmol_L[i]);
    for (let i = 1; i < base.length; i++) expect(base[i]).toBeGreaterThanOrEqual(base[i - 1] - 1e-9);
    expect(Math.max(...base)).toBeLessThanOrEqual(target);
    expect(target - at(r, 'bicarbonate_mmol_L', 72) - at(r, 'lactate_mmol_L', 72)).toBeLessThan(0.5);
    expect(at(r, 'ph', 24)).toBeGreaterThan(at(r, 'ph', 0));
  });
});
