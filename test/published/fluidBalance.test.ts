/**
 * The cohort protocol's fluid balance against septic patients' published balances, which set nothing in the model.
 * The protocol's intake (1 mL/kg/h: maintenance fluid and the carriers of drugs, "fluid creep") comes from
 * Van Regenmortel et al., Intensive Care Med 2018 (all ICU fluid sources of 14,654 patients); the urine is the
 * kidney's (kidney.md); insensible loss is taken as offset by metabolic water (fluid-balance.md).
 *
 * - Acheampong & Vincent, Crit Care 2015 (PMC4479078): 173 septic ICU patients followed for 7 days; the daily fluid
 *   balance was +13 ± 19 mL/kg in survivors and +29 ± 22 mL/kg in non-survivors (intake 48 ± 23 and 59 ± 24 mL/kg,
 *   including resuscitation and nutrition, which the cohort protocol does not give after inclusion).
 */
import { describe, expect, it } from 'vitest';
import { at, run } from '../helpers/scenarios.js';

const DAYS = 3;
/** Mean daily balance, mL/kg/day: the change of body fluid (intravascular + interstitial) over the run. */
function dailyBalance_mL_kg(file: string): number {
  const r = run(file, { duration: `${24 * DAYS} h` });
  const body = (t: number) => at(r, 'intravascular_volume_mL', t) + at(r, 'interstitial_volume_mL', t);
  return (body(24 * DAYS) - body(0)) / r.scenario.patient.weight / DAYS;
}

describe("the cohort protocol's daily fluid balance (Acheampong & Vincent 2015, septic patients)", () => {
  it.each([
    ['standard care', 'scenarios/cohort-typical-standard-care.json'],
    ['ECMO + HVHF (net ultrafiltration 0)', 'scenarios/cohort-typical-ecmo-hvhf.json'],
  ])('%s: positive, inside the survivors’ mean ± SD (+13 ± 19 mL/kg/day) and below the non-survivors’ +29', (_arm, file) => {
    const balance = dailyBalance_mL_kg(file);
    expect(balance).toBeGreaterThan(0);
    expect(balance).toBeGreaterThan(13 - 19);
    expect(balance).toBeLessThan(13 + 19);
    expect(balance).toBeLessThan(29);
  });
});
