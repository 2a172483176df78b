/**
 * Drainage limits (issue 11): the veins deliver at most Guyton's plateau, φ·(Pmsf − P_surrounding)/R_vr; past it the
 * drained vein chatters. Must show: pump speed raised past the venous-return limit: flow plateaus, then falls and
 * fluctuates, drainage pressure swings; a fluid bolus restores flow; lower intravascular volume brings the limit to
 * a lower speed (docs/models/circuit-hydraulics.md, "Drainage limits").
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { openFraction, phaseMean } from '../sim/circuit/chatter.js';
import { collapsibleVeinPressure_mmHg, venousReturnLimit_mL_min, venousReturnResistance } from '../sim/circuit/venousDrainage.js';
import { at, DEFAULT_ECMO, run, scenario } from './helpers/scenarios.js';

/** Intra-abdominal pressure raised to 10 mmHg puts the limit (6.5 L/min) inside the pump's speed range. */
const RAISED_IAP = { 'circuit.venousDrainage.surroundingPressure': '10 mmHg' };
const SPEEDS = [3000, 3500, 4000, 4250, 4500, 4600, 4700, 4800, 4900, 5000];

const atSpeed = (rpm: number, extra: Record<string, string> = {}) =>
  run(DEFAULT_ECMO, { duration: '0.25 h', 'circuit.pump.speed': `${rpm} rpm`, ...RAISED_IAP, ...extra });

describe('chatter: the two-phase mean', () => {
  it('below or at the limit the vein stays open (fraction open 1)', () => {
    expect(openFraction({ openFlow: 5000, collapsedFlow: 2500, limit: 5000, flowLoss: 1 })).toBe(1);
    expect(openFraction({ openFlow: 4000, collapsedFlow: 2500, limit: 5000, flowLoss: 1 })).toBe(1);
  });
  it('past the limit the phases average to Q_lim / (1 + κ·x)', () => {
    const p = { openFlow: 6000, collapsedFlow: 2500, limit: 5000, flowLoss: 1 };
    const f = openFraction(p);
    expect(phaseMean(f, p.openFlow, p.collapsedFlow)).toBeCloseTo(5000 / (1 + 0.2), 9);
    expect(f).toBeGreaterThan(0);
    expect(f).toBeLessThan(1);
  });
});

describe("Guyton's plateau", () => {
  it('R_vr from the starting steady state: (Pmsf − CVP)/CO', () => {
    expect(venousReturnResistance(18, 6500)).toBeCloseTo(18 / 6500, 12);
  });
  it('the reported limit is φ·(Pmsf − P_surrounding)/R_vr, with Pmsf moving with blood volume', () => {
    const s = scenario(DEFAULT_ECMO, { duration: '4 h', 'prescription.netUltrafiltration': '300 mL/h' });
    const r = simulate(s);
    const c = s.circuit!;
    const p = s.patient;
    const rvr = venousReturnResistance(c.venousDrainage.venousReturnGradient, p.cardiacOutput);
    const dv = at(r, 'intravascular_volume_mL', 4) - at(r, 'intravascular_volume_mL', 0);
    expect(dv).toBeLessThan(-300);
    expect(at(r, 'p_msf_mmHg', 4)).toBeCloseTo(p.centralVenousPressure + c.venousDrainage.venousReturnGradient + dv / p.venousCompliance, 6);
    const limit = venousReturnLimit_mL_min(at(r, 'p_msf_mmHg', 4), c.venousDrainage.surroundingPressure, rvr, c.venousDrainage.accessibleFraction);
    expect(at(r, 'venous_return_limit_L_min', 4)).toBeCloseTo(limit / 1000, 9);
    // Pmsf and the linear venous pressure move together (the venous-return gradient, and so R_vr·CO, stays as it
    // started); the drained vein follows the linear law while distended and collapses below P_ext (veinCollapse.test.ts)
    const linear = at(r, 'p_msf_mmHg', 4) - c.venousDrainage.venousReturnGradient;
    expect(linear).toBeLessThan(c.venousDrainage.surroundingPressure); // 4 h of net removal: the vein has begun to collapse
    const vein = collapsibleVeinPressure_mmHg(linear, c.venousDrainage.surroundingPressure, c.venousDrainage.collapsePressure, at(r, 'p_msf_mmHg', 4));
    expect(at(r, 'p_venous_mmHg', 4)).toBeCloseTo(vein, 9);
    expect(at(r, 'p_msf_mmHg', 0) - at(r, 'p_venous_mmHg', 0)).toBeCloseTo(c.venousDrainage.venousReturnGradient, 9);
  });
});

