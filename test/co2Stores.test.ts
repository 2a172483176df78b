/**
 * The body's CO2 stores (sim/patient/co2Stores, gas-exchange.md "The body's CO2 stores"): one compartment of
 * capacitance C, C·dPaCO2/dt = VCO2·(1 − g_oxy/(CO·σ)) − (g_lung + g_oxy)·PaCO2, solved between the anchors where gas
 * exchange holds its oxygen line.
 */
import { describe, expect, it } from 'vitest';
import { anchorCo2Stores, co2StoreSizes, storesPaco2_mmHg, tissuePco2_mmHg } from '../sim/patient/co2Stores/co2Stores.js';
import { CO2_CONTENT_SLOPE_mL_mL_mmHg } from '../sim/patient/gasExchange/postOxygenator.js';
import { at, DEFAULT_ECMO, FIXED_DEMAND, FIXED_GAS, run, runWithTimeline, scenario } from './helpers/scenarios.js';
import { modelContext } from '../sim/model/context.js';
import { rk4Step } from './helpers/rk4.js';

describe('the stores’ equations, solved', () => {
  it('after an anchor, PaCO2 and the tissue PCO2 solve C_B·dP_B/dt = VCO2·(1 − g_oxy/(CO·σ)) − g·P_B + G·(P_T − P_B), C_T·dP_T/dt = G·(P_B − P_T) (checked against RK4)', () => {
    const sizes = co2StoreSizes(120, 40, 16); // mL/mmHg, mL/mmHg, min: G = 80/16 = 5 mL/min/mmHg
    const inputs = { co2Production_mL_min: 200, lungConductance: 1, oxygenatorConductance: 5, cardiacOutput_mL_min: 6000 };
    // a run's anchor as the model starts it (at rest on the native lung), then re-anchored at 2 h
    const a = modelContext(scenario(DEFAULT_ECMO)).co2;
    anchorCo2Stores(a, sizes, 2, 50, 47, inputs);
    const g = inputs.lungConductance + inputs.oxygenatorConductance;
    const G = sizes.exchange_mL_min_mmHg;
    const made = inputs.co2Production_mL_min * (1 - inputs.oxygenatorConductance / (inputs.cardiacOutput_mL_min * CO2_CONTENT_SLOPE_mL_mL_mmHg));
    const rate = ([b, t]: number[]) => [(made - g * b + G * (t - b)) / sizes.blood_mL_mmHg, (G * (b - t)) / sizes.tissue_mL_mmHg]; // mmHg/min
    let y = [50, 47];
    const h = 0.01; // min
    for (let step = 1; step <= 9000; step++) {
      y = rk4Step(rate, y, h);
      if (step % 1000 === 0) {
        const t = 2 + (step * h) / 60;
        expect(storesPaco2_mmHg(a, 200, t), `${step * h} min`).toBeCloseTo(y[0], 9);
        expect(tissuePco2_mmHg(a, 200, t), `${step * h} min`).toBeCloseTo(y[1], 9);
      }
    }
    // continuous at the anchor; the slow mode's time constant (the series co2_store_time_constant_min, −1/λ_slow the
    // anchor holds) is −1/λ of the matrix's slower eigenvalue
    expect(storesPaco2_mmHg(a, 200, 2)).toBeCloseTo(50, 12);
    expect(tissuePco2_mmHg(a, 200, 2)).toBeCloseTo(47, 12);
    const tr = -(g + G) / 40 - G / 80;
    const det = (g * G) / (40 * 80);
    expect(-1 / a.slowRate_per_min).toBeCloseTo(-2 / (tr + Math.sqrt(tr * tr - 4 * det)), 12);
  });
});

