/**
 * Acid–base: Henderson–Hasselbalch, the non-bicarbonate buffers (the Van Slyke line), lactate titrating the buffer
 * base, the CO2 titration curve, and the replacement fluid's bicarbonate.
 */
import { describe, expect, it } from 'vitest';
import { arterialPh, bicarbonateAtNormalPh_mmol_L, bufferedBicarbonate_mmol_L, phOnLine } from '../sim/patient/acidBase/acidBase.js';
import { preTreatmentPaco2_mmHg } from '../sim/patient/gasExchange/preTreatment.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

describe('acid–base', () => {
  it('Henderson–Hasselbalch: bicarbonate 24 mmol/L at PaCO2 40 mmHg is the normal pH 7.4', () => {
    expect(arterialPh(24, 40)).toBeCloseTo(7.4, 1);
    // doubling PaCO2 at the same bicarbonate lowers pH by log10(2)
    expect(arterialPh(24, 40) - arterialPh(24, 80)).toBeCloseTo(Math.log10(2), 12);
  });

  it('without the filter, lactic acid titrates the buffer base one for one: the bicarbonate at pH 7.4 (the Van Slyke line) + lactate stays at its start', () => {
    const r = run(DEFAULT_STANDARD, { duration: '24 h' });
    const z = (i: number) => bicarbonateAtNormalPh_mmol_L(r.series.bicarbonate_mmol_L[i], r.series.ph[i]);
    // the starting bicarbonate is the patient's before treatment, at the native lung's PaCO2
    const hco3 = r.scenario.patient.acidBase.bicarbonate;
    const start = bicarbonateAtNormalPh_mmol_L(hco3, arterialPh(hco3, preTreatmentPaco2_mmHg(r.scenario))) + r.scenario.patient.baseline.lactate;
    r.series.bicarbonate_mmol_L.forEach((_, i) => expect(z(i) + r.series.lactate_mmol_L[i]).toBeCloseTo(start, 9));
    // the ventilator's pH protocol lowers PaCO2, and bicarbonate falls with it along the line (so HCO3 + lactate moves)
    expect(at(r, 'paco2_mmHg', 24)).toBeLessThan(at(r, 'paco2_mmHg', 0));
    expect(at(r, 'bicarbonate_mmol_L', 24) + at(r, 'lactate_mmol_L', 24)).toBeLessThan(r.series.bicarbonate_mmol_L[0] + r.series.lactate_mmol_L[0]);
  });

  it('an acid load past the bicarbonate leaves bicarbonate above zero and pH on the Van Slyke line: the non-bicarbonate buffers take the rest (a clamp at 1e-3 mmol/L used to report pH 2.9)', () => {
    for (const z of [24.4, 10, 0, -10, -30]) {
      const h = bufferedBicarbonate_mmol_L(z, 40);
      expect(h).toBeGreaterThan(0);
      // the root: on the line and on Henderson–Hasselbalch at once
      expect(phOnLine(z, h)).toBeCloseTo(arterialPh(h, 40), 10);
    }
    // 34 mmol/L of lactic acid from normal (Z 24.4 → −10) at PaCO2 40: pH about 6.5, at the edge of reported survivors
    // (6.53, Di Rollo 2013; 6.61, Spencer 2010), not below 3
    const ph = phOnLine(-10, bufferedBicarbonate_mmol_L(-10, 40));
    expect(ph).toBeGreaterThan(6.4);
    expect(ph).toBeLessThan(6.7);
  });

  it('the CO2 titration curve: at a fixed buffer base acute hypercapnia raises bicarbonate about 1 mmol/L per 10 mmHg (Brackett, Cohen & Schwartz, NEJM 1965)', () => {
    const z = bicarbonateAtNormalPh_mmol_L(24, arterialPh(24, 40));
    expect(bufferedBicarbonate_mmol_L(z, 40)).toBeCloseTo(24, 10);
    const perMmHg = (bufferedBicarbonate_mmol_L(z, 80) - 24) / 40;
    expect(perMmHg).toBeGreaterThan(0.05);
    expect(perMmHg).toBeLessThan(0.15);
    // so the pH falls less than Henderson–Hasselbalch alone would at a fixed bicarbonate (log10 2 per doubling): the
    // non-bicarbonate buffers' share (with β 0 the bicarbonate would stay at 24 and this fail)
    const z80 = bufferedBicarbonate_mmol_L(z, 80);
    expect(arterialPh(24, 40) - phOnLine(z, z80)).toBeLessThan(Math.log10(2));
    expect(arterialPh(24, 40) - phOnLine(z, z80)).toBeCloseTo(arterialPh(24, 40) - arterialPh(z80, 80), 10);
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

  it('hemofiltration draws the buffer base towards the replacement fluid’s bicarbonate: it falls only while plasma bicarbonate + lactate is above the fluid’s, rises only while below, and ends beside it', () => {
    const r = run(DEFAULT_ECMO, { duration: '72 h' });
    const target = r.scenario.prescription.replacementFluid.bicarbonate;
    const base = r.series.bicarbonate_mmol_L.map((b, i) => bicarbonateAtNormalPh_mmol_L(b, r.series.ph[i]) + r.series.lactate_mmol_L[i]);
    const plasma = r.series.bicarbonate_mmol_L.map((b, i) => b + r.series.lactate_mmol_L[i]);
    // dX/dt = K·(HCO3,fluid − HCO3 − lactate): between two samples the base can only fall if the plasma was above the
    // fluid at one of them, and only rise if below (a hypercapnia's Van Slyke shift, PaCO2 ~47 mmHg on the rested lung
    // late in the run, takes plasma bicarbonate a little past the fluid's: the filter then takes base out)
    let rose = 0;
    for (let i = 1; i < base.length; i++) {
      if (base[i] < base[i - 1] - 1e-9) expect(Math.max(plasma[i - 1], plasma[i]), `${r.series.time_h[i]} h`).toBeGreaterThan(target);
      if (base[i] > base[i - 1] + 1e-9) {
        expect(Math.min(plasma[i - 1], plasma[i]), `${r.series.time_h[i]} h`).toBeLessThan(target);
        rose++;
      }
    }
    expect(rose).toBeGreaterThan(base.length / 2);
    expect(Math.abs(target - at(r, 'bicarbonate_mmol_L', 72) - at(r, 'lactate_mmol_L', 72))).toBeLessThan(0.5);
    expect(at(r, 'ph', 24)).toBeGreaterThan(at(r, 'ph', 0));
  });
});
