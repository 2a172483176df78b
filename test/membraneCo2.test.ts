/**
 * The oxygenator's CO2 removal as a counter-current exchanger between the blood (C_b = Q·σ) and the sweep gas
 * (C_g = sweep/(P_B − P_H2O)), K·A from the published sweep–PaCO2 pair (gas-exchange.md, "Carbon dioxide"), checked
 * against two studies it was not fitted to: Mendes 2016 (apnoeic pigs) and Strassmann 2019 (ECCO2R in pigs).
 */
import { describe, expect, it } from 'vitest';
import {
  arterialCo2_mmHg,
  co2CalibrationFromPublishedPair,
  counterflowEffectiveness,
  oxygenatorCo2Conductance,
} from '../sim/patient/gasExchange/co2Exchange.js';
import { DRY_GAS_mmHg } from '../sim/patient/gasExchange/gasExchange.js';
import { CO2_CONTENT_SLOPE_mL_mL_mmHg } from '../sim/patient/gasExchange/postOxygenator.js';
import { Simulation } from '../sim/engine/simulation.js';
import { observe } from '../sim/engine/observe.js';
import { FIXED_DEMAND, FIXED_GAS, DEFAULT_ECMO, at, run, runWithTimeline, scenario } from './helpers/scenarios.js';

/** The bundled oxygenator's published pair (circuit.oxygenator.co2 defaults, reference-data.md §6). */
const PAIR = {
  referenceBloodFlow: 5000,
  lowSweep: 2,
  paco2AtLowSweep: 60,
  highSweep: 10,
  paco2AtHighSweep: 27,
  referenceCo2Production: 200,
  referenceLungConductance: 1,
  referenceCardiacOutput: 6500,
};
const CAL = co2CalibrationFromPublishedPair(PAIR);

describe('the counter-current exchanger (ε-NTU)', () => {
  it('ε is 1 − e^(−NTU) against an infinite capacity (C_r → 0), NTU/(1 + NTU) at C_r = 1, continuous there, and below 1', () => {
    for (const ntu of [0.1, 1, 3, 10]) {
      expect(counterflowEffectiveness(ntu, 0)).toBeCloseTo(1 - Math.exp(-ntu), 12);
      expect(counterflowEffectiveness(ntu, 1)).toBeCloseTo(ntu / (1 + ntu), 12);
      expect(counterflowEffectiveness(ntu, 1 - 1e-6)).toBeCloseTo(ntu / (1 + ntu), 5);
      for (const cr of [0, 0.3, 0.7, 1]) {
        expect(counterflowEffectiveness(ntu, cr)).toBeGreaterThan(0);
        expect(counterflowEffectiveness(ntu, cr)).toBeLessThan(1);
      }
    }
  });

  it('neither side carries more than its capacity: g_oxy ≤ min(Q·σ, sweep/713), and reaches it as K·A grows', () => {
    for (const q of [300, 1500, 5000]) {
      for (const sweep of [0.5, 2, 10]) {
        const cMin = Math.min(q * CO2_CONTENT_SLOPE_mL_mL_mmHg, (sweep * 1000) / DRY_GAS_mmHg);
        expect(oxygenatorCo2Conductance(CAL, sweep, q)).toBeLessThan(cMin);
        expect(oxygenatorCo2Conductance({ membraneConductance_mL_min_mmHg: 1e6 }, sweep, q)).toBeCloseTo(cMin, 3);
      }
    }
    expect(oxygenatorCo2Conductance(CAL, 0, 5000)).toBe(0);
    expect(oxygenatorCo2Conductance(CAL, 2, 0)).toBe(0);
  });

  it('K·A from the published pair: both points within 15 % (sweep 2 → 60, 10 → 27 mmHg at 5 L/min) [S2]', () => {
    // the pair asks the membrane's conductance to grow 2.5-fold from 2 to 10 L/min of sweep (2.17 → 5.48 mL/min/mmHg
    // under the venous drive), more than one exchanger's shape gives (2.57 → 5.30): 52.8 and 27.9 mmHg, the lower point
    // 12 % off (9.5 % when the drive was taken as arterial, which asked 2.33 → 6.41)
    const paco2 = (sweep: number) => arterialCo2_mmHg(200, 1, oxygenatorCo2Conductance(CAL, sweep, 5000), 6500);
    expect(Math.abs(paco2(2) / 60 - 1)).toBeLessThan(0.15);
    expect(Math.abs(paco2(10) / 27 - 1)).toBeLessThan(0.15);
    // the one constant is the least-squares one in log terms: moving it either way misses the pair more
    const miss = (k: number) =>
      [2, 10].reduce((s, sweep, i) => {
        const p = arterialCo2_mmHg(200, 1, oxygenatorCo2Conductance({ membraneConductance_mL_min_mmHg: k }, sweep, 5000), 6500);
        return s + Math.log(p / [60, 27][i]) ** 2;
      }, 0);
    const k = CAL.membraneConductance_mL_min_mmHg;
    expect(miss(k)).toBeLessThan(miss(k * 1.02));
    expect(miss(k)).toBeLessThan(miss(k / 1.02));
  });

  it('a pair whose lower sweep asks more removal than its gas can carry is refused, naming the field', () => {
    // at 1 L/min of sweep the gas carries at most 1000/713 = 1.4 mL/min per mmHg; PaCO2 50 at VCO2 250 asks 5
    expect(() =>
      co2CalibrationFromPublishedPair({ ...PAIR, lowSweep: 1, paco2AtLowSweep: 50, referenceCo2Production: 250, referenceLungConductance: 0 }),
    ).toThrow(/circuit\.oxygenator\.co2: .*carries at most 1\.40/);
  });
});

