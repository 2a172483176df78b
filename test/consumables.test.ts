/**
 * The consumables and the power the trainee handles (issue 13): the CRRT machine's bags, the heparin syringe, the
 * ECMO console's battery, a failed motor and the hand crank. Times are hand-computed from the prescription
 * (bag volume / rate, syringe volume / (infusion / concentration), battery runtime) and the engine must meet them
 * to round-off; flows stop and restart as the devices do.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import { apparentHalfLife_h } from '../sim/patient/heparin/heparin.js';
import type { SimEvent } from '../sim/engine/events.js';
import { DEFAULT_ECMO, run, scenario } from './helpers/scenarios.js';

/** The default scenario's 80 kg at 45 mL/kg/h: effluent 3600 mL/h. */
const EFFLUENT_mL_h = 45 * 80;
const live = (values: Record<string, string>) => new Simulation(scenario(DEFAULT_ECMO, { duration: '48 h', ...values }));
const ofType = (s: { events: readonly SimEvent[] }, type: SimEvent['type']) => s.events.filter((e) => e.type === type);

describe('CRRT bags', () => {
  it('the replacement bag empties at bag volume / replacement rate; the fluid pumps stop (no effluent, no net UF), the blood pump runs on; changeBags restarts them', () => {
    const netUf = 200;
    const sim = live({
      'prescription.consumables.autoChange': 'false',
      'prescription.replacementFluid.bagVolume': '2000 mL',
      'prescription.effluentBagCapacity': '10000 mL',
      'prescription.netUltrafiltration': `${netUf} mL/h`,
    });
    const empty_h = 2000 / (EFFLUENT_mL_h - netUf);
    sim.advanceTo(empty_h / 2);
    expect(sim.observe().replacement_bag_mL).toBeCloseTo(1000, 6);
    sim.advanceTo(1);
    const alarm = ofType(sim, 'bag_alarm');
    expect(alarm).toHaveLength(1);
    expect(alarm[0].t_h).toBeCloseTo(empty_h, 9);
    expect(alarm[0].reason).toMatch(/replacement bag empty/);
    const stopped = sim.observe();
    expect(stopped.replacement_bag_mL).toBe(0);
    expect(stopped.effluent_rate_mL_h).toBe(0);
    expect(stopped.predilution_rate_mL_h + stopped.postdilution_rate_mL_h).toBe(0);
    expect(stopped.filter_blood_flow_mL_min).toBe(350);
    // the effluent bag holds what flowed until the stop, and no more
    expect(stopped.effluent_bag_mL).toBeCloseTo(EFFLUENT_mL_h * empty_h, 6);
    // the patient's fluid balance: no replacement, no effluent, no net ultrafiltration while stopped
    sim.advanceTo(1.2);
    const later = sim.observe();
    expect(later.replacement_volume_mL).toBe(stopped.replacement_volume_mL);
    expect(later.effluent_volume_mL).toBe(stopped.effluent_volume_mL);
    expect(stopped.replacement_volume_mL).toBeCloseTo(2000, 6);
    sim.act({ changeBags: 'replacement' });
    const resumed = sim.observe();
    expect(resumed.effluent_rate_mL_h).toBe(EFFLUENT_mL_h);
    expect(resumed.predilution_rate_mL_h).toBeCloseTo(EFFLUENT_mL_h - netUf, 9);
    expect(resumed.bags_used).toBe(3);
    sim.advanceTo(1.7);
    expect(sim.observe().replacement_bag_mL).toBeCloseTo(2000 - 0.5 * (EFFLUENT_mL_h - netUf), 6);
  });
  it('the effluent bag fills at capacity / effluent rate; the fluid pumps stop; changeBags (effluent) empties it and restarts them', () => {
    const sim = live({
      'prescription.consumables.autoChange': 'false',
      'prescription.effluentBagCapacity': '3000 mL',
      'prescription.replacementFluid.bagVolume': '10000 mL',
    });
    sim.advanceTo(1.5);
    const alarm = ofType(sim, 'bag_alarm');
    expect(alarm).toHaveLength(1);
    expect(alarm[0].t_h).toBeCloseTo(3000 / EFFLUENT_mL_h, 9);
    expect(alarm[0].reason).toMatch(/effluent bag full/);
    expect(sim.observe().effluent_bag_mL).toBe(3000);
    expect(sim.observe().effluent_rate_mL_h).toBe(0);
    sim.act({ changeBags: 'effluent' });
    expect(sim.observe().effluent_bag_mL).toBe(0);
    expect(sim.observe().effluent_rate_mL_h).toBe(EFFLUENT_mL_h);
  });
  it('a higher dose set during the run brings the run-out earlier: the bag still empties at the hand-computed time', () => {
    const sim = live({ 'prescription.consumables.autoChange': 'false', 'prescription.effluentBagCapacity': '10000 mL' });
    sim.advanceTo(0.5);
    sim.set('prescription.effluentDose', '90 mL/kg/h');
    sim.advanceTo(1.2);
    const alarm = ofType(sim, 'bag_alarm');
    expect(alarm).toHaveLength(1);
    // 5000 − 0.5 h × 3600 mL/h left at 0.5 h, then 7200 mL/h
    expect(alarm[0].t_h).toBeCloseTo(0.5 + (5000 - 0.5 * EFFLUENT_mL_h) / (2 * EFFLUENT_mL_h), 9);
  });
  it('the effluent bag holds every mL the filter removed (the fluid balance’s effluent ledger)', () => {
    const sim = live({ 'prescription.effluentBagCapacity': '10000 mL', 'prescription.replacementFluid.bagVolume': '10000 mL' });
    sim.advanceTo(2.5);
    const o = sim.observe();
    expect(o.effluent_bag_mL).toBeCloseTo(o.delivered_dose_mL_kg_h * 80 * 2.5, 6);
    expect(o.effluent_bag_mL).toBeCloseTo(EFFLUENT_mL_h * 2.5, 6);
  });
  it('with autoChange (the default) a nurse changes each bag the moment it runs out, logged, and filtration never stops', () => {
    const r = run(DEFAULT_ECMO, { duration: '6 h' });
    const changes = ofType(r, 'bag_change');
    const every_h = 5000 / EFFLUENT_mL_h;
    // replacement and effluent run at the same rate (net UF 0): both change together, four times in 6 h
    expect(changes.map((e) => e.t_h)).toEqual([1, 1, 2, 2, 3, 3, 4, 4].map((k) => expect.closeTo(k * every_h, 9) as unknown as number));
    expect(ofType(r, 'bag_alarm')).toEqual([]);
    expect(Math.min(...r.series.effluent_rate_mL_h)).toBe(EFFLUENT_mL_h);
    expect(r.series.bags_used.at(-1)).toBe(2 + changes.length);
    expect(Math.min(...r.series.replacement_bag_mL)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...r.series.effluent_bag_mL)).toBeLessThanOrEqual(5000);
  });
  it('a filter changed at the TMP limit (an event the solver locates; the pass after it re-syncs the bags) stops the fluid pumps: neither bag moves during the downtime', () => {
    const values = {
      'prescription.filterChange.tmpLimit': '150 mmHg',
      'prescription.effluentBagCapacity': '10000 mL',
      'prescription.replacementFluid.bagVolume': '10000 mL',
    };
    const first = live(values);
    first.advanceTo(24);
    const change = ofType(first, 'filter_change')[0];
    expect(change.reason).toMatch(/TMP/);
    expect(ofType(first, 'filter_start')[0].t_h - change.t_h).toBeCloseTo(0.5, 9);
    // one run observed twice inside the downtime (another run locates the change within the solver's 1e-7 h)
    const sim = live(values);
    sim.advanceTo(change.t_h + 0.1);
    const early = sim.observe();
    sim.advanceTo(change.t_h + 0.4);
    const late = sim.observe();
    expect(late.effluent_bag_mL).toBeCloseTo(early.effluent_bag_mL, 9);
    expect(late.replacement_bag_mL).toBeCloseTo(early.replacement_bag_mL, 9);
    expect(early.effluent_bag_mL).toBeGreaterThan(0);
  });
});

