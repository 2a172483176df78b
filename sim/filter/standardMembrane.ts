/**
 * A standard high-flux membrane, as the overrides of the scenario's high-cut-off filter (its `filter.sieving` paths):
 * what the registry's standard-dose CRRT on ECMO ran (doseReward.test.ts) and Cole's trial may have (scripts/coleTrial.ts).
 *   IL-6                      SC 0.15 clean and fouled   [S: standard membranes sieve IL-6 below 0.15, adsorption
 *                                                         dominating; Bouman, Blood Purif 1998; reference-data.md §2]
 *   the vasoplegic mediators  SC × 0.16/0.31 of the      [S for the ratio: eight cytokines together, median sieving 0.16
 *                             high cut-off's              on standard against 0.31 on high-cut-off CVVH; Atan et al.,
 *                                                         Int J Artif Organs 2016; hemodynamics.md]
 * Everything else (PCT, albumin, the small solutes) stays the scenario's. Values as the text overrides take them.
 */
import type { Scenario } from '../scenario/resolve.js';

/** IL-6's sieving on a standard high-flux membrane, clean and fouled (dimensionless) [S: Bouman 1998]. */
export const STANDARD_MEMBRANE_IL6_SIEVING = 0.15;
/** The mediator pool's sieving on a standard membrane relative to a high-cut-off one (dimensionless) [S: Atan 2016]. */
export const STANDARD_TO_HIGH_CUT_OFF_POOL_SIEVING = 0.16 / 0.31;

/** The `filter.sieving` overrides that turn the scenario's high-cut-off filter into a standard high-flux one. */
export function standardMembraneOverrides(filter: NonNullable<Scenario['filter']>): Record<string, string> {
  const pool = filter.sieving.vasoplegicMediators;
  return {
    'filter.sieving.il6.clean': String(STANDARD_MEMBRANE_IL6_SIEVING),
    'filter.sieving.il6.fouled': String(STANDARD_MEMBRANE_IL6_SIEVING),
    'filter.sieving.vasoplegicMediators.clean': String(pool.clean * STANDARD_TO_HIGH_CUT_OFF_POOL_SIEVING),
    'filter.sieving.vasoplegicMediators.fouled': String(pool.fouled * STANDARD_TO_HIGH_CUT_OFF_POOL_SIEVING),
  };
}
