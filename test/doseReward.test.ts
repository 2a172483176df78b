/**
 * What the effluent dose buys in the cohort's typical ECMO + HVHF patient (issue 12: "dose is over-rewarded"; the
 * study's context figures, cohort-study.md: standard-dose CRRT on ECMO, MAP +8 mmHg and catecholamines −17 %;
 * high-volume hemofiltration at 70 against 35 mL/kg/h, faster norepinephrine withdrawal). On the committed
 * calibration, 24 h, without hydrocortisone (two patients in three in the arms, cohort.md) so the dose is free to show:
 * more dose, more IL-6 removed, less norepinephrine at the same protocol pressure; never the 22 mmHg of MAP the
 * uncalibrated model once gave between 25 and 70 mL/kg/h (66 against 88 mmHg).
 */
import { describe, expect, it } from 'vitest';
import { at, run, scenario } from './helpers/scenarios.js';
import { standardMembraneOverrides } from '../sim/filter/standardMembrane.js';

const TYPICAL_ECMO = 'scenarios/cohort-typical-ecmo-hvhf.json';
const DOSES_mL_kg_h = [25, 35, 45, 70];

describe('the effluent dose in the typical patient, without hydrocortisone (24 h)', () => {
  const runs = DOSES_mL_kg_h.map((dose) =>
    run(TYPICAL_ECMO, { duration: '24 h', 'prescription.effluentDose': `${dose} mL/kg/h`, 'prescription.hydrocortisone.give': 'false' }),
  );
  const il6Change = (i: number) => at(runs[i], 'il6_pg_mL', 24) / at(runs[i], 'il6_pg_mL', 0) - 1;
  const dose24 = (i: number) => at(runs[i], 'norepinephrine_ug_kg_min', 24);
  const map24 = (i: number) => at(runs[i], 'map_mmHg', 24);

  it('more dose removes more IL-6 and leaves less norepinephrine at 24 h, at every step', () => {
    for (let i = 1; i < runs.length; i++) {
      expect(il6Change(i), `${DOSES_mL_kg_h[i]} mL/kg/h`).toBeLessThan(il6Change(i - 1));
      expect(dose24(i), `${DOSES_mL_kg_h[i]} mL/kg/h`).toBeLessThanOrEqual(dose24(i - 1));
    }
    // 35 → 70 mL/kg/h cuts the 24 h dose by more than the protocol's one escalation step could hide
    expect(dose24(1) - dose24(3)).toBeGreaterThan(runs[3].scenario.prescription.norepinephrine.step);
  });

  it('the protocol holds MAP in its 65–70 mmHg band whatever the dose: the dose shows as dose, not as the 22 mmHg of MAP it once bought', () => {
    for (let i = 0; i < runs.length; i++) {
      const { targetMap, weanAbove } = runs[i].scenario.prescription.norepinephrine;
      // MAP moves between the hourly checks that bring it back into the band: 2 mmHg above it allowed [E]
      const drift_mmHg = 2;
      expect(map24(i), `${DOSES_mL_kg_h[i]} mL/kg/h`).toBeGreaterThanOrEqual(targetMap);
      expect(map24(i), `${DOSES_mL_kg_h[i]} mL/kg/h`).toBeLessThanOrEqual(weanAbove + drift_mmHg);
    }
    expect(Math.abs(map24(3) - map24(0))).toBeLessThan(8); // the registry's context: +8 mmHg for standard-dose CRRT
  });
});

describe('the filter against none in the typical patient, without hydrocortisone (24 h)', () => {
  // The registry's standard-dose CRRT on ECMO (~30 mL/kg/h, catecholamines −17 %: cohort-study.md, a context figure,
  // never fitted) ran standard high-flux membranes, which sieve IL-6 below 0.15 (reference-data.md §2, Bouman 1998);
  // the cohort's high-cut-off membrane sieves it at ~0.6 (Mariano 2005). The filterable vasoplegic mediators (a pool
  // of cytokines, hemodynamics.md) pass a standard membrane at about half the high cut-off's sieving: for eight
  // cytokines combined the median sieving was 0.16 on standard and 0.31 on high-cut-off CVVH (Atan et al., Int J Artif
  // Organs 2016), a ratio taken to the pool's high-cut-off sieving here, not fitted to the registry. High-cut-off
  // hemofiltration at a median 31 mL/kg/h lowered the norepinephrine dose where a standard high-flux filter did not
  // (Morgera, Crit Care Med 2006: a randomised pilot, 20 against 10 patients; no size to check against).
  const REGISTRY_CATECHOLAMINE_FALL = 0.17;
  const values = { duration: '24 h', 'prescription.hydrocortisone.give': 'false' };
  const dose24 = (more: Record<string, string>) => at(run(TYPICAL_ECMO, { ...values, ...more }), 'norepinephrine_ug_kg_min', 24);
  const alone = dose24({ 'circuit.clamps.filterLimb': 'true' });
  // IL-6 at 0.15 and the pool at 0.16/0.31 of its high-cut-off sieving (sim/filter/standardMembrane.ts)
  const STANDARD_MEMBRANE = standardMembraneOverrides(scenario(TYPICAL_ECMO).filter!);
  const standard = dose24({ 'prescription.effluentDose': '30 mL/kg/h', ...STANDARD_MEMBRANE });
  const poolAsIl6 = dose24({
    'prescription.effluentDose': '30 mL/kg/h',
    ...STANDARD_MEMBRANE,
    'filter.sieving.vasoplegicMediators.clean': '0.15',
    'filter.sieving.vasoplegicMediators.fouled': '0.15',
  });
  const highCutOff = dose24({ 'prescription.effluentDose': '30 mL/kg/h' });
  it('30 mL/kg/h through a standard membrane spares norepinephrine against ECMO alone (the filter limb clamped), within a factor of two of the registry’s −17 %', () => {
    const fall = 1 - standard / alone;
    expect(fall).toBeGreaterThan(REGISTRY_CATECHOLAMINE_FALL / 2);
    expect(fall).toBeLessThan(REGISTRY_CATECHOLAMINE_FALL * 2);
  });
  it('with the pool sieved as IL-6 on the standard membrane (the eighth session’s model) it spares less than half the registry’s −17 %: the pool’s own sieving is what closes the gap', () => {
    const fall = 1 - poolAsIl6 / alone;
    expect(fall).toBeGreaterThan(0);
    expect(fall).toBeLessThan(REGISTRY_CATECHOLAMINE_FALL / 2);
    expect(poolAsIl6).toBeGreaterThan(standard);
  });
  it('the high-cut-off membrane at the same dose spares more than the standard one (Morgera 2006: only high cut-off lowered the dose)', () => {
    expect(highCutOff).toBeLessThan(standard);
  });
});
