/**
 * Changing the oxygenator or the whole circuit (docs/models/circuit-hydraulics.md, "Changing the oxygenator or the
 * circuit"): the ECMO flow stops for the change's downtime, the old device leaves with its blood, the new one's
 * crystalloid prime joins the blood, and it is clean: the remedy for a thrombosed or leaking membrane, a ruptured or
 * air-locked circuit, whose fault ends with the device taken out.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run, runWithTimeline, scenario } from './helpers/scenarios.js';
import type { ScenarioIssue } from '../sim/scenario/errors.js';
import { loadScenarioText } from '../sim/scenario/load.js';
import { calibrationBeside } from '../sim/scenario/loadFile.js';
import { simulate } from '../sim/engine/simulate.js';
import type { RunResult } from '../sim/engine/simulate.js';

const MIN = 1 / 60;
/** The default circuit's changes: the oxygenator's prime (250 mL) and downtime (2 min), the whole circuit's (550 mL, 5 min). */
const defaults = scenario(DEFAULT_ECMO).circuit!;
const OXY_PRIME_mL = defaults.oxygenatorChange.primeVolume;
const OXY_DOWNTIME_h = defaults.oxygenatorChange.downtime * MIN;
const CIRCUIT_PRIME_mL = defaults.primeVolume;
const CIRCUIT_DOWNTIME_h = defaults.circuitChange.downtime * MIN;
/** Samples every minute; the change at 30 min, its default downtime 2 min, so the new device is in at 32 min. */
const settings = { duration: '1.5 h', outputInterval: '1 min' };
const change = { at: '30 min', changeOxygenator: true };
const redCells_mL = (r: RunResult, t: number) => (at(r, 'hematocrit_pct', t) / 100) * at(r, 'intravascular_volume_mL', t);

