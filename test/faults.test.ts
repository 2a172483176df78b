/**
 * The training faults (docs/training/faults.md): each catalogue fault moves the physics the way the bedside sees
 * it, a gradual one reaches its severity at its onset time and not before, `clear` restores the setting, a
 * conditional entry fires the first simulated minute its condition holds and only once, hidden faults' events are
 * flagged, and a mistaken fault entry is refused with a message naming the field, the value and what was expected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromObject } from '../sim/scenario/load.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { Simulation } from '../sim/engine/simulation.js';
import { FAULTS, faultRow } from '../sim/faults/catalogue.js';
import { buildFaultAction } from '../sim/faults/faultAction.js';
import { RAMP_STEP_h } from '../sim/faults/ramp.js';
import { contractionCoefficient, kinkLossCoefficient } from '../sim/circuit/kink.js';
import { DRY_GAS_mmHg, po2FromSaturation } from '../sim/patient/gasExchange/gasExchange.js';
import { monitorRun } from '../sim/alarms/monitorRun.js';
import { DEFAULT_ECMO, at } from './helpers/scenarios.js';

const MINUTE_h = 1 / 60;

/** The default ECMO scenario with a timeline, a duration and a fine output grid. */
function scenarioWith(timeline: unknown[], duration = '2 h', interval = '0.05 h', sets: Record<string, unknown> = {}) {
  const raw = JSON.parse(readFileSync(DEFAULT_ECMO, 'utf8'));
  Object.assign(raw, { duration, outputInterval: interval, timeline }, sets);
  return scenarioFromObject(raw, 'faults test');
}
const runWith = (timeline: unknown[], duration = '2 h', interval = '0.05 h'): RunResult => simulate(scenarioWith(timeline, duration, interval));

