/**
 * A sweep worker reads each run's scenario from the base's shape-checked tree, checked once per worker
 * (sim/sweep/runTask.ts, runScenario): it must give the scenario the long way gives (the base text parsed, the run's
 * overrides written in, checked and resolved), value for value and key for key, whatever base and overrides came
 * before it in the same worker, and a run the short way cannot read must fail with the long way's own words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runOne, runScenario, scenarioReads, type RunTask, type SweepBase } from '../sim/sweep/runTask.js';
import { applyOverrides, parseJsonText, scenarioFromObject, type Override } from '../sim/scenario/load.js';
import { calibratedScenarioText } from '../sim/scenario/loadFile.js';
import { withFactors } from '../sim/cohort/replay.js';
import type { Scenario } from '../sim/scenario/resolve.js';

const ECMO = 'scenarios/ecmo-hvhf-default.json';
const STANDARD = 'scenarios/standard-care-default.json';
const ecmo: SweepBase = { text: calibratedScenarioText(readFileSync(ECMO, 'utf8'), ECMO), source: ECMO, hours: 24 };
const standard: SweepBase = { text: calibratedScenarioText(readFileSync(STANDARD, 'utf8'), STANDARD), source: STANDARD, hours: 12 };

/** The long way, as the worker read every run before: parse, override, check, resolve. */
function longWay(base: SweepBase, task: RunTask): Scenario {
  const raw = parseJsonText(base.text, base.source) as Record<string, unknown>;
  applyOverrides(raw, task.overrides);
  const options = { duration_h: base.hours };
  return task.factors?.length ? withFactors(raw, task.factors, base.source, options) : scenarioFromObject(raw, base.source, options);
}

