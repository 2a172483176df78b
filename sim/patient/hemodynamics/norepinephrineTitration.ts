/**
 * The bedside norepinephrine titration: at each check, raise the dose by one step when MAP is below the lower
 * bound, wean it by one step when MAP is above the weaning threshold, otherwise leave it; within min–max.
 * Clinicians titrate norepinephrine to MAP ≥ 65 mmHg [S: reference-data.md §7]; the band between the escalation
 * bound and the weaning threshold, the step and the interval are the unit's practice [E, calibratable].
 */
export interface TitrationRule {
  escalateBelow: number;
  weanAbove: number;
  step: number;
  minDose: number;
  maxDose: number;
}

export function nextNorepinephrineDose(rule: TitrationRule, map_mmHg: number, dose_ug_kg_min: number): number {
  // Doses are set on a pump to a few digits: round away binary noise from repeated steps.
  const pumpSetting = (d: number) => Math.round(d * 1e6) / 1e6;
  if (map_mmHg < rule.escalateBelow) return pumpSetting(Math.min(dose_ug_kg_min + rule.step, rule.maxDose));
  if (map_mmHg > rule.weanAbove) return pumpSetting(Math.max(dose_ug_kg_min - rule.step, rule.minDose));
  return dose_ug_kg_min;
}
