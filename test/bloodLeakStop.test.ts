/**
 * The CRRT machine's response to a blood leak (docs/models/hemofilter.md, "Blood leak"): at the detector's alarm it
 * suspends the treatment (blood and fluid pumps stopped), so the leak stops; the detector's line keeps its coloured
 * effluent until the filter is changed, and the new filter's fibres are intact.
 */
import { describe, expect, it } from 'vitest';
import { at, DEFAULT_ECMO, runWithTimeline } from './helpers/scenarios.js';
import { effluentHemoglobin_g_dL } from '../sim/filter/bloodLeak/part.js';

const leakAt1h = { at: '1 h', fault: { kind: 'filter-blood-leak', severity: '0.5 mL/min' } };
const settings = { duration: '3 h', outputInterval: '0.25 h' };

describe('a blood leak stops the CRRT machine', () => {
  const stopped = runWithTimeline(DEFAULT_ECMO, [leakAt1h], settings);
  const overridden = runWithTimeline(DEFAULT_ECMO, [leakAt1h], { ...settings, 'filter.stopOnBloodLeak': 'false' });

  it('at the alarm the blood and fluid pumps stop: no effluent, no blood lost through the fibres, the fluid balance closes', () => {
    expect(at(stopped, 'crrt_suspended', 1)).toBe(0); // a sample at an event's time shows the state before it
    for (const t of [1.25, 2, 3]) {
      expect(at(stopped, 'crrt_suspended', t)).toBe(1);
      expect(at(stopped, 'filter_blood_flow_mL_min', t)).toBe(0);
      expect(at(stopped, 'effluent_rate_mL_h', t)).toBe(0);
      expect(at(stopped, 'blood_loss_mL', t)).toBe(0);
    }
    expect(at(stopped, 'effluent_volume_mL', 3)).toBeCloseTo(at(stopped, 'effluent_volume_mL', 1.25), 9);
    // the machine's scales: neither bag moves while its pumps are stopped
    expect(at(stopped, 'replacement_bag_mL', 3)).toBeCloseTo(at(stopped, 'replacement_bag_mL', 1.25), 9);
    expect(at(stopped, 'effluent_bag_mL', 3)).toBeCloseTo(at(stopped, 'effluent_bag_mL', 1.25), 9);
    const f = stopped.summary.mass_balance.fluid;
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
    const suspension = stopped.events.filter((e) => e.type === 'blood_leak');
    expect(suspension.map((e) => e.t_h)).toEqual([1, 1]);
    expect(suspension[1].reason).toMatch(/suspended the treatment/);
  });

  it('the detector holds the effluent hemoglobin it saw at the stop, Q_leak·Hb/(Q_eff + Q_leak), and stays in alarm', () => {
    const expected = effluentHemoglobin_g_dL(30, at(stopped, 'effluent_rate_mL_h', 0.75), at(stopped, 'hemoglobin_g_dL', 1));
    expect(at(stopped, 'effluent_hemoglobin_g_dL', 3)).toBeCloseTo(expected, 3);
    expect(at(stopped, 'blood_leak_detected', 3)).toBe(1);
  });

  it('an operator who overrides the stop (filter.stopOnBloodLeak false) keeps losing the leak: 0.5 mL/min for 2 h is 60 mL', () => {
    expect(at(overridden, 'crrt_suspended', 3)).toBe(0);
    expect(at(overridden, 'effluent_rate_mL_h', 3)).toBeGreaterThan(0);
    expect(at(overridden, 'blood_loss_mL', 3)).toBeCloseTo(60, 6);
  });
});

describe('the operator overrides the stop', () => {
  it('setting filter.stopOnBloodLeak false while suspended restarts the pumps, and the leak with them: 0.5 mL/min for the last hour is 30 mL', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [leakAt1h, { at: '2 h', set: { 'filter.stopOnBloodLeak': false } }], settings);
    expect(at(r, 'crrt_suspended', 1.75)).toBe(1);
    expect(at(r, 'crrt_suspended', 2.5)).toBe(0);
    expect(at(r, 'filter_blood_flow_mL_min', 2.5)).toBeGreaterThan(0);
    expect(at(r, 'blood_loss_mL', 2)).toBe(0);
    expect(at(r, 'blood_loss_mL', 3)).toBeCloseTo(30, 6);
    expect(at(r, 'blood_leak_detected', 3)).toBe(1);
    expect(r.events.some((e) => e.type === 'blood_leak' && /overrode/.test(e.reason) && e.t_h === 2)).toBe(true);
  });
});

describe('a filter change takes the leak out with the filter', () => {
  it('the new filter runs with intact fibres; a leak still developing ends with the filter taken out', () => {
    const r = runWithTimeline(
      DEFAULT_ECMO,
      [
        { at: '0.5 h', fault: { kind: 'filter-blood-leak', severity: '5 mL/min', onset: 'gradual', over_min: 60 } },
        { at: '1 h', changeFilter: true },
      ],
      { ...settings, 'filter.stopOnBloodLeak': 'false' },
    );
    expect(at(r, 'effluent_hemoglobin_g_dL', 0.75)).toBeGreaterThan(0);
    const restart = r.events.find((e) => e.type === 'filter_start')!.t_h;
    expect(restart).toBeCloseTo(1.5, 9);
    for (const t of [1.75, 2.5, 3]) {
      expect(at(r, 'effluent_hemoglobin_g_dL', t)).toBe(0);
      expect(at(r, 'blood_leak_detected', t)).toBe(0);
      expect(at(r, 'filter_blood_flow_mL_min', t)).toBeGreaterThan(0);
    }
    // the ramp would have gone on to 5 mL/min until 1.5 h: nothing is lost after the change
    expect(at(r, 'blood_loss_mL', 3)).toBeCloseTo(at(r, 'blood_loss_mL', 1.25), 9);
    expect(r.events.some((e) => e.type === 'fault' && /ended with the filter taken out/.test(e.reason))).toBe(true);
  });

  it('a suspended filter is changed at its maximum age, as a running one is', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [leakAt1h], { ...settings, 'prescription.filterChange.maxHours': '2 h' });
    expect(r.events.find((e) => e.type === 'filter_change')?.t_h).toBeCloseTo(2, 9);
    expect(at(r, 'crrt_suspended', 3)).toBe(0);
    expect(at(r, 'filter_blood_flow_mL_min', 3)).toBeGreaterThan(0);
    expect(at(r, 'blood_leak_detected', 3)).toBe(0);
  });
});