describe('the membrane drains venous blood', () => {
  it('PaCO2 = VCO2·(1 − g_oxy/(CO·σ))/(g_lung + g_oxy): with an apnoeic lung, VCO2/g_oxy less the arteriovenous difference', () => {
    // the balance VCO2 = g_lung·PaCO2 + g_oxy·PvCO2, PvCO2 = PaCO2 + VCO2/(CO·σ) (Fick), solved by hand
    const vco2 = 200;
    const g = 6;
    const co = 5000;
    const avDifference = vco2 / (co * CO2_CONTENT_SLOPE_mL_mL_mmHg);
    expect(arterialCo2_mmHg(vco2, 0, g, co)).toBeCloseTo(vco2 / g - avDifference, 12);
    for (const gLung of [0.5, 4]) {
      const pa = arterialCo2_mmHg(vco2, gLung, g, co);
      expect(gLung * pa + g * (pa + avDifference)).toBeCloseTo(vco2, 10);
    }
    // no membrane, or no cardiac output (the venous blood then at the arterial tension): VCO2/g
    expect(arterialCo2_mmHg(vco2, 4, 0, co)).toBe(50);
    expect(arterialCo2_mmHg(vco2, 4, g, 0)).toBeCloseTo(20, 12);
    // a membrane that clears all the venous blood carries (g_oxy = CO·σ) leaves the arteries at the gas side's 0
    expect(arterialCo2_mmHg(vco2, 0, co * CO2_CONTENT_SLOPE_mL_mL_mmHg, co)).toBeCloseTo(0, 12);
  });

  it('the pair is solved once for a run of runs: the same pair again gives the same K·A, one field changed solves afresh', () => {
    const again = co2CalibrationFromPublishedPair({ ...PAIR });
    expect(again.membraneConductance_mL_min_mmHg).toBe(CAL.membraneConductance_mL_min_mmHg);
    const moreOutput = co2CalibrationFromPublishedPair({ ...PAIR, referenceCardiacOutput: 8000 });
    expect(moreOutput.membraneConductance_mL_min_mmHg).not.toBe(CAL.membraneConductance_mL_min_mmHg);
    // a refused pair is refused every time, after a good one as before it
    const bad = { ...PAIR, referenceBloodFlow: 7000, referenceCardiacOutput: 6000 };
    expect(() => co2CalibrationFromPublishedPair(bad)).toThrow(/referenceBloodFlow/);
    co2CalibrationFromPublishedPair({ ...PAIR });
    expect(() => co2CalibrationFromPublishedPair(bad)).toThrow(/referenceBloodFlow/);
  });

  it('a published pair whose blood flow exceeds its cardiac output is refused, naming both fields', () => {
    expect(() => co2CalibrationFromPublishedPair({ ...PAIR, referenceBloodFlow: 7000, referenceCardiacOutput: 6000 })).toThrow(
      /circuit\.oxygenator\.co2: referenceBloodFlow \(7000 mL\/min\) exceeds referenceCardiacOutput \(6000 mL\/min\)/,
    );
  });
});

