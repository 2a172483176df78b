/**
 * The gas exchange at the circulation's own cardiac output (QA finding: DO2 was computed at the scenario's fixed
 * patient.cardiacOutput while the circulation's fell with the blood volume). Delivery is DO2 = CO·CaO2 with CO the
 * venous return's (hemodynamics/venousReturn.ts) and CaO2 = 1.34·Hb·SaO2 + α·PaO2 (gas-exchange.md); with no cardiac
 * output nothing is delivered, consumption is supply-dependent (0) and lactate rises (oxygen-and-lactate.md).
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../sim/engine/simulate.js';
import { boundOxygen_mL_per_mL } from '../sim/blood.js';
import { DISSOLVED_O2_mL_mL_mmHg } from '../sim/patient/gasExchange/fibreBundle.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run, runWithTimeline, scenario, STILL_HEART } from './helpers/scenarios.js';

/** CO·CaO2 (mL/min) from the series at sample i: the circulation's cardiac output times the arterial content. */
function coTimesContent(r: RunResult, i: number): number {
  const s = r.series;
  const content = boundOxygen_mL_per_mL(s.hemoglobin_g_dL[i], s.sao2_pct[i] / 100) + DISSOLVED_O2_mL_mL_mmHg * s.pao2_mmHg[i];
  return 1000 * s.cardiac_output_L_min[i] * content;
}

/**
 * DO2 is read from the held oxygen line (a secant in consumption, refreshed when it moves 0.5 %: oxygenConsumption.ts),
 * the series' SaO2 and PaO2 from the exact solve: they agree to the line's tolerance, not to rounding.
 */
const LINE_AGREEMENT = 0.01;

describe('delivery at the circulation’s cardiac output', () => {
  it('return cannula out, unclamped: the patient empties, CO falls to 0, DO2 falls with it to 0 and lactate rises', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '1 h', set: { 'circuit.decannulation': 'return', 'circuit.siteCompression': true } }], {
      duration: '2 h',
      outputInterval: '0.1 h',
    });
    expect(at(r, 'cardiac_output_L_min', 1)).toBeGreaterThan(5);
    expect(at(r, 'cardiac_output_L_min', 1.5)).toBe(0);
    expect(at(r, 'do2_mL_min', 1)).toBeGreaterThan(600);
    expect(at(r, 'do2_mL_min', 1.5)).toBe(0);
    expect(at(r, 'vo2_mL_min', 1.5)).toBe(0);
    expect(at(r, 'lactate_mmol_L', 1.5)).toBeGreaterThan(at(r, 'lactate_mmol_L', 1) + 5);
    expect(at(r, 'lactate_mmol_L', 2)).toBeGreaterThan(at(r, 'lactate_mmol_L', 1.5));
    r.series.time_h.forEach((_, i) => {
      expect(Number.isFinite(r.series.post_oxygenator_pco2_mmHg[i]), 'PvCO2 stays finite at CO 0').toBe(true);
      if (r.series.cardiac_output_L_min[i] > 0) expect(Math.abs(r.series.do2_mL_min[i] / coTimesContent(r, i) - 1)).toBeLessThan(LINE_AGREEMENT);
    });
  });
  it('a bleed of 1.5 L/h: CO falls with the volume and DO2 follows CO·CaO2 (not the scenario’s fixed 6.5 L/min)', () => {
    const r = run(DEFAULT_ECMO, { duration: '2 h', outputInterval: '0.25 h', 'patient.bleeding.rate': '1500 mL/h' });
    const last = r.series.time_h.length - 1;
    expect(r.series.cardiac_output_L_min[last]).toBeLessThan(0.9 * r.series.cardiac_output_L_min[0]);
    r.series.time_h.forEach((_, i) => {
      const fixedCo = coTimesContent(r, i) * (6.5 / r.series.cardiac_output_L_min[i]);
      expect(Math.abs(r.series.do2_mL_min[i] / coTimesContent(r, i) - 1)).toBeLessThan(LINE_AGREEMENT);
      if (i === last) expect(r.series.do2_mL_min[i]).toBeLessThan(0.95 * fixedCo);
    });
  });
  it('at the starting volume the circulation’s CO is the scenario’s: standard care and ECMO deliver CO·CaO2 at 6.5 L/min at t = 0', () => {
    for (const file of [DEFAULT_STANDARD, DEFAULT_ECMO]) {
      // the right ventricle's afterload off: ECMO's CO2 removal would lift the heart's curve from t = 0 (rightHeart.test.ts)
      const r = run(file, { duration: '0.5 h', outputInterval: '0.25 h', ...STILL_HEART });
      expect(r.series.cardiac_output_L_min[0]).toBeCloseTo(scenario(file).patient.cardiacOutput / 1000, 9);
      expect(Math.abs(r.series.do2_mL_min[0] / coTimesContent(r, 0) - 1)).toBeLessThan(LINE_AGREEMENT);
    }
  });
});
