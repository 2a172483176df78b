/**
 * The ECMO sweep gas titrated to a blood gas target (sim/patient/gasExchange/sweepTitration.ts,
 * sweepTitrationCheck.ts; gas-exchange.md "Sweep gas titration on ECMO").
 */
import { describe, expect, it } from 'vitest';
import { nextSweep, sweepDirection, type SweepRule } from '../sim/patient/gasExchange/sweepTitration.js';
import { at, DEFAULT_ECMO, FIXED_DEMAND, FIXED_GAS, FIXED_RATE, run, scenario } from './helpers/scenarios.js';
import { leafAt, type FlagSpec } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import type { RunResult } from '../sim/engine/simulate.js';

/** The protocol's defaults. */
const RULE: SweepRule = {
  lowPaco2: 35,
  highPaco2: 45,
  acidosisPh: 7.35,
  alkalosisPh: 7.45,
  step: 0.5,
  minSweep: 0.5,
  maxSweep: 10,
  maxEarlyFall: 0.5,
  earlyWindow: 24,
};
const ON = { 'circuit.oxygenator.sweepTitration.titrate': 'true' };
/** Both blood-gas protocols off: the bundled defaults run them (the unit's practice), the comparisons need a fixed sweep and rate. */
const OFF = FIXED_GAS;
/**
 * A hypercapnic patient on ECMO: a low sweep and a stiff lung (PaCO2 67 mmHg, pH 7.04 at cannulation, where the CO2
 * stores start: co2Stores.ts), his CO2 production held (FIXED_DEMAND: the heater's cooling would otherwise lower it,
 * gas-exchange.md).
 */
const HYPERCAPNIC = { 'circuit.oxygenator.sweepGas': '0.3 L/min', 'patient.lung.co2Conductance': '3 mL/min/mmHg', ...FIXED_DEMAND };
/** A hypocapnic, alkalaemic patient: a high sweep (PaCO2 19 mmHg, pH 7.49 an hour after cannulation). */
const HYPOCAPNIC = { 'circuit.oxygenator.sweepGas': '6 L/min' };

const steps = (r: RunResult) => r.events.filter((e) => e.type === 'sweep_titration');

describe('the sweep rule', () => {
  it('raises the sweep one step above PaCO2 45 mmHg or below pH 7.35, lowers it below 35 mmHg or above pH 7.45', () => {
    expect(nextSweep(RULE, 7.3, 50, 2, false)).toBe(2.5); // respiratory acidosis
    expect(nextSweep(RULE, 7.38, 48, 2, false)).toBe(2.5); // hypercapnia, pH below 7.40
    expect(nextSweep(RULE, 7.32, 40, 2, false)).toBe(2.5); // acidaemia with room in the PaCO2 band
    expect(nextSweep(RULE, 7.5, 30, 2, false)).toBe(1.5); // respiratory alkalosis
    expect(nextSweep(RULE, 7.42, 32, 2, false)).toBe(1.5); // hypocapnia, pH above 7.40
    expect(nextSweep(RULE, 7.48, 40, 2, false)).toBe(1.5); // alkalaemia with room in the PaCO2 band
    expect(nextSweep(RULE, 7.4, 40, 2, false)).toBe(2); // the target
  });
  it('leaves a PaCO2 outside the band that compensates a metabolic disorder', () => {
    // metabolic acidosis compensated: low PaCO2, pH at or below 7.40; lowering the sweep would make it acidaemic
    expect(sweepDirection(RULE, 7.37, 30)).toBe(0);
    expect(sweepDirection(RULE, 7.3, 30)).toBe(0); // acidaemic with PaCO2 already below the band: not raised either
    // metabolic alkalosis compensated: high PaCO2, pH at or above 7.40
    expect(sweepDirection(RULE, 7.43, 50)).toBe(0);
    expect(sweepDirection(RULE, 7.5, 50)).toBe(0);
  });
  it('stops at minSweep and maxSweep; a start outside them is not stepped further out', () => {
    expect(nextSweep(RULE, 7.3, 50, 9.8, false)).toBe(10);
    expect(nextSweep(RULE, 7.3, 50, 10, false)).toBe(10);
    expect(nextSweep(RULE, 7.5, 30, 0.7, false)).toBe(0.5);
    expect(nextSweep(RULE, 7.5, 30, 0.5, false)).toBe(0.5);
    expect(nextSweep(RULE, 7.3, 50, 12, false)).toBe(12); // above maxSweep: not raised
    expect(nextSweep(RULE, 7.5, 30, 12, false)).toBe(11.5); // … and brought down a step at a time
    expect(nextSweep(RULE, 7.5, 30, 0.2, false)).toBe(0.2); // below minSweep: not lowered
    expect(nextSweep(RULE, 7.3, 50, 0.2, false)).toBe(0.7);
  });
  it('after cannulation holds the sweep, not raising it, once PaCO2 has fallen by maxEarlyFall', () => {
    expect(nextSweep(RULE, 7.3, 50, 2, true)).toBe(2);
    expect(nextSweep(RULE, 7.5, 30, 2, true)).toBe(1.5); // lowering is never held
  });
});