describe('the CO2 balance a run reports', () => {
  it('at every sample the CO2 made leaves by the lung and the membrane or fills the stores: VCO2 = g_lung·PaCO2 + the oxygenator’s removal + the two stores’ filling', () => {
    // the gas protocols off, so the lung's conductance is the scenario's at its starting rate, and CO2 production held
    // (the stores follow its drift quasi-statically: co2Stores.ts); samples a minute apart, dPaCO2/dt by central
    // differences. The stores empty over the first hour after cannulation, then follow the balance; the removal is
    // read on the circuit solved at the sample, the stores on the one they hold (the same within the oxygen line's
    // tolerance, 0.5 %, and the cardiac output's move since)
    const r = run(DEFAULT_ECMO, { ...FIXED_GAS, ...FIXED_DEMAND, duration: '4 h', outputInterval: '1 min' });
    const lung = r.scenario.patient.lung;
    const s = r.series;
    let largestStoreShare = 0;
    for (let i = 1; i < s.time_h.length - 1; i++) {
      // both stores: the fast one at PaCO2, the tissues' at their own PCO2 (co2Stores.ts)
      const rate = (k: 'paco2_mmHg' | 'co2_tissue_pco2_mmHg') => (s[k][i + 1] - s[k][i - 1]) / (s.time_h[i + 1] - s.time_h[i - 1]) / 60;
      const fast = lung.co2FastStoreCapacitance;
      const filling = fast * rate('paco2_mmHg') + (lung.co2StoreCapacitance - fast) * rate('co2_tissue_pco2_mmHg');
      const balance = s.vco2_mL_min[i] - lung.co2Conductance * s.paco2_mmHg[i] - s.oxygenator_co2_removal_mL_min[i] - filling;
      expect(Math.abs(balance), `${s.time_h[i]} h`).toBeLessThan(0.01 * s.vco2_mL_min[i]);
      expect(s.oxygenator_co2_removal_mL_min[i]).toBeGreaterThan(0);
      largestStoreShare = Math.max(largestStoreShare, -filling / s.vco2_mL_min[i]);
    }
    // just after cannulation the stores give up half as much CO2 again as the tissues make; by 4 h almost none
    expect(largestStoreShare).toBeGreaterThan(0.4);
    const n = s.time_h.length - 1;
    expect(Math.abs(s.vco2_mL_min[n] - lung.co2Conductance * s.paco2_mmHg[n] - s.oxygenator_co2_removal_mL_min[n])).toBeLessThan(0.01 * s.vco2_mL_min[n]);
    // VCO2 follows the demand at the starting respiratory quotient
    expect(s.vco2_mL_min[0] / s.vo2_demand_mL_min[0]).toBeCloseTo(lung.co2Production / lung.o2Consumption, 12);
    expect(s.vco2_mL_min.at(-1)! / s.vo2_demand_mL_min.at(-1)!).toBeCloseTo(lung.co2Production / lung.o2Consumption, 12);
  });
});