describe('the stores when the production moves between anchors', () => {
  it('scale with it: P/P_bal solves the same equations, so PaCO2 at a production halved is half, and stays positive where amplitudes held in mmHg went below zero', () => {
    const sizes = co2StoreSizes(120, 40, 16);
    // the native lung alone (the lines clamped): the balance 200/1 = 200 mmHg, the stores anchored far below it
    const inputs = { co2Production_mL_min: 200, lungConductance: 1, oxygenatorConductance: 0, cardiacOutput_mL_min: 6000 };
    const a = modelContext(scenario(DEFAULT_ECMO)).co2;
    anchorCo2Stores(a, sizes, 2, 50, 47, inputs);
    for (const min of [0, 1, 5, 20, 60]) {
      const t = 2 + min / 60;
      expect(storesPaco2_mmHg(a, 100, t), `${min} min`).toBeCloseTo(0.5 * storesPaco2_mmHg(a, 200, t), 9);
      expect(tissuePco2_mmHg(a, 100, t), `${min} min`).toBeCloseTo(0.5 * tissuePco2_mmHg(a, 200, t), 9);
      expect(storesPaco2_mmHg(a, 60, t)).toBeGreaterThan(0);
    }
    // held in mmHg, the anchor's deviation on the balance at 60 mL/min (60 mmHg) was below zero there
    expect(60 + (storesPaco2_mmHg(a, 200, 2) - 200)).toBeLessThan(0);
  });
});

describe('the stores in a run', () => {
  it('a fast store larger than the whole is refused, naming both fields', () => {
    expect(() => run(DEFAULT_ECMO, { duration: '1 h', 'patient.lung.co2FastStoreCapacitance': '200 mL/mmHg' })).toThrow(
      /patient\.lung\.co2FastStoreCapacitance.*got 200 mL\/mmHg; expected less than patient\.lung\.co2StoreCapacitance \(120 mL\/mmHg\)/,
    );
  });

  it('PaCO2 is continuous across a sweep change and then relaxes towards the new balance', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '6 h', set: { 'circuit.oxygenator.sweepGas': '6 L/min' } }], {
      ...FIXED_GAS,
      ...FIXED_DEMAND,
      duration: '9 h',
      outputInterval: '1 min',
    });
    const step = Math.abs(at(r, 'paco2_mmHg', 6) - at(r, 'paco2_mmHg', 6 - 1 / 60));
    const move = at(r, 'paco2_mmHg', 6) - at(r, 'paco2_mmHg', 9);
    expect(move).toBeGreaterThan(5);
    // no jump at the change (the sample at 6 h is the one before it); the fast store then takes the first fifth of the
    // move within a minute, the tissues' slow store the rest over tens of minutes
    expect(step).toBeLessThan(0.02 * move);
    expect(Math.abs(at(r, 'paco2_mmHg', 6 + 1 / 60) - at(r, 'paco2_mmHg', 6))).toBeLessThan(0.25 * move);
    expect(at(r, 'paco2_mmHg', 6.5) - at(r, 'paco2_mmHg', 9)).toBeGreaterThan(0.1 * move);
  });

  it('the first minutes of apnoea: PaCO2 rises as Kobayashi & Yokoyama (1994, anaesthetised: 3.4–4.4 mmHg/min) and Stock (1988, awake: 6) measured, for the share of VCO2 a near-apnoeic lung leaves', () => {
    // Kobayashi & Yokoyama, Masui 1994;43:1130: after the first minute of apnoea PaCO2 rose 3.4–4.4 mmHg/min; Stock et
    // al., J Clin Anesth 1988;1:96 (awake, at FRC): 6. Here a near-apnoeic lung (0.5 mL/min/mmHg, which still removes
    // g_lung·PaCO2) on ECMO loses its sweep gas: the fast store takes the CO2 the membrane no longer removes, so the
    // published rates apply to the share f = (VCO2 − g_lung·PaCO2)/VCO2 that accumulates. The fast store's size was read
    // from the same two studies (co2StoreSpecs.ts), so this checks the arrangement, not an independent figure.
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '8 h', set: { 'circuit.oxygenator.sweepGas': '0 L/min' } }], {
      ...FIXED_GAS,
      duration: '8.25 h',
      outputInterval: '1 min',
      'patient.lung.co2Conductance': '0.5 mL/min/mmHg',
    });
    const perMinute = at(r, 'paco2_mmHg', 8 + 2 / 60) - at(r, 'paco2_mmHg', 8 + 1 / 60);
    const f = 1 - (0.5 * at(r, 'paco2_mmHg', 8)) / at(r, 'vco2_mL_min', 8);
    expect(perMinute).toBeGreaterThan(3.4 * f);
    expect(perMinute).toBeLessThan(6 * f);
    // and slows as the tissues take their share: the hour's capacitance, both stores, by a quarter of an hour
    expect(at(r, 'paco2_mmHg', 8.25) - at(r, 'paco2_mmHg', 8.25 - 1 / 60)).toBeLessThan(perMinute / 2);
  });
});
