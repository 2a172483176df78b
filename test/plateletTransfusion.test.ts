/**
 * The platelet transfusion rule as ECMO units write it: at each platelet count, one adult unit when the count is below
 * the threshold, at most N units in any 24 h; the unit runs in over its infusion time, a share R of its platelets
 * circulating (the rest pools in the spleen) and its volume joining the blood. Off by default.
 */
import { describe, expect, it } from 'vitest';
import { plateletIncrement_per_nL, plateletUnitDue } from '../sim/patient/platelets/plateletTransfusion.js';
import { at, DEFAULT_ECMO, run, runWithTimeline, scenario, scenarioWithTimeline } from './helpers/scenarios.js';

describe('the rule', () => {
  const rule = { transfuse: true, threshold: 50, maxUnitsPerDay: 2 };
  it('gives a unit below the threshold, none at or above it', () => {
    expect(plateletUnitDue(rule, 49.9, 0)).toBe(true);
    expect(plateletUnitDue(rule, 50, 0)).toBe(false);
  });
  it('gives no more than the daily maximum, and nothing when switched off', () => {
    expect(plateletUnitDue(rule, 10, 2)).toBe(false);
    expect(plateletUnitDue({ ...rule, transfuse: false }, 10, 0)).toBe(false);
  });
  it('one unit of N × 10⁹ platelets raises the count by N·R over the blood volume in litres', () => {
    expect(plateletIncrement_per_nL(300, 0.67, 6000)).toBeCloseTo((300 * 0.67) / 6, 12);
  });
});

describe('in a run', () => {
  const always = { 'prescription.plateletTransfusion.threshold': '400 /nL' }; // above every count: the rule decides
  it('is off by default: no unit in 72 h although every count is below the threshold', () => {
    const r = run(DEFAULT_ECMO, { ...always, duration: '72 h' });
    expect(r.events.filter((e) => e.type === 'platelet_transfusion')).toHaveLength(0);
    expect(r.series.platelet_units_given.at(-1)).toBe(0);
  });

  const often = {
    ...always,
    duration: '48 h',
    'prescription.plateletTransfusion.transfuse': 'true',
    'prescription.plateletTransfusion.checkInterval': '6 h',
    'prescription.plateletTransfusion.maxUnitsPerDay': '2', // the daily maximum is what limits
  };
  const r = run(DEFAULT_ECMO, often);
  const units = r.events.filter((e) => e.type === 'platelet_transfusion');
  it('counts at its interval and gives at most the daily maximum in any 24 h', () => {
    expect(units.map((u) => u.t_h)).toEqual([6, 12, 30, 36]);
    for (const u of units) expect(units.filter((e) => e.t_h > u.t_h - 24 && e.t_h <= u.t_h).length).toBeLessThanOrEqual(2);
  });
  it('the units series counts every unit, and the log names the count that triggered it', () => {
    expect(r.series.platelet_units_given.at(-1)).toBeCloseTo(4, 9);
    expect(units[0].value).toBeCloseTo(at(r, 'platelets_1e9_L', 6), 6);
  });
  it('the fluid balance closes with the units’ volume counted as given, 250 mL each', () => {
    const without = run(DEFAULT_ECMO, { ...often, 'prescription.plateletTransfusion.transfuse': 'false' });
    const fluid = r.summary.mass_balance.fluid;
    expect(Math.abs(fluid.relative_residual)).toBeLessThan(1e-9);
    expect(fluid.produced - without.summary.mass_balance.fluid.produced).toBeCloseTo(4 * 250, 6);
  });
});

describe('one adult unit', () => {
  // a unit at 12 h (the first count below the threshold), against the same run without the rule
  const once = {
    duration: '13 h',
    'prescription.plateletTransfusion.threshold': '400 /nL',
    'prescription.plateletTransfusion.checkInterval': '12 h',
  };
  const withUnit = run(DEFAULT_ECMO, { ...once, 'prescription.plateletTransfusion.transfuse': 'true' });
  const without = run(DEFAULT_ECMO, once);
  const s = scenario(DEFAULT_ECMO);
  const ownVolume_mL = s.patient.intravascularVolume;
  const { unitContent } = s.prescription.plateletTransfusion;
  const R = s.patient.platelets.transfusionRecovery;
  /** The platelet mass: the count at the patient's own starting volume (sim/patient/platelets/part.ts). */
  const mass = (r: typeof withUnit, t: number) => (at(r, 'platelets_1e9_L', t) * at(r, 'intravascular_volume_mL', t)) / ownVolume_mL;

  it('adds N·R/V₀ to the platelet mass once it has run in (30 min), less what 30 min of consumption takes (< 1 %)', () => {
    const added = mass(withUnit, 12.5) - mass(without, 12.5);
    const expected = (unitContent * R) / (ownVolume_mL / 1000);
    expect(added).toBeLessThan(expected);
    expect(added).toBeGreaterThan(0.99 * expected);
  });
  it('raises an adult’s count by 20–40 × 10⁹/L (Estcourt et al., Br J Haematol 2017: a typical adult dose’s increment)', () => {
    const rise = at(withUnit, 'platelets_1e9_L', 12.5) - at(without, 'platelets_1e9_L', 12.5);
    expect(rise).toBeGreaterThan(20);
    expect(rise).toBeLessThan(40);
  });
});

describe('a unit given by hand (a timeline entry, a trainee)', () => {
  const r = runWithTimeline(DEFAULT_ECMO, [{ at: '6 h', platelets: 1 }], { duration: '8 h' });
  const without = run(DEFAULT_ECMO, { duration: '8 h' });
  const s = scenario(DEFAULT_ECMO);
  const { unitContent, volume } = s.prescription.plateletTransfusion;
  const R = s.patient.platelets.transfusionRecovery;
  it('is logged and counted as one unit', () => {
    const given = r.events.filter((e) => e.type === 'platelet_transfusion');
    expect(given.map((e) => e.t_h)).toEqual([6]);
    expect(given[0].reason).toMatch(/1 adult platelet unit/);
    expect(r.series.platelet_units_given.at(-1)).toBe(1);
  });
  it('raises the count at once to (P·V + N·R)/(V + V_unit): its platelets and its volume together', () => {
    const V = at(without, 'intravascular_volume_mL', 6) / 1000;
    const P = at(without, 'platelets_1e9_L', 6);
    const expected = (P * V + unitContent * R) / (V + volume / 1000);
    // the first sample after it, 15 min on: consumption and the unit's volume leaving for the interstitium move it < 2 %
    expect(at(r, 'platelets_1e9_L', 6.25) / expected).toBeGreaterThan(0.98);
    expect(at(r, 'platelets_1e9_L', 6.25) / expected).toBeLessThan(1.02);
  });
  it('a count that is not a number of units, or more than 10, is refused, naming the entry, the value and what was expected', () => {
    expect(() => scenarioWithTimeline(DEFAULT_ECMO, [{ at: '6 h', platelets: 'lots' }])).toThrow(/timeline\[0\]\.platelets: got "lots".*between 0 and 10/);
    expect(() => scenarioWithTimeline(DEFAULT_ECMO, [{ at: '6 h', platelets: 20 }])).toThrow(
      /timeline\[0\]\.platelets: got "20": outside the accepted range.*between 0 and 10/,
    );
    expect(() => scenarioWithTimeline(DEFAULT_ECMO, [{ at: '6 h', platelets: true }])).toThrow(
      /timeline\[0\]\.platelets.*a number of adult platelet units, e\.g\. 1/,
    );
  });
});
