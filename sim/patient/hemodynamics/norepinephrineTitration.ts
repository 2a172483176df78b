/**
 * The bedside norepinephrine protocol (a protocol, never fitted): at each check
 *   MAP < target                 → dose + step (escalation by a fixed increment, up to the maximum)
 *   MAP > weanAbove (≥ target)   → dose × (1 − weanFraction) (proportional weaning: a share of the current dose),
 *                                  and off once that would leave less than stopBelow (the infusion is stopped)
 *   otherwise                    → hold
 * Target MAP 65 mmHg [S: Surviving Sepsis Campaign, Evans et al., Intensive Care Med 2021, initial target 65].
 * Escalation by fixed increments and weaning by a share of the current dose once MAP is above target are how
 * nurse-driven titration protocols are written; the increments and the share here are estimates [E]. Weaning by a
 * share alone never reaches zero; protocols take the last small step (0.01–0.02 µg/kg/min) to off [E].
 */
export interface TitrationRule {
  targetMap: number;
  weanAbove: number;
  step: number;
  weanFraction: number;
  /** Weaning that would leave less than this stops the infusion (0: weaning by a share never stops it). */
  stopBelow: number;
  maxDose: number;
}

/** Doses are set on a pump to a few digits: round away binary noise from repeated steps. */
const pumpSetting = (d: number) => Math.round(d * 1e6) / 1e6;

export function nextNorepinephrineDose(rule: TitrationRule, map_mmHg: number, dose_ug_kg_min: number): number {
  if (map_mmHg < rule.targetMap) return pumpSetting(Math.min(dose_ug_kg_min + rule.step, rule.maxDose));
  if (map_mmHg > rule.weanAbove) {
    const weaned = pumpSetting(dose_ug_kg_min * (1 - rule.weanFraction));
    return weaned < rule.stopBelow ? 0 : weaned;
  }
  return dose_ug_kg_min;
}
