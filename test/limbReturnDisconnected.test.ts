/**
 * The filter limb's return line off its port (circuit.filterLimb.returnDisconnected; docs/models/hemolysis-and-air.md,
 * "The filter limb's return line disconnected"). The CRRT blood pump is occlusive: it goes on drawing Q_f from the
 * circuit and now pumps the limb's return Q_lr onto the floor, so the loop loses Q_f where it lost only the net
 * ultrafiltration; the machine's return pressure falls to the open line's own drop; the port left open draws air where
 * the limb returns pre-pump (the cohort's site) and leaks blood where it returns above atmospheric pressure; on its own
 * catheter the vein bleeds back through the lumen. Stopping the CRRT pump (the limb clamped) stops the loss;
 * reconnecting and de-airing restore the circuit.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../sim/engine/simulate.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, runWithTimeline, scenarioWithTimeline } from './helpers/scenarios.js';
import { orificeBloodFlow_mL_h } from '../sim/circuit/bloodLoss/orifice.js';
import { openLumenBleed_mL_h } from '../sim/circuit/bloodLoss/openLumen.js';
import { tubeLossCoefficients } from '../sim/circuit/tube.js';
import { loopViscosity } from '../sim/circuit/loopTemperature.js';

const min = (m: number) => m / 60;
const OFF = '59.5 min';
const off = { at: OFF, set: { 'circuit.filterLimb.returnDisconnected': true } };
const siteRun = (site: string, timeline: unknown[], duration = '1.5 h'): RunResult =>
  runWithTimeline(DEFAULT_ECMO, timeline, { duration, outputInterval: '1 min', 'circuit.filterLimb.connection': site });
/** The limb's return (mL/min): the blood pump's flow less the net ultrafiltration (sim/filter/operatingPoint.ts). */
const limbReturn = (r: RunResult, t_h: number) => at(r, 'filter_blood_flow_mL_min', t_h) - r.scenario.prescription.netUltrafiltration / 60;

