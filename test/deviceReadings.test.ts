/**
 * What the devices show of the blood's saturation (sim/patient/gasExchange/deviceReadings.ts): a pulse oximeter
 * needs a pulse, the console's drainage-line probe needs blood moving past it. Without them a device shows no
 * number (NaN: "no signal", "no flow"), not the 98 % of blood that at zero cardiac output gives up nothing.
 */
import { describe, expect, it } from 'vitest';
import { drainageProbeReading, pulseOximeterReading, STAGNANT_mL_min } from '../sim/patient/gasExchange/deviceReadings.js';
import { DEFAULT_ECMO, run, runWithTimeline } from './helpers/scenarios.js';

describe('the readings', () => {
  it('the pulse oximeter reads the arterial saturation while the heart ejects, nothing without a pulse', () => {
    expect(pulseOximeterReading(0.93, 5)).toBe(0.93);
    expect(pulseOximeterReading(0.93, 0.01)).toBe(0.93);
    expect(pulseOximeterReading(0.98, 0)).toBeNaN();
  });
  it('the drainage probe reads the drained blood while it flows; stagnant blood gives no reading', () => {
    expect(drainageProbeReading(0.7, 4000, 0.15, 6)).toBe(0.7);
    expect(drainageProbeReading(0.7, STAGNANT_mL_min / 10, 0.15, 6)).toBeNaN(); // clamped line
    expect(drainageProbeReading(0.98, 20, 0.3, 0)).toBeNaN(); // the veins' share is stagnant blood
    expect(drainageProbeReading(0.99, 3000, 1, 0)).toBe(0.99); // all of it recirculated oxygenator blood
  });
});

describe('in a run', () => {
  it('a running circuit and a beating heart: the devices read the blood (SpO2 = SaO2, console SvO2 = drainage saturation)', () => {
    const r = run(DEFAULT_ECMO, { duration: '6 h' });
    const s = r.series;
    for (let i = 0; i < s.time_h.length; i++) {
      expect(s.spo2_pct[i]).toBe(s.sao2_pct[i]);
      expect(s.console_svo2_pct[i]).toBe(s.drainage_sat_pct[i]);
    }
  });

  it('the drainage line clamped: the probe sits on stagnant blood (no reading), the oximeter still reads', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '0.5 h', set: { 'circuit.clamps.drainageLine': true } }], { duration: '1 h', outputInterval: '0.1 h' });
    const s = r.series;
    const n = s.time_h.length - 1;
    expect(s.console_svo2_pct[0]).toBeCloseTo(s.drainage_sat_pct[0], 12);
    expect(s.drainage_flow_L_min[n]).toBeLessThan(STAGNANT_mL_min / 1000);
    expect(s.console_svo2_pct[n]).toBeNaN();
    expect(s.cardiac_output_L_min[n]).toBeGreaterThan(1);
    expect(s.spo2_pct[n]).toBe(s.sao2_pct[n]);
  });

  it('the return cannula out: the patient empties, the heart stops, the monitor shows no signal and the console no SvO2', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '0.5 h', set: { 'circuit.decannulation': 'return', 'circuit.siteCompression': true } }], {
      duration: '1 h',
      outputInterval: '0.1 h',
    });
    const s = r.series;
    const n = s.time_h.length - 1;
    expect(s.spo2_pct[0]).toBe(s.sao2_pct[0]);
    expect(s.cardiac_output_L_min[n]).toBe(0);
    // the blood's own figures: venous blood standing with the extraction the last flow left (test/stoppedHeart.test.ts)
    expect(s.svo2_pct[n]).toBeLessThan(s.sao2_pct[n] - 20);
    expect(s.spo2_pct[n]).toBeNaN();
    expect(s.console_svo2_pct[n]).toBeNaN();
    // nothing returns to the veins, so nothing recirculates
    expect(s.recirculation_pct[n]).toBe(0);
  });
});
