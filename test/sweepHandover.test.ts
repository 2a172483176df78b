/**
 * The operator's sweep (sim/patient/gasExchange/sweepHandover.ts; gas-exchange.md "The operator's sweep"): a sweep set
 * by hand while the sweep titration is on switches the titration off, says so in the log, and stays at the next hourly
 * blood gas; switched back on, the protocol steps from the sweep in force.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import type { SimEvent } from '../sim/engine/events.js';
import { DEFAULT_ECMO, FIXED_RATE, runWithTimeline, scenario } from './helpers/scenarios.js';

/** A hypercapnic patient on ECMO (PaCO2 70 mmHg at a 0.3 L/min sweep): the titration raises the sweep at every blood gas. */
const HYPERCAPNIC = {
  'circuit.oxygenator.sweepGas': '0.3 L/min',
  'patient.lung.co2Conductance': '2.5 mL/min/mmHg',
  'circuit.oxygenator.sweepTitration.titrate': 'true',
  // the ventilator's rate held, so PaCO2 moves with the sweep only
  ...FIXED_RATE,
};
const TITRATE = 'circuit.oxygenator.sweepTitration.titrate';
const SWEEP = 'circuit.oxygenator.sweepGas';

const ofType = (events: readonly SimEvent[], type: string) => events.filter((e) => e.type === type);

describe('the operator’s sweep', () => {
  it('a sweep set by hand while the titration is on stays at the next hourly blood gas, the log says the titration is off; switched back on, the protocol moves it', () => {
    const sim = new Simulation(scenario(DEFAULT_ECMO, { duration: '8 h', ...HYPERCAPNIC }));
    const o = sim.model.current.circuit!.oxygenator;
    const rule = o.sweepTitration;
    sim.advanceTo(1.5);
    const protocolSweep = o.sweepGas; // raised at 0 and 1 h
    expect(ofType(sim.events, 'sweep_titration').length).toBe(2);
    expect(protocolSweep).toBeCloseTo(0.3 + 2 * rule.step, 9);
    // the operator turns the flowmeter to a sweep the protocol would raise again (PaCO2 still above highPaco2)
    const manual = protocolSweep - rule.step;
    sim.set(SWEEP, `${manual} L/min`);
    expect(o.sweepGas).toBe(manual);
    expect(rule.titrate).toBe(false);
    const off = ofType(sim.events, 'sweep_titration_off');
    expect(off).toHaveLength(1);
    expect(off[0].t_h).toBe(1.5);
    expect(off[0].reason).toBe(`Sweep titration off: the operator set the sweep to ${manual} L/min`);
    sim.advanceTo(4.5); // blood gases at 2, 3 and 4 h
    expect(o.sweepGas).toBe(manual);
    expect(ofType(sim.events, 'sweep_titration').length).toBe(2);
    expect(sim.observe().paco2_mmHg).toBeGreaterThan(rule.highPaco2); // what the protocol, on, would have acted on
    // handed back: the next hourly blood gas (5 h) steps from the operator's sweep
    sim.set(TITRATE, true);
    expect(ofType(sim.events, 'sweep_titration_off')).toHaveLength(1);
    sim.advanceTo(5.5);
    const resumed = ofType(sim.events, 'sweep_titration').slice(2);
    expect(resumed.map((e) => e.t_h)).toEqual([5]);
    expect(resumed[0].reason).toMatch(new RegExp(`sweep ${manual} → ${manual + rule.step} L/min$`));
    expect(o.sweepGas).toBeCloseTo(manual + rule.step, 9);
  });

  it('a timeline entry that sets the sweep alone hands it over as the live view does; one that sets the sweep and titrate keeps what it says', () => {
    const alone = runWithTimeline(DEFAULT_ECMO, [{ at: '1.5 h', set: { [SWEEP]: '0.5 L/min' } }], { duration: '4 h', ...HYPERCAPNIC });
    expect(ofType(alone.events, 'sweep_titration_off').map((e) => [e.t_h, e.reason])).toEqual([
      [1.5, 'Sweep titration off: the operator set the sweep to 0.5 L/min'],
    ]);
    expect(ofType(alone.events, 'sweep_titration').every((e) => e.t_h < 1.5)).toBe(true);
    expect(alone.series.sweep_gas_L_min.at(-1)).toBe(0.5);
    const both = runWithTimeline(DEFAULT_ECMO, [{ at: '1.5 h', set: { [SWEEP]: '0.5 L/min', [TITRATE]: true } }], { duration: '4 h', ...HYPERCAPNIC });
    expect(ofType(both.events, 'sweep_titration_off')).toEqual([]);
    expect(ofType(both.events, 'sweep_titration').some((e) => e.t_h === 2 && /sweep 0\.5 → 1 L\/min$/.test(e.reason))).toBe(true);
    // titrate off with the sweep: off, and no hand-over to log
    const offToo = runWithTimeline(DEFAULT_ECMO, [{ at: '1.5 h', set: { [SWEEP]: '0.5 L/min', [TITRATE]: false } }], { duration: '4 h', ...HYPERCAPNIC });
    expect(ofType(offToo.events, 'sweep_titration_off')).toEqual([]);
    expect(offToo.series.sweep_gas_L_min.at(-1)).toBe(0.5);
  });

  it('with the titration off a sweep set by hand logs no hand-over; a refused sweep leaves the titration on', () => {
    const sim = new Simulation(scenario(DEFAULT_ECMO, { duration: '2 h', ...HYPERCAPNIC, [TITRATE]: 'false' }));
    sim.set(SWEEP, '2 L/min');
    expect(ofType(sim.events, 'sweep_titration_off')).toEqual([]);
    const on = new Simulation(scenario(DEFAULT_ECMO, { duration: '2 h', ...HYPERCAPNIC }));
    expect(() => on.set(SWEEP, '40 L/min')).toThrow(/circuit\.oxygenator\.sweepGas/);
    expect(on.model.current.circuit!.oxygenator.sweepTitration.titrate).toBe(true);
    expect(ofType(on.events, 'sweep_titration_off')).toEqual([]);
  });
  it('the ventilator stays rested once the operator holds the sweep: the rate protocol, on, stands aside after the hand-over as it did while the sweep was titrated', () => {
    // the ECMO default with both protocols on; a high sweep set by hand makes the alkalaemia the rate protocol would answer
    const timeline = [{ at: '0.25 h', set: { [SWEEP]: '3 L/min' } }];
    const held = runWithTimeline(DEFAULT_ECMO, timeline, { duration: '24 h' });
    expect(ofType(held.events, 'sweep_titration_off')).toHaveLength(1);
    // the lung rest at the first blood gas on the circuit, before the hand-over at 0.25 h; nothing after it
    const rates = ofType(held.events, 'ventilator_rate_titration');
    expect(rates.map((e) => e.t_h)).toEqual([0]);
    expect(rates[0].reason).toMatch(/lung rest/);
    expect(held.series.ph.at(-1)!).toBeGreaterThan(7.45); // what the rate protocol would have acted on
    // without the circuit's sweep managed (the titration off from the start, the operator never touching it) the rate protocol acts
    const unmanaged = runWithTimeline(DEFAULT_ECMO, [], { duration: '24 h', [TITRATE]: 'false', [SWEEP]: '3 L/min' });
    expect(ofType(unmanaged.events, 'ventilator_rate_titration').length).toBeGreaterThan(0);
  });
});