describe('pump speed raised past the venous-return limit', () => {
  const runs = SPEEDS.map((n) => atSpeed(n));
  const series = (name: keyof RunResult['series']) => runs.map((r) => at(r, name, 0));
  const flow = series('drainage_flow_L_min');
  const demand = series('drainage_demand_L_min');
  const limit = at(runs[0], 'venous_return_limit_L_min', 0);
  const flowSwing = series('drainage_flow_swing_L_min');
  const pressureSwing = series('p_drainage_swing_mmHg');
  const onset = demand.findIndex((d) => d > limit);

  it('the limit falls inside the speed range (the test means something)', () => {
    expect(onset).toBeGreaterThan(2);
    expect(onset).toBeLessThan(SPEEDS.length - 2);
  });
  it('below the limit: flow rises with speed, equals the demand, and holds steady (no swing)', () => {
    for (let i = 1; i < onset; i++) expect(flow[i]).toBeGreaterThan(flow[i - 1]);
    for (let i = 0; i < onset; i++) {
      expect(flow[i]).toBeCloseTo(demand[i], 9);
      expect(flowSwing[i]).toBe(0);
      expect(pressureSwing[i]).toBe(0);
    }
  });
  it('flow plateaus: no speed drains more than the veins deliver', () => {
    for (const q of flow) expect(q).toBeLessThanOrEqual(limit + 1e-9);
    expect(Math.max(...flow)).toBeGreaterThan(0.97 * limit);
  });
  it('then falls and fluctuates: past the limit mean flow falls with speed while flow and drainage pressure swing more', () => {
    for (let i = onset + 1; i < SPEEDS.length; i++) {
      expect(flow[i]).toBeLessThan(flow[i - 1]);
      expect(flowSwing[i]).toBeGreaterThan(flowSwing[i - 1]);
      expect(pressureSwing[i]).toBeGreaterThan(pressureSwing[i - 1]);
    }
    expect(flowSwing[SPEEDS.length - 1]).toBeGreaterThan(0.5);
    expect(pressureSwing[SPEEDS.length - 1]).toBeGreaterThan(50);
  });
});

describe('volume and relief', () => {
  /** Lowest speed of the sweep at which the vein chatters, with `extra` settings. */
  const onsetSpeed = (extra: Record<string, string>) =>
    SPEEDS.find((n) => at(run(DEFAULT_ECMO, { duration: '2 h', 'circuit.pump.speed': `${n} rpm`, ...extra }), 'drainage_flow_swing_L_min', 2) > 0);

  it('lower intravascular volume (2 h of 400 mL/h net ultrafiltration) brings the limit to a lower speed', () => {
    const even = onsetSpeed(RAISED_IAP);
    const dry = onsetSpeed({ ...RAISED_IAP, 'prescription.netUltrafiltration': '400 mL/h' });
    expect(even).toBeDefined();
    expect(dry).toBeDefined();
    expect(dry!).toBeLessThan(even!);
  });
  it('a fluid bolus restores flow and ends the chatter, with events for both', () => {
    const s = scenario(DEFAULT_ECMO, { duration: '8 h', 'circuit.pump.speed': '4300 rpm', 'prescription.netUltrafiltration': '400 mL/h' });
    s.timeline.push({ index: 0, at_h: 6, set: [{ path: 'prescription.netUltrafiltration', value: 0 }], fluidBolus_mL: 1000 });
    const r = simulate(s);
    expect(at(r, 'drainage_flow_swing_L_min', 1)).toBe(0);
    expect(at(r, 'drainage_flow_swing_L_min', 6)).toBeGreaterThan(0);
    expect(at(r, 'drainage_flow_L_min', 6)).toBeLessThan(at(r, 'drainage_flow_L_min', 1) - 0.3);
    expect(at(r, 'drainage_flow_swing_L_min', 6.25)).toBe(0);
    expect(at(r, 'drainage_flow_L_min', 6.25)).toBeGreaterThan(at(r, 'drainage_flow_L_min', 6) + 0.3);
    // the bolus enters the blood at once; 15 min later most of it is still there (the Starling refill moves fluid out
    // over hours here, fluid-balance.md), so the vein fills and the chatter ends
    expect(at(r, 'intravascular_volume_mL', 6.25)).toBeGreaterThan(at(r, 'intravascular_volume_mL', 6) + 500);
    const chatter = r.events.filter((e) => e.type === 'drainage_chatter');
    expect(chatter.map((e) => e.reason.split(':')[0].split(' (')[0])).toEqual(['chatter begins', 'chatter ends']);
    expect(chatter[0].t_h).toBeGreaterThan(1);
    expect(chatter[0].t_h).toBeLessThan(6);
    expect(chatter[1].t_h).toBeCloseTo(6, 9);
    expect(r.events.some((e) => e.type === 'fluid_bolus' && e.t_h === 6)).toBe(true);
  });
  it('the bolus is fluid given: the fluid mass balance still closes', () => {
    const s = scenario(DEFAULT_ECMO, { duration: '2 h' });
    s.timeline.push({ index: 0, at_h: 1, set: [], fluidBolus_mL: 500 });
    const fluid = simulate(s).summary.mass_balance.fluid;
    expect(Math.abs(fluid.residual)).toBeLessThan(1e-6 * fluid.start);
    expect(fluid.produced).toBeGreaterThan(500);
  });
  it('raised surrounding pressure (a cough, intra-abdominal hypertension) or a malpositioned cannula lowers the limit', () => {
    const base = at(atSpeed(3000, { 'circuit.venousDrainage.surroundingPressure': '7 mmHg' }), 'venous_return_limit_L_min', 0);
    expect(at(atSpeed(3000, { 'circuit.venousDrainage.surroundingPressure': '20 mmHg' }), 'venous_return_limit_L_min', 0)).toBeLessThan(base);
    expect(
      at(
        atSpeed(3000, { 'circuit.venousDrainage.surroundingPressure': '7 mmHg', 'circuit.venousDrainage.accessibleFraction': '60 %' }),
        'venous_return_limit_L_min',
        0,
      ),
    ).toBeCloseTo(0.6 * base, 9);
  });
});
