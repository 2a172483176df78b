/**
 * The albumin replacement rule as ICUs write it: at each albumin check, one dose of 20 % albumin when plasma albumin
 * is below the threshold, at most N doses in any 24 h; the dose runs in over its infusion time into plasma albumin and
 * blood volume. Off by default.
 */
import { describe, expect, it } from 'vitest';
import { albuminDoseDue } from '../sim/patient/fluidBalance/albuminReplacement.js';
import { at, DEFAULT_ECMO, run } from './helpers/scenarios.js';

describe('the rule', () => {
  const rule = { replace: true, threshold: 25, maxDosesPerDay: 3 };
  it('gives a dose below the threshold, none at or above it', () => {
    expect(albuminDoseDue(rule, 24.9, 0)).toBe(true);
    expect(albuminDoseDue(rule, 25, 0)).toBe(false);
  });
  it('gives no more than the daily maximum, and nothing when switched off', () => {
    expect(albuminDoseDue(rule, 15, 3)).toBe(false);
    expect(albuminDoseDue({ ...rule, replace: false }, 15, 0)).toBe(false);
  });
});

describe('in a run', () => {
  it('is off by default: no dose in 48 h although albumin falls below 25 g/L', () => {
    const r = run(DEFAULT_ECMO, { duration: '48 h' });
    expect(Math.min(...r.series.albumin_g_L)).toBeLessThan(25);
    expect(r.events.filter((e) => e.type === 'albumin_dose')).toHaveLength(0);
    expect(r.series.albumin_given_g.at(-1)).toBe(0);
  });

  const often = {
    duration: '48 h',
    'prescription.albumin.replace': 'true',
    'prescription.albumin.threshold': '40 g/L', // always below: the daily maximum is what limits
    'prescription.albumin.checkInterval': '2 h',
    'prescription.albumin.maxDosesPerDay': '2',
  };
  const r = run(DEFAULT_ECMO, often);
  const doses = r.events.filter((e) => e.type === 'albumin_dose');
  it('checks at its interval and gives at most the daily maximum in any 24 h', () => {
    expect(doses.map((d) => d.t_h)).toEqual([2, 4, 26, 28]);
    for (const d of doses) expect(doses.filter((e) => e.t_h > d.t_h - 24 && e.t_h <= d.t_h).length).toBeLessThanOrEqual(2);
  });
  it('the dose series counts every dose, and the log names the albumin that triggered it', () => {
    expect(r.series.albumin_given_g.at(-1)).toBeCloseTo(4 * 20, 6);
    expect(doses[0].value).toBeCloseTo(at(r, 'albumin_g_L', 2), 6);
  });
  it('a dose raises plasma albumin, by less than the dose over the plasma volume (it escapes and draws fluid)', () => {
    const before = at(r, 'albumin_g_L', 26);
    const after = at(r, 'albumin_g_L', 27);
    const plasma_L = (at(r, 'intravascular_volume_mL', 26) * (1 - at(r, 'hematocrit_pct', 26) / 100)) / 1000;
    expect(after).toBeGreaterThan(before);
    expect(after - before).toBeLessThan(20 / plasma_L);
  });
  it('a dose expands blood volume by more than its 100 mL and raises MAP at the same norepinephrine (hyperoncotic)', () => {
    const held = { ...often, duration: '28 h', 'prescription.norepinephrine.titrate': 'false' };
    const without = run(DEFAULT_ECMO, { ...held, 'prescription.albumin.replace': 'false' });
    const withDoses = run(DEFAULT_ECMO, held);
    const extra = (t: number) => at(withDoses, 'intravascular_volume_mL', t) - at(without, 'intravascular_volume_mL', t);
    // the dose at 26 h runs in over 1 h; its 20 g raise plasma oncotic pressure and draw interstitial fluid in
    expect(extra(28) - extra(26)).toBeGreaterThan(100);
    expect(at(withDoses, 'map_mmHg', 28) - at(without, 'map_mmHg', 28)).toBeGreaterThan(at(withDoses, 'map_mmHg', 26) - at(without, 'map_mmHg', 26));
  });
});
