/**
 * A cannula out of its vessel (docs/models/circuit-hydraulics.md, "Changing the oxygenator, the circuit or the
 * console": recannulation; "Decannulation and rupture"): pressure held on the site stops the vein's bleeding where it
 * exceeds the vein's pressure, and the cannulating team's new cannula puts the patient back on ECMO after the
 * procedure's downtime, the site no longer bleeding and no more air drawn in.
 */
import { describe, expect, it } from 'vitest';
import { orificeBloodFlow_mL_h } from '../sim/circuit/bloodLoss/orifice.js';
import { at, DEFAULT_ECMO, runWithTimeline, scenario } from './helpers/scenarios.js';

const MIN = 1 / 60;
const defaults = scenario(DEFAULT_ECMO).circuit!;
/** A 1 mm site: the patient does not bleed out within the hour without compression. */
const settings = { duration: '1 h', outputInterval: '1 min', 'circuit.decannulationSiteOpening': '1 mm' };
const decannulated = { at: '5 min', fault: { kind: 'drainage-decannulation' } };
const clampClamp = { at: '6 min', set: { 'circuit.clamps.drainageLine': true, 'circuit.clamps.returnLine': true } };
const compression = { at: '7 min', set: { 'circuit.siteCompression': true } };

describe('pressure on a decannulated femoral vein’s site', () => {
  it('stops the bleeding where the pressure held exceeds the vein’s; below it, the orifice flow follows √(P_v − P_c)', () => {
    const open = runWithTimeline(DEFAULT_ECMO, [decannulated, clampClamp], settings);
    const held = runWithTimeline(DEFAULT_ECMO, [decannulated, clampClamp, compression], settings);
    expect(at(open, 'circuit_blood_loss_mL_h', 10 * MIN)).toBeGreaterThan(1000); // ~40 mL/min through 1 mm at the vein's pressure
    for (const t of [8 * MIN, 30 * MIN, 1]) expect(at(held, 'circuit_blood_loss_mL_h', t)).toBe(0); // 30 mmHg, above the vein's
    expect(at(held, 'blood_loss_mL', 1)).toBeCloseTo(at(held, 'blood_loss_mL', 7 * MIN), 6);
    // two pressures below the vein's, applied at the same moment of the same course: Q² = k·(P_v − P_c), so the fall
    // of Q² is proportional to P_c (the blood volumes a minute later differ by a few mL: within 2 %)
    const light = (p: string) => runWithTimeline(DEFAULT_ECMO, [decannulated, clampClamp, compression], { ...settings, 'circuit.siteCompressionPressure': p });
    const q0 = at(open, 'circuit_blood_loss_mL_h', 8 * MIN) ** 2;
    const fall = (p: string) => q0 - at(light(p), 'circuit_blood_loss_mL_h', 8 * MIN) ** 2;
    expect(fall('1 mmHg')).toBeGreaterThan(0);
    expect(fall('2 mmHg') / fall('1 mmHg')).toBeCloseTo(2, 1);
  });
});

describe('the jugular site', () => {
  it('bleeds at the central venous pressure the monitor shows (where venous return meets the heart), by the same orifice relation as the femoral one', () => {
    const out = { at: '5 min', fault: { kind: 'return-decannulation' } };
    const r = runWithTimeline(DEFAULT_ECMO, [out, { ...clampClamp, at: '5.25 min' }], settings);
    for (const t of [10 * MIN, 30 * MIN, 1]) {
      const cvp = at(r, 'central_venous_pressure_mmHg', t);
      const site = orificeBloodFlow_mL_h(1, defaults.bloodDischargeCoefficient, cvp, defaults.flow.bloodDensity);
      expect(site).toBeGreaterThan(600);
      // beside it only what the closed clamps let through (under 1 mL/min)
      expect(Math.abs(at(r, 'circuit_blood_loss_mL_h', t) - site)).toBeLessThan(60);
    }
  });
});