describe('the return line off its port at the cohort’s site (post-oxygenator take-off, pre-pump return)', () => {
  const r = siteRun('postOxygenatorToPrePump', [
    off,
    { at: '63 min', set: { 'circuit.clamps.filterLimb': true } },
    { at: '70 min', set: { 'circuit.filterLimb.returnDisconnected': false, 'circuit.clamps.filterLimb': false } },
    { at: '70.5 min', deAir: true },
  ]);

  it('the loop loses the limb’s whole draw: drainage − return flow goes from the net ultrafiltration to Q_f', () => {
    const gap = (t_h: number) => 1000 * (at(r, 'drainage_flow_L_min', t_h) - at(r, 'return_flow_L_min', t_h));
    expect(gap(min(59))).toBeCloseTo(r.scenario.prescription.netUltrafiltration / 60, 6); // connected: what the filter keeps
    expect(gap(min(61))).toBeCloseTo(at(r, 'filter_blood_flow_mL_min', min(61)), 6); // off: all it draws
  });

  it('the CRRT machine’s return pressure falls to the open line’s own drop: the port’s pressure leaves it, the line’s stays', () => {
    const drop = at(r, 'p_filter_out_mmHg', min(59)) - at(r, 'p_limb_return_port_mmHg', min(59));
    expect(at(r, 'p_limb_return_port_mmHg', min(59))).toBeLessThan(-50);
    expect(at(r, 'p_filter_out_mmHg', min(60))).toBeCloseTo(drop, 0);
    expect(at(r, 'p_filter_out_mmHg', min(60))).toBeGreaterThan(0); // it rises, so the machine's "return disconnection" (a fall) stays silent
  });

  it('the open port draws air into the pre-pump line, the detector sees it and the pump airlocks', () => {
    const seen = r.events.find((e) => e.type === 'air_detected' && Math.abs(e.t_h - min(59.5)) < 1e-6);
    expect(seen?.reason).toMatch(/the port the filter limb's return line came off/);
    expect(at(r, 'pump_head_factor', min(61))).toBeLessThan(0.5);
    expect(at(r, 'pump_flow_L_min', min(61))).toBeLessThan(0.5 * at(r, 'pump_flow_L_min', min(59)));
  });

  it('the patient loses the limb’s return while the CRRT pump runs, and nothing once the limb is clamped', () => {
    expect(at(r, 'circuit_blood_loss_mL_h', min(61)) / 60).toBeCloseTo(limbReturn(r, min(61)), 6);
    const lost = (a: number, b: number) => at(r, 'blood_loss_mL', min(b)) - at(r, 'blood_loss_mL', min(a));
    expect(lost(60, 63)).toBeCloseTo(3 * limbReturn(r, min(61)), -1); // ~3 min at ~350 mL/min
    expect(at(r, 'circuit_blood_loss_mL_h', min(64))).toBe(0);
    expect(lost(64, 80)).toBe(0);
    expect(r.events.some((e) => e.type === 'blood_loss' && /CRRT blood pump stopped/.test(e.reason))).toBe(true);
  });

  it('reconnected and de-aired, the circuit and the limb run as before', () => {
    expect(at(r, 'air_pump_head_mL', min(72))).toBe(0);
    expect(at(r, 'pump_flow_L_min', min(85))).toBeGreaterThan(0.9 * at(r, 'pump_flow_L_min', min(59)));
    expect(at(r, 'p_filter_out_mmHg', min(85))).toBeLessThan(0);
  });
});

describe('the return line off a port above atmospheric pressure, or off its own catheter', () => {
  it('pre-oxygenator: no air; the port leaks blood at the orifice rate of the pre-oxygenator pressure, beside the limb’s return', () => {
    const r = siteRun('preOxygenator', [off], '1 h');
    const c = r.scenario.circuit!;
    const port = at(r, 'p_limb_return_port_mmHg', min(59));
    expect(port).toBeGreaterThan(50);
    const leak = r.events.find((e) => e.type === 'blood_loss' && /return junction \(pre-oxygenator\)/.test(e.reason));
    expect(leak!.value! / (orificeBloodFlow_mL_h(c.filterLimb.returnPortBore, c.bloodDischargeCoefficient, port, c.flow.bloodDensity) / 60)).toBeCloseTo(1, 1);
    expect(at(r, 'air_pump_head_mL', min(60))).toBe(0);
    expect(at(r, 'bleeding_rate_mL_h', min(60)) / 60).toBeGreaterThan(leak!.value! + 0.99 * limbReturn(r, min(60)));
  });

  it('its own catheter: the vein bleeds back through the lumen at the venous pressure (Poiseuille and the hub’s exit in series), the ECMO loop untouched', () => {
    const r = siteRun('separateCatheter', [off], '1 h');
    const c = r.scenario.circuit!;
    const bleed = r.events.find((e) => e.type === 'blood_loss' && /catheter's lumen, its line off the hub/.test(e.reason));
    expect(bleed).toBeDefined();
    // the bleed q solves P = a·q + b·q² at the junction's pressure (the drained vein's, which the event names), a at the
    // drained blood's viscosity: the lumen's Poiseuille loss and the hub's exit, computed here from their coefficients
    const junction = Number(/at (-?[\d.]+) mmHg/.exec(bleed!.reason)![1]);
    const mu = loopViscosity(c, at(r, 'hematocrit_pct', min(59)) / 100, at(r, 'temperature_C', min(59))).drainage_mPa_s;
    const k = tubeLossCoefficients(
      { innerDiameter_mm: c.filterLimb.catheterLumenDiameter, length_mm: c.filterLimb.catheterLength },
      mu,
      c.flow.bloodDensity,
      1 / c.bloodDischargeCoefficient ** 2,
      0,
    );
    const q = bleed!.value!;
    expect((k.viscous * q + k.inertial * q * q) / junction).toBeCloseTo(1, 1);
    const p = at(r, 'central_venous_pressure_mmHg', min(59));
    expect(p).toBeGreaterThan(0);
    expect(bleed!.value!).toBeGreaterThan(20);
    expect(bleed!.value!).toBeLessThan(orificeBloodFlow_mL_h(c.filterLimb.catheterLumenDiameter, c.bloodDischargeCoefficient, p, c.flow.bloodDensity) / 60);
    expect(at(r, 'air_pump_head_mL', min(60))).toBe(0);
    expect(at(r, 'pump_flow_L_min', min(60))).toBeCloseTo(at(r, 'pump_flow_L_min', min(59)), 1);
  });

  it('the open lumen’s flow solves P = a·Q + b·Q²: a from Poiseuille, b the exit at the lumen’s bore', () => {
    const lumen = { innerDiameter_mm: 2.3, length_mm: 200 };
    const q = openLumenBleed_mL_h(lumen, 3.5, 1060, 0.61, 10) / 60;
    const k = tubeLossCoefficients(lumen, 3.5, 1060, 1 / 0.61 ** 2, 0);
    expect(k.viscous * q + k.inertial * q * q).toBeCloseTo(10, 9);
    // the lumen, not the hub, limits it: well under what the hub's orifice alone would pass
    expect(q).toBeLessThan(0.5 * (orificeBloodFlow_mL_h(2.3, 0.61, 10, 1060) / 60));
    expect(openLumenBleed_mL_h(lumen, 3.5, 1060, 0.61, 0)).toBe(0);
  });
});

describe('the fault', () => {
  it('needs an ECMO circuit and a filter limb: the standard-care arm (no circuit) refuses it, naming the section', () => {
    expect(() => scenarioWithTimeline(DEFAULT_STANDARD, [{ at: '1 h', fault: { kind: 'limb-return-disconnected' } }])).toThrow(/sets "circuit" to null/);
  });
  it('a circuit change joins the limb to the new circuit’s ports: the line is on again', () => {
    const r = siteRun(
      'postOxygenatorToPrePump',
      [
        off,
        { at: '61 min', set: { 'circuit.clamps.filterLimb': true } },
        { at: '62 min', changeCircuit: true },
        { at: '100 min', set: { 'circuit.clamps.filterLimb': false } },
      ],
      '2 h',
    );
    expect(at(r, 'circuit_blood_loss_mL_h', min(60))).toBeGreaterThan(0);
    expect(at(r, 'circuit_blood_loss_mL_h', min(110))).toBe(0); // the limb running again returns into the new circuit
    expect(at(r, 'air_pump_head_mL', min(110))).toBe(0);
    expect(at(r, 'p_filter_out_mmHg', min(110))).toBeLessThan(0);
  });
});
