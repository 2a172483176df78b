/**
 * The summary of what ran within the run: a filter change that falls at the run's very end (the 24 h maximum
 * age in a 24 h run) is logged but is not one of the run's changes, since no filter ran after it.
 */
import { describe, expect, it } from 'vitest';
import { runMetrics } from '../sim/sweep/runMetrics.js';
import { DEFAULT_ECMO, run, runWithTimeline } from './helpers/scenarios.js';

describe('a filter change at the run’s end', () => {
  it('is logged among the events but not counted as a change: one filter used, none changed, no downtime; its filter’s 24 h life is', () => {
    const r = run(DEFAULT_ECMO, { duration: '24 h', 'prescription.filterChange.maxHours': '24 h' });
    expect(r.events.some((e) => e.type === 'filter_change' && e.t_h === 24)).toBe(true);
    expect(r.summary.filters_used).toBe(1);
    expect(r.summary.filter_changes).toEqual([]);
    expect(r.summary.filter_lives_h).toEqual([24]); // taken down at its maximum age: a life that ended
    expect(r.summary.downtime_h).toBe(0);
  });
  it('with no downtime the filter started at the end is not counted as used either', () => {
    const r = run(DEFAULT_ECMO, { duration: '24 h', 'prescription.filterChange.maxHours': '24 h', 'prescription.filterChange.downtime': '0 h' });
    expect(r.summary.filters_used).toBe(1);
    expect(r.summary.filter_changes).toEqual([]);
  });
  it('a change inside the run still counts, its downtime cut by the end when the new filter has not started', () => {
    // 12 h maximum age, 30 min downtime: changed at 12 h, the next filter from 12.5 h; the run ends at 12.25 h
    const r = run(DEFAULT_ECMO, { duration: '12.25 h', 'prescription.filterChange.maxHours': '12 h', 'prescription.filterChange.downtime': '0.5 h' });
    expect(r.summary.filter_changes.map((c) => c.t_h)).toEqual([12]);
    expect(r.summary.filter_lives_h).toEqual([12]);
    expect(r.summary.downtime_h).toBeCloseTo(0.25, 9);
    expect(r.summary.filters_used).toBe(1);
  });
});

/**
 * The delivered dose says what reached the patient: with both cannula lines clamped the filter clears only the
 * circuit's own blood (docs/models/hemofilter.md, "Isolated circuit"), so its effluent is no dose to the patient.
 */
describe('the delivered dose with the circuit isolated from the patient', () => {
  const DAY = { duration: '24 h' };
  const CLAMPED = { ...DAY, 'circuit.clamps.drainageLine': 'true', 'circuit.clamps.returnLine': 'true' };
  it('clamped lines from the start: none delivered to the patient, all the effluent counted as the circuit’s', () => {
    const r = run(DEFAULT_ECMO, CLAMPED);
    expect(r.summary.effluent_volume_mL).toBeGreaterThan(0); // the CRRT machine ran
    expect(r.summary.delivered_dose_mL_kg_h).toBe(0);
    expect(r.summary.isolated_circuit_effluent_mL).toBe(r.summary.effluent_volume_mL);
    expect(r.summary.isolated_circuit_h).toBe(24);
  });
  it('stopped pump and clamped lines: likewise', () => {
    const r = run(DEFAULT_ECMO, { ...CLAMPED, 'circuit.pump.speed': '0 rpm' });
    expect(r.summary.delivered_dose_mL_kg_h).toBe(0);
  });
  it('flowing: the whole effluent is delivered, nothing isolated', () => {
    const r = run(DEFAULT_ECMO, DAY);
    expect(r.summary.isolated_circuit_effluent_mL).toBe(0);
    expect(r.summary.isolated_circuit_h).toBe(0);
    expect(r.summary.delivered_dose_mL_kg_h).toBeCloseTo(r.summary.effluent_volume_mL / 80 / 24, 12);
  });
  it('clamped from 6 h to 12 h: a quarter of the day’s effluent (the rate is steady) is not delivered', () => {
    const r = run(DEFAULT_ECMO, DAY);
    const clampedSpell = runWithTimeline(
      DEFAULT_ECMO,
      [
        { at: '6 h', set: { 'circuit.clamps.drainageLine': true, 'circuit.clamps.returnLine': true } },
        { at: '12 h', set: { 'circuit.clamps.drainageLine': false, 'circuit.clamps.returnLine': false } },
      ],
      DAY,
    );
    expect(clampedSpell.summary.isolated_circuit_h).toBeCloseTo(6, 9);
    // the effluent rate is the prescription's throughout (no filter change in 24 h): 6 h of it
    expect(clampedSpell.summary.isolated_circuit_effluent_mL).toBeCloseTo(r.summary.effluent_volume_mL / 4, 3);
    expect(clampedSpell.summary.delivered_dose_mL_kg_h).toBeCloseTo((0.75 * r.summary.effluent_volume_mL) / 80 / 24, 6);
  });
});

/** The sweep's columns named for 24 h hold the patient at 24 h, or nothing: a shorter run never reached it. */
describe('the *_24h_* columns of a run shorter than 24 h', () => {
  const AT_24H = ['map_24h_mmHg', 'norepinephrine_24h_ug_kg_min', 'temperature_24h_C', 'anti_xa_24h_U_mL', 'phosphate_24h_mmol_L'] as const;
  it('are empty (null) in a 6 h run; the summary’s changes say the time they were taken at', () => {
    const r = run(DEFAULT_ECMO, { duration: '6 h' });
    const m = runMetrics(r);
    for (const c of AT_24H) expect(m[c], c).toBeNull();
    expect(r.summary.change_at_h).toBe(6);
  });
  it('hold the values at 24 h in a 24 h run (MAP as the summary’s 24 h observation)', () => {
    const r = run(DEFAULT_ECMO, { duration: '24 h' });
    const m = runMetrics(r);
    for (const c of AT_24H) expect(Number.isFinite(m[c]), c).toBe(true);
    expect(m.map_24h_mmHg).toBe(r.summary.map_at_change_mmHg);
    expect(m.temperature_24h_C).toBe(r.series.temperature_C.at(-1));
  });
});