describe('recannulation', () => {
  const DOWNTIME_h = defaults.recannulation.downtime * MIN;
  const recannulate = { at: '8 min', recannulate: 'drainage' };
  const deAir = { at: '20 min', deAir: true };

  it('puts the patient back on ECMO after the procedure: the site no longer bleeds, no air enters, the flow returns; the fault ends', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [decannulated, clampClamp, compression, recannulate, deAir], settings);
    const restart_h = 8 * MIN + DOWNTIME_h; // 38 min with the default 30 min
    const flow0 = at(r, 'drainage_flow_L_min', 4 * MIN);
    expect(at(r, 'drainage_flow_L_min', 30 * MIN)).toBeLessThan(0.001); // clamped for the procedure
    for (const t of [restart_h + 2 * MIN, 1]) {
      expect(at(r, 'drainage_flow_L_min', t)).toBeGreaterThan(0.9 * flow0);
      expect(at(r, 'air_entrainment_mL_min', t)).toBe(0);
      expect(at(r, 'circuit_blood_loss_mL_h', t)).toBe(0);
    }
    expect(r.events.filter((e) => e.type === 'recannulation').map((e) => e.t_h)).toEqual([8 * MIN, restart_h].map((t) => expect.closeTo(t, 9)));
    expect(r.events.some((e) => e.type === 'fault' && /ended with the drainage vessel recannulated/.test(e.reason))).toBe(true);
    expect(r.summary.device_changes.map((d) => d.device)).toEqual(['drainageCannula']);
    expect([at(r, 'oxygenators_used', 1), at(r, 'circuits_used', 1)]).toEqual([1, 1]);
  });

  it('without de-airing the air drawn in before the clamps stays in the pump head: the flow stays low after the new cannula', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [decannulated, clampClamp, compression, recannulate], settings);
    expect(at(r, 'air_pump_head_mL', 1)).toBeGreaterThan(10);
    expect(at(r, 'drainage_flow_L_min', 1)).toBeLessThan(0.5 * at(r, 'drainage_flow_L_min', 4 * MIN));
    expect(at(r, 'air_entrainment_mL_min', 1)).toBe(0); // the opening closed
  });

  it('the return cannula: the pump’s output stops going onto the floor at the clamps, its site bleeds until pressed on or recannulated, and the flow returns after the procedure', () => {
    const out = { at: '5 min', fault: { kind: 'return-decannulation' } };
    const recannulate = { at: '5.25 min', recannulate: 'return' };
    const r = runWithTimeline(DEFAULT_ECMO, [out, recannulate, { at: '5.25 min', set: { 'circuit.siteCompression': true } }], settings);
    // 15 s of the pump's output onto the floor (and ~11 mL from the site), then the clamps and the site pressed
    const flow0 = at(r, 'return_flow_L_min', 4 * MIN);
    expect(at(r, 'blood_loss_mL', 10 * MIN)).toBeCloseTo(1000 * flow0 * 0.25, -2);
    expect(at(r, 'circuit_blood_loss_mL_h', 10 * MIN)).toBeLessThan(60); // what a closed clamp lets through, under 1 mL/min
    expect(at(r, 'return_flow_L_min', 10 * MIN)).toBeLessThan(0.001);
    const back = 5.25 * MIN + DOWNTIME_h + 2.75 * MIN;
    expect(at(r, 'return_flow_L_min', back)).toBeGreaterThan(0.95 * flow0);
    expect(r.events.some((e) => e.type === 'fault' && /ended with the return vessel recannulated/.test(e.reason))).toBe(true);
    // without pressure on it the jugular site bleeds on behind the clamps until the new cannula is in
    const unpressed = runWithTimeline(DEFAULT_ECMO, [out, recannulate], settings);
    expect(at(unpressed, 'circuit_blood_loss_mL_h', 10 * MIN)).toBeGreaterThan(1000);
    expect(at(unpressed, 'circuit_blood_loss_mL_h', back)).toBe(0);
  });
});
