/**
 * The page's own logic under Node: how the event log words and sorts events, the trends' time ticks, the bags drawn
 * from the engine's bag series, and the live run stopping at the scenario's end and refusing a second filter change.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryOf, EVENT_CATEGORIES, eventText, hasOwnCategory, kindOf } from '../../src/consoles/eventText';
import { EVENT_TYPES } from '../../sim/engine/glossary';
import { LiveRun } from '../../src/engine/liveRun';
import { loadText } from '../../src/engine/scenarioText';
import { timeTicks } from '../../src/trends/chart';
import { BAG_mL, bagLevels } from '../../src/view/bags';
import { deviceChangeLook } from '../../src/view/deviceChangeLook';
import { circuitChangeSpecs } from '../../sim/circuit/deviceChange/deviceChangeSpecs';

const ROOT = resolve(import.meta.dirname, '../..');
const ECMO = readFileSync(join(ROOT, 'scenarios/ecmo-hvhf-default.json'), 'utf8');

describe('the event log words a setting change as the trainee entered it', () => {
  const change = (reason: string) => eventText({ t_h: 1, type: 'setting_change', reason });

  it('with the setting label and the control unit (FiO₂ in %, not the engine fraction)', () => {
    expect(change('circuit.oxygenator.fio2: 1 → 0.21')).toBe('FiO₂ 100 → 21 %');
    expect(change('circuit.pump.speed: 3000 → 3500')).toBe('Pump 3000 → 3500 rpm');
    expect(change('circuit.oxygenator.sweepGas: 1.5 → 3 (weaning)')).toBe('Sweep 1.5 → 3.0 L/min (weaning)');
    expect(change('circuit.clamps.drainageLine: false → true')).toBe('Drainage line clamp: open → clamped');
  });

  it('a protocol switched on or off in the console’s words for who sets the sweep', () => {
    expect(change('circuit.oxygenator.sweepTitration.titrate: false → true')).toBe('Auto sweep: manual → auto');
    expect(change('circuit.oxygenator.sweepTitration.titrate: true → false (weaning)')).toBe('Auto sweep: auto → manual (weaning)');
    expect(categoryOf('sweep_titration_off')).toBe('settings');
    expect(categoryOf('sweep_titration')).toBe('titrations');
  });

  it('a setting the controls do not offer keeps the engine wording; other events keep theirs', () => {
    expect(change('prescription.heparin.titrate: true → false')).toBe('prescription.heparin.titrate: true → false');
    expect(eventText({ t_h: 1, type: 'fault', reason: 'oxygenator thrombus +100 %' })).toBe('oxygenator thrombus +100 %');
  });

  it('sorts each event type into a filter category and names its kind', () => {
    expect(categoryOf('norepinephrine_titration')).toBe('titrations');
    expect(categoryOf('aptt_check')).toBe('labs');
    expect(categoryOf('filter_start')).toBe('filter');
    expect(categoryOf('heparin_bolus')).toBe('actions');
    expect(categoryOf('air_detected')).toBe('alarms');
    expect(categoryOf('a_type_added_later')).toBe('alarms'); // shown, never lost
    expect(categoryOf('alarm')).toBe('alarms');
    expect(kindOf('norepinephrine_titration')).toBe('NE titration');
    expect(kindOf('filter_change')).toBe('filter change');
  });
});

describe('trend time ticks', () => {
  it('a 1 h window is ticked in minutes as h:mm, at most n ticks', () => {
    const t = timeTicks(25, 26, 5);
    expect(t.at_h.map(t.text)).toEqual(['25:00', '25:15', '25:30', '25:45', '26:00']);
  });

  it('a 48 h run is ticked on whole hours, with the unit', () => {
    const t = timeTicks(0, 48, 6);
    expect(t.at_h.map(t.text)).toEqual(['0 h', '12 h', '24 h', '36 h', '48 h']);
  });
});

describe('bags', () => {
  it('are drawn from the engine bag series when the snapshot has them: a full bag stays full', () => {
    const b = bagLevels({ effluent_bag_mL: 5000, effluent_bag_capacity_mL: 5000, replacement_bag_mL: 1000, effluent_volume_mL: 12_345 });
    expect(b.effluentFill).toBe(1);
    expect(b.replacementFill).toBeCloseTo(1000 / BAG_mL, 12);
    expect(b.effluent_mL).toBe(5000);
  });

  it('without the series, fall back to bags that empty and refill by themselves', () => {
    const b = bagLevels({ effluent_volume_mL: 12_000, replacement_volume_mL: 2_000 });
    expect(b.effluentFill).toBeCloseTo(2000 / BAG_mL, 12);
    expect(b.effluentName).toBe('Effluent bag 3');
    expect(b.replacementFill).toBeCloseTo(1 - 2000 / BAG_mL, 12);
  });
});

describe('the live run', () => {
  it('stops at the scenario duration and refuses to run on', () => {
    const run = new LiveRun();
    expect(loadText(run, ECMO.replace('"duration": "48 h"', '"duration": "1 h"'), 'short.json').ok).toBe(true);
    run.command({ type: 'speed', speed: 3600 });
    run.command({ type: 'run' });
    run.advanceReal(2000); // 2 h asked for, 1 h scenario
    const s = run.snapshot()!;
    expect(s.t_h).toBe(1);
    expect(s.ended).toBe(true);
    expect(s.running).toBe(false);
    expect(run.command({ type: 'run' })).toMatch(/scenario ended at 1 h 00 min/);
    expect(run.command({ type: 'step' })).toMatch(/scenario ended/);
    expect(run.snapshot()!.t_h).toBe(1);
  });

  it('refuses "change filter now" while a change is under way, and takes it again once the new filter runs', () => {
    const run = new LiveRun();
    loadText(run, ECMO, 'ecmo-hvhf-default.json');
    expect(run.command({ type: 'changeFilter' })).toBeUndefined();
    expect(run.command({ type: 'changeFilter' })).toMatch(/filter change is under way: the new filter starts at 0\.50 h/);
    expect(run.snapshot()!.newEvents.filter((e) => e.type === 'filter_change')).toHaveLength(1);
    run.command({ type: 'step' }); // 15 min
    run.command({ type: 'step' }); // 30 min: the new filter is primed
    expect(run.command({ type: 'changeFilter' })).toBeUndefined();
  });

  it('"change oxygenator now" stops the flow for the change, is refused while it is under way, and the new device runs clean', () => {
    const run = new LiveRun();
    loadText(run, ECMO, 'ecmo-hvhf-default.json');
    expect(run.command({ type: 'changeOxygenator' })).toBeUndefined();
    const s1 = run.snapshot()!;
    expect(s1.newEvents.filter((e) => e.type === 'oxygenator_change').map((e) => e.reason)).toEqual([
      "changed by the operator: both lines clamped, ECMO flow stopped for 2 min; the old oxygenator and its 250 mL of blood discarded, the new one's prime in its place",
    ]);
    expect(s1.obs.drainage_flow_L_min).toBeLessThan(0.001);
    expect(run.command({ type: 'changeOxygenator' })).toMatch(/change of the circuit's devices is under way: the new device goes in at 0\.03 h/);
    run.command({ type: 'step' }); // 15 min: the new device went in at 2 min
    const s2 = run.snapshot()!;
    expect(s2.obs.drainage_flow_L_min).toBeGreaterThan(3);
    expect(s2.obs.oxygenators_used).toBe(2);
    expect(s2.settings.clamps['circuit.clamps.drainageLine']).toBe(false);
    expect(run.command({ type: 'changeOxygenator' })).toBeUndefined();
  });

  it('"change console now" moves the pump head onto a new drive: the flow clamped for the move, then back, a second console counted', () => {
    const run = new LiveRun();
    loadText(run, ECMO, 'ecmo-hvhf-default.json');
    expect(run.command({ type: 'changeConsole' })).toBeUndefined();
    const s1 = run.snapshot()!;
    expect(s1.newEvents.filter((e) => e.type === 'console_change').map((e) => e.reason)).toEqual([
      "changed by the operator: both lines clamped, ECMO flow stopped for 1 min; the pump head moved from the old console onto a new console's drive",
    ]);
    expect(s1.obs.drainage_flow_L_min).toBeLessThan(0.001);
    expect(run.command({ type: 'changeOxygenator' })).toMatch(/change of the circuit's devices is under way/);
    run.command({ type: 'step' }); // 15 min: the new console went in at 1 min
    const s2 = run.snapshot()!;
    expect(s2.obs.drainage_flow_L_min).toBeGreaterThan(3);
    expect([s2.obs.consoles_used, s2.obs.oxygenators_used]).toEqual([2, 1]);
  });

  it('a change under way is in the snapshot until its new device goes in, and drawn as such: what is taken out holds clear prime, the console says when the new one goes in', () => {
    const run = new LiveRun();
    loadText(run, ECMO, 'ecmo-hvhf-default.json');
    expect(run.snapshot()!.settings.deviceChange).toBeNull();
    expect(run.command({ type: 'changeCircuit' })).toBeUndefined();
    const during = run.snapshot()!.settings.deviceChange!;
    // the bundled scenario keeps the circuit change's default downtime (circuit.circuitChange.downtime, 5 min)
    const downtime_min = circuitChangeSpecs.downtime.default!;
    expect(during).toEqual({ device: 'circuit', name: 'circuit', since_h: 0, restart_h: downtime_min / 60 });
    const look = deviceChangeLook(during)!;
    expect([look.primedPump, look.primedOxygenator, look.primedTubing, look.headStill]).toEqual([true, true, true, true]);
    expect(look.status).toBe(`new circuit 0:${String(downtime_min).padStart(2, '0')} h`);
    run.command({ type: 'step' }); // 15 min: the new circuit went in
    expect(run.snapshot()!.settings.deviceChange).toBeNull();
    expect(deviceChangeLook(null)).toBeNull();
  });

  it('each device change says what it works on: a console keeps its blood, a cannula leaves the circuit drawn as it was', () => {
    const at = { since_h: 1, restart_h: 1.5 };
    const oxygenator = deviceChangeLook({ device: 'oxygenator', name: 'oxygenator', ...at })!;
    expect([oxygenator.primedOxygenator, oxygenator.primedPump, oxygenator.pump, oxygenator.headStill]).toEqual([true, false, '', false]);
    expect([oxygenator.oxygenator, oxygenator.status]).toEqual(['new one\n1:30 h', 'new oxygenator 1:30 h']);
    const console = deviceChangeLook({ device: 'console', name: 'console', ...at })!;
    expect([console.primedOxygenator, console.primedPump, console.oxygenator, console.headStill]).toEqual([false, false, '', true]);
    expect(console.pump).toBe('to a new console at 1:30 h');
    const head = deviceChangeLook({ device: 'pumpHead', name: 'pump head', ...at })!;
    expect([head.primedPump, head.headStill, head.primedTubing, head.primedOxygenator, head.pump, head.status]).toEqual([
      true,
      true,
      false,
      false,
      'new head at 1:30 h',
      'new pump head 1:30 h',
    ]);
    const drainage = deviceChangeLook({ device: 'drainageCannula', name: 'drainage cannula', ...at })!;
    expect([drainage.primedOxygenator, drainage.primedPump, drainage.pump, drainage.returnCannula]).toEqual([false, false, '', '']);
    expect([drainage.drainageCannula, drainage.status]).toEqual(['new one at 1:30 h', 'new cannula 1:30 h']);
    expect(deviceChangeLook({ device: 'returnCannula', name: 'return cannula', ...at })!.returnCannula).toBe('new one at 1:30 h');
  });

  it('every event type the engine logs has its category: the ventilator’s rate titrations with the titrations, the consumables’ changes with the actions, power and blood loss with the faults', () => {
    const expected: Partial<Record<string, string>> = {
      ventilator_rate_titration: 'titrations',
      bag_change: 'actions',
      syringe_change: 'actions',
      transfusion: 'actions',
      power_loss: 'faults',
      blood_loss: 'faults',
      bag_alarm: 'alarms',
    };
    for (const type of Object.keys(EVENT_TYPES)) {
      expect(EVENT_CATEGORIES, type).toContain(categoryOf(type));
      expect(hasOwnCategory(type), `${type} falls back to the alarms`).toBe(true);
      if (expected[type]) expect(categoryOf(type), type).toBe(expected[type]);
    }
    expect(hasOwnCategory('a_type_added_later')).toBe(false);
    expect(kindOf('ventilator_rate_titration')).toBe('rate titration');
  });
});