describe('heparin syringe', () => {
  const infusion_U_h = 18 * 80;
  it('empties at volume / (infusion / concentration); the infusion stops and heparin falls with its own elimination half-life', () => {
    const s = scenario(DEFAULT_ECMO, {
      duration: '48 h',
      'prescription.consumables.autoChange': 'false',
      'prescription.heparin.syringeVolume': '10 mL',
      'prescription.heparin.syringeConcentration': '500 U/mL',
    });
    const sim = new Simulation(s);
    const empty_h = 10 / (infusion_U_h / 500);
    sim.advanceTo(empty_h);
    const alarm = ofType(sim, 'syringe_alarm');
    expect(alarm).toHaveLength(1);
    expect(alarm[0].t_h).toBeCloseTo(empty_h, 9);
    const c0 = sim.observe().heparin_U_mL;
    expect(sim.observe().heparin_syringe_mL).toBe(0);
    const k = s.kinetics.heparin;
    const half = apparentHalfLife_h(
      {
        distributionVolume_mL: k.distributionVolume,
        saturableVmax_U_h: k.saturableVmax,
        saturableKm_U_mL: k.saturableKm,
        linearClearance_mL_h: k.linearClearance,
        bindingCapacity_U: k.bindingCapacity,
      },
      c0,
    );
    sim.advanceTo(empty_h + half);
    expect(sim.observe().heparin_U_mL / (c0 / 2)).toBeCloseTo(1, 5);
    sim.act({ changeSyringe: true });
    expect(sim.observe().heparin_syringe_mL).toBe(10);
    const before = sim.observe().heparin_U_mL;
    sim.advanceTo(empty_h + half + 0.5);
    expect(sim.observe().heparin_U_mL).toBeGreaterThan(before);
    expect(sim.observe().heparin_syringe_mL).toBeCloseTo(10 - 0.5 * (infusion_U_h / 500), 6);
  });
  it('an occluded line pushes nothing: the syringe keeps its volume, heparin falls, the pump alarms; opened again it resumes', () => {
    const sim = live({});
    sim.advanceTo(1);
    sim.set('prescription.heparin.lineOccluded', true);
    const held = sim.observe().heparin_syringe_mL;
    const c1 = sim.observe().heparin_U_mL;
    expect(ofType(sim, 'syringe_alarm').at(-1)?.reason).toMatch(/occluded/);
    sim.advanceTo(2);
    expect(sim.observe().heparin_syringe_mL).toBe(held);
    expect(sim.observe().heparin_line_occluded).toBe(1);
    expect(sim.observe().heparin_U_mL).toBeLessThan(0.8 * c1);
    sim.set('prescription.heparin.lineOccluded', false);
    sim.advanceTo(3);
    expect(sim.observe().heparin_syringe_mL).toBeCloseTo(held - infusion_U_h / 500, 6);
  });
  it('with autoChange the syringe is changed when it runs out and the infusion never stops', () => {
    const r = run(DEFAULT_ECMO, { duration: '6 h', 'prescription.heparin.syringeVolume': '5 mL' });
    const changes = ofType(r, 'syringe_change');
    expect(changes[0].t_h).toBeCloseTo(5 / (infusion_U_h / 500), 9);
    expect(ofType(r, 'syringe_alarm')).toEqual([]);
  });
});

