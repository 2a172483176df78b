/**
 * Platelets (sim/patient/platelets/platelets.ts): made by the marrow at a rate that rises as the count falls, consumed
 * by sepsis and by the circuit's surfaces; coagulation SOFA from the count (Vincent 1996).
 */
import { describe, expect, it } from 'vitest';
import {
  plateletConsumption_per_h,
  plateletRate_per_nL_h,
  plateletsAtSteadyState,
  plateletsUnderConstantConsumption,
  thrombopoiesisRate_per_h,
  type PlateletKinetics,
} from '../sim/patient/platelets/platelets.js';
import { plateletSpecs } from '../sim/patient/platelets/plateletSpecs.js';
import { coagulationSofa } from '../sim/patient/sofa/sofa.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FLUID_NEUTRAL, run } from './helpers/scenarios.js';

const K: PlateletKinetics = {
  lifespan: plateletSpecs.lifespan.default!,
  thrombopoieticFeedback: plateletSpecs.thrombopoieticFeedback.default!,
  thrombopoieticLag: plateletSpecs.thrombopoieticLag.default!,
  sepsisConsumption: plateletSpecs.sepsisConsumption.default!,
  oxygenatorConsumption: plateletSpecs.oxygenatorConsumption.default!,
  filterConsumption: plateletSpecs.filterConsumption.default!,
};
const TAU = K.lifespan;

/** The count relative to the start's after t hours under the consumption k(t) (1/h): RK4 on the model's own rates. */
function course(k: PlateletKinetics, consumption: (t: number) => number, t_h: number, dt = 0.25): { count: number; production: number } {
  let p = 1;
  let m = 1;
  const f = (t: number, pp: number, mm: number) => [plateletRate_per_nL_h(k, 1, pp, mm, consumption(t)), thrombopoiesisRate_per_h(k, 1, pp, mm)];
  for (let t = 0; t < t_h - 1e-9; t += dt) {
    const a = f(t, p, m);
    const b = f(t + dt / 2, p + (dt / 2) * a[0], m + (dt / 2) * a[1]);
    const c = f(t + dt / 2, p + (dt / 2) * b[0], m + (dt / 2) * b[1]);
    const d = f(t + dt, p + dt * c[0], m + dt * c[1]);
    p += (dt / 6) * (a[0] + 2 * b[0] + 2 * c[0] + d[0]);
    m += (dt / 6) * (a[1] + 2 * b[1] + 2 * c[1] + d[1]);
  }
  return { count: p, production: m };
}
const constant = (k: number) => () => k;