describe('the sweep titration in a run', () => {
  it('is off unless a scenario turns it on (the bundled ECMO default does); off, the default ECMO run keeps its sweep at 1.5 L/min although it turns alkalaemic', () => {
    expect((leafAt(scenarioSpecs, 'circuit.oxygenator.sweepTitration.titrate') as FlagSpec).default).toBe(false);
    expect(scenario(DEFAULT_ECMO).circuit!.oxygenator.sweepTitration.titrate).toBe(true);
    const r = run(DEFAULT_ECMO, { duration: '48 h', ...OFF });
    expect(r.scenario.circuit!.oxygenator.sweepTitration.titrate).toBe(false);
    expect(steps(r)).toEqual([]);
    expect(new Set(r.series.sweep_gas_L_min)).toEqual(new Set([1.5]));
    expect(at(r, 'ph', 48)).toBeGreaterThan(7.45); // what the protocol, on, would have acted on
  });
  it('a hypercapnic patient (PaCO2 67 mmHg): the sweep goes up hourly until the pH is normal, never from a PaCO2 at or below 35 mmHg', () => {
    const off = run(DEFAULT_ECMO, { duration: '8 h', ...HYPERCAPNIC, ...OFF });
    const r = run(DEFAULT_ECMO, { duration: '8 h', ...HYPERCAPNIC, ...ON });
    expect(at(off, 'paco2_mmHg', 8)).toBeGreaterThan(55);
    const up = steps(r);
    expect(up.length).toBeGreaterThanOrEqual(3);
    expect(up.length).toBeLessThanOrEqual(8); // within eight blood gases
    expect(up.every((e) => /sweep [\d.]+ → [\d.]+ L\/min/.test(e.reason) && /^pH [\d.]+, PaCO2 [\d.]+ mmHg/.test(e.reason))).toBe(true);
    expect(up.map((e) => e.t_h)).toEqual(up.map((_, i) => i)); // one step per hourly blood gas, the first at the start
    const o = r.scenario.circuit!.oxygenator; // the starting sweep (0.3 L/min) and the protocol's step
    expect(at(r, 'sweep_gas_L_min', 8)).toBeCloseTo(o.sweepGas + o.sweepTitration.step * up.length, 9);
    // each step from a blood gas above the band's floor; bicarbonate falls with PaCO2 along the CO2 titration curve
    // (acidBase.ts), so the pH comes back to normal only as the last step takes PaCO2 just under 35 mmHg
    const rule = o.sweepTitration;
    for (const e of up) expect(at(r, 'paco2_mmHg', e.t_h), `${e.t_h} h`).toBeGreaterThan(rule.lowPaco2);
    const last = up.at(-1)!.t_h;
    expect(at(r, 'paco2_mmHg', 8)).toBeGreaterThan(rule.lowPaco2 - (at(r, 'paco2_mmHg', last) - at(r, 'paco2_mmHg', last + 1)));
    expect(at(r, 'paco2_mmHg', 8)).toBeLessThanOrEqual(rule.highPaco2);
    expect(at(r, 'ph', 8)).toBeGreaterThanOrEqual(rule.acidosisPh);
  });
  it('a hypocapnic, alkalaemic patient (sweep 6 L/min): the sweep comes down until the pH is at most 7.45', () => {
    // the first blood gas, at cannulation, reads the patient's own PaCO2 (50 mmHg) and raises the sweep once; an hour
    // later the CO2 stores have emptied (co2Stores.ts) and every step after lowers it, one an hour, each at PaCO2 lagging
    // the sweep by a fraction of its hour
    const r = run(DEFAULT_ECMO, { duration: '16 h', ...HYPOCAPNIC, ...ON });
    const [first, ...down] = steps(r);
    expect(first.t_h).toBe(0);
    expect(down.length).toBeGreaterThanOrEqual(3);
    expect(down.every((e) => e.value! > 7.4 && e.t_h >= 1)).toBe(true);
    expect(at(r, 'sweep_gas_L_min', 16)).toBeLessThan(6);
    expect(at(r, 'paco2_mmHg', 16)).toBeGreaterThan(at(r, 'paco2_mmHg', 1));
    expect(at(r, 'ph', 16)).toBeLessThanOrEqual(7.45);
  });
  it('the sweep never passes its limits: a 1 L/min floor holds against a metabolic alkalosis, a 1.2 L/min ceiling leaves PaCO2 high', () => {
    const r = run(DEFAULT_ECMO, { duration: '72 h', ...ON, 'circuit.oxygenator.sweepTitration.minSweep': '1 L/min' });
    expect(Math.min(...r.series.sweep_gas_L_min)).toBe(1);
    // the ventilator's rate held: at its maximum the sweep alone leaves PaCO2 high
    // (1.3 L/min left 44.4 mmHg, inside the band, once the membrane's drive became the venous tension)
    // (the stiffer lung of 2.5 mL/min/mmHg: PaCO2 80 mmHg at cannulation)
    const ceiling = { ...HYPERCAPNIC, 'patient.lung.co2Conductance': '2.5 mL/min/mmHg', ...ON, 'circuit.oxygenator.sweepTitration.maxSweep': '1.2 L/min' };
    const capped = run(DEFAULT_ECMO, { duration: '8 h', ...ceiling, ...FIXED_RATE });
    expect(Math.max(...capped.series.sweep_gas_L_min)).toBe(1.2);
    expect(at(capped, 'paco2_mmHg', 8)).toBeGreaterThan(45);
    // with the rate protocol on (the bundled default's), the sweep spent at its ceiling hands the acidaemia to the rate
    const handed = run(DEFAULT_ECMO, { duration: '8 h', ...ceiling });
    expect(Math.max(...handed.series.ventilator_rate_per_min)).toBeGreaterThan(handed.scenario.patient.lung.ventilatorRate);
    expect(at(handed, 'paco2_mmHg', 8)).toBeLessThan(at(capped, 'paco2_mmHg', 8));
  });
  it('after cannulation the sweep is not raised within earlyWindow once PaCO2 has fallen by maxEarlyFall; after it the titration goes on', () => {
    const caution = { 'circuit.oxygenator.sweepTitration.maxEarlyFall': '0.25', 'circuit.oxygenator.sweepTitration.earlyWindow': '6 h' };
    const r = run(DEFAULT_ECMO, { duration: '10 h', ...HYPERCAPNIC, ...ON, ...caution });
    const paco2Read = (reason: string) => Number(/PaCO2 ([\d.]+) mmHg/.exec(reason)![1]);
    const early = steps(r).filter((e) => e.t_h < 6);
    const line = 0.75 * paco2Read(early[0].reason); // the first blood gas's PaCO2, less a quarter
    // every raise within 6 h was made at a blood gas above the line; once a blood gas reads below it the sweep holds
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((e) => paco2Read(e.reason) > line)).toBe(true);
    const heldFrom = early.at(-1)!.t_h + 1;
    expect(at(r, 'paco2_mmHg', heldFrom)).toBeLessThanOrEqual(line);
    expect(at(r, 'sweep_gas_L_min', 5.5)).toBe(at(r, 'sweep_gas_L_min', heldFrom));
    expect(steps(r).some((e) => e.t_h >= 6)).toBe(true);
    expect(at(r, 'paco2_mmHg', 10)).toBeLessThan(at(r, 'paco2_mmHg', 5));
  });
  it('with the ventilator rate protocol also on, on ECMO the sweep acts and the ventilator rests: brought to the rest rate once, at the first blood gas, then left there', () => {
    const rateOnly = run(DEFAULT_ECMO, { duration: '6 h', ...HYPERCAPNIC, ...OFF, 'patient.lung.rateTitration.titrate': 'true' });
    expect(rateOnly.events.some((e) => e.type === 'ventilator_rate_titration')).toBe(true);
    const both = run(DEFAULT_ECMO, { duration: '6 h', ...HYPERCAPNIC, ...ON, 'patient.lung.rateTitration.titrate': 'true' });
    const rateEvents = both.events.filter((e) => e.type === 'ventilator_rate_titration');
    expect(rateEvents.map((e) => e.t_h)).toEqual([0]);
    expect(rateEvents[0].reason).toMatch(/lung rest, ventilator rate 20 → 10 \/min/);
    expect(steps(both).length).toBeGreaterThan(0);
    expect(new Set(both.series.ventilator_rate_per_min)).toEqual(new Set([10]));
  });
  it('contradictory targets or sweep limits are refused, naming the field', () => {
    expect(() => run(DEFAULT_ECMO, { duration: '1 h', 'circuit.oxygenator.sweepTitration.lowPaco2': '50 mmHg' })).toThrow(
      /circuit\.oxygenator\.sweepTitration\.lowPaco2.*got 50 mmHg; expected less than highPaco2 \(45 mmHg\)/,
    );
    expect(() => run(DEFAULT_ECMO, { duration: '1 h', 'circuit.oxygenator.sweepTitration.acidosisPh': '7.5' })).toThrow(
      /circuit\.oxygenator\.sweepTitration\.acidosisPh.*got 7\.5; expected less than alkalosisPh \(7\.45\)/,
    );
    expect(() => run(DEFAULT_ECMO, { duration: '1 h', 'circuit.oxygenator.sweepTitration.minSweep': '12 L/min' })).toThrow(
      /circuit\.oxygenator\.sweepTitration\.minSweep.*got 12 L\/min; expected at most maxSweep \(10 L\/min\)/,
    );
  });
});
