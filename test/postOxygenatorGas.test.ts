/**
 * The post-oxygenator blood gas a console shows (issue 11, "What a console shows"): PO2 with dissolved oxygen in the
 * content, PCO2 from the CO2 the oxygenator removes (gas-exchange.md, "Post-oxygenator blood gas").
 */
import { describe, expect, it } from 'vitest';
import { CO2_CONTENT_SLOPE_mL_mL_mmHg, postOxygenatorPco2_mmHg } from '../sim/patient/gasExchange/postOxygenator.js';
import { oxygenExchange, ratedMembraneConductance_mL_min_mmHg, saturationFromPo2 } from '../sim/patient/gasExchange/gasExchange.js';
import { bundleTransferUnits } from '../sim/patient/gasExchange/fibreBundle.js';
import { at, DEFAULT_ECMO, FIXED_GAS, run } from './helpers/scenarios.js';

/** A VV ECMO patient at the default's operating point (flows mL/min). */
const patient = (sweep_L_min: number) => ({
  cardiacOutput_mL_min: 6500,
  pumpFlow_mL_min: 4500,
  drainageFlow_mL_min: 4150,
  effectiveFlow_mL_min: 3500,
  recirculation: 0.16,
  sweep_L_min,
  fio2: 1,
  membraneConductance_mL_min_mmHg: ratedMembraneConductance_mL_min_mmHg(7000, 0.95),
  hemoglobin_g_dL: 10,
  o2Consumption_mL_min: 250,
  shuntFraction: 0.4,
  endCapillarySaturation: 0.98,
});

describe('post-oxygenator PO2', () => {
  it('is the fibre bundle’s outlet: from the pre-oxygenator PO2 its transfer units are K·A·(sweep share)/Q', () => {
    const o = patient(1.5);
    const s = oxygenExchange(o);
    const units = bundleTransferUnits(s.preOxygenatorPo2_mmHg, s.postOxygenatorPo2_mmHg, 713, o.hemoglobin_g_dL);
    expect(units * o.pumpFlow_mL_min).toBeCloseTo(o.membraneConductance_mL_min_mmHg * (1 - Math.exp(-1.5 / 0.2)), 6);
    expect(saturationFromPo2(s.postOxygenatorPo2_mmHg)).toBeCloseTo(s.postOxygenatorSat, 12); // one solution, not two
    expect(saturationFromPo2(s.preOxygenatorPo2_mmHg)).toBeCloseTo(s.preOxygenatorSat, 9);
  });
  it('no transfer (no sweep at the membrane): the blood leaves at its entering PO2', () => {
    const s = oxygenExchange(patient(0));
    expect(s.postOxygenatorPo2_mmHg).toBe(s.preOxygenatorPo2_mmHg);
    expect(s.postOxygenatorSat).toBeCloseTo(s.preOxygenatorSat, 9); // the inlet solved to 1e-10
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
    const pv = 45 + 200 / (6500 * CO2_CONTENT_SLOPE_mL_mL_mmHg);
    const o = { venousPco2_mmHg: pv, oxygenatorCo2Removal_mL_min: 120, drainageFlow_mL_min: 4000, recirculation: 0.15 };
    const post = postOxygenatorPco2_mmHg(o);
    expect(4000 * 0.85 * CO2_CONTENT_SLOPE_mL_mL_mmHg * (pv - post)).toBeCloseTo(120, 9);
  });
  it('a trickle of blood (a clamped line) equilibrates with the CO2-free sweep: PCO2 falls to 0, never below', () => {
    const pv = 45 + 200 / (6500 * CO2_CONTENT_SLOPE_mL_mL_mmHg);
    const o = { venousPco2_mmHg: pv, oxygenatorCo2Removal_mL_min: 120, recirculation: 0 };
    expect(postOxygenatorPco2_mmHg({ ...o, drainageFlow_mL_min: 5 })).toBe(0); // 5 mL/min brings 0.02 mL/min of CO2 above 0 mmHg
    const justEnough = 120 / (CO2_CONTENT_SLOPE_mL_mL_mmHg * pv);
    expect(postOxygenatorPco2_mmHg({ ...o, drainageFlow_mL_min: 2 * justEnough })).toBeGreaterThan(0);
  });
  it('in a run with the drainage line clamped, the post-oxygenator PCO2 stays between 0 and the venous PCO2', () => {
    const r = run(DEFAULT_ECMO, { duration: '0.25 h', 'circuit.clamps.drainageLine': 'true' });
    const post = at(r, 'post_oxygenator_pco2_mmHg', 0.25);
    expect(post).toBeGreaterThanOrEqual(0);
    expect(post).toBeLessThan(at(r, 'paco2_mmHg', 0.25) + 20);
  });
  it('in a run, more sweep gas lowers the post-oxygenator PCO2', () => {
    // at the start both membranes drain the same venous blood (PaCO2 is the patient's own until the stores empty)
    const low = at(run(DEFAULT_ECMO, { duration: '0.25 h', ...FIXED_GAS, 'circuit.oxygenator.sweepGas': '1.5 L/min' }), 'post_oxygenator_pco2_mmHg', 0);
    const high = at(run(DEFAULT_ECMO, { duration: '0.25 h', ...FIXED_GAS, 'circuit.oxygenator.sweepGas': '6 L/min' }), 'post_oxygenator_pco2_mmHg', 0);
    expect(high).toBeLessThan(low - 5);
  });
});