describe('the titrated sweep at its floor hands the alkalaemia to the rate protocol', () => {
  // a strong native lung (8 mL/min/mmHg, a healthy ventilation's) on the ECMO default, both protocols on: the lung alone
  // leaves the patient alkalaemic, and the sweep soon sits at its floor
  const r = runWithTimeline(DEFAULT_ECMO, [], { duration: '24 h', 'patient.lung.co2Conductance': '8 mL/min/mmHg' });
  const rule = r.scenario.circuit!.oxygenator.sweepTitration;
  const lung = r.scenario.patient.lung;
  const titrations = ofType(r.events, 'ventilator_rate_titration');
  /** The rate protocol's own steps: the lung rest at the first blood gas on the circuit aside (ventilatorRate.test.ts). */
  const rates = titrations.filter((e) => !/lung rest/.test(e.reason));
  /** The sweep in force after the checks at t: the sample 15 min on (a sample at a check's time is taken before it acts). */
  const sweepAfter = (t: number) => r.series.sweep_gas_L_min[r.series.time_h.indexOf(t + 0.25)];

  it('the rate comes down only at blood gases where the sweep already sits at minSweep and the pH is above the card’s 7.45', () => {
    expect(titrations[0]).toMatchObject({ t_h: 0 });
    expect(titrations[0].reason).toMatch(/lung rest/);
    expect(rates.length).toBeGreaterThan(0);
    for (const e of rates) {
      expect(e.value!, `${e.t_h} h`).toBeGreaterThan(lung.rateTitration.alkalosisPh);
      expect(sweepAfter(e.t_h), `${e.t_h} h`).toBe(rule.minSweep);
      expect(e.reason, `${e.t_h} h`).toMatch(/→/);
    }
    // and the rate never rose: the protocol answered an alkalaemia
    const rate = Array.from(r.series.ventilator_rate_per_min);
    for (let i = 1; i < rate.length; i++) expect(rate[i]).toBeLessThanOrEqual(rate[i - 1]);
  });

  it('it brings the pH back inside the card’s 7.30–7.45 band, where the lung left alone stays alkalaemic', () => {
    expect(r.series.ph.at(-1)!).toBeLessThanOrEqual(lung.rateTitration.alkalosisPh);
    expect(r.series.ph.at(-1)!).toBeGreaterThanOrEqual(lung.rateTitration.acidosisPh);
    const alone = runWithTimeline(DEFAULT_ECMO, [], { duration: '24 h', 'patient.lung.co2Conductance': '8 mL/min/mmHg', ...FIXED_RATE });
    expect(alone.series.ph.at(-1)!).toBeGreaterThan(lung.rateTitration.alkalosisPh);
    expect(ofType(alone.events, 'ventilator_rate_titration')).toHaveLength(0);
  });
});
