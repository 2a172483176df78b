/**
 * The phosphate replacement rule (docs/models/solutes.md, "Phosphate"): a chemistry check below the threshold starts
 * one intravenous dose, at most the daily maximum; off by default.
 */
import { describe, expect, it } from 'vitest';
import { at, DEFAULT_ECMO, run } from './helpers/scenarios.js';

const doses = (r: ReturnType<typeof run>) => r.events.filter((e) => e.type === 'phosphate_replacement');

describe('phosphate replacement', () => {
  it('is off by default: no dose in 72 h although phosphate falls below its threshold', () => {
    const r = run(DEFAULT_ECMO, { duration: '72 h' });
    expect(at(r, 'phosphate_mmol_L', 72)).toBeLessThan(0.6);
    expect(doses(r)).toHaveLength(0);
    expect(Math.max(...r.series.phosphate_given_mmol_h)).toBe(0);
  });

  it('starts a dose at each check below the threshold, none above, and gives all of it: dose/t_inf mmol/h while it runs', () => {
    const values = {
      duration: '48 h',
      'prescription.phosphateReplacement.replace': 'true',
      'prescription.phosphateReplacement.threshold': '0.8 mmol/L',
      'prescription.phosphateReplacement.checkInterval': '12 h',
      'prescription.phosphateReplacement.maxDosesPerDay': '1',
    };
    const r = run(DEFAULT_ECMO, values);
    const off = run(DEFAULT_ECMO, { ...values, 'prescription.phosphateReplacement.replace': 'false' });
    // checks at 12 h (above 0.8: none), 24 h (below: one), 36 h (the daily maximum reached: none), 48 h (one)
    expect(at(off, 'phosphate_mmol_L', 12)).toBeGreaterThan(0.8);
    expect(at(off, 'phosphate_mmol_L', 24)).toBeLessThan(0.8);
    expect(doses(r).map((e) => e.t_h)).toEqual([24, 48]);
    for (const e of doses(r)) expect(e.value).toBeLessThan(0.8);
    expect(at(r, 'phosphate_given_mmol_h', 27)).toBeCloseTo(20 / 6, 9);
    expect(at(r, 'phosphate_given_mmol_h', 31)).toBe(0);
    expect(at(r, 'phosphate_mmol_L', 30)).toBeGreaterThan(at(off, 'phosphate_mmol_L', 30));
    // the ledger: the second dose has run 0 h at 48 h, so 20 mmol more than the run without the rule were given
    const given = r.summary.mass_balance.phosphate.produced - off.summary.mass_balance.phosphate.produced;
    expect(given).toBeCloseTo(20, 6);
  });
});