function refusal(timeline: unknown[]): string {
  try {
    new Simulation(scenarioWith(timeline));
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('the scenario was accepted');
}

describe('faults acting through other models', () => {
  it('power loss from the catalogue: the console goes onto its battery at the fault, and the pump stops one runtime later', () => {
    const r = runWith([{ at: '0.25 h', fault: { kind: 'power-loss' } }], '2 h', '0.05 h');
    const lost = r.events.find((e) => e.type === 'power_loss')!;
    expect(lost.t_h).toBeCloseTo(0.25, 9); // not when the next event happens to come
    const stopped = r.events.find((e) => e.type === 'pump_stopped')!;
    expect(stopped.t_h).toBeCloseTo(0.25 + 90 / 60, 9); // the default 90 min runtime
    expect(at(r, 'effective_flow_L_min', 1.9)).toBeLessThan(0.05);
  });

  it('every catalogue fault is written by its own log (its events carry its kind)', () => {
    const r = runWith([{ at: '0.25 h', fault: { kind: 'heparin-occlusion' } }], '0.5 h', '0.05 h');
    expect(r.events.filter((e) => e.fault === 'heparin-occlusion').length).toBeGreaterThan(0);
  });
});

describe('the catalogue', () => {
  it('has one row per id, each with a console, a change and a severity that fits its range', () => {
    expect(new Set(FAULTS.map((f) => f.id)).size).toBe(FAULTS.length);
    for (const f of FAULTS) {
      if (f.severity) expect(f.severity.default).toBeGreaterThanOrEqual(f.severity.limits[0]);
      if (f.severity) expect(f.severity.default).toBeLessThanOrEqual(f.severity.limits[1]);
      if (!f.severity) expect(f.gradual).toBe(false); // an on/off fault cannot ramp
    }
  });
  it('builds the action a row performs: a setting injection, or a model action', () => {
    expect(buildFaultAction(faultRow('drainage-kink')!, 0.5, { onset: 'gradual', over_min: 30 })).toEqual({
      set: [],
      injectFault: { kind: 'drainage-kink', severity: 0.5, onset: 'gradual', over_h: 0.5, clear: false },
      hidden: true,
    });
    expect(buildFaultAction(faultRow('air-entry')!, 2, { hidden: false })).toEqual({ set: [], fault: { airEntry: 2 }, hidden: false });
  });
});

describe('a drainage-line kink (an orifice)', () => {
  it('loses nothing with no kink, and its loss rises steeply as the lumen closes (Borda–Carnot behind a vena contracta)', () => {
    expect(kinkLossCoefficient(0)).toBe(0);
    expect(contractionCoefficient(1)).toBe(1);
    // a pinhole: C_c → 0.63, ζ → (1/(0.63·β) − 1)²
    expect(kinkLossCoefficient(0.99)).toBeCloseTo((1 / (contractionCoefficient(0.01) * 0.01) - 1) ** 2, 9);
    expect(contractionCoefficient(0.01)).toBeCloseTo(0.63, 5);
    let previous = 0;
    for (const f of [0.2, 0.4, 0.6, 0.8, 0.9]) {
      expect(kinkLossCoefficient(f)).toBeGreaterThan(previous);
      previous = kinkLossCoefficient(f);
    }
  });
  it('lowers the flow and makes the pressure between the kink and the pump more negative', () => {
    const r = runWith([{ at: '1 h', fault: { kind: 'drainage-kink', severity: '90 %' } }]);
    expect(at(r, 'drainage_flow_L_min', 1.5)).toBeLessThan(0.9 * at(r, 'drainage_flow_L_min', 0.95));
    expect(at(r, 'p_drainage_mmHg', 1.5)).toBeLessThan(at(r, 'p_drainage_mmHg', 0.95) - 10);
  });
});

describe('a return-line kink (outlet obstruction: the same orifice after the oxygenator)', () => {
  it('lowers the flow and raises the post-oxygenator pressure, where an inlet kink deepens the suction: the drainage pressure rises instead', () => {
    const r = runWith([{ at: '1 h', fault: { kind: 'return-kink', severity: '90 %' } }]);
    expect(at(r, 'pump_flow_L_min', 1.5)).toBeLessThan(0.9 * at(r, 'pump_flow_L_min', 0.95));
    expect(at(r, 'p_post_oxygenator_mmHg', 1.5)).toBeGreaterThan(at(r, 'p_post_oxygenator_mmHg', 0.95) + 50);
    expect(at(r, 'p_drainage_mmHg', 1.5)).toBeGreaterThan(at(r, 'p_drainage_mmHg', 0.95) + 10);
    // the oxygenator itself is clear: its pressure drop falls with the flow, so ΔP stays unremarkable while P_post climbs
    expect(at(r, 'dp_oxygenator_mmHg', 1.5)).toBeLessThan(at(r, 'dp_oxygenator_mmHg', 0.95));
    // the filter limb takes off before the kink: the CRRT machine's access pressure climbs with the post-oxygenator's
    expect(at(r, 'p_access_mmHg', 1.5) - at(r, 'p_access_mmHg', 0.95)).toBeCloseTo(
      at(r, 'p_post_oxygenator_mmHg', 1.5) - at(r, 'p_post_oxygenator_mmHg', 0.95),
      -1,
    );
  });
  it('freed, the circuit is as before', () => {
    const r = runWith([
      { at: '1 h', fault: { kind: 'return-kink', severity: '90 %' } },
      { at: '1.5 h', set: { 'circuit.returnLine.kink': '0 %' } },
    ]);
    expect(at(r, 'pump_flow_L_min', 1.75)).toBeCloseTo(at(r, 'pump_flow_L_min', 0.95), 1);
    expect(at(r, 'p_post_oxygenator_mmHg', 1.75)).toBeCloseTo(at(r, 'p_post_oxygenator_mmHg', 0.95), -1);
  });
});

describe('the oxygenator faults', () => {
  it('a sweep-gas disconnection: post-oxygenator PO2 falls to the venous PO2, PaCO2 rises, the flowmeter still reads the set sweep; the circulation answers the hypercapnia with more output and a faster heart', () => {
    // the sweep held where it was set (the bundled default titrates it: the next case)
    const raw = JSON.parse(readFileSync(DEFAULT_ECMO, 'utf8'));
    raw.circuit.oxygenator.sweepTitration = { titrate: false };
    const r = simulate(scenarioWith([{ at: '1 h', fault: { kind: 'sweep-disconnection' } }], '2 h', '0.05 h', { circuit: raw.circuit }));
    const pre = at(r, 'pre_oxygenator_sat_pct', 1.5) / 100;
    expect(at(r, 'post_oxygenator_po2_mmHg', 0.95)).toBeGreaterThan(200);
    expect(at(r, 'post_oxygenator_po2_mmHg', 1.5)).toBeCloseTo(po2FromSaturation(pre), 6);
    expect(at(r, 'oxygenator_o2_transfer_mL_min', 1.5)).toBeCloseTo(0, 9);
    expect(at(r, 'paco2_mmHg', 1.5)).toBeGreaterThan(at(r, 'paco2_mmHg', 0.95) + 5);
    expect(at(r, 'sweep_gas_L_min', 1.5)).toBe(at(r, 'sweep_gas_L_min', 0.95));
    // hypercapnia's response (hypercapnicResponse.ts; Carvalho 1997): the PaCO2 the circulation is not adapted to
    // drives the heart's curve and rate up (the falling saturation adds its own tachycardia)
    expect(at(r, 'unadapted_paco2_mmHg', 1.5)).toBeGreaterThan(at(r, 'unadapted_paco2_mmHg', 0.95) + 5);
    expect(at(r, 'cardiac_output_L_min', 1.5)).toBeGreaterThan(at(r, 'cardiac_output_L_min', 0.95));
    expect(at(r, 'heart_rate_bpm', 1.5)).toBeGreaterThan(at(r, 'heart_rate_bpm', 0.95) + 5);
  });
  it('a sweep-gas disconnection under the sweep titration: the blood gas reads hypercapnia and the protocol raises the set sweep, as a team would before finding the line', () => {
    const r = runWith([{ at: '1 h', fault: { kind: 'sweep-disconnection' } }], '4 h');
    const raised = r.events.filter((e) => e.type === 'sweep_titration' && e.t_h > 1);
    expect(raised.length).toBeGreaterThan(0);
    expect(at(r, 'sweep_gas_L_min', 4)).toBeGreaterThan(at(r, 'sweep_gas_L_min', 0.95));
    expect(at(r, 'oxygenator_o2_transfer_mL_min', 4)).toBeCloseTo(0, 9);
  });
  it('the blender’s oxygen supply lost: air reaches the membrane, so the post-oxygenator PO2 falls to what air gives while CO2 removal goes on (where a disconnection stops both); the dial still shows the set FiO2 and the blender alarms', () => {
    const raw = JSON.parse(readFileSync(DEFAULT_ECMO, 'utf8'));
    raw.circuit.oxygenator.sweepTitration = { titrate: false };
    const timeline = [{ at: '1 h', fault: { kind: 'oxygen-supply-failure' } }];
    const r = simulate(scenarioWith(timeline, '2 h', '0.05 h', { circuit: raw.circuit }));
    // air at the membrane: the outlet PO2 cannot pass the sweep's own oxygen tension, FiO2 0.21 of dry gas
    expect(at(r, 'post_oxygenator_po2_mmHg', 0.95)).toBeGreaterThan(400);
    expect(at(r, 'post_oxygenator_po2_mmHg', 1.5)).toBeLessThan(0.21 * DRY_GAS_mmHg);
    // still an oxygenator: air still adds oxygen to the drained blood (gas-exchange.md: K·A from the rated flow is the
    // least the device may have, so how much is the model's, not a checked figure)
    expect(at(r, 'post_oxygenator_sat_pct', 1.5)).toBeGreaterThan(at(r, 'pre_oxygenator_sat_pct', 1.5) + 5);
    expect(at(r, 'oxygenator_o2_transfer_mL_min', 1.5)).toBeLessThan(0.5 * at(r, 'oxygenator_o2_transfer_mL_min', 0.95));
    expect(at(r, 'sao2_pct', 1.5)).toBeLessThan(at(r, 'sao2_pct', 0.95) - 2);
    // CO2 removal carries on at the set sweep: the outlet PCO2 barely moves
    expect(Math.abs(at(r, 'post_oxygenator_pco2_mmHg', 1.5) - at(r, 'post_oxygenator_pco2_mmHg', 0.95))).toBeLessThan(3);
    expect(at(r, 'oxygenator_co2_removal_mL_min', 1.5)).toBeGreaterThan(0.8 * at(r, 'oxygenator_co2_removal_mL_min', 0.95));
    expect(at(r, 'oxygen_supply_lost', 0.95)).toBe(0);
    expect(at(r, 'oxygen_supply_lost', 1.5)).toBe(1);
    // the dial: the setting in force is still the set FiO2, the fault is the supply behind it
    const sim = new Simulation(scenarioWith(timeline, '2 h', '0.05 h', { circuit: raw.circuit }));
    sim.advanceTo(1.5);
    expect(sim.model.current.circuit!.oxygenator).toMatchObject({ fio2: 1, oxygenSupplyLost: true });
    const { log } = monitorRun(scenarioWith(timeline, '1.5 h', '0.05 h', { circuit: raw.circuit }), 1 / 60);
    expect(log.find((e) => e.id === 'oxygenSupplyLow' && e.kind === 'start')?.t_h).toBeCloseTo(1 + 1 / 60, 6);
  });
  it('a plasma leak: post-oxygenator PO2 down and PCO2 up', () => {
    const r = runWith([{ at: '1 h', fault: { kind: 'plasma-leak', severity: '90 %' } }]);
    expect(at(r, 'post_oxygenator_po2_mmHg', 1.5)).toBeLessThan(at(r, 'post_oxygenator_po2_mmHg', 0.95) - 50);
    expect(at(r, 'post_oxygenator_pco2_mmHg', 1.5)).toBeGreaterThan(at(r, 'post_oxygenator_pco2_mmHg', 0.95));
  });
  it('a gradual thrombosis: ΔP rises step by step over the ramp, not at once, and post-oxygenator PO2 falls', () => {
    const r = runWith([{ at: '1 h', fault: { kind: 'oxygenator-thrombosis', severity: '60 %', onset: 'gradual', over_min: 60 } }], '2.5 h');
    const dp = (t: number) => at(r, 'dp_oxygenator_mmHg', t);
    // a sample at an event's time shows the state just before the event (the engine's convention): the last step,
    // at 2 h, shows from the next sample
    expect(dp(1)).toBeCloseTo(dp(0.95), 1); // at the fault's start, before its first 1-min step
    expect(dp(1.05)).toBeGreaterThan(dp(0.95)); // three steps in: already rising
    expect(dp(1.5)).toBeGreaterThan(dp(0.95) * 1.2);
    expect(dp(2.05)).toBeGreaterThan(dp(1.5) * 1.2);
    expect(dp(2.5)).toBeCloseTo(dp(2.05), 0); // held at its severity
    expect(at(r, 'post_oxygenator_po2_mmHg', 2)).toBeLessThan(at(r, 'post_oxygenator_po2_mmHg', 0.95));
  });
});

describe('over-ultrafiltration', () => {
  it('hypovolaemia: the venous-return limit falls until the drained vein chatters', () => {
    const r = runWith([{ at: '1 h', fault: { kind: 'over-ultrafiltration', severity: '800 mL/h' } }], '8 h', '1 h');
    expect(at(r, 'venous_return_limit_L_min', 8)).toBeLessThan(0.6 * at(r, 'venous_return_limit_L_min', 1));
    const chatter = r.events.find((e) => e.type === 'drainage_chatter');
    expect(chatter?.t_h).toBeGreaterThan(1);
    expect(at(r, 'drainage_flow_swing_L_min', 8)).toBeGreaterThan(0);
  });
});

describe('heater failure', () => {
  it('no heat reaches the blood: the temperature follows the course with the heater off', () => {
    const failed = runWith([{ at: '0.5 h', fault: { kind: 'heater-failure' } }], '4 h', '0.5 h');
    const off = runWith([{ at: '0.5 h', set: { 'circuit.heater.on': false } }], '4 h', '0.5 h');
    const on = runWith([], '4 h', '0.5 h');
    expect(at(failed, 'heater_heat_W', 2)).toBeCloseTo(0, 12);
    expect(at(failed, 'temperature_C', 4)).toBeCloseTo(at(off, 'temperature_C', 4), 4);
    expect(Math.abs(at(failed, 'temperature_C', 4) - at(on, 'temperature_C', 4))).toBeGreaterThan(0.05);
  });
});

describe('onset, clear and triggers', () => {
  it('a gradual fault reaches its severity at over_min and not before, in steps of at most RAMP_STEP_h (1 min)', () => {
    const sim = new Simulation(scenarioWith([{ at: '1 h', fault: { kind: 'drainage-kink', severity: 0.8, onset: 'gradual', over_min: 30 } }], '2 h'));
    const kink = () => sim.model.current.circuit!.drainageLine.kink;
    sim.advanceTo(1 + RAMP_STEP_h / 2);
    expect(kink()).toBe(0);
    sim.advanceTo(1.25);
    expect(kink()).toBeGreaterThan(0);
    expect(kink()).toBeLessThan(0.8);
    sim.advanceTo(1.5 - 1e-6);
    expect(kink()).toBeLessThan(0.8);
    sim.advanceTo(1.5);
    expect(kink()).toBe(0.8);
    const reached = sim.events.find((e) => /reached its severity/.test(e.reason));
    expect(reached?.t_h).toBeCloseTo(1.5, 9);
  });
  it('clear returns the setting to its value before the fault, and the flow with it', () => {
    const r = runWith(
      [
        { at: '0.5 h', fault: { kind: 'abdominal-hypertension', severity: '40 mmHg' } },
        { at: '1 h', fault: { kind: 'abdominal-hypertension', clear: true } },
      ],
      '1.5 h',
    );
    expect(r.events.some((e) => /cleared \(circuit\.venousDrainage\.surroundingPressure: 40 → 7\)/.test(e.reason))).toBe(true);
    expect(at(r, 'drainage_flow_L_min', 1.5)).toBeCloseTo(at(r, 'drainage_flow_L_min', 0.45), 2);
  });
  it('a conditional entry fires the first simulated minute its condition holds, and only once', () => {
    const sim = new Simulation(scenarioWith([{ when: { series: 'time_h', above: 1.5 }, fault: { kind: 'heater-failure', hidden: false } }], '3 h'));
    sim.advanceTo(3);
    const fired = sim.events.filter((e) => e.type === 'fault' && /Heater failure/.test(e.reason));
    expect(fired).toHaveLength(1);
    expect(fired[0].t_h).toBeCloseTo(1.5 + MINUTE_h, 6); // 1.5 h itself is not above 1.5 h
    expect(sim.model.current.circuit!.heater.failed).toBe(true);
  });
  it('a condition on a physical series: fires when the ramping kink takes the drainage flow below the limit', () => {
    const r = runWith(
      [
        { at: '0.5 h', fault: { kind: 'drainage-kink', severity: 0.95, onset: 'gradual', over_min: 60 } },
        { when: { series: 'drainage_flow_L_min', below: 3 }, fault: { kind: 'heater-failure' } },
      ],
      '2 h',
      `${MINUTE_h} h`,
    );
    const fired = r.events.filter((e) => /Heater failure/.test(e.reason));
    expect(fired).toHaveLength(1);
    // the ramp's steps are 5 min apart: the condition first holds at a step; a sample at an event's time shows the
    // state just before it, so the minute before reads the flow above the limit and the minute after below it
    const t = fired[0].t_h;
    const sample = (dt: number) => r.series.time_h.find((x) => Math.abs(x - (t + dt)) < 1e-6)!;
    expect(at(r, 'drainage_flow_L_min', sample(-MINUTE_h))).toBeGreaterThanOrEqual(3);
    expect(at(r, 'drainage_flow_L_min', sample(MINUTE_h))).toBeLessThan(3);
    expect(Math.round(t * 60) / 60).toBeCloseTo(t, 6); // at a whole minute
  });
  it('a fault injected now (the live view) acts at once', () => {
    const sim = new Simulation(scenarioWith([], '1 h'));
    sim.advanceTo(0.5);
    sim.act(buildFaultAction(faultRow('sweep-disconnection')!));
    expect(sim.observe().oxygenator_o2_transfer_mL_min).toBeCloseTo(0, 9);
  });
});

describe('hidden and announced faults', () => {
  it("a hidden fault's events are flagged for the instructor; an announced one's are not", () => {
    const r = runWith(
      [
        { at: '0.5 h', fault: { kind: 'drainage-kink', severity: 0.5 } },
        { at: '1 h', fault: { kind: 'plasma-leak', hidden: false } },
        { at: '1.2 h', fault: { airEntry: '0.5 mm' } },
      ],
      '1.5 h',
    );
    const kink = r.events.find((e) => /kink/.test(e.reason))!;
    const leak = r.events.find((e) => /plasma leak/.test(e.reason))!;
    expect(kink.hidden).toBe(true);
    expect(leak.hidden).toBeUndefined();
    expect(r.events.filter((e) => e.t_h === 1.2).every((e) => e.hidden === undefined)).toBe(true); // legacy keys: announced
  });
});

describe('mistaken fault entries', () => {
  it('an unknown kind lists the known ones, with a did-you-mean', () => {
    const m = refusal([{ at: '1 h', fault: { kind: 'drainage-kinc' } }]);
    expect(m).toContain(
      'timeline[0].fault.kind: got "drainage-kinc": not a known fault (did you mean "drainage-kink"?); expected one of drainage-kink, drainage-clamp',
    );
  });
  it('a severity out of range names the value and the range', () => {
    expect(refusal([{ at: '1 h', fault: { kind: 'drainage-kink', severity: '150 %' } }])).toContain(
      'timeline[0].fault.severity: got "150 %": outside the accepted range; expected a number or a percentage, between 0 and 0.99 (0 % to 99 %)',
    );
  });
  it('a gradual onset where the fault happens at once, or without its onset time, is refused', () => {
    expect(refusal([{ at: '1 h', fault: { kind: 'sweep-disconnection', onset: 'gradual', over_min: 10 } }])).toContain(
      'timeline[0].fault.onset: got "gradual": sweep-disconnection happens at once; expected "sudden"',
    );
    expect(refusal([{ at: '1 h', fault: { kind: 'plasma-leak', onset: 'gradual' } }])).toContain(
      'timeline[0].fault.over_min: missing: a gradual fault needs its onset time',
    );
  });
  it('clearing a model action names its remedy; legacy keys beside kind are refused', () => {
    expect(refusal([{ at: '1 h', fault: { kind: 'air-entry', clear: true } }])).toContain(
      'air-entry cannot be cleared by "clear"; expected the remedy: de-air the circuit',
    );
    expect(refusal([{ at: '1 h', fault: { kind: 'filter-clot', filterClot: 0.5 } }])).toContain('timeline[0].fault.filterClot: got 0.5 beside "kind"');
  });
  it('a gradual fault of no duration, and a fault on a section the scenario has not, are refused', () => {
    expect(refusal([{ at: '1 h', fault: { kind: 'plasma-leak', onset: 'gradual', over_min: 0 } }])).toContain(
      'timeline[0].fault.over_min: got 0: a gradual fault needs an onset time; expected more than 0 min',
    );
    const raw = JSON.parse(readFileSync(DEFAULT_ECMO, 'utf8'));
    Object.assign(raw, { filter: null, timeline: [{ at: '1 h', fault: { kind: 'over-ultrafiltration' } }] });
    expect(() => scenarioFromObject(raw, 'no filter')).toThrow(/timeline\[0\]\.fault\.kind: got "over-ultrafiltration": the scenario sets "filter" to null/);
  });
  it('a live command with a severity out of range is refused, naming the fault, the value and the range', () => {
    expect(() => buildFaultAction(faultRow('drainage-kink')!, 1.5)).toThrow(
      'severity 1.5: outside the accepted range; expected fraction of the lumen occluded between 0 and 0.99',
    );
  });
  it('a condition on an unknown series names the closest; "at" and "when" together are refused', () => {
    expect(refusal([{ when: { series: 'sao2_pc', below: 85 }, fault: { kind: 'heater-failure' } }])).toContain(
      'timeline[0].when.series: got "sao2_pc": not a series the simulation reports (did you mean "sao2_pct"?)',
    );
    expect(refusal([{ at: '1 h', when: { series: 'sao2_pct', below: 85 }, fault: { kind: 'heater-failure' } }])).toContain(
      'timeline[0].at: got "1 h" beside "when"; expected either a time ("at") or a condition ("when"), not both',
    );
    expect(refusal([{ when: { series: 'sao2_pct' }, fault: { kind: 'heater-failure' } }])).toContain(
      'timeline[0].when: expected exactly one of "below" and "above"',
    );
  });
});