describe('an oxygenator change', () => {
  const thrombosis = { at: '15 min', fault: { kind: 'oxygenator-thrombosis', severity: '70 %', onset: 'gradual', over_min: 20 } };
  const changed = runWithTimeline(DEFAULT_ECMO, [thrombosis, change], settings);
  const unchanged = runWithTimeline(DEFAULT_ECMO, [thrombosis], settings);
  const cleanOnly = runWithTimeline(DEFAULT_ECMO, [change], settings);

  it('stops the ECMO flow and pauses the CRRT machine for its downtime: the patient has the native lung alone and desaturates; both run again after it', () => {
    for (const t of [31 * MIN, 32 * MIN]) {
      expect(at(changed, 'drainage_flow_L_min', t)).toBeLessThan(0.001);
      expect(at(changed, 'return_flow_L_min', t)).toBeLessThan(0.001);
      expect(at(changed, 'filter_blood_flow_mL_min', t)).toBe(0); // the CRRT machine paused while the circuit is open
    }
    expect(at(changed, 'filter_blood_flow_mL_min', 33 * MIN)).toBeGreaterThan(0);
    expect(at(changed, 'sao2_pct', 32 * MIN)).toBeLessThan(at(changed, 'sao2_pct', 30 * MIN) - 5);
    expect(at(changed, 'drainage_flow_L_min', 33 * MIN)).toBeGreaterThan(0.9 * at(changed, 'drainage_flow_L_min', 10 * MIN));
    const logged = changed.events.filter((e) => e.type === 'oxygenator_change');
    expect(logged.map((e) => e.t_h)).toEqual([0.5, 0.5 + OXY_DOWNTIME_h]);
    expect(changed.summary.device_changes).toEqual([{ t_h: 0.5, device: 'oxygenator', reason: 'oxygenator change', restart_h: 0.5 + OXY_DOWNTIME_h }]);
  });

  it('puts in a clean device: the pressure drop falls back to the clean one while the unchanged thrombus goes on rising, and the fault’s ramp ends', () => {
    const before = at(changed, 'dp_oxygenator_mmHg', 10 * MIN);
    expect(at(changed, 'dp_oxygenator_mmHg', 30 * MIN)).toBeGreaterThan(1.3 * before); // Lubnow 2014: thrombosis at a 30–50 % rise
    for (const t of [33 * MIN, 1, 1.5]) {
      // the same device as the run whose only event is the change (blood diluted alike), within the patients' small drift
      expect(at(changed, 'dp_oxygenator_mmHg', t)).toBeCloseTo(at(cleanOnly, 'dp_oxygenator_mmHg', t), 0);
      expect(at(changed, 'dp_oxygenator_mmHg', t)).toBeLessThan(1.1 * before);
    }
    expect(at(unchanged, 'dp_oxygenator_mmHg', 1.5)).toBeGreaterThan(2.5 * before); // left in, the ramp reaches 70 % at 35 min
    const faults = changed.events.filter((e) => e.type === 'fault').map((e) => e.reason);
    expect(faults.some((r) => /ended with the oxygenator taken out/.test(r))).toBe(true);
    expect(faults.some((r) => /reached its severity/.test(r))).toBe(false);
  });

  it("takes the old device's blood and gives the new one's prime: blood lost +250 mL, red cells −Hct·250 mL, the fluid balance closes", () => {
    expect(at(cleanOnly, 'blood_loss_mL', 30 * MIN)).toBe(0);
    expect(at(cleanOnly, 'blood_loss_mL', 1.5)).toBeCloseTo(OXY_PRIME_mL, 6);
    const hct = at(cleanOnly, 'hematocrit_pct', 30 * MIN) / 100;
    expect(redCells_mL(cleanOnly, 30 * MIN) - redCells_mL(cleanOnly, 33 * MIN)).toBeCloseTo(hct * OXY_PRIME_mL, -1); // within 5 mL: Hct rises as the blood leaves
    // the new device's prime takes the old blood's place: the blood volume (the circuit's contents in it) holds
    expect(Math.abs(at(cleanOnly, 'intravascular_volume_mL', 32 * MIN) - at(cleanOnly, 'intravascular_volume_mL', 30 * MIN))).toBeLessThan(10);
    const f = cleanOnly.summary.mass_balance.fluid;
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
    expect(at(cleanOnly, 'oxygenators_used', 30 * MIN)).toBe(1);
    expect(at(cleanOnly, 'oxygenators_used', 31 * MIN)).toBe(2);
  });
});

describe('a leaking membrane', () => {
  it('is remedied by a new device: the post-oxygenator PO2 back to the clean one’s (Lubnow 2014: failure below 200 mmHg)', () => {
    const leak = { at: '15 min', fault: { kind: 'plasma-leak', severity: '90 %' } };
    const r = runWithTimeline(DEFAULT_ECMO, [leak, change], settings);
    const clean = runWithTimeline(DEFAULT_ECMO, [change], settings);
    expect(at(r, 'post_oxygenator_po2_mmHg', 29 * MIN)).toBeLessThan(200);
    expect(at(clean, 'post_oxygenator_po2_mmHg', 29 * MIN)).toBeGreaterThan(300);
    expect(at(r, 'post_oxygenator_po2_mmHg', 1)).toBeGreaterThan(0.95 * at(clean, 'post_oxygenator_po2_mmHg', 1));
  });
});

