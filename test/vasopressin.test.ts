/**
 * Vasopressin (sim/patient/hemodynamics/vasopressin.ts, vasopressorProtocol.ts): the Surviving Sepsis Campaign 2021
 * rule that adds it instead of escalating norepinephrine, and its norepinephrine-equivalent effect (Goradia 2021).
 */
import { describe, expect, it } from 'vitest';
import { norepinephrineEquivalent_ug_kg_min, vasopressinDue, vasopressinStops } from '../sim/patient/hemodynamics/vasopressin.js';
import { norepinephrineEffect_mmHg } from '../sim/patient/hemodynamics/hemodynamics.js';
import { acidaemiaResponse } from '../sim/patient/hemodynamics/vasopressorResponse.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FIXED_RATE, FLUID_NEUTRAL, run, scenario } from './helpers/scenarios.js';

const s = scenario(DEFAULT_STANDARD);
const rule = s.prescription.vasopressin;
/** Vasopressin alone: hydrocortisone off, so only the vasopressor protocol acts. */
const ALONE = { 'prescription.hydrocortisone.give': 'false', outputInterval: '5 min' };

describe('the start rule (SSC 2021: add vasopressin rather than escalate norepinephrine at ≥ 0.25 µg/kg/min)', () => {
  it('is due below the MAP target on norepinephrine at or above the threshold, once, and never with give off', () => {
    expect(vasopressinDue(rule, false, 60, 65, 0.25)).toBe(true);
    expect(vasopressinDue(rule, false, 60, 65, 0.2)).toBe(false);
    expect(vasopressinDue(rule, false, 65, 65, 0.74)).toBe(false);
    expect(vasopressinDue(rule, true, 60, 65, 0.74)).toBe(false);
    expect(vasopressinDue({ ...rule, give: false }, false, 60, 65, 0.74)).toBe(false);
  });
  it('in a run: added at the first check (1 h) at 0.03 U/min, the norepinephrine dose held there, and logged', () => {
    const r = run(DEFAULT_STANDARD, { ...ALONE, duration: '2.5 h' });
    const starts = r.events.filter((e) => e.type === 'vasopressin_start');
    expect(starts.map((e) => e.t_h)).toEqual([1]);
    expect(starts[0].reason).toMatch(/vasopressin 0\.03 U\/min added instead of escalating \(SSC 2021\)/);
    expect(at(r, 'vasopressin_U_min', 0.5)).toBe(0);
    expect(at(r, 'vasopressin_U_min', 1.5)).toBeCloseTo(0.03, 12);
    const start = s.patient.hemodynamics.norepinephrine;
    expect(at(r, 'norepinephrine_ug_kg_min', 1.5)).toBe(start); // held at the check that added vasopressin
    expect(at(r, 'norepinephrine_ug_kg_min', 2.5)).toBeCloseTo(start + s.prescription.norepinephrine.step, 12); // escalation resumes at the next check
  });
  it('in a run: not added on norepinephrine below the threshold, nor with give off', () => {
    const low = run(DEFAULT_STANDARD, { ...ALONE, duration: '3 h', 'patient.hemodynamics.norepinephrine': '0.1 ug/kg/min' });
    expect(low.events.filter((e) => e.type === 'vasopressin_start')).toEqual([]);
    const off = run(DEFAULT_STANDARD, { ...ALONE, duration: '3 h', 'prescription.vasopressin.give': 'false' });
    expect(off.events.filter((e) => e.type === 'vasopressin_start')).toEqual([]);
    expect(Math.max(...off.series.vasopressin_U_min)).toBe(0);
  });
});

describe('the effect: vasopressin as its norepinephrine equivalent (Goradia, J Crit Care 2021)', () => {
  const k = s.hemodynamics.vasopressin.norepinephrineEquivalent;
  it('0.04 U/min is 0.1 µg/kg/min of norepinephrine (NEE = NE + 2.5·VP)', () => {
    expect(norepinephrineEquivalent_ug_kg_min(k, 0.04)).toBeCloseTo(0.1, 12);
  });
  it('raises MAP at once in a run by r(pH) times the pressor curve’s rise from NE to NE + k·VP', () => {
    // no fluid in or out (FLUID_NEUTRAL): the volume, and with it MAP's own course, stays where it started
    const r = run(DEFAULT_STANDARD, { ...ALONE, ...FIXED_RATE, ...FLUID_NEUTRAL, duration: '1.1 h', outputInterval: '1 min' });
    const map = (t: number) => at(r, 'map_mmHg', t);
    const minute = 1 / 60;
    const drift = 2 * (map(1 - minute) - map(1 - 2 * minute)); // MAP's own course over the two minutes across the start
    const curve = norepinephrineEffect_mmHg(s.hemodynamics, 0.74 + k * 0.03) - norepinephrineEffect_mmHg(s.hemodynamics, 0.74);
    const expected = acidaemiaResponse(s.hemodynamics.acidaemia, at(r, 'ph', 1)) * curve + drift;
    expect(map(1 + minute) - map(1 - minute)).toBeCloseTo(expected, 2);
  });
});

describe('the stop rule (norepinephrine weaned first, vasopressin last)', () => {
  it('stops a running vasopressin above the wean threshold once norepinephrine is at or below stopAtNorepinephrine, not before', () => {
    expect(vasopressinStops(rule, true, 72, 70, rule.stopAtNorepinephrine)).toBe(true);
    expect(vasopressinStops(rule, true, 72, 70, rule.stopAtNorepinephrine + 0.01)).toBe(false);
    expect(vasopressinStops(rule, true, 70, 70, 0)).toBe(false); // at the threshold, not above it
    expect(vasopressinStops(rule, false, 72, 70, 0)).toBe(false);
  });
  it('in a 96 h standard-care run: every stop comes after a start, on norepinephrine ≤ stopAtNorepinephrine with MAP above weanAbove', () => {
    // the cohort's typical standard-care patient starts vasopressin and later stops it on the committed calibration (the
    // standard-care default keeps it to 96 h; which runs stop it moves with each refit)
    const r = run('scenarios/cohort-typical-standard-care.json', { duration: '96 h' });
    const kinds = r.events.filter((e) => e.type === 'vasopressin_start' || e.type === 'vasopressin_stop');
    expect(
      kinds.some((e) => e.type === 'vasopressin_stop'),
      'the run has a stop to check',
    ).toBe(true);
    kinds.forEach((e, i) => expect(e.type).toBe(i % 2 === 0 ? 'vasopressin_start' : 'vasopressin_stop'));
    for (const stop of kinds.filter((e) => e.type === 'vasopressin_stop')) {
      expect(at(r, 'norepinephrine_ug_kg_min', stop.t_h)).toBeLessThanOrEqual(rule.stopAtNorepinephrine);
      expect(stop.value!).toBeGreaterThan(s.prescription.norepinephrine.weanAbove);
    }
  });
});

describe('the stop rule’s name says whose dose it is', () => {
  it('prescription.vasopressin.stopAtNorepinephrine is a norepinephrine dose; the old stopBelow is refused, naming the new field', () => {
    expect(
      scenario(DEFAULT_ECMO, { 'prescription.vasopressin.stopAtNorepinephrine': '0.08 ug/kg/min' }).prescription.vasopressin.stopAtNorepinephrine,
    ).toBeCloseTo(0.08, 12);
    expect(() => scenario(DEFAULT_ECMO, { 'prescription.vasopressin.stopBelow': '0.05 ug/kg/min' })).toThrow(
      /prescription\.vasopressin\.stopBelow: unknown field \(renamed.*\); expected prescription\.vasopressin\.stopAtNorepinephrine/,
    );
  });
});
