/**
 * The ventilator's rate and the ARDS Network pH protocol (sim/patient/gasExchange/ventilatorRate.ts,
 * ventilatorRateCheck.ts), and the stop that names CO2 when PaCO2 takes the oxygen out of the alveoli
 * (sim/engine/physicalLimits.ts).
 */
import { describe, expect, it } from 'vitest';
import { lungCo2Conductance, nextVentilatorRate, type VentilatorRateRule } from '../sim/patient/gasExchange/ventilatorRate.js';
import { arterialCo2_mmHg } from '../sim/patient/gasExchange/co2Exchange.js';
import { gasExchangeProblem } from '../sim/engine/physicalLimits.js';
import { buildModel } from '../sim/engine/model.js';
import { leafAt, type FlagSpec } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FIXED_DEMAND, run, runWithTimeline, scenario } from './helpers/scenarios.js';
import { rk4Step } from './helpers/rk4.js';

/** The card's protocol with the default step. */
const CARD: VentilatorRateRule = { acidosisPh: 7.3, severeAcidosisPh: 7.15, alkalosisPh: 7.45, minPaco2: 25, step: 2, minRate: 6, maxRate: 35 };
/** The rate's arithmetic at a given VCO2: the tissues' demand, which CO2 production follows, held at its start. */
const ON = { 'patient.lung.rateTitration.titrate': 'true', ...FIXED_DEMAND };
/** The bundled defaults run the protocol (the unit's practice); the operator's own rate needs it off. */
const OFF = { 'patient.lung.rateTitration.titrate': 'false', ...FIXED_DEMAND };
/** The repro corner of issue 12's audit: PaCO2 300 mmHg without ECMO at the starting rate. */
const CO2_CORNER = { 'patient.lung.co2Conductance': '1 mL/min/mmHg', 'patient.lung.co2Production': '300 mL/min', ...FIXED_DEMAND };

describe('alveolar ventilation and the lung’s CO2 conductance', () => {
  it('PaCO2 = VCO2/conductance at steady state halves when the rate doubles (fixed tidal volume and dead space)', () => {
    const g = (rate: number) => lungCo2Conductance(4, rate, 20);
    expect(g(20)).toBe(4);
    expect(arterialCo2_mmHg(200, g(20), 0, 6500)).toBe(50);
    expect(arterialCo2_mmHg(200, g(40), 0, 6500)).toBeCloseTo(25, 12);
    expect(arterialCo2_mmHg(200, g(35), 0, 6500)).toBeCloseTo((50 * 20) / 35, 12);
  });
  it('in a run without ECMO, the operator doubling the rate halves PaCO2, the two CO2 stores emptying as their equations say (RK4), and raises the pH by log10(2)', () => {
    // CO2 production held (FIXED_DEMAND): the balance is VCO2/g_lung exactly, 50 mmHg and then 25
    const r = runWithTimeline(DEFAULT_STANDARD, [{ at: '2 h', set: { 'patient.lung.ventilatorRate': '40 bpm' } }], {
      duration: '5 h',
      outputInterval: '5 min',
      ...OFF,
      ...FIXED_DEMAND,
    });
    expect(at(r, 'paco2_mmHg', 1)).toBeCloseTo(50, 9);
    // C_B·dP_B/dt = VCO2 − 2·g_lung·P_B + G·(P_T − P_B), C_T·dP_T/dt = G·(P_B − P_T), both stores at 50 mmHg at 2 h
    // (co2Stores.ts), integrated here by RK4 in steps of 0.01 min
    const lung = r.scenario.patient.lung;
    const [cB, cT] = [lung.co2FastStoreCapacitance, lung.co2StoreCapacitance - lung.co2FastStoreCapacitance];
    const G = cT / lung.co2TissueExchangeTime;
    const g = 2 * lung.co2Conductance;
    const rate = ([b, t]: number[]) => [(lung.co2Production - g * b + G * (t - b)) / cB, (G * (b - t)) / cT];
    let y = [50, 50];
    const h = 0.01;
    for (let step = 1; step <= 3000; step++) {
      y = rk4Step(rate, y, h);
      if (step % 500 === 0) expect(at(r, 'paco2_mmHg', 2 + (step * h) / 60), `${step * h} min`).toBeCloseTo(y[0], 8);
    }
    // the slow mode's time constant: −1/λ of the slower eigenvalue of [[−(g + G)/C_B, G/C_B], [G/C_T, −G/C_T]]
    const tr = -(g + G) / cB - G / cT;
    const det = (g * G) / (cB * cT);
    expect(at(r, 'co2_store_time_constant_min', 3)).toBeCloseTo(-2 / (tr + Math.sqrt(tr * tr - 4 * det)), 9);
    expect(at(r, 'paco2_mmHg', 5)).toBeCloseTo(25, 1); // the slow mode's tail, 3 h after
    // the rate series shows what the ventilator is set to
    expect([at(r, 'ventilator_rate_per_min', 1), at(r, 'ventilator_rate_per_min', 5)]).toEqual([20, 40]);
    // pH = pK + log10(HCO3/(0.03·PaCO2)): with bicarbonate's own move it rises by log10(2) from the halved PaCO2
    const dHco3 = Math.log10(at(r, 'bicarbonate_mmol_L', 5) / at(r, 'bicarbonate_mmol_L', 1));
    const dPaco2 = Math.log10(at(r, 'paco2_mmHg', 1) / at(r, 'paco2_mmHg', 5));
    expect(at(r, 'ph', 5) - at(r, 'ph', 1)).toBeCloseTo(dPaco2 + dHco3, 9);
    expect(dPaco2).toBeCloseTo(Math.log10(2), 3);
  });
});