describe('a circuit change (the cannulae left in place)', () => {
  const circuitChange = { at: '20 min', changeCircuit: true };
  const circuitSettings = { duration: '1 h', outputInterval: '1 min' };

  it('takes a post-pump rupture out with the old circuit: its bleeding stops at the clamps, the old circuit’s 550 mL leave and the new prime joins', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '10 min', fault: { kind: 'rupture-post-pump' } }, circuitChange], {
      ...circuitSettings,
      'circuit.ruptureOpening': '1 mm',
    });
    expect(at(r, 'circuit_blood_loss_mL_h', 19 * MIN)).toBeGreaterThan(1000);
    const lostBefore = at(r, 'blood_loss_mL', 20 * MIN);
    for (const t of [21 * MIN, 24 * MIN, 40 * MIN]) expect(at(r, 'circuit_blood_loss_mL_h', t)).toBe(0);
    expect(at(r, 'blood_loss_mL', 1)).toBeCloseTo(lostBefore + CIRCUIT_PRIME_mL, 6); // circuit.primeVolume: the old circuit's blood, nothing after
    expect(at(r, 'drainage_flow_L_min', 24 * MIN)).toBeLessThan(0.001); // the default downtime, 5 min
    expect(at(r, 'drainage_flow_L_min', 26 * MIN)).toBeGreaterThan(3);
    expect([at(r, 'circuits_used', 1), at(r, 'oxygenators_used', 1)]).toEqual([2, 2]);
    expect(r.summary.device_changes).toEqual([
      { t_h: expect.closeTo(20 * MIN, 9), device: 'circuit', reason: 'circuit change', restart_h: expect.closeTo(20 * MIN + CIRCUIT_DOWNTIME_h, 9) },
    ]);
    expect(r.events.some((e) => e.type === 'fault' && /ended with the circuit taken out/.test(e.reason))).toBe(true);
    const f = r.summary.mass_balance.fluid;
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
  });

  it('clamp–clamp cuts the circuit off: a post-pump rupture then drains the circuit’s own blood, no more of the patient’s', () => {
    const clampClamp = { at: '12 min', set: { 'circuit.clamps.drainageLine': true, 'circuit.clamps.returnLine': true } };
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '10 min', fault: { kind: 'rupture-post-pump' } }, clampClamp], {
      ...circuitSettings,
      'circuit.ruptureOpening': '1 mm',
    });
    expect(at(r, 'circuit_blood_loss_mL_h', 11 * MIN)).toBeGreaterThan(1000);
    for (const t of [13 * MIN, 30 * MIN, 1]) expect(at(r, 'circuit_blood_loss_mL_h', t)).toBe(0);
    expect(at(r, 'blood_loss_mL', 1)).toBeCloseTo(at(r, 'blood_loss_mL', 12 * MIN), 6);
    expect(r.events.some((e) => e.type === 'blood_loss' && /drains only the circuit cut off from the patient/.test(e.reason))).toBe(true);
    // the return line clamped alone cuts nothing off: the pump draws the patient's blood out through the opening
    const returnOnly = runWithTimeline(
      DEFAULT_ECMO,
      [
        { at: '10 min', fault: { kind: 'rupture-post-pump' } },
        { at: '12 min', set: { 'circuit.clamps.returnLine': true } },
      ],
      {
        duration: '20 min',
        outputInterval: '1 min',
        'circuit.ruptureOpening': '1 mm',
      },
    );
    expect(at(returnOnly, 'circuit_blood_loss_mL_h', 15 * MIN)).toBeGreaterThan(1000);
  });

  it('a pre-pump rupture that airlocked the pump: the new circuit has no air, and flow and head come back', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '10 min', fault: { kind: 'rupture-pre-pump' } }, circuitChange], circuitSettings);
    expect(r.events.some((e) => e.type === 'pump_airlock' && e.t_h < 20 * MIN)).toBe(true);
    expect(at(r, 'pump_head_factor', 19 * MIN)).toBeLessThan(0.5);
    const head0 = at(r, 'pump_head_mmHg', 5 * MIN);
    for (const t of [26 * MIN, 1]) {
      expect(at(r, 'air_pump_head_mL', t)).toBe(0);
      expect(at(r, 'air_entrainment_mL_min', t)).toBe(0);
      expect(at(r, 'pump_head_mmHg', t)).toBeGreaterThan(0.9 * head0);
      expect(at(r, 'drainage_flow_L_min', t)).toBeGreaterThan(0.9 * at(r, 'drainage_flow_L_min', 5 * MIN));
    }
  });
});

