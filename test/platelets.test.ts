/**
 * Platelets (sim/patient/platelets/platelets.ts): produced back toward the start's count over a lifespan, consumed by
 * sepsis and by the circuit's surfaces; coagulation SOFA from the count (Vincent 1996).
 */
import { describe, expect, it } from 'vitest';
import { plateletRate_per_nL_h, plateletsUnderConstantConsumption } from '../sim/patient/platelets/platelets.js';
import { plateletSpecs } from '../sim/patient/platelets/plateletSpecs.js';
import { coagulationSofa } from '../sim/patient/sofa/sofa.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

const TAU = plateletSpecs.lifespan.default!;
const K_SEPSIS = plateletSpecs.sepsisConsumption.default!;
const K_FILTER = plateletSpecs.filterConsumption.default!;

describe('coagulation SOFA from the platelet count (Vincent 1996)', () => {
  it('thresholds 150, 100, 50, 20 × 10⁹/L', () => {
    expect([200, 150, 149, 100, 99, 50, 49, 20, 19, 0].map(coagulationSofa)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});

describe('the platelet balance', () => {
  const k = { lifespan: TAU, sepsisConsumption: K_SEPSIS, oxygenatorConsumption: 0.002, filterConsumption: K_FILTER };
  it('at the start’s count with no consumption production and turnover balance; below it, production restores it', () => {
    const none = { ...k, sepsisConsumption: 0 };
    expect(plateletRate_per_nL_h(none, 176, 176, 1, false, false)).toBe(0);
    expect(plateletRate_per_nL_h(none, 176, 76, 1, false, false)).toBeCloseTo(100 / TAU, 12);
  });
  it('each surface consumes only while it carries blood; sepsis in proportion to the drive', () => {
    const base = plateletRate_per_nL_h(k, 176, 150, 1, false, false);
    expect(plateletRate_per_nL_h(k, 176, 150, 1, true, false) - base).toBeCloseTo(-0.002 * 150, 12);
    expect(plateletRate_per_nL_h(k, 176, 150, 1, false, true) - base).toBeCloseTo(-K_FILTER * 150, 12);
    expect(plateletRate_per_nL_h(k, 176, 150, 0.5, false, false) - base).toBeCloseTo(0.5 * K_SEPSIS * 150, 12);
  });
  it('the septic consumption reproduces the published course: −21.5 % by day 5 with the drive held at 1', () => {
    expect(plateletsUnderConstantConsumption(1, TAU, K_SEPSIS, 120)).toBeCloseTo(1 - 0.215, 2);
  });
  it('sepsis and the filter together reproduce the CVVH course: 138 → 107 × 10⁹/L in 2 days (Wu 2014)', () => {
    expect(138 * plateletsUnderConstantConsumption(1, TAU, K_SEPSIS + K_FILTER, 48)).toBeCloseTo(107, 0);
  });
});

describe('platelets in a run', () => {
  it('with the sepsis and filter terms off, the ECMO circuit alone gives the analytic constant-consumption course', () => {
    const r = run(DEFAULT_ECMO, { duration: '48 h', 'patient.platelets.sepsisConsumption': '0 1/h', 'patient.platelets.filterConsumption': '0 1/h' });
    for (const t of [12, 24, 48]) expect(at(r, 'platelets_1e9_L', t) / plateletsUnderConstantConsumption(176, TAU, 0.002, t)).toBeCloseTo(1, 5);
  });
  it('without consumption the count holds at the start’s', () => {
    const r = run(DEFAULT_STANDARD, { duration: '24 h', 'patient.platelets.sepsisConsumption': '0 1/h' });
    expect(at(r, 'platelets_1e9_L', 24)).toBeCloseTo(176, 9);
  });
  it('platelets fall faster with the circuit than without: standard care < oxygenator < oxygenator + filter', () => {
    const fall = (file: string, values: Record<string, string> = {}) => {
      const r = run(file, { duration: '24 h', ...values });
      return at(r, 'platelets_1e9_L', 0) - at(r, 'platelets_1e9_L', 24);
    };
    const standard = fall(DEFAULT_STANDARD);
    const oxygenator = fall(DEFAULT_ECMO, { 'patient.platelets.filterConsumption': '0 1/h' });
    const both = fall(DEFAULT_ECMO);
    expect(standard).toBeGreaterThan(0);
    expect(oxygenator).toBeGreaterThan(standard);
    expect(both).toBeGreaterThan(oxygenator);
  });
  it('the coagulation score in the SOFA series follows the count', () => {
    const r = run(DEFAULT_ECMO, { duration: '72 h' });
    for (const t of [0, 24, 48, 72]) expect(at(r, 'sofa_coagulation', t)).toBe(coagulationSofa(at(r, 'platelets_1e9_L', t)));
    expect(at(r, 'platelets_1e9_L', 72)).toBeGreaterThan(20);
  });
});
