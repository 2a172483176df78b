/**
 * Hydrocortisone (sim/patient/hemodynamics/hydrocortisone.ts): the Surviving Sepsis Campaign 2021 start rule, the
 * first-order onset of its effect, and the shift of the pressor dose–response it gives (Bellissant & Annane, Clin
 * Pharmacol Ther 2000).
 */
import { describe, expect, it } from 'vitest';
import { hydrocortisoneStart, onsetAfterStart } from '../sim/patient/hemodynamics/hydrocortisone.js';
import { meanArterialPressure_mmHg, norepinephrineEffect_mmHg } from '../sim/patient/hemodynamics/hemodynamics.js';
import { at, DEFAULT_STANDARD, run, runWithTimeline, scenario } from './helpers/scenarios.js';

const params = scenario(DEFAULT_STANDARD).hemodynamics;
const rule = scenario(DEFAULT_STANDARD).prescription.hydrocortisone;
/** The dose held where it is: the start rule alone decides. */
const HELD = { 'prescription.norepinephrine.titrate': 'false', outputInterval: '5 min' };
const starts = (r: ReturnType<typeof run>) => r.events.filter((e) => e.type === 'hydrocortisone_start').map((e) => e.t_h);

describe('the start rule (SSC 2021: norepinephrine ≥ 0.25 µg/kg/min for ≥ 4 h)', () => {
  it('is due the delay after the dose reached the threshold; a dose below it restarts the count; off, never', () => {
    const s = hydrocortisoneStart();
    s.noteDose(0, 0.74, rule);
    expect(s.dueAt(rule)).toBe(4);
    expect(s.startIfDue(3.99, rule)).toBe(false);
    s.noteDose(2, 0.1, rule);
    expect(s.dueAt(rule)).toBe(Infinity);
    s.noteDose(3, 0.25, rule); // at the threshold counts
    s.noteDose(5, 0.6, rule); // a change above it does not restart the count
    expect(s.dueAt(rule)).toBe(7);
    expect(s.dueAt({ ...rule, give: false })).toBe(Infinity);
    expect(s.startIfDue(7, rule)).toBe(true);
    expect(s.started).toBe(true);
    expect(s.dueAt(rule)).toBe(Infinity); // once
  });
  it('in a run: starts at 4 h on a dose held above the threshold, not before, and logs why', () => {
    const r = run(DEFAULT_STANDARD, { ...HELD, duration: '6 h' });
    expect(starts(r)).toEqual([4]);
    expect(r.events.find((e) => e.type === 'hydrocortisone_start')!.reason).toMatch(/norepinephrine ≥ 0\.25 µg\/kg\/min for 4 h \(SSC 2021\)/);
    expect(at(r, 'norepinephrine_responsiveness', 4)).toBe(1);
  });
  it('in a run: never on a dose below the threshold, nor with give off', () => {
    expect(starts(run(DEFAULT_STANDARD, { ...HELD, duration: '12 h', 'patient.hemodynamics.norepinephrine': '0.2 ug/kg/min' }))).toEqual([]);
    expect(starts(run(DEFAULT_STANDARD, { ...HELD, duration: '12 h', 'prescription.hydrocortisone.give': 'false' }))).toEqual([]);
  });
  it('in a run: the dose falling below the threshold at 2 h and back above at 3 h moves the start to 7 h', () => {
    const timeline = [
      { at: '2 h', set: { 'patient.hemodynamics.norepinephrine': '0.1 ug/kg/min' } },
      { at: '3 h', set: { 'patient.hemodynamics.norepinephrine': '0.5 ug/kg/min' } },
    ];
    expect(starts(runWithTimeline(DEFAULT_STANDARD, timeline, { ...HELD, duration: '8 h' }))).toEqual([7]);
  });
});

describe('the onset: first order after the start', () => {
  it('follows h = 1 − exp(−(t − t_s)/τ) in a run (the responsiveness 1 + (ρ − 1)·h)', () => {
    const r = run(DEFAULT_STANDARD, { ...HELD, duration: '6 h', outputInterval: '1 min' });
    const h = params.hydrocortisone;
    for (const minutes of [10, 20, 40, 60]) {
      const expected = 1 + (h.maxEffectRatio - 1) * onsetAfterStart(h, minutes / 60);
      expect(at(r, 'norepinephrine_responsiveness', 4 + minutes / 60), `${minutes} min`).toBeCloseTo(expected, 4);
    }
    expect(onsetAfterStart(h, h.onsetTime)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(onsetAfterStart(h, 0)).toBe(0);
  });
  it('turned off after the start, the effect wears off with the same time constant', () => {
    const timeline = [{ at: '5 h', set: { 'prescription.hydrocortisone.give': false } }];
    const r = runWithTimeline(DEFAULT_STANDARD, timeline, { ...HELD, duration: '6 h', outputInterval: '1 min' });
    const h = params.hydrocortisone;
    const at5 = onsetAfterStart(h, 1);
    const expected = 1 + (h.maxEffectRatio - 1) * at5 * Math.exp(-(20 / 60) / h.onsetTime);
    expect(at(r, 'norepinephrine_responsiveness', 5 + 20 / 60)).toBeCloseTo(expected, 4);
  });
});

describe('the dose–response shift (Bellissant & Annane, Clin Pharmacol Ther 2000)', () => {
  // their patients before hydrocortisone: E0 58 mmHg, Emax 39 mmHg; 1 h after 50 mg: E0 64, Emax 77, ED50 unchanged
  const patients = { ...params, norepinephrine: { maxEffect: 39, halfEffectDose: params.norepinephrine.halfEffectDose } };
  // no IL-6, no sepsis drive, normal pH and temperature: MAP without drug is the tone, their E0
  const map = (dose: number, h: number) => meanArterialPressure_mmHg(patients, 58, 0, 0, dose, 7.4, 37, h);
  it('E0 58 → 64 mmHg and Emax 39 → 77 mmHg, within their figures’ rounding (1 mmHg)', () => {
    expect(map(0, 0)).toBeCloseTo(58, 9);
    expect(Math.abs(map(0, 1) - 64)).toBeLessThanOrEqual(1);
    expect(Math.abs(norepinephrineEffect_mmHg(patients, 1e9, 1) - 77)).toBeLessThanOrEqual(1);
    expect(norepinephrineEffect_mmHg(patients, 1e9, 0)).toBeCloseTo(39, 6);
  });
  it('ED50 is not modified: half the (new) maximal rise at the same dose', () => {
    const ed50 = patients.norepinephrine.halfEffectDose;
    expect(norepinephrineEffect_mmHg(patients, ed50, 1) / norepinephrineEffect_mmHg(patients, 1e12, 1)).toBeCloseTo(0.5, 6);
  });
  it('the whole curve rises at every dose (Annane, Br J Clin Pharmacol 1998: improved norepinephrine response)', () => {
    for (const dose of [0.05, 0.1, 0.25, 0.5, 1]) expect(map(dose, 1)).toBeGreaterThan(map(dose, 0));
  });
});

describe('the bundled standard-care default', () => {
  it('needs less norepinephrine at 24 h with hydrocortisone than without, at the same MAP target', () => {
    const withIt = run(DEFAULT_STANDARD, { duration: '24 h' });
    const without = run(DEFAULT_STANDARD, { duration: '24 h', 'prescription.hydrocortisone.give': 'false' });
    expect(starts(withIt)).toEqual([4]);
    expect(at(withIt, 'norepinephrine_ug_kg_min', 24)).toBeLessThan(at(without, 'norepinephrine_ug_kg_min', 24));
  });
});