describe('a console change (the pump head onto a new drive)', () => {
  const failure = { at: '10 min', fault: { kind: 'pump-failure' } };
  const crank = { at: '12 min', set: { 'circuit.pump.handCrank': true, 'circuit.pump.handCrankSpeed': '2500 rpm' } };
  const newConsole = { at: '20 min', changeConsole: true };
  const consoleSettings = { duration: '40 min', outputInterval: '1 min', 'circuit.consoleChange.downtime': '2 min' };

  it('ELSO’s pump failure, hand crank, new pump: the flow stops for the downtime, then the new console turns the head at the set speed; the fault ends with the old console; no blood leaves', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [failure, crank, newConsole], consoleSettings);
    const speed0 = at(r, 'pump_speed_rpm', 5 * MIN);
    const flow0 = at(r, 'drainage_flow_L_min', 5 * MIN);
    expect(at(r, 'drainage_flow_L_min', 11 * MIN)).toBeLessThan(0.1 * flow0); // the motor failed: no flow
    expect(at(r, 'pump_speed_rpm', 15 * MIN)).toBe(2500); // on the crank
    expect(at(r, 'drainage_flow_L_min', 21 * MIN)).toBeLessThan(0.001); // clamped while the head is moved (2 min here)
    expect(at(r, 'pump_speed_rpm', 25 * MIN)).toBe(speed0);
    expect(at(r, 'drainage_flow_L_min', 25 * MIN)).toBeGreaterThan(0.95 * flow0);
    expect(r.events.filter((e) => e.type === 'console_change').map((e) => e.t_h)).toEqual([20 * MIN, 22 * MIN].map((t) => expect.closeTo(t, 9)));
    expect(r.events.some((e) => e.type === 'fault' && /ended with the console taken out/.test(e.reason))).toBe(true);
    expect(r.events.some((e) => e.type === 'pump_running' && /turned by the motor/.test(e.reason) && Math.abs(e.t_h - 22 * MIN) < 1e-9)).toBe(true);
    expect([at(r, 'consoles_used', 15 * MIN), at(r, 'consoles_used', 30 * MIN), at(r, 'oxygenators_used', 30 * MIN), at(r, 'circuits_used', 30 * MIN)]).toEqual(
      [1, 2, 1, 1],
    );
    expect(at(r, 'blood_loss_mL', 40 * MIN)).toBe(0); // the head and its blood stay
    expect(r.summary.device_changes.map((d) => d.device)).toEqual(['console']);
  });

  it('a new console brings a full battery: on battery without mains the old one ran empty and stopped the pump; the new one runs its rated time', () => {
    const runtime_h = defaults.power.batteryRuntime * MIN;
    const CONSOLE_DOWNTIME_h = defaults.consoleChange.downtime * MIN;
    const r = runWithTimeline(
      DEFAULT_ECMO,
      [
        { at: '0 h', fault: { kind: 'power-loss' } },
        { at: `${runtime_h + 0.25} h`, changeConsole: true },
      ],
      {
        duration: `${runtime_h + 0.75} h`,
        outputInterval: '5 min',
      },
    );
    const tNew = runtime_h + 0.25 + CONSOLE_DOWNTIME_h;
    expect(at(r, 'pump_speed_rpm', runtime_h + 5 * MIN)).toBe(0); // the battery empty
    expect(at(r, 'battery_charge_pct', runtime_h + 0.5)).toBeCloseTo(100 * (1 - (runtime_h + 0.5 - tNew) / runtime_h), 6);
    expect(at(r, 'pump_speed_rpm', runtime_h + 0.5)).toBe(at(r, 'pump_speed_rpm', 0.5));
    expect(at(r, 'on_battery', runtime_h + 0.5)).toBe(1); // mains still lost: the new console on its own battery
  });
});

