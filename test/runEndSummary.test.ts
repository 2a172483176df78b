/**
 * The summary of what ran within the run: a filter change that falls at the run's very end (the 24 h maximum
 * age in a 24 h run) is logged but is not one of the run's changes, since no filter ran after it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ECMO, run } from './helpers/scenarios.js';

describe('a filter change at the run’s end', () => {
  it('is logged among the events but not counted: one filter used, none changed, no downtime', () => {
    const r = run(DEFAULT_ECMO, { duration: '24 h', 'prescription.filterChange.maxHours': '24 h' });
    expect(r.events.some((e) => e.type === 'filter_change' && e.t_h === 24)).toBe(true);
    expect(r.summary.filters_used).toBe(1);
    expect(r.summary.filter_changes).toEqual([]);
    expect(r.summary.filter_lives_h).toEqual([]);
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