describe('the ARDS Network pH protocol', () => {
  it('raises the rate one step below pH 7.30, and not at or above it', () => {
    expect(nextVentilatorRate(CARD, 7.2, 50, 20)).toBe(22);
    expect(nextVentilatorRate(CARD, 7.299, 40, 20)).toBe(22);
    expect(nextVentilatorRate(CARD, 7.3, 40, 20)).toBe(20);
    expect(nextVentilatorRate(CARD, 7.4, 40, 20)).toBe(20);
    expect(nextVentilatorRate(CARD, 7.45, 40, 20)).toBe(20);
  });
  it('up to its maximum of 35/min, and to the maximum at once below pH 7.15', () => {
    expect(nextVentilatorRate(CARD, 7.2, 50, 34)).toBe(35);
    expect(nextVentilatorRate(CARD, 7.2, 50, 35)).toBe(35);
    expect(nextVentilatorRate(CARD, 7.1, 60, 20)).toBe(35);
    expect(nextVentilatorRate(CARD, 6.9, 150, 35)).toBe(35);
  });
  it('not while PaCO2 is below 25 mmHg, whatever the pH', () => {
    expect(nextVentilatorRate(CARD, 7.1, 24, 20)).toBe(20);
    expect(nextVentilatorRate(CARD, 7.25, 24.9, 20)).toBe(20);
  });
  it('lowers the rate one step above pH 7.45, down to 6/min', () => {
    expect(nextVentilatorRate(CARD, 7.5, 30, 20)).toBe(18);
    expect(nextVentilatorRate(CARD, 7.5, 30, 7)).toBe(6);
    expect(nextVentilatorRate(CARD, 7.5, 30, 6)).toBe(6);
  });
});