describe('a pump-head change (the head alone; the oxygenator, the tubing and the console stay)', () => {
  const HEAD_mL = defaults.air.headVolume;
  const HEAD_DOWNTIME_h = defaults.pumpHeadChange.downtime * MIN;
  const headSettings = { duration: '40 min', outputInterval: '1 min' };

  it('an airlocked head: the flow stops for the downtime, the new head has no air, flow and head come back; its 32 mL of blood leave for its prime; the oxygenator stays', () => {
    const r = runWithTimeline(
      DEFAULT_ECMO,
      [
        { at: '5 min', fault: { airEntry: '1.5 mm' } },
        { at: '6 min', fault: { airEntry: '0 mm' } },
        { at: '10 min', changePumpHead: true },
      ],
      headSettings,
    );
    const flow0 = at(r, 'drainage_flow_L_min', 4 * MIN);
    expect(at(r, 'pump_head_factor', 8 * MIN)).toBeLessThan(0.5); // airlocked
    expect(at(r, 'drainage_flow_L_min', 11 * MIN)).toBeLessThan(0.001); // clamped while the head is changed
    const back = 10 * MIN + HEAD_DOWNTIME_h + 3 * MIN;
    expect(at(r, 'air_pump_head_mL', back)).toBe(0);
    expect(at(r, 'drainage_flow_L_min', back)).toBeGreaterThan(0.95 * flow0);
    expect(r.events.filter((e) => e.type === 'pump_head_change').map((e) => e.t_h)).toEqual(
      [10 * MIN, 10 * MIN + HEAD_DOWNTIME_h].map((t) => expect.closeTo(t, 9)),
    );
    expect(at(r, 'blood_loss_mL', 30 * MIN)).toBeCloseTo(HEAD_mL, 6);
    expect([at(r, 'pump_heads_used', 30 * MIN), at(r, 'oxygenators_used', 30 * MIN), at(r, 'circuits_used', 30 * MIN)]).toEqual([2, 1, 1]);
  });

  it('asked while another change is under way, it changes nothing: the air stays in the old head', () => {
    const timeline = [
      { at: '5 min', fault: { airEntry: '1.5 mm' } },
      { at: '6 min', fault: { airEntry: '0 mm' } },
      { at: '10 min', changeOxygenator: true },
      { at: '10.5 min', changePumpHead: true },
    ];
    const r = runWithTimeline(DEFAULT_ECMO, timeline, headSettings);
    expect(at(r, 'air_pump_head_mL', 11 * MIN)).toBeCloseTo(at(r, 'air_pump_head_mL', 9 * MIN), 9);
    expect(at(r, 'air_pump_head_mL', 11 * MIN)).toBeGreaterThan(10);
    expect(at(r, 'pump_heads_used', 20 * MIN)).toBe(1);
    expect(r.events.some((e) => e.t_h === 10.5 * MIN && /under way/.test(e.reason))).toBe(true);
  });

  it('a circuit change brings a new head too: the pump heads used count it', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '10 min', changeCircuit: true }], headSettings);
    expect([at(r, 'pump_heads_used', 5 * MIN), at(r, 'pump_heads_used', 30 * MIN)]).toEqual([1, 2]);
  });
});