describe('published checks the exchanger was not fitted to', () => {
  /**
   * PaCO2 of the default patient with a near-apnoeic lung (CO2 conductance 0.5 mL/min/mmHg), both gas protocols off,
   * the pump in flow mode at `flow` and the sweep at `sweep`, after 8 h (the CO2 stores start at the lung's own
   * 400 mmHg and take hours to empty at these conductances).
   */
  const apnoeicPaco2 = (flow: string, sweep: string) =>
    run(DEFAULT_ECMO, {
      ...FIXED_GAS,
      duration: '8 h',
      'circuit.pump.mode': 'flow',
      'circuit.pump.targetFlow': flow,
      'circuit.oxygenator.sweepGas': sweep,
      'patient.lung.co2Conductance': '0.5 mL/min/mmHg',
    }).series.paco2_mmHg.at(-1)!;

  it('Mendes 2016: at 1.5 L/min of blood, sweep 3 → 10 L/min moves PaCO2 less than at 3.5 L/min (apnoeic lung)', () => {
    // Mendes et al., Intensive Care Med Exp 2016;4:1 (5 apnoeic pigs, PMP membrane): at 1500 mL/min sweep 3 → 10 L/min
    // did not significantly change PaCO2; at 3500 mL/min every sweep increment lowered it.
    const paco2 = apnoeicPaco2;
    const fallLow = paco2('1.5 L/min', '3 L/min') - paco2('1.5 L/min', '10 L/min');
    const fallHigh = paco2('3.5 L/min', '3 L/min') - paco2('3.5 L/min', '10 L/min');
    expect(fallLow).toBeGreaterThan(0);
    expect(fallLow).toBeLessThan(fallHigh);
  });

  it('Park 2016: at fixed ECMO settings PaCO2 rises with the cardiac output (+3.6 mmHg per L/min); the model a third of it', () => {
    // Park et al., Rev Bras Ter Intensiva 2016;28:11 (apnoeic pigs on VV ECMO, multivariate): PaCO2 +3.578 mmHg per
    // L/min of cardiac output. The membrane's drive is the venous tension, PaCO2 + VCO2/(CO·σ): a larger output narrows
    // the arteriovenous difference and leaves the arteries higher. Here a near-apnoeic lung (0.5 mL/min/mmHg), both gas
    // protocols off, 3.5 L/min of blood in flow mode, sweep 5 L/min, at outputs 4 and 8 L/min, 8 h in (the CO2 stores
    // start at the lung's own 400 mmHg and take hours to empty at these conductances: co2Stores.ts).
    const at = (co: string) => {
      const sim = new Simulation(
        scenario(DEFAULT_ECMO, {
          ...FIXED_GAS,
          'patient.lung.co2Conductance': '0.5 mL/min/mmHg',
          'patient.cardiacOutput': co,
          'circuit.pump.mode': 'flow',
          'circuit.pump.targetFlow': '3.5 L/min',
          'circuit.oxygenator.sweepGas': '5 L/min',
        }),
      );
      sim.advanceTo(8);
      const o = sim.observe();
      return { paco2: o.paco2_mmHg, co: o.cardiac_output_L_min };
    };
    const low = at('4 L/min');
    const high = at('8 L/min');
    const slope = (high.paco2 - low.paco2) / (high.co - low.co);
    const published = 3.578;
    // the direction, and the size's gap named (published-checks.md): the arteriovenous difference alone gives ~1 mmHg
    // per L/min at these flows, and a rising output also lowers the recirculation (more effective flow)
    expect(slope).toBeGreaterThan(published / 5);
    expect(slope).toBeLessThan(published / 2);
  });

  it('Park 2016: PaCO2 falls with the sweep (−2.6 mmHg per L/min); the model within a factor of two', () => {
    // Park et al., Rev Bras Ter Intensiva 2016;28:11 (apnoeic pigs on VV ECMO, PMP membrane, multivariate over a
    // predefined sequence of blood and sweep flows): PaCO2 −2.635 mmHg per L/min of sweep gas. Here a near-apnoeic
    // lung (0.5 mL/min/mmHg), both gas protocols off, the pump in flow mode at Mendes's 1.5 and 3.5 L/min (the same
    // group's pigs) and between them, sweep 3 and 10 L/min, 8 h in (the CO2 stores emptied from the lung's own 400 mmHg).
    const paco2 = apnoeicPaco2;
    const slopes = ['1.5 L/min', '2.5 L/min', '3.5 L/min'].map((flow) => (paco2(flow, '10 L/min') - paco2(flow, '3 L/min')) / 7);
    const mean = slopes.reduce((a, b) => a + b, 0) / slopes.length;
    const published = -2.635;
    // every flow falls; the mean slope within a factor of two of theirs (published-checks.md: −1.9)
    for (const s of slopes) expect(s).toBeLessThan(0);
    expect(mean).toBeLessThan(published / 2);
    expect(mean).toBeGreaterThan(published * 2);
  });

  describe('Mendes 2016’s kinetics: PaCO2 after sweep 3 → 10 L/min (apnoeic lung), the CO2 stores (co2Stores.ts)', () => {
    // Mendes et al., Intensive Care Med Exp 2016;4:1: at 3500 mL/min of blood PaCO2 settled within 50 min of a sweep
    // change; at 1500 mL/min it took longer. Here a near-apnoeic lung (0.5 mL/min/mmHg), both gas protocols off, the
    // pump in flow mode, the sweep raised at 8 h (once the stores have emptied from the lung's own 400 mmHg), read to
    // 11 h. The stores' capacitance is from dogs (Farhi & Rahn), not from this study.
    const change = (flow: string) => {
      const r = runWithTimeline(DEFAULT_ECMO, [{ at: '8 h', set: { 'circuit.oxygenator.sweepGas': '10 L/min' } }], {
        ...FIXED_GAS,
        duration: '11 h',
        outputInterval: '5 min',
        'circuit.pump.mode': 'flow',
        'circuit.pump.targetFlow': flow,
        'circuit.oxygenator.sweepGas': '3 L/min',
        'patient.lung.co2Conductance': '0.5 mL/min/mmHg',
      });
      const before = at(r, 'paco2_mmHg', 8);
      const after = at(r, 'paco2_mmHg', 11);
      return { r, move: before - after, made: (min: number) => (before - at(r, 'paco2_mmHg', 8 + min / 60)) / (before - after) };
    };
    const low = change('1.5 L/min');
    const high = change('3.5 L/min');

    it('PaCO2 moves over tens of minutes, not at once: under two thirds of its move in 10 min, over 80 % in an hour', () => {
      for (const { move, made } of [low, high]) {
        expect(move).toBeGreaterThan(5);
        expect(made(10)).toBeLessThan(2 / 3);
        expect(made(60)).toBeGreaterThan(0.8);
      }
    });

    it('more slowly at 1.5 than at 3.5 L/min: the membrane’s smaller conductance leaves the stores’ slow mode a longer time constant', () => {
      expect(at(low.r, 'co2_store_time_constant_min', 9)).toBeGreaterThan(at(high.r, 'co2_store_time_constant_min', 9));
      expect(low.made(50)).toBeLessThan(high.made(50));
    });

    it('not reproduced: the contrast between the flows is a few per cent of the move by 50 min, where Mendes saw one settled and the other not', () => {
      // a named gap (published-checks.md): one compartment whose τ differs with g_oxy alone (26 against 22 min here);
      // this test fails when the gap closes
      expect(high.made(50) - low.made(50)).toBeLessThan(0.1);
    });
  });

  it('not reproduced: Park 2016’s PaCO2 rise with hemoglobin (+6.6 mmHg per g/dL); here σ does not depend on it', () => {
    // Park et al., Rev Bras Ter Intensiva 2016;28:11 (multivariate): PaCO2 +6.635 mmHg per g/dL of hemoglobin. The
    // model's CO2 content slope σ is one constant (postOxygenator.ts), so the membrane's capacity and the
    // arteriovenous difference do not read hemoglobin: hematocrit 24 → 36 % leaves PaCO2 where it was (the circuit's
    // flow moves a little with viscosity). A named gap (published-checks.md); this test fails when it closes.
    const paco2 = (hematocrit: string) => {
      const sim = new Simulation(scenario(DEFAULT_ECMO, { ...FIXED_GAS, 'patient.hematocrit': hematocrit }));
      return observe(sim.composed, 0, [...sim.state]).paco2_mmHg;
    };
    // 24 → 36 % is ~4 g/dL of hemoglobin: Park's coefficient would move PaCO2 by ~26 mmHg
    expect(Math.abs(paco2('36 %') - paco2('24 %'))).toBeLessThan(0.5);
  });

  it('Strassmann 2019: what sweep 2 → 8 L/min adds grows with blood flow, and at 300 mL/min sweep beyond 4 L/min adds little', () => {
    // Strassmann et al., Intensive Care Med Exp 2019;7:23 (pigs, 0.8 m² membrane, CO2 elimination normalised to a
    // pre-membrane PaCO2 of 45 mmHg): sweep 2 → 8 L/min added 4 ± 2 mL/min at 300 mL/min of blood and 26 ± 7 at
    // 1800; at low blood flows more sweep levelled out at 4 L/min. The bundled 1.8 m² K·A scaled to 0.8 m² [E: K·A in
    // proportion to the surface of the same fibre].
    const surface = 0.8 / 1.8;
    const removal = (sweep: number, q: number) => 45 * oxygenatorCo2Conductance(CAL, sweep, q, surface);
    const gain = (q: number) => removal(8, q) - removal(2, q);
    expect(gain(300)).toBeGreaterThan(0);
    for (const [lo, hi] of [
      [300, 900],
      [900, 1800],
    ])
      expect(gain(hi)).toBeGreaterThan(gain(lo));
    // their 26/4 = 6.5-fold rise, within a factor of two (the exchanger gives 3.6; 4.6 before the venous drive's K·A)
    const published = { at300: 4, at1800: 26 };
    expect(gain(1800) / gain(300)).toBeGreaterThan(published.at1800 / published.at300 / 2);
    // "levelled out": at 300 mL/min twice the sweep (4 → 8 L/min) adds under 5 % [E: their figure gives no number for it]
    expect(removal(8, 300) / removal(4, 300) - 1).toBeLessThan(0.05);
  });

  it('Strassmann 2019: at 1800 mL/min and sweep 8 L/min the removal lies within two of their SDs (101 ± 12 mL/min)', () => {
    // their CO2 elimination normalised to a pre-membrane PCO2 of 45 mmHg, which is the exchanger's inlet tension (the
    // venous drive): 45·g_oxy with the bundled K·A scaled to their 0.8 m² [E]. 114 mL/min (137 with the arterial
    // drive's K·A, outside: the venous drive's refit brought the membrane's size into their range)
    const removal = 45 * oxygenatorCo2Conductance(CAL, 8, 1800, 0.8 / 1.8);
    const published = { mean: 101, sd: 12 };
    expect(Math.abs(removal - published.mean)).toBeLessThan(2 * published.sd);
  });
});