describe('the rate titration in a run', () => {
  it('is off unless a scenario turns it on (the bundled defaults do); off, the rate stays at its start and no rate is logged', () => {
    expect((leafAt(scenarioSpecs, 'patient.lung.rateTitration.titrate') as FlagSpec).default).toBe(false);
    expect(scenario(DEFAULT_STANDARD).patient.lung.rateTitration.titrate).toBe(true);
    expect(scenario(DEFAULT_ECMO).patient.lung.rateTitration.titrate).toBe(true);
    const r = run(DEFAULT_STANDARD, { duration: '6 h', ...OFF });
    expect(r.scenario.patient.lung.rateTitration.titrate).toBe(false);
    expect(r.events.some((e) => e.type === 'ventilator_rate_titration')).toBe(false);
    expect(at(r, 'paco2_mmHg', 6)).toBeCloseTo(50, 9);
  });
  it('standard care at pH 7.17: hourly steps until the blood gas reads pH ≥ 7.30, each step logged, then it holds', () => {
    const r = run(DEFAULT_STANDARD, { duration: '12 h', ...ON });
    const steps = r.events.filter((e) => e.type === 'ventilator_rate_titration');
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.every((e) => e.value! < 7.3 && /→/.test(e.reason))).toBe(true);
    // one step an hour from the first blood gas; PaCO2 then settles at 50 mmHg · 20/rate (the CO2 stores' slow tail)
    expect(steps.map((e) => e.t_h)).toEqual(steps.map((_, i) => i));
    expect(at(r, 'ph', 12)).toBeGreaterThanOrEqual(7.3);
    const lung = r.scenario.patient.lung; // the starting rate, the lung's CO2 at it and the protocol's step
    const rate = lung.ventilatorRate;
    const paco2AtStart = lung.co2Production / lung.co2Conductance; // 50 mmHg without ECMO
    expect(at(r, 'paco2_mmHg', 12)).toBeCloseTo((paco2AtStart * rate) / (rate + lung.rateTitration.step * steps.length), 4);
  });
  it('the pH the heart reads follows the rate: the stores’ PaCO2 falls with a faster rate', () => {
    const off = run(DEFAULT_STANDARD, { duration: '6 h', ...OFF });
    const on = run(DEFAULT_STANDARD, { duration: '6 h', ...ON });
    expect(at(on, 'ph', 6) - at(off, 'ph', 6)).toBeGreaterThan(0.1);
    expect(at(on, 'map_mmHg', 6)).toBeGreaterThan(at(off, 'map_mmHg', 6));
  });
  it('below pH 7.15 the rate goes to 35/min at the first blood gas, and PaCO2 falls to the new balance over the stores’ τ', () => {
    // PaCO2 120 mmHg before treatment (300 mL/min over 2.5 mL/min/mmHg): pH below 7.15
    const r = run(DEFAULT_STANDARD, { duration: '6 h', ...CO2_CORNER, 'patient.lung.co2Conductance': '2.5 mL/min/mmHg', ...ON });
    expect(r.events.find((e) => e.type === 'ventilator_rate_titration')).toMatchObject({ t_h: 0 });
    expect(at(r, 'ventilator_rate_per_min', 0.25)).toBe(35);
    expect(at(r, 'paco2_mmHg', 0.25)).toBeGreaterThan((300 * 20) / (2.5 * 35) + 10);
    expect(at(r, 'paco2_mmHg', 6)).toBeCloseTo((300 * 20) / (2.5 * 35), 1);
  });
  it('on ECMO the oxygenator removes the CO2 and the protocol has little to do', () => {
    const r = run(DEFAULT_ECMO, { duration: '6 h', ...ON });
    expect(at(r, 'paco2_mmHg', 6)).toBeLessThan(45);
    expect(at(r, 'ph', 6)).toBeGreaterThanOrEqual(7.3);
  });
  it('contradictory pH thresholds or rate limits are refused, naming the field', () => {
    expect(() => run(DEFAULT_STANDARD, { duration: '1 h', 'patient.lung.rateTitration.acidosisPh': '7.5' })).toThrow(
      /patient\.lung\.rateTitration\.acidosisPh.*got 7\.5; expected less than alkalosisPh \(7\.45\)/,
    );
    expect(() => run(DEFAULT_STANDARD, { duration: '1 h', 'patient.lung.rateTitration.minRate': '40 bpm' })).toThrow(
      /patient\.lung\.rateTitration\.minRate.*expected at most maxRate \(35 \/min\)/,
    );
  });
});

describe('lung rest on VV ECMO (restRateOnEcmo: CESAR’s 10/min)', () => {
  it('the first blood gas at which the sweep carries the CO2 brings the set rate down to the rest rate, once: PaCO2 falls less in the first hour, and the sweep titration carries the CO2 the lung no longer removes', () => {
    const rested = run(DEFAULT_ECMO, { duration: '6 h', ...FIXED_DEMAND });
    const unrested = run(DEFAULT_ECMO, { duration: '6 h', ...FIXED_DEMAND, 'patient.lung.rateTitration.restRateOnEcmo': '20 bpm' });
    const rest = rested.events.filter((e) => e.type === 'ventilator_rate_titration');
    expect(rest.map((e) => e.t_h)).toEqual([0]);
    expect(rest[0].reason).toMatch(/lung rest, ventilator rate 20 → 10 \/min/);
    expect(new Set(rested.series.ventilator_rate_per_min)).toEqual(new Set([10]));
    // a rest rate at the set rate rests nothing: the protocol stands aside as before
    expect(unrested.events.some((e) => e.type === 'ventilator_rate_titration')).toBe(false);
    expect(new Set(unrested.series.ventilator_rate_per_min)).toEqual(new Set([20]));
    // half the rate, half the lung's CO2 conductance: PaCO2 50 → ~43 mmHg in the first hour instead of ~34
    expect(at(rested, 'paco2_mmHg', 1) - at(unrested, 'paco2_mmHg', 1)).toBeGreaterThan(5);
    expect(at(rested, 'sweep_gas_L_min', 6)).toBeGreaterThan(at(unrested, 'sweep_gas_L_min', 6));
  });
  it('rested again where the circuit takes the CO2 back: a pump stopped for two hours leaves the rate protocol to answer the acidaemia (to 35/min), and at the restart the rate comes back to rest', () => {
    const timeline = [
      { at: '2 h', set: { 'circuit.pump.speed': '0 rpm' } },
      { at: '4 h', set: { 'circuit.pump.speed': '3000 rpm' } },
    ];
    const r = runWithTimeline(DEFAULT_ECMO, timeline, { duration: '7 h', ...FIXED_DEMAND });
    const rates = r.events.filter((e) => e.type === 'ventilator_rate_titration');
    expect(rates.filter((e) => /lung rest/.test(e.reason)).map((e) => e.t_h)).toEqual([0, 4]);
    expect(at(r, 'ventilator_rate_per_min', 3.75)).toBeGreaterThan(at(r, 'ventilator_rate_per_min', 1.75));
    expect(at(r, 'ventilator_rate_per_min', 4.25)).toBe(10);
    // the rested lung beside a working membrane: no hypocapnia after the restart (at 35/min PaCO2 fell below 20 mmHg)
    expect(at(r, 'paco2_mmHg', 7)).toBeGreaterThan(28);
  });
  it('a set rate at or below the rest rate, a patient without a circuit, or the rate protocol off: the lung is left as it is', () => {
    const low = run(DEFAULT_ECMO, { duration: '3 h', ...FIXED_DEMAND, 'patient.lung.ventilatorRate': '8 bpm' });
    expect(new Set(low.series.ventilator_rate_per_min)).toEqual(new Set([8]));
    const standard = run(DEFAULT_STANDARD, { duration: '3 h', ...ON });
    expect(standard.events.some((e) => /lung rest/.test(e.reason))).toBe(false);
    const off = run(DEFAULT_ECMO, { duration: '3 h', ...OFF });
    expect(new Set(off.series.ventilator_rate_per_min)).toEqual(new Set([20]));
  });
});

