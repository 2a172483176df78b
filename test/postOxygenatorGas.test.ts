/**
 * The post-oxygenator blood gas a console shows (issue 11, "What a console shows"): PO2 with dissolved oxygen in the
 * content, PCO2 from the CO2 the oxygenator removes (gas-exchange.md, "Post-oxygenator blood gas").
 */
import { describe, expect, it } from 'vitest';
import { CO2_CONTENT_SLOPE_mL_mL_mmHg, postOxygenatorPco2_mmHg, postOxygenatorPo2_mmHg } from '../sim/patient/gasExchange/postOxygenator.js';
import { po2FromSaturation, saturationFromPo2 } from '../sim/patient/gasExchange/gasExchange.js';
import { boundOxygen_mL_per_mL } from '../sim/blood.js';
import { at, DEFAULT_ECMO, run } from './helpers/scenarios.js';

const content = (hb: number, p: number) => boundOxygen_mL_per_mL(hb, saturationFromPo2(p)) + 0.00003 * p;

describe('post-oxygenator PO2', () => {
  it('the content (bound + dissolved) goes the fraction E of the way to the sweep gas that the saturation goes', () => {
    const pre = 0.7;
    const sMax = saturationFromPo2(713);
    const post = pre + 0.9 * (sMax - pre);
    const p = postOxygenatorPo2_mmHg({ preSat: pre, postSat: post, fio2: 1, hemoglobin_g_dL: 10 });
    const cPre = content(10, po2FromSaturation(pre));
    expect(content(10, p)).toBeCloseTo(cPre + 0.9 * (content(10, 713) - cPre), 9);
    expect(p).toBeGreaterThan(po2FromSaturation(post));
  });
  it('no transfer: the blood leaves at its entering PO2', () => {
    expect(postOxygenatorPo2_mmHg({ preSat: 0.7, postSat: 0.7, fio2: 1, hemoglobin_g_dL: 10 })).toBeCloseTo(po2FromSaturation(0.7), 6);
  });
  it('in a run, a lower sweep FiO2 lowers the post-oxygenator PO2', () => {
    const full = at(run(DEFAULT_ECMO, { duration: '0.25 h' }), 'post_oxygenator_po2_mmHg', 0);
    const half = at(run(DEFAULT_ECMO, { duration: '0.25 h', 'circuit.oxygenator.fio2': '50 %' }), 'post_oxygenator_po2_mmHg', 0);
    expect(half).toBeLessThan(full);
    expect(half).toBeLessThanOrEqual(0.5 * 713);
  });
});

describe('post-oxygenator PCO2', () => {
  it('CO2 balance: the venous blood drained loses what the oxygenator removes, σ·Q·ΔPCO2 = VCO2_oxy', () => {
    const o = {
      paco2_mmHg: 45,
      co2Production_mL_min: 200,
      cardiacOutput_mL_min: 6500,
      oxygenatorCo2Removal_mL_min: 120,
      drainageFlow_mL_min: 4000,
      recirculation: 0.15,
    };
    const pv = 45 + 200 / (6500 * CO2_CONTENT_SLOPE_mL_mL_mmHg);
    const post = postOxygenatorPco2_mmHg(o);
    expect(4000 * 0.85 * CO2_CONTENT_SLOPE_mL_mL_mmHg * (pv - post)).toBeCloseTo(120, 9);
  });
  it('a trickle of blood (a clamped line) equilibrates with the CO2-free sweep: PCO2 falls to 0, never below', () => {
    const o = { paco2_mmHg: 45, co2Production_mL_min: 200, cardiacOutput_mL_min: 6500, oxygenatorCo2Removal_mL_min: 120, recirculation: 0 };
    expect(postOxygenatorPco2_mmHg({ ...o, drainageFlow_mL_min: 5 })).toBe(0); // 5 mL/min brings 0.02 mL/min of CO2 above 0 mmHg
    const justEnough = 120 / (CO2_CONTENT_SLOPE_mL_mL_mmHg * (45 + 200 / (6500 * CO2_CONTENT_SLOPE_mL_mL_mmHg)));
    expect(postOxygenatorPco2_mmHg({ ...o, drainageFlow_mL_min: 2 * justEnough })).toBeGreaterThan(0);
  });
  it('in a run with the drainage line clamped, the post-oxygenator PCO2 stays between 0 and the venous PCO2', () => {
    const r = run(DEFAULT_ECMO, { duration: '0.25 h', 'circuit.clamps.drainageLine': 'true' });
    const post = at(r, 'post_oxygenator_pco2_mmHg', 0.25);
    expect(post).toBeGreaterThanOrEqual(0);
    expect(post).toBeLessThan(at(r, 'paco2_mmHg', 0.25) + 20);
  });
  it('in a run, more sweep gas lowers the post-oxygenator PCO2', () => {
    const low = at(run(DEFAULT_ECMO, { duration: '0.25 h', 'circuit.oxygenator.sweepGas': '1.5 L/min' }), 'post_oxygenator_pco2_mmHg', 0);
    const high = at(run(DEFAULT_ECMO, { duration: '0.25 h', 'circuit.oxygenator.sweepGas': '6 L/min' }), 'post_oxygenator_pco2_mmHg', 0);
    expect(high).toBeLessThan(low - 5);
  });
});
