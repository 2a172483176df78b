/**
 * The blood's saturations when the native heart stops (cardiac output 0: venousReturn.ts puts it there when the
 * circulation empties or the heart's curve no longer meets venous return). Fick's δ = VO2/(CO·1.34·Hb) is 0/0 there;
 * the model is quasi-static, so the figures at CO 0 are the limits of flow → 0 (gasExchange.ts): consumption falls
 * with delivery and the venous blood keeps the extraction min(VO2_d/DO2_crit, E_max), and the ECMO return's share of
 * the pulmonary flow is lim Q_eff/CO (recirculation.ts). Before, the venous figure jumped to the arterial one (98 %).
 * Checked against Tucker et al., Resuscitation 1994;28:137 (swine, 5 min of untreated ventricular fibrillation:
 * arterial PO2 81 → 69 mmHg, mixed venous PO2 40 → 38 mmHg): the blood standing in the great vessels stays near the
 * gases it had when the flow stopped, and the venous stays far below the arterial.
 */
import { describe, expect, it } from 'vitest';
import { oxygenExchange, ratedMembraneConductance_mL_min_mmHg, type OxygenInputs } from '../sim/patient/gasExchange/gasExchange.js';
import { extractionAsDeliveryVanishes, solveOxygenLine, suppliedConsumption_mL_min } from '../sim/patient/gasExchange/oxygenConsumption.js';
import { recirculationFraction, recirculationParams, returnShareAtZeroOutput } from '../sim/circuit/recirculation.js';
import { boundOxygen_mL_per_mL } from '../sim/blood.js';
import { mL_min } from '../sim/quantities.js';
import { DEFAULT_ECMO, runWithTimeline, scenario } from './helpers/scenarios.js';

const sc = scenario(DEFAULT_ECMO);
const rp = recirculationParams(sc.circuit!.configuration, sc.circuit!.recirculation);
const DEMAND = 250;
const CRITICAL = 480;
const E_MAX = 0.8;
const HB = 10;

/** The patient at a cardiac output (mL/min), ECMO at Q mL/min (0: none), consuming what delivery allows. */
function mixingAt(co: number, q: number) {
  const r = q > 0 ? (co > 0 ? recirculationFraction(rp, mL_min(q), mL_min(co)) : 1) : 0;
  const base: OxygenInputs = {
    cardiacOutput_mL_min: co,
    pumpFlow_mL_min: q,
    drainageFlow_mL_min: q,
    effectiveFlow_mL_min: q * (1 - r),
    recirculation: r,
    sweep_L_min: 4,
    fio2: 1,
    membraneConductance_mL_min_mmHg: q > 0 ? ratedMembraneConductance_mL_min_mmHg(7000, 0.95) : 0,
    hemoglobin_g_dL: HB,
    o2Consumption_mL_min: 0,
    shuntFraction: 0.4,
    endCapillarySaturation: 0.98,
    returnShareAtZeroOutput: q > 0 ? returnShareAtZeroOutput(rp) : 0,
    extractionAtZeroOutput: extractionAsDeliveryVanishes(DEMAND, CRITICAL, E_MAX),
  };
  if (!(co > 0)) return oxygenExchange(base);
  const line = { s0: NaN, slope: NaN };
  solveOxygenLine(base, line, E_MAX);
  const vo2 = suppliedConsumption_mL_min(DEMAND, line, co * boundOxygen_mL_per_mL(HB, 1), CRITICAL, E_MAX);
  return oxygenExchange({ ...base, o2Consumption_mL_min: vo2 });
}

describe('a stopped heart: the blood’s saturations are the limits of flow → 0', () => {
  for (const [name, q] of [
    ['on VV ECMO (4 L/min)', 4000],
    ['without a circuit', 0],
  ] as const) {
    it(`${name}: as the output falls to 0 SaO2 and SvO2 approach the figures at 0, and SvO2 stays below SaO2 by the extraction`, () => {
      const stopped = mixingAt(0, q);
      let gap = Infinity;
      for (const co of [100, 10, 1, 0.1, 0.01]) {
        const s = mixingAt(co, q);
        const d = Math.max(Math.abs(s.sao2 - stopped.sao2), Math.abs(s.svo2 - stopped.svo2));
        expect(d).toBeLessThanOrEqual(gap + 1e-12); // without a circuit every output below the critical delivery gives the same
        gap = d;
      }
      expect(gap).toBeLessThan(1e-4);
      const e0 = extractionAsDeliveryVanishes(DEMAND, CRITICAL, E_MAX);
      expect(e0).toBeCloseTo(DEMAND / CRITICAL, 12);
      // not the arterial figure: venous blood that has given up E₀ of its oxygen (contents, bound and dissolved)
      expect(stopped.svo2).toBeLessThan(stopped.sao2 - 0.3);
    });
  }
  it('the extraction is capped at E_max when the demand outruns the critical delivery', () => {
    expect(extractionAsDeliveryVanishes(600, CRITICAL, E_MAX)).toBe(E_MAX);
    expect(extractionAsDeliveryVanishes(0, CRITICAL, E_MAX)).toBe(0);
  });
});

describe('in a run: the return cannula out empties the patient and the heart stops', () => {
  const r = runWithTimeline(DEFAULT_ECMO, [{ at: '0.5 h', set: { 'circuit.decannulation': 'return', 'circuit.siteCompression': true } }], {
    duration: '1.5 h',
    outputInterval: '0.05 h',
  });
  const s = r.series;
  const stoppedAt = Array.from(s.cardiac_output_L_min).findIndex((co) => co === 0);

  it('SvO2 is not the arterial 98 %: it stays below SaO2, and both stay near where the flow left them (Tucker 1994: 5 min of no flow moved PvO2 40 → 38 mmHg)', () => {
    expect(stoppedAt).toBeGreaterThan(0);
    const n = s.time_h.length - 1;
    for (let i = stoppedAt; i <= n; i++) {
      expect(s.cardiac_output_L_min[i]).toBe(0);
      expect(s.svo2_pct[i]).toBeLessThan(s.sao2_pct[i] - 20);
      expect(s.sao2_pct[i]).toBeLessThan(95);
    }
    // over the next 6 minutes of no flow the standing blood's figures move by less than 2 points
    const later = stoppedAt + 2; // 0.1 h on
    expect(Math.abs(s.svo2_pct[later] - s.svo2_pct[stoppedAt])).toBeLessThan(2);
    expect(Math.abs(s.sao2_pct[later] - s.sao2_pct[stoppedAt])).toBeLessThan(2);
  });

  it('the FiO2 protocol titrates to the oximeter: with no pulse (no SpO2) it leaves FiO2 where it was', () => {
    const n = s.time_h.length - 1;
    expect(s.spo2_pct[n]).toBeNaN();
    expect(s.ventilator_fio2_pct[n]).toBe(s.ventilator_fio2_pct[stoppedAt]);
    expect(r.events.filter((e) => e.type === 'fio2_titration' && e.t_h > s.time_h[stoppedAt])).toEqual([]);
  });
});