describe('coagulation SOFA from the platelet count (Vincent 1996)', () => {
  it('thresholds 150, 100, 50, 20 × 10⁹/L', () => {
    expect([200, 150, 149, 100, 99, 50, 49, 20, 19, 0].map(coagulationSofa)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});

describe('the platelet balance', () => {
  it('at the start’s count with no consumption production and turnover balance; below it, production restores it', () => {
    expect(plateletRate_per_nL_h(K, 176, 176, 1, 0)).toBe(0);
    expect(plateletRate_per_nL_h(K, 176, 76, 1, 0)).toBeCloseTo(100 / TAU, 12);
  });
  it('each surface consumes only while it carries blood; sepsis in proportion to the drive', () => {
    const base = plateletConsumption_per_h(K, 1, false, false);
    expect(base).toBe(K.sepsisConsumption);
    expect(plateletConsumption_per_h(K, 1, true, false) - base).toBeCloseTo(K.oxygenatorConsumption, 15);
    expect(plateletConsumption_per_h(K, 1, false, true) - base).toBeCloseTo(K.filterConsumption, 15);
    expect(plateletConsumption_per_h(K, 0.5, false, false)).toBeCloseTo(0.5 * K.sepsisConsumption, 15);
    expect(plateletRate_per_nL_h(K, 176, 150, 1, 0.01) - plateletRate_per_nL_h(K, 176, 150, 1, 0)).toBeCloseTo(-0.01 * 150, 12);
  });
  it('the marrow’s production moves toward (P0/P)^γ: still at the start’s count, rising below it, never with γ = 0', () => {
    expect(thrombopoiesisRate_per_h(K, 176, 176, 1)).toBe(0);
    expect(thrombopoiesisRate_per_h(K, 176, 88, 1)).toBeCloseTo((2 ** K.thrombopoieticFeedback - 1) / K.thrombopoieticLag, 12);
    expect(thrombopoiesisRate_per_h({ ...K, thrombopoieticFeedback: 0 }, 176, 88, 1)).toBe(0);
  });
  it('under a constant consumption the count settles at P0/(1 + kτ)^(1/(1 + γ)); without the marrow’s response at P0/(1 + kτ)', () => {
    const k = 0.004;
    expect(course(K, constant(k), 8000, 1).count).toBeCloseTo(plateletsAtSteadyState(1, K, k), 4);
    const flat = { ...K, thrombopoieticFeedback: 0 };
    expect(course(flat, constant(k), 8000, 1).count).toBeCloseTo(1 / (1 + k * TAU), 4);
    expect(plateletsAtSteadyState(1, K, k)).toBeGreaterThan(1 / (1 + k * TAU));
  });
  it('once consumption stops the marrow’s response restores the count faster than turnover alone', () => {
    const pulse = (t: number) => (t < 72 ? 0.01 : 0);
    const withMarrow = course(K, pulse, 72 + 120).count;
    const turnoverOnly = course({ ...K, thrombopoieticFeedback: 0 }, pulse, 72 + 120).count;
    expect(withMarrow).toBeGreaterThan(turnoverOnly + 0.01);
  });
});

describe('the consumptions against the published courses they were derived from', () => {
  it('the septic consumption reproduces the published course: −21.5 % by day 5 with the drive held at 1', () => {
    expect(course(K, constant(K.sepsisConsumption), 120).count).toBeCloseTo(1 - 0.215, 2);
  });
  it('sepsis and the filter together reproduce the CVVH course: 138 → 107 × 10⁹/L in 2 days (Wu 2014)', () => {
    expect(138 * course(K, constant(K.sepsisConsumption + K.filterConsumption), 48).count).toBeCloseTo(107, 0);
  });
  it('the circuit alone lowers the count 0.85 % in its first day (Abrams 2016: 0.85 % a day, CI to 2.05 %)', () => {
    expect(100 * (1 - course(K, constant(K.oxygenatorConsumption), 24).count)).toBeCloseTo(0.85, 1);
    expect(100 * (1 - course(K, constant(plateletSpecs.oxygenatorConsumption.range![1]), 24).count)).toBeLessThan(2.05);
  });
});

describe('a published course the model was not derived from', () => {
  // Droege et al., Ann Pharmacother 2018;52:1204: 80 critically ill adults on CRRT, median count from CRRT day 0 to
  // day 5 (10⁹/L). Sepsis (drive held at 1, as in the derivation) and the filter, from the day-0 median.
  const droege = [128, 104.5, 88.5, 91, 93, 76];
  it.each([1, 2, 3, 4, 5])('CRRT day %i: within 15 % of the median count (Droege 2018)', (day) => {
    const simulated = droege[0] * course(K, constant(K.sepsisConsumption + K.filterConsumption), 24 * day).count;
    expect(Math.abs(simulated - droege[day]) / droege[day]).toBeLessThan(0.15);
  });
});

describe('a published course the model does not reproduce (a named gap, sofa.md)', () => {
  // Akca et al., Crit Care Med 2002;30:753 (1449 ICU patients): nadir on day 4, survivors back at the admission count
  // by the end of week 1 and above it by day 9. Septic consumption (drive 1) ending on day 4: the published γ and lag
  // give a slower marrow.
  it('not reproduced: Akca 2002’s survivors were back at the admission count within a week; with septic consumption ending on day 4 the model is at 0.92 on day 9', () => {
    const untilDay4 = (t: number) => (t < 96 ? K.sepsisConsumption : 0);
    expect(course(K, untilDay4, 9 * 24).count).toBeCloseTo(0.92, 2);
    expect(course(K, untilDay4, 14 * 24).count).toBeLessThan(1);
  });
});

describe('platelets in a run', () => {
  it('with the sepsis and filter terms and the marrow’s response off, the ECMO circuit alone gives the analytic course', () => {
    const k = 0.002;
    const r = run(DEFAULT_ECMO, {
      duration: '48 h',
      'patient.platelets.sepsisConsumption': '0 1/h',
      'patient.platelets.filterConsumption': '0 1/h',
      'patient.platelets.oxygenatorConsumption': `${k} 1/h`,
      'patient.platelets.thrombopoieticFeedback': '0',
    });
    // the platelet mass, counted at the patient's own starting volume (count × V_iv / V₀), follows the analytic course;
    // the count is that mass diluted by the blood volume now
    const V0 = r.scenario.patient.intravascularVolume;
    const mass = (t: number) => (at(r, 'platelets_1e9_L', t) * at(r, 'intravascular_volume_mL', t)) / V0;
    for (const t of [12, 24, 48]) expect(mass(t) / plateletsUnderConstantConsumption(176, TAU, k, t)).toBeCloseTo(1, 5);
  });
  it('the circuit’s prime dilutes the count at cannulation as it does the red cells; blood lost takes its platelets, so bleeding moves the count only as it moves the hematocrit', () => {
    const r = run(DEFAULT_ECMO, { duration: '1 h' });
    const p = r.scenario.patient;
    const prime = r.scenario.circuit!.primeVolume + r.scenario.filter!.setVolume;
    expect(at(r, 'platelets_1e9_L', 0)).toBeCloseTo((p.platelets.start * p.intravascularVolume) / (p.intravascularVolume + prime), 9);
    expect(at(r, 'platelets_1e9_L', 0) / p.platelets.start).toBeCloseTo(at(r, 'hematocrit_pct', 0) / 100 / p.hematocrit, 9);
    // standard care, no consumption, bleeding without transfusion: whole blood leaves, the count holds
    const bled = run(DEFAULT_STANDARD, {
      duration: '2 h',
      'patient.platelets.sepsisConsumption': '0 1/h',
      'patient.bleeding.rate': '200 mL/h',
    });
    const held = at(bled, 'platelets_1e9_L', 2) / at(bled, 'platelets_1e9_L', 0);
    const hct = at(bled, 'hematocrit_pct', 2) / at(bled, 'hematocrit_pct', 0);
    expect(held).toBeCloseTo(hct, 3); // whatever refill dilutes, it dilutes both alike
    expect(at(bled, 'intravascular_volume_mL', 2)).toBeLessThan(at(bled, 'intravascular_volume_mL', 0) - 100);
  });
  it('without consumption the count and the marrow’s production hold at the start’s', () => {
    // no fluid in or out, so nothing dilutes or concentrates the count either
    const r = run(DEFAULT_STANDARD, { duration: '24 h', 'patient.platelets.sepsisConsumption': '0 1/h', ...FLUID_NEUTRAL });
    expect(at(r, 'platelets_1e9_L', 24)).toBeCloseTo(176, 9);
    expect(at(r, 'thrombopoiesis_pct', 24)).toBeCloseTo(100, 9);
  });
  it('platelets fall faster with the circuit than without: standard care < oxygenator < oxygenator + filter', () => {
    // the platelet mass (count × blood volume): the prime's dilution and fluid shifts move the count, not the mass
    const fall = (file: string, values: Record<string, string> = {}) => {
      const r = run(file, { duration: '24 h', ...values });
      const mass = (t: number) => at(r, 'platelets_1e9_L', t) * at(r, 'intravascular_volume_mL', t);
      return (mass(0) - mass(24)) / mass(0);
    };
    const standard = fall(DEFAULT_STANDARD);
    const oxygenator = fall(DEFAULT_ECMO, { 'patient.platelets.filterConsumption': '0 1/h' });
    const both = fall(DEFAULT_ECMO);
    expect(standard).toBeGreaterThan(0);
    expect(oxygenator).toBeGreaterThan(standard);
    expect(both).toBeGreaterThan(oxygenator);
  });
  it('the coagulation score in the SOFA series follows the count; the marrow’s production has risen as it fell', () => {
    const r = run(DEFAULT_ECMO, { duration: '72 h' });
    for (const t of [0, 24, 48, 72]) expect(at(r, 'sofa_coagulation', t)).toBe(coagulationSofa(at(r, 'platelets_1e9_L', t)));
    expect(at(r, 'platelets_1e9_L', 72)).toBeGreaterThan(20);
    expect(at(r, 'thrombopoiesis_pct', 72)).toBeGreaterThan(100);
  });
});