describe('ECMO console power, pump failure and the hand crank', () => {
  it('power loss: on battery, charge falls linearly at full load to zero at the runtime; battery low, then the pump stops and no flow reaches the patient', () => {
    const sim = live({ 'circuit.power.batteryRuntime': '90 min' });
    sim.advanceTo(1);
    const running = sim.observe();
    expect(running.on_battery).toBe(0);
    expect(running.battery_charge_pct).toBe(100);
    sim.set('circuit.power.mains', false);
    expect(ofType(sim, 'power_loss')).toHaveLength(1);
    expect(sim.observe().on_battery).toBe(1);
    expect(sim.observe().pump_flow_L_min).toBe(running.pump_flow_L_min);
    sim.advanceTo(1.75);
    expect(sim.observe().battery_charge_pct).toBeCloseTo(50, 9);
    sim.advanceTo(3);
    expect(ofType(sim, 'battery_low')[0].t_h).toBeCloseTo(1 + 0.8 * 1.5, 9);
    const stop = ofType(sim, 'pump_stopped');
    expect(stop).toHaveLength(1);
    expect(stop[0].t_h).toBeCloseTo(2.5, 9);
    const o = sim.observe();
    expect(o.battery_charge_pct).toBe(0);
    expect(o.pump_speed_rpm).toBe(0);
    expect(o.effective_flow_L_min).toBeLessThan(0.01);
  });
  it('the hand crank turns the head when the motor cannot: flow as the motor gives at that speed', () => {
    const sim = live({ 'circuit.power.batteryRuntime': '30 min' });
    sim.advanceTo(1);
    sim.set('circuit.power.mains', false);
    sim.advanceTo(2);
    expect(sim.observe().pump_speed_rpm).toBe(0);
    sim.act({
      set: [
        { path: 'circuit.pump.handCrank', value: true },
        { path: 'circuit.pump.handCrankSpeed', value: 2500 },
      ],
    });
    const cranked = sim.observe();
    expect(cranked.pump_speed_rpm).toBe(2500);
    expect(ofType(sim, 'pump_running').at(-1)?.reason).toMatch(/hand crank/);
    // back on the motor with mains restored, at the same speed: the same flow
    sim.act({
      set: [
        { path: 'circuit.pump.handCrank', value: false },
        { path: 'circuit.power.mains', value: true },
        { path: 'circuit.pump.speed', value: 2500 },
      ],
    });
    expect(sim.observe().pump_flow_L_min).toBe(cranked.pump_flow_L_min);
    expect(cranked.effective_flow_L_min).toBeGreaterThan(2);
  });
  it('a failed pump gives no flow whatever the power; mains restored recharges the battery', () => {
    const sim = live({});
    sim.advanceTo(1);
    sim.set('circuit.pump.failed', true);
    expect(sim.observe().pump_speed_rpm).toBe(0);
    expect(sim.observe().effective_flow_L_min).toBeLessThan(0.01);
    expect(ofType(sim, 'pump_stopped').at(-1)?.reason).toMatch(/failed/);
    sim.set('circuit.power.mains', false);
    sim.advanceTo(1.5);
    expect(sim.observe().pump_speed_rpm).toBe(0);
    const low = sim.observe().battery_charge_pct;
    sim.set('circuit.power.mains', true);
    sim.advanceTo(2.5);
    expect(sim.observe().battery_charge_pct).toBeCloseTo(low + 100 / 8, 9);
  });
});
