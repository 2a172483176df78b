/**
 * Two conditions of the patient that move how much norepinephrine the MAP target needs.
 *
 * Acidaemia blunts the catecholamine response: the norepinephrine effect E = Emax·NE/(ED50 + NE) is multiplied by
 *   r(pH) = 1 − (1 − r_min)·s(x),  x = clamp((pH_full − pH)/(pH_full − pH_floor), 0, 1),  s(x) = x²(3 − 2x)
 * 1 at pH ≥ pH_full (7.35), r_min at pH ≤ pH_floor (7.0), a smooth step between [E: shape; S: direction, Kimmoun
 * et al., Crit Care 2015 review: reduced pressor response to catecholamines in acidosis, mainly below pH 7.2;
 * dog data (Calif Med 1958) less response at pH 6.76 than at 7.27–7.34].
 *
 * Fever widens the vascular bed: MAP is lowered by
 *   F(T) = k_F·max(0, T − T_F)   (T core temperature, T_F = 37 °C)
 * [E: a hypothesis; its check is Schortgen et al., AJRCCM 2012: cooling febrile septic shock to normothermia halved
 * the vasopressor dose at 12 h in 54 % of patients vs 20 % without cooling].
 */
export interface AcidaemiaResponseParams {
  fullResponsePh: number;
  floorPh: number;
  minResponse: number;
}

export interface FeverToneParams {
  threshold: number;
  depressionPerKelvin: number;
}

/** r(pH): the share of the norepinephrine effect left at an arterial pH (1 without acidaemia). */
export function acidaemiaResponse(p: AcidaemiaResponseParams, ph: number): number {
  const x = Math.min(Math.max((p.fullResponsePh - ph) / (p.fullResponsePh - p.floorPh), 0), 1);
  return 1 - (1 - p.minResponse) * x * x * (3 - 2 * x);
}

/** F(T): MAP lost to fever's vasodilation, mmHg. */
export function feverVasodilation_mmHg(p: FeverToneParams, temperature_C: number): number {
  return p.depressionPerKelvin * Math.max(0, temperature_C - p.threshold);
}