/** The long way's error message, or '' when it reads the run. */
function longWayError(base: SweepBase, task: RunTask): string {
  try {
    longWay(base, task);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

const task = (overrides: Override[], factors?: RunTask['factors']): RunTask => ({ id: 0, overrides, ...(factors ? { factors } : {}) });

/** The short way's share of fn's reads: runScenario's calls that did not go the long way. */
function readShortWay(fn: () => void): { calls: number; short: number } {
  const calls = scenarioReads.calls;
  const long = scenarioReads.long;
  fn();
  return { calls: scenarioReads.calls - calls, short: scenarioReads.calls - calls - (scenarioReads.long - long) };
}

/** Same values and the same key order (JSON text), and the same values by deep equality (Infinity, NaN). */
function expectSame(a: Scenario, b: Scenario): void {
  expect(a).toStrictEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
}

const CASES: [string, RunTask][] = [
  ['no override', task([])],
  ['a quantity', task([{ path: 'circuit.pump.speed', value: '3200 rpm' }])],
  [
    'a per-kg quantity and the weight it scales by',
    task([
      { path: 'prescription.effluentDose', value: '35 mL/kg/h' },
      { path: 'patient.weight', value: '95 kg' },
    ]),
  ],
  ['a value in another unit', task([{ path: 'prescription.filterBloodFlow', value: '0.3 L/min' }])],
  ['a choice', task([{ path: 'patient.sex', value: 'female' }])],
  ['a flag', task([{ path: 'prescription.heparin.titrate', value: 'false' }])],
  ['a section the base does not have', task([{ path: 'patient.lung.fio2Titration.targetLow', value: '85 %' }])],
  ['the duration', task([{ path: 'duration', value: '6 h' }])],
  ['factors', task([{ path: 'prescription.effluentDose', value: '55 mL/kg/h' }], [{ path: 'filter.ultrafiltrationCoefficient', factor: 1.1 }])],
];

describe("a sweep run's scenario read from the base's checked tree (sim/sweep/runTask.ts)", () => {
  it('gives the scenario the long way gives, for every kind of override', () => {
    for (const [name, t] of CASES) {
      let quick: Scenario | undefined;
      // read the short way (else this would compare the long way with itself)
      expect(
        readShortWay(() => (quick = runScenario(ecmo, t))),
        name,
      ).toEqual({ calls: 1, short: 1 });
      expect(JSON.stringify(quick), name).toBe(JSON.stringify(longWay(ecmo, t)));
      expectSame(quick!, longWay(ecmo, t));
    }
  });

  it('gives each base and each run its own scenario when bases and overrides alternate (nothing stale)', () => {
    const a = task([{ path: 'prescription.effluentDose', value: '25 mL/kg/h' }]);
    const b = task([
      { path: 'prescription.effluentDose', value: '65 mL/kg/h' },
      { path: 'patient.weight', value: '60 kg' },
    ]);
    const order: [SweepBase, RunTask][] = [
      [ecmo, a],
      [ecmo, b],
      [standard, a],
      [ecmo, a],
      [standard, b],
      [standard, a],
      [ecmo, b],
    ];
    const reads = readShortWay(() => {
      for (const [base, t] of order) expectSame(runScenario(base, t), longWay(base, t));
    });
    expect(reads).toEqual({ calls: order.length, short: order.length });
    // the two bases really differ, and so do the two runs: a stale tree would have been seen
    expect(runScenario(ecmo, a).filter).not.toBeNull();
    expect(runScenario(standard, a).filter).toBeNull();
    expect(runScenario(ecmo, b).patient.weight).toBe(60);
    expect(runScenario(ecmo, a).patient.weight).toBe(80);
  });

  it("gives every call a scenario of its own: one run's changes (membraneLife sets maxHours = ∞) reach no other", () => {
    const t = task([]);
    const first = runScenario(ecmo, t);
    first.prescription.filterChange.maxHours = Infinity;
    first.patient.weight = 1;
    expectSame(runScenario(ecmo, t), longWay(ecmo, t));
  });

  it("fails a run it cannot read with the long way's own message", () => {
    const refused: RunTask[] = [
      task([{ path: 'prescription.effluentDos', value: '45 mL/kg/h' }]), // no such field
      task([{ path: 'prescription.effluentDose', value: '45 mL/h/kg/s' }]), // wrong dimension
      task([{ path: 'prescription.effluentDose', value: '250 mL/kg/h' }]), // outside its limits
      task([{ path: 'patient.sex', value: 'other' }]), // not one of the choices
      task([{ path: 'prescription.heparin.titrate', value: 'yes' }]), // not true or false
      task([{ path: 'prescription', value: '45 mL/kg/h' }]), // a section, not a value
      task([
        { path: 'prescription.effluentDose', value: '200 mL/kg/h' },
        { path: 'patient.weight', value: '200 kg' },
      ]), // beyond the filter
      task([], [{ path: 'patient.kidney.recoveryTimeConstant', factor: 100 }]), // a factor beyond the limits
    ];
    for (const t of refused) {
      const message = longWayError(ecmo, t);
      expect(message, JSON.stringify(t)).not.toBe('');
      expect(readShortWay(() => expect(() => runScenario(ecmo, t)).toThrow(message))).toEqual({ calls: 1, short: 0 });
      const outcome = runOne(ecmo, t);
      expect('error' in outcome && outcome.error).toBe(`invalid settings: ${message}`);
    }
    // a section the base sets to null (standard care has no filter)
    const noFilter = task([{ path: 'filter.area', value: '1.5 m^2' }]);
    expect(longWayError(standard, noFilter)).toContain('null');
    expect(() => runScenario(standard, noFilter)).toThrow(longWayError(standard, noFilter));
  });

  it("fails every run of a base whose own shape is refused with the long way's message", () => {
    const raw = JSON.parse(ecmo.text) as { circuit: { pump: { speed: string } } };
    raw.circuit.pump.speed = '3000 mL';
    const broken: SweepBase = { ...ecmo, text: JSON.stringify(raw) };
    const t = task([{ path: 'prescription.effluentDose', value: '30 mL/kg/h' }]);
    expect(readShortWay(() => expect(() => runScenario(broken, t)).toThrow(longWayError(broken, t)))).toEqual({ calls: 1, short: 0 });
    // the run's own override mends the base: the long way reads it, so must the worker
    const mended = task([{ path: 'circuit.pump.speed', value: '2800 rpm' }]);
    expectSame(runScenario(broken, mended), longWay(broken, mended));
  });
});
