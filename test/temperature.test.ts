/**
 * Body temperature: the heat balance against a hand computation, the heater, and the heat ledger.
 *
 * Hand computation (docs/models/temperature.md). With the sepsis drive held at 1 (its residual fraction 1), the fever
 * set point stays at the starting temperature T0 and every term is linear in x = T − T0:
 *   C·dx/dt = −Q_r·c_w·(T0 − T_r) − (G + K + Q_r·c_w + ε·Q_p·c_b·[heater] − α·H0)·x      (heater set point = T0)
 * so x(t) = x∞·(1 − e^(−λt)), x∞ = −Q_r·c_w·(T0 − T_r)/Σ, λ = Σ/C.
 */
import { describe, expect, it } from 'vitest';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

/** Published constants of the hand computation, written here independently of the code. */
const WEIR_O2_kcal_L = 3.941; // Weir, J Physiol 1949
const WEIR_CO2_kcal_L = 1.106;
const KJ_PER_KCAL = 4.184;
const WATER_kJ_L_K = 4.18;
const BLOOD_kJ_L_K = 3.8; // 3.6 kJ/kg/K × 1.05 kg/L

const constantDrive = { 'kinetics.sepsisDrive.residualFraction': '1', 'patient.weight': '80 kg', 'prescription.effluentDose': '45 mL/kg/h', duration: '12 h' };

/** T(t) from the closed form, with the scenario's parameters (heater conductance in kJ/h/K, 0 when off). */
function handTemperature(s: ReturnType<typeof run>['scenario'], t_h: number, heater_kJ_h_K: number, replacement_C: number): number {
  const p = s.patient;
  const t0 = p.temperature.start;
  const energy_kJ_L = KJ_PER_KCAL * (WEIR_O2_kcal_L + WEIR_CO2_kcal_L * (p.lung.co2Production / p.lung.o2Consumption));
  const h0 = (p.lung.o2Consumption * 60 * energy_kJ_L) / 1000; // kJ/h
  const g = h0 / (t0 - p.temperature.room); // resting loss: the start is a steady state
  const k = 3.6 * p.temperature.thermoregulatoryGain; // W/K → kJ/h/K
  const replacement_L_h = (s.prescription.effluentDose * p.weight - s.prescription.netUltrafiltration) / 1000;
  const qc = replacement_L_h * WATER_kJ_L_K;
  const sigma = g + k + qc + heater_kJ_h_K - p.temperature.vo2PerKelvin * h0;
  const xInf = (-qc * (t0 - replacement_C)) / sigma;
  const c = p.temperature.specificHeat * p.weight;
  return t0 + xInf * (1 - Math.exp((-sigma / c) * t_h));
}

describe('body temperature', () => {
  it('room-temperature replacement at 45 mL/kg/h, heater off, cools an 80 kg patient as the hand-computed heat balance says', () => {
    const r = run(DEFAULT_ECMO, { ...constantDrive, 'circuit.heater.on': 'false', 'prescription.replacementFluid.warming': 'roomTemperature' });
    expect(r.events.filter((e) => e.type === 'filter_change')).toEqual([]);
    const s = r.scenario;
    for (const t of [1, 3, 6, 12]) {
      expect(at(r, 'temperature_C', t)).toBeCloseTo(handTemperature(s, t, 0, s.patient.temperature.room), 3);
    }
    // 3600 mL/h of fluid 16.4 K colder than the patient: ~69 W at the start, and more than 3 K of cooling in 12 h
    expect(at(r, 'replacement_heat_loss_W', 0)).toBeCloseTo((3.6 * WATER_kJ_L_K * (s.patient.temperature.start - s.patient.temperature.room)) / 3.6, 6);
    expect(s.patient.temperature.start - at(r, 'temperature_C', 12)).toBeGreaterThan(3);
  });

  it('with the heater on at the starting temperature, temperature holds (within the heat exchanger’s steady offset)', () => {
    const start = '38.4 degC';
    const r = run(DEFAULT_ECMO, {
      ...constantDrive,
      'circuit.heater.setPoint': start,
      'prescription.replacementFluid.warming': 'roomTemperature',
    });
    const s = r.scenario;
    // the heated blood reaches the patient with the return flow (pump flow less the filter limb's take-off)
    const pump_L_h = at(r, 'return_flow_L_min', 6) * 60;
    const heater = s.circuit!.heater.performanceFactor * pump_L_h * BLOOD_kJ_L_K;
    expect(at(r, 'temperature_C', 12)).toBeCloseTo(handTemperature(s, 12, heater, s.patient.temperature.room), 2);
    expect(Math.abs(at(r, 'temperature_C', 12) - s.patient.temperature.start)).toBeLessThan(0.5);
  });

  it('warmed replacement with the heater off and a constant drive: nothing moves the patient from the start', () => {
    const r = run(DEFAULT_ECMO, {
      ...constantDrive,
      'circuit.heater.on': 'false',
      'prescription.replacementFluid.warming': 'warmed',
      'prescription.replacementFluid.warmedTemperature': '38.4 degC',
    });
    expect(Math.max(...r.series.temperature_C.map((t) => Math.abs(t - 38.4)))).toBeLessThan(1e-6);
  });

  it('the fever resolves with the sepsis drive in standard care (set point raised with the drive: a hypothesis)', () => {
    const r = run(DEFAULT_STANDARD, { duration: '24 h' });
    const s = r.scenario;
    expect(at(r, 'temperature_C', 0)).toBe(s.patient.temperature.start);
    expect(at(r, 'temperature_C', 24)).toBeLessThan(s.patient.temperature.start);
    expect(at(r, 'temperature_C', 24)).toBeGreaterThan(s.patient.temperature.normalSetPoint);
  });

  it('the heat balance closes: start + gained − lost = end (gained and lost: each flow’s part in that direction)', () => {
    const r = run(DEFAULT_ECMO, { duration: '24 h', 'prescription.replacementFluid.warming': 'roomTemperature' });
    const heat = r.summary.mass_balance.heat;
    expect(heat.produced).toBeGreaterThan(0);
    expect(heat.eliminated).toBeGreaterThan(0);
    expect(heat.relative_residual).toBeLessThan(1e-6);
  });
});
