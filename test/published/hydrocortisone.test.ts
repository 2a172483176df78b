/**
 * Hydrocortisone against a trial that set nothing in the model. The pressor shift comes from Bellissant & Annane,
 * Clin Pharmacol Ther 2000 (Emax × 1.97, hemodynamics.md) and the start rule from the Surviving Sepsis Campaign 2021.
 *
 * - Oppert et al., Crit Care Med 2005 (41 patients, hyperdynamic septic shock, randomised): time to cessation of
 *   vasopressor support 53 h with a hydrocortisone infusion against 120 h with placebo, more than halved.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STANDARD, at, run } from '../helpers/scenarios.js';

describe('hydrocortisone shortens vasopressor support (Oppert 2005: 53 against 120 h to cessation)', () => {
  // the bundled standard-care default, vasopressin off so that the comparison is hydrocortisone's alone
  const course = (give: string) =>
    run(DEFAULT_STANDARD, { duration: '72 h', 'prescription.vasopressin.give': 'false', 'prescription.hydrocortisone.give': give });
  const withIt = course('true');
  const without = course('false');

  it('with it the dose at 24, 48 and 72 h is at most half the dose without it', () => {
    for (const t of [24, 48, 72])
      expect(at(withIt, 'norepinephrine_ug_kg_min', t), `${t} h`).toBeLessThanOrEqual(0.5 * at(without, 'norepinephrine_ug_kg_min', t));
  });

  it('with it the dose falls below the 0.25 µg/kg/min that started it; without it it does not within 72 h', () => {
    const below = (r: typeof withIt) => Array.from(r.series.norepinephrine_ug_kg_min).some((d) => d < 0.25);
    expect(below(withIt)).toBe(true);
    expect(below(without)).toBe(false);
  });
});