describe('a PaCO2 that takes the oxygen out of the alveoli stops the run naming CO2', () => {
  it('the stop names PaCO2, the alveolar PO2 and the two lung parameters, not oxygen consumption', () => {
    const stop = () => run(DEFAULT_STANDARD, { duration: '1 h', ...CO2_CORNER, ...OFF });
    expect(stop).toThrow(/CO2 has taken the oxygen out of the lungs: PaCO2 300 mmHg/);
    expect(stop).toThrow(/patient\.lung\.co2Production 300 mL\/min over patient\.lung\.co2Conductance 1\.00 mL\/min\/mmHg/);
    expect(stop).toThrow(/alveolar PO2 of -19 mmHg \(FiO2 0\.50 × 713 − PaCO2\/0\.8\)/);
    expect(stop).toThrow(/expected a PaCO2 nearer its normal 35–45 mmHg/);
    expect(stop).not.toThrow(/oxygen consumed/);
  });
  it('even at the maximum rate: the stop says the titration is on and at its maximum', () => {
    // PaCO2 300 mmHg before treatment: the first blood gas takes the rate to 35/min, but the CO2 stores hold the
    // patient's PaCO2 at the start (the repro corner, which ran while PaCO2 fell at once to the new balance)
    const stop = () => run(DEFAULT_STANDARD, { duration: '1 h', ...CO2_CORNER, ...ON });
    expect(stop).toThrow(
      /at 0\.00 h CO2 has taken the oxygen out of the lungs: PaCO2 300 mmHg.*a lung CO2 conductance of 1\.75 mL\/min\/mmHg \(patient\.lung\.co2Conductance 1\.00 at 20 breaths\/min, the rate now 35\)/,
    );
    expect(stop).toThrow(/the rate titration is on, at most 35 breaths\/min/);
  });
  it('the line between the causes: CO2 is named above a normal PaCO2 with alveolar blood less than half saturated', () => {
    const m = buildModel(scenario(DEFAULT_STANDARD)).m;
    const short = { svo2: -0.01, sao2: 0.3, effectiveFlow_mL_min: 0, lungImpairment: 1 };
    // FiO2 0.5, V/Q drop 100 mmHg: the end-capillary PO2 is 356.5 − PaCO2/0.8 − 100, below P50 (≈ 27 mmHg) above PaCO2 184
    expect(gasExchangeProblem(m, 1, { ...short, paco2_mmHg: 50 })).toMatch(/the oxygen consumed \(250 mL\/min\) exceeds/);
    expect(gasExchangeProblem(m, 1, { ...short, paco2_mmHg: 170 })).toMatch(/the oxygen consumed/);
    expect(gasExchangeProblem(m, 1, { ...short, paco2_mmHg: 200 })).toMatch(/CO2 has taken the oxygen out of the lungs: PaCO2 200 mmHg/);
    // a lung whose V/Q drop has healed keeps its alveolar blood saturated at the same PaCO2
    expect(gasExchangeProblem(m, 1, { ...short, paco2_mmHg: 200, lungImpairment: 0 })).toMatch(/the oxygen consumed/);
    expect(gasExchangeProblem(m, 1, { ...short, paco2_mmHg: 50, svo2: 0.6 })).toBeNull();
  });
});
