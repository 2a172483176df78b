/** The worker's live run, under Node: loading, refusals that keep the running simulation, commands, trend grid. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveRun } from '../../src/engine/liveRun';
import { loadText } from '../../src/engine/scenarioText';
import { TREND_INTERVAL_h, TREND_SERIES } from '../../src/protocol';

const ROOT = resolve(import.meta.dirname, '../..');
const text = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const ECMO = text('scenarios/ecmo-hvhf-default.json');

describe('LiveRun (the engine worker without the worker)', () => {
  it('advances by speed × real time only while running, and samples trends on a fixed grid', () => {
    const run = new LiveRun();
    expect(loadText(run, ECMO, 'ecmo-hvhf-default.json').ok).toBe(true);
    run.advanceReal(1000);
    expect(run.time_h).toBe(0);
    run.command({ type: 'speed', speed: 3600 });
    run.command({ type: 'run' });
    run.advanceReal(1000); // 1 s at 3600× = 1 h
    expect(run.time_h).toBeCloseTo(1, 9);
    const s = run.snapshot()!;
    expect(s.trend.map((p) => p.t_h)).toEqual(Array.from({ length: 13 }, (_, i) => expect.closeTo(i * TREND_INTERVAL_h, 9)));
    expect(s.trend[0].values).toHaveLength(TREND_SERIES.length);
    expect(s.obs.il6_pg_mL).toBeLessThan(2069);
    expect(run.snapshot()!.trend).toEqual([]); // handed over once
  });

  it('a broken scenario is refused with the loader message and the running simulation is kept', () => {
    const run = new LiveRun();
    loadText(run, ECMO, 'ecmo-hvhf-default.json');
    run.command({ type: 'step' });
    const before = run.snapshot()!;
    const r = loadText(run, text('test/fixtures/broken/dose-wrong-dimension-mmHg.json'), 'broken.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^broken\.json: 1 problem\n {2}prescription\.effluentDose: got "45 mmHg": wrong dimension/);
    const after = run.snapshot()!;
    expect(after.runId).toBe(before.runId);
    expect(after.t_h).toBe(before.t_h);
  });

  it('settings, clamps and actions reach the engine; refused ones come back as messages', () => {
    const run = new LiveRun();
    loadText(run, ECMO, 'ecmo-hvhf-default.json');
    const flow0 = run.snapshot()!.obs.pump_flow_L_min;
    expect(run.command({ type: 'set', path: 'circuit.pump.speed', value: '3500 rpm' })).toBeUndefined();
    const s1 = run.snapshot()!;
    expect(s1.settings.values['circuit.pump.speed']).toBe(3500);
    expect(s1.obs.pump_flow_L_min).toBeGreaterThan(flow0);
    expect(s1.newEvents.at(-1)?.reason).toBe('circuit.pump.speed: 3000 → 3500');
    expect(run.command({ type: 'set', path: 'prescription.effluentDose', value: '45 mmHg' })).toMatch(/wrong dimension/);
    expect(run.command({ type: 'set', path: 'circuit.clamps.drainageLine', value: true })).toBeUndefined();
    const s2 = run.snapshot()!;
    expect(s2.settings.clamps['circuit.clamps.drainageLine']).toBe(true);
    expect(s2.obs.drainage_flow_L_min).toBeLessThan(0.01);
    expect(run.command({ type: 'changeFilter' })).toBeUndefined();
    expect(run.snapshot()!.newEvents.some((e) => e.type === 'filter_change')).toBe(true);
    expect(run.command({ type: 'heparinBolus', units: 4000 })).toBeUndefined();
    expect(run.snapshot()!.newEvents.at(-1)?.type).toBe('heparin_bolus');
  });

  it('the sweep titration as the scenario has it, switched by the operator; a sweep set by hand switches it off with an event', () => {
    const run = new LiveRun();
    loadText(run, ECMO, 'ecmo-hvhf-default.json');
    const auto = 'circuit.oxygenator.sweepTitration.titrate';
    const s0 = run.snapshot()!;
    expect(s0.settings.flags[auto]).toBe(true); // the bundled default titrates the sweep
    const sweep0 = s0.settings.values['circuit.oxygenator.sweepGas']; // after the first blood gas, at the start
    expect(run.command({ type: 'set', path: 'circuit.oxygenator.sweepGas', value: '3 L/min' })).toBeUndefined();
    const s1 = run.snapshot()!;
    expect(s1.settings.flags[auto]).toBe(false);
    expect(s1.newEvents.map((e) => [e.type, e.reason])).toEqual([
      ['setting_change', `circuit.oxygenator.sweepGas: ${sweep0} → 3`],
      ['sweep_titration_off', 'Sweep titration off: the operator set the sweep to 3 L/min'],
    ]);
    expect(run.command({ type: 'set', path: auto, value: true })).toBeUndefined();
    const s2 = run.snapshot()!;
    expect(s2.settings.flags[auto]).toBe(true);
    expect(s2.newEvents.map((e) => e.reason)).toEqual([`${auto}: false → true`]);
    expect(run.command({ type: 'set', path: auto, value: 'yes' as unknown as boolean })).toMatch(/sweepTitration\.titrate: got "yes"; expected true or false/);
  });

  it('standard care loads without a circuit: circuit settings and series do not exist', () => {
    const run = new LiveRun();
    const r = loadText(run, text('scenarios/standard-care-default.json'), 'standard-care-default.json');
    expect(r.ok).toBe(true);
    expect(r.ok && r.info.hasCircuit).toBe(false);
    const s = run.snapshot()!;
    expect(s.obs.pump_flow_L_min).toBeNaN();
    expect(s.settings.values['circuit.pump.speed']).toBeNaN();
    expect(s.settings.flags['circuit.oxygenator.sweepTitration.titrate']).toBe(false);
    expect(run.command({ type: 'changeFilter' })).toMatch(/no hemofilter/);
    expect(run.command({ type: 'changeOxygenator' })).toMatch(/no ECMO circuit/);
  });
});