describe("the unit's elective oxygenator change (circuit.oxygenatorChange.onPressureRise)", () => {
  // thrombus growing at 0.05/h whatever the anticoagulation: the load is 0.05·t, the resistance (1 + 0.05·t) of the clean one's
  const growing = {
    duration: '24 h',
    outputInterval: '1 min',
    'circuit.oxygenator.thrombusRate': '0.05 1/h',
    'circuit.oxygenator.thrombusAnticoagulationFactor': '0',
  };
  const changes = (r: RunResult) => r.summary.device_changes.map((d) => d.t_h);

  it('changes it where its resistance has risen by the limit (Lubnow 2014: ΔP up 30–50 %): at 0.5/0.05 = 10 h, and again 10 h after the new one went in', () => {
    const r = run(DEFAULT_ECMO, { ...growing, 'circuit.oxygenatorChange.onPressureRise': 'true' });
    const [first, second] = changes(r);
    expect(changes(r)).toHaveLength(2);
    expect(first).toBeCloseTo(10, 6);
    expect(second).toBeCloseTo(10 + OXY_DOWNTIME_h + 10, 6);
    const ratio = at(r, 'dp_oxygenator_mmHg', 9.9) / at(r, 'dp_oxygenator_mmHg', 10.05);
    expect(ratio).toBeGreaterThan(1.4); // 1 + 0.05·9.9 at a flow a little lower
    expect(ratio).toBeLessThan(1.55);
    expect(r.summary.device_changes[0].reason).toMatch(/oxygenator resistance up 50 % \(ΔP at the same flow\), the unit's limit 50 %/);
  });

  it('off by default: the console alarms and a person decides', () => {
    expect(changes(run(DEFAULT_ECMO, growing))).toEqual([]);
  });

  it('a thrombosis that jumps past the limit is changed at once: 40 % of the bundle occluded is a 67 % rise', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '2 h', fault: { kind: 'oxygenator-thrombosis', severity: '40 %' } }], {
      duration: '3 h',
      'circuit.oxygenatorChange.onPressureRise': 'true',
      'circuit.oxygenator.thrombusRate': '0 1/h', // the fault alone: 1/(1 − 0.4) − 1
    });
    expect(changes(r)).toEqual([2]);
    expect(r.summary.device_changes[0].reason).toMatch(/up 67 %/);
  });
});

describe('what the change leaves as it was', () => {
  it('a second change asked during one changes nothing; a line the operator had clamped before is released with the new device (the procedure ends unclamped)', () => {
    const r = runWithTimeline(
      DEFAULT_ECMO,
      [{ at: '20 min', set: { 'circuit.clamps.drainageLine': true } }, change, { at: '31 min', changeOxygenator: true }, { at: '31 min', changeCircuit: true }],
      settings,
    );
    expect(at(r, 'oxygenators_used', 1.5)).toBe(2);
    expect(at(r, 'circuits_used', 1.5)).toBe(1);
    expect(at(r, 'blood_loss_mL', 1.5)).toBeCloseTo(OXY_PRIME_mL, 6);
    expect(r.events.filter((e) => /change is under way/.test(e.reason)).map((e) => e.type)).toEqual(['oxygenator_change', 'circuit_change']);
    expect(at(r, 'drainage_flow_L_min', 25 * MIN)).toBeLessThan(0.001);
    expect(at(r, 'drainage_flow_L_min', 1.5)).toBeGreaterThan(3);
  });

  it('in a scenario without a circuit or a filter, an action on the missing device does nothing and is named in a warning', () => {
    const timeline = [
      { at: '1 h', changeOxygenator: true },
      { at: '1 h', deAir: true },
      { at: '1 h', changeFilter: true },
      { at: '1 h', changeBags: 'both' },
    ];
    const raw = { ...JSON.parse(readFileSync(DEFAULT_STANDARD, 'utf8')), duration: '2 h', timeline };
    const warnings: ScenarioIssue[] = [];
    const s = loadScenarioText(JSON.stringify(raw), 'standard care', [], {
      onWarning: (w) => warnings.push(...w),
      resolveCalibration: calibrationBeside(DEFAULT_STANDARD),
    });
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'timeline[0].changeOxygenator: true is ignored: it acts on an ECMO circuit, and this scenario has none ("circuit": null); remove it, or give a "circuit" section',
      'timeline[1].deAir: true is ignored: it acts on an ECMO circuit, and this scenario has none ("circuit": null); remove it, or give a "circuit" section',
      'timeline[2].changeFilter: true is ignored: it acts on a hemofilter, and this scenario has none ("filter": null); remove it, or give a "filter" section',
      'timeline[3].changeBags: "both" is ignored: it acts on a hemofilter, and this scenario has none ("filter": null); remove it, or give a "filter" section',
    ]);
    const r = simulate(s);
    expect(r.events.filter((e) => e.t_h === 1 && /oxygenator|de_air|filter|bag/.test(e.type))).toEqual([]); // the de-airing of no circuit logged "opening closed" before
    expect(at(r, 'blood_loss_mL', 2)).toBe(0);
  });
});
