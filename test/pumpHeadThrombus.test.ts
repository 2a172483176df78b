/**
 * A thrombus in the centrifugal pump head (fault `pump-head-thrombus`, `circuit.hemolysis.pumpHeadThrombus`): the
 * pump's release of free hemoglobin multiplied at unchanged rpm and flow [hypothesis]. A new pump head ends it, alone
 * or with a new circuit; a new console moves the same head onto a new drive and does not. Checked against the course Neal et
 * al. (J Extra Corpor Technol 2015;47:103) report: free Hb past 100 mg/dL at unchanged rpm and flow, a rapid fall over
 * the 12 h after a new head and back to baseline within 48 h (the fall is the clearance half-life's, set from bypass
 * weaning, not from them).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import type { Action } from '../sim/model/events.js';
import { traineeLog } from '../src/training/traineeView.js';
import type { SessionEntry } from '../sim/training/sessionLog.js';
import { DEFAULT_ECMO, scenario } from './helpers/scenarios.js';

const thrombus = (severity: number, onset: 'sudden' | 'gradual' = 'sudden', over_h = 0): Partial<Action> => ({
  injectFault: { kind: 'pump-head-thrombus', severity, onset, over_h, clear: false },
});

/** The default ECMO run to 1 h, then (when asked) a thrombus of `severity` in the pump head. */
function run(severity?: number) {
  const sim = new Simulation(scenario(DEFAULT_ECMO, { duration: '80 h' }));
  sim.advanceTo(1);
  const before = sim.observe();
  if (severity !== undefined) sim.act(thrombus(severity));
  return { sim, before };
}

describe('a thrombus in the pump head', () => {
  it('multiplies what the pump releases at unchanged rpm and flow; free Hb passes 100 mg/dL as in Neal 2015’s patients, and the alert names the head', () => {
    const { sim, before } = run(20);
    const after = sim.observe();
    // the rate before was held at the last hourly look (within its 5 % drift), the one after solved now
    expect(after.pump_hemolysis_mg_h / before.pump_hemolysis_mg_h).toBeCloseTo(20, 1);
    expect([after.pump_speed_rpm, after.pump_flow_L_min]).toEqual([before.pump_speed_rpm, before.pump_flow_L_min]);
    sim.advanceTo(24);
    expect(sim.observe().plasma_free_hb_mg_dL).toBeGreaterThan(100);
    expect(sim.events.find((e) => e.type === 'hemolysis')?.reason).toMatch(/mostly from a thrombus in the pump head$/);
  });

  it('developing gradually, its release follows each step of the ramp, not the hourly look at the pump', () => {
    const sim = new Simulation(scenario(DEFAULT_ECMO, { duration: '4 h' }));
    sim.advanceTo(1);
    const clean = sim.observe().pump_hemolysis_mg_h;
    sim.act(thrombus(20, 'gradual', 0.5));
    sim.advanceTo(1.26); // 15 of the ramp's 30 one-minute steps (ramp.ts) taken: the factor a half of the way from 1 to 20
    expect(sim.observe().pump_hemolysis_mg_h / clean).toBeCloseTo(1 + (20 - 1) * (15 / 30), 1);
    sim.advanceTo(1.55); // the ramp over, before the hourly check at 2 h
    expect(sim.observe().pump_hemolysis_mg_h / clean).toBeCloseTo(20, 1);
  });

  it('a new console moves the same head and keeps it; a new head ends it: free Hb falls fast over 12 h and is back at a clean head’s level within 48 h (Neal 2015)', () => {
    const { sim } = run(20);
    const clean = run().sim;
    for (const s of [sim, clean]) s.advanceTo(24);
    const high = sim.observe().plasma_free_hb_mg_dL;
    for (const s of [sim, clean]) {
      s.act({ changeConsole: true });
      s.advanceTo(24.5);
    }
    expect(sim.observe().pump_hemolysis_mg_h / clean.observe().pump_hemolysis_mg_h).toBeCloseTo(20, 6);
    for (const s of [sim, clean]) s.act({ changePumpHead: true });
    expect(sim.events.filter((e) => e.type === 'fault').map((e) => e.reason)).toEqual([
      'Pump-head thrombus (circuit.hemolysis.pumpHeadThrombus: 1 → 20)',
      'Pump-head thrombus: ended with the pump head taken out (the new head has none)',
    ]);
    const atChange = sim.observe().plasma_free_hb_mg_dL;
    for (const s of [sim, clean]) s.advanceTo(24.75); // the new head running since 24.53 h
    expect(sim.observe().pump_hemolysis_mg_h).toBeCloseTo(clean.observe().pump_hemolysis_mg_h, 9);
    for (const s of [sim, clean]) s.advanceTo(36.5);
    const excess12h = sim.observe().plasma_free_hb_mg_dL - clean.observe().plasma_free_hb_mg_dL;
    expect(excess12h).toBeLessThan(0.1 * (atChange - clean.observe().plasma_free_hb_mg_dL));
    expect(high).toBeGreaterThan(100);
    for (const s of [sim, clean]) s.advanceTo(72.5);
    expect(sim.observe().plasma_free_hb_mg_dL / clean.observe().plasma_free_hb_mg_dL).toBeCloseTo(1, 2);
  });

  it('a new circuit ends it too (its head is new): once it runs, the pump releases what a clean circuit’s does', () => {
    const { sim } = run(20);
    const clean = run().sim;
    for (const s of [sim, clean]) s.advanceTo(2);
    for (const s of [sim, clean]) s.act({ changeCircuit: true });
    expect(sim.events.some((e) => e.type === 'fault' && e.reason === 'Pump-head thrombus: ended with the pump head taken out (the new head has none)')).toBe(
      true,
    );
    for (const s of [sim, clean]) s.advanceTo(2.25); // the new circuit running since 2.08 h
    expect(sim.observe().pump_hemolysis_mg_h).toBeCloseTo(clean.observe().pump_hemolysis_mg_h, 9);
  });

  it('reaches the trainee as the laboratory’s flag: no value, no source', () => {
    const engine: SessionEntry = {
      t_h: 1.13,
      kind: 'event',
      id: 'hemolysis',
      text: 'plasma free Hb 50 mg/dL past 50 (ELSO): pump releasing 2148 mg/h, mostly from a thrombus in the pump head',
      value: 50,
    };
    const other: SessionEntry = { t_h: 1.2, kind: 'event', id: 'circuit_change', text: 'circuit change: both lines clamped' };
    expect(traineeLog([engine, other])).toEqual([
      { t_h: 1.13, kind: 'event', id: 'hemolysis', text: 'laboratory: plasma free hemoglobin above 50 mg/dL, ELSO’s alert level' },
      other,
    ]);
  });
});
