/**
 * Vasopressin, the second vasopressor of septic shock (a protocol, never fitted).
 *
 * Start rule [S: Surviving Sepsis Campaign 2021, Evans et al., Intensive Care Med 2021: add vasopressin instead of
 * escalating norepinephrine, typically once norepinephrine is 0.25–0.5 µg/kg/min]: at a titration check where MAP is
 * below the target and the norepinephrine dose is at or above NE_start, vasopressin is added at a fixed rate
 * (0.03 U/min [S: SSC 2021; VASST, Russell et al., NEJM 2008: 0.01–0.03 U/min]) and the norepinephrine dose holds at
 * that check. It stops at a check where MAP is above the wean threshold and norepinephrine has been weaned to
 * NE_stop or less (norepinephrine first, vasopressin last [E: stopping vasopressin first brought more hypotension,
 * Wu et al., Shock 2020]); it may be added again later by the start rule.
 *
 * Effect: its norepinephrine-equivalent dose k·VP joins the norepinephrine dose on the pressor curve,
 *   pressor = r(pH)·Emax'·(NE + k·VP)/(ED50' + NE + k·VP),   k = 2.5 µg/kg/min per U/min
 * [S2: Goradia et al., J Crit Care 2021, "Vasopressor dose equivalence: a scoping review and suggested formula", as
 * used by MIMIC-IV's norepinephrine_equivalent_dose]. The equivalence is what trials use to add the two drugs
 * together; that vasopressin shares norepinephrine's curve (its ceiling, acidaemia's and hydrocortisone's factors)
 * is an assumption [E]: it acts on V1 receptors, not adrenergic ones.
 */
export interface VasopressinRule {
  give: boolean;
  startDose: number;
  dose: number;
  /** The norepinephrine dose (µg/kg/min) at or below which vasopressin stops. */
  stopAtNorepinephrine: number;
}

/** Whether the protocol adds vasopressin at this check: MAP below target with norepinephrine at or above NE_start. */
export function vasopressinDue(rule: VasopressinRule, running: boolean, map_mmHg: number, targetMap_mmHg: number, dose_ug_kg_min: number): boolean {
  return rule.give && !running && map_mmHg < targetMap_mmHg && dose_ug_kg_min >= rule.startDose;
}

/** Whether the protocol stops vasopressin at this check: MAP above the wean threshold on norepinephrine ≤ NE_stop. */
export function vasopressinStops(rule: VasopressinRule, running: boolean, map_mmHg: number, weanAbove_mmHg: number, dose_ug_kg_min: number): boolean {
  return running && map_mmHg > weanAbove_mmHg && dose_ug_kg_min <= rule.stopAtNorepinephrine;
}

/** The norepinephrine dose equivalent to a vasopressin rate, µg/kg/min: k·VP. */
export function norepinephrineEquivalent_ug_kg_min(perUnit_ug_kg_min: number, vasopressin_U_min: number): number {
  return perUnit_ug_kg_min * vasopressin_U_min;
}
