/**
 * The hemodynamic response, algebraic in the slow state (vascular tone and heart rate settle within minutes;
 * norepinephrine's half-life is 2–7 min [S: Beloeil, BJA 2005], so its effect follows the infusion at once).
 *
 *   MAP = T − Dmax·IL6ⁿ/(IC50ⁿ + IL6ⁿ) − V_D·M(t) − F(T_core) + ΔE0·h + r(pH)·Emax'·NE/(ED50' + NE)
 *         [E: vasoplegia, a calibrated hypothesis; S: Emax form, Oualha BJCP 2014]
 * with r(pH) the share of the norepinephrine effect acidaemia leaves and F the fever's vasodilation
 * (vasopressorResponse.ts); h the onset of hydrocortisone, which raises Emax' and E0 (hydrocortisone.ts).
 * Vasoplegia has two parts: one follows plasma IL-6, the other a pool M of filterable vasoplegic mediators
 * (solutes/vasoplegicMediators.ts: made in proportion to the sepsis drive D(t), cleared by the body with its own
 * half-life and by the filter as IL-6 is; 1 at the start) [E: hypothesis, issue 12].
 *   HR  = H + g_map·(65 − MAP) + g_NE·NE + g_inf·M(t) + g_hyp·max(0, 0.95 − SaO2)               [E]
 * the tachycardia of the septic insult follows the same pool, fading as the insult resolves and as the filter
 * removes its mediators [E: hypothesis].
 *
 * T (intrinsic tone) and H (intrinsic rate) are the patient's own: solved so that the starting MAP and heart
 * rate are met by the starting IL-6, norepinephrine and saturation before any extracorporeal treatment.
 */
import { acidaemiaResponse, feverVasodilation_mmHg, type AcidaemiaResponseParams, type FeverToneParams } from './vasopressorResponse.js';
import { halfEffectDoseFactor, maxEffectFactor, type HydrocortisoneEffectParams } from './hydrocortisone.js';
import { ParameterPower } from '../../model/parameterPower.js';

export interface HemodynamicParams {
  acidaemia: AcidaemiaResponseParams;
  fever: FeverToneParams;
  hydrocortisone: HydrocortisoneEffectParams;
  vasoplegia: { maxDepression: number; il6HalfEffect: number; hill: number; driveDepression: number };
  norepinephrine: { maxEffect: number; halfEffectDose: number };
  heartRate: { mapGain: number; norepinephrineGain: number; inflammationGain: number; hypoxemiaGain: number };
}

/** Where neither condition acts: normal pH and temperature (the defaults of callers that give neither). */
const NEUTRAL_PH = 7.4;
const NEUTRAL_TEMPERATURE_C = 37;

/** The MAP the baroreflex term refers to, mmHg (the usual target) [S: reference-data.md §7]. */
export const REFERENCE_MAP_mmHg = 65;
/** Arterial saturation below which hypoxemia drives the heart rate [E: lower bound of normal SaO2, 95 %]. */
const SATURATION_REFERENCE = 0.95;

/** IC50ⁿ: the same through a run, taken once (ParameterPower) rather than at every evaluation. */
const halfEffectPower = new ParameterPower();

/** MAP lost to vasoplegia, mmHg: the IL-6 part plus the part that follows the mediator pool M (1 at the start). */
export function vasoplegia_mmHg(p: HemodynamicParams, il6_pg_mL: number, mediators: number): number {
  const v = p.vasoplegia;
  const x = Math.max(il6_pg_mL, 0) ** v.hill;
  return (v.maxDepression * x) / (halfEffectPower.of(v.il6HalfEffect, v.hill) + x) + v.driveDepression * mediators;
}

/** The norepinephrine effect, mmHg, at hydrocortisone's onset h (0: none given). */
export function norepinephrineEffect_mmHg(p: HemodynamicParams, dose_ug_kg_min: number, hydrocortisone = 0): number {
  const d = Math.max(dose_ug_kg_min, 0);
  const emax = p.norepinephrine.maxEffect * maxEffectFactor(p.hydrocortisone, hydrocortisone);
  return (emax * d) / (p.norepinephrine.halfEffectDose * halfEffectDoseFactor(p.hydrocortisone, hydrocortisone) + d);
}

/**
 * MAP, mmHg, at arterial pH `ph`, core temperature `temperature_C` (neutral when not given) and hydrocortisone's
 * onset `hydrocortisone` (0 when not given).
 */
export function meanArterialPressure_mmHg(
  p: HemodynamicParams,
  intrinsicTone_mmHg: number,
  il6_pg_mL: number,
  mediators: number,
  dose_ug_kg_min: number,
  ph = NEUTRAL_PH,
  temperature_C = NEUTRAL_TEMPERATURE_C,
  hydrocortisone = 0,
): number {
  const pressor = acidaemiaResponse(p.acidaemia, ph) * norepinephrineEffect_mmHg(p, dose_ug_kg_min, hydrocortisone);
  const steroidTone = p.hydrocortisone.toneRise * hydrocortisone;
  return intrinsicTone_mmHg - vasoplegia_mmHg(p, il6_pg_mL, mediators) - feverVasodilation_mmHg(p.fever, temperature_C) + steroidTone + pressor;
}

/** Heart rate above the patient's intrinsic rate, bpm. */
function heartRateDrive(p: HemodynamicParams, map_mmHg: number, dose_ug_kg_min: number, mediators: number, sao2: number): number {
  const h = p.heartRate;
  return (
    h.mapGain * (REFERENCE_MAP_mmHg - map_mmHg) +
    h.norepinephrineGain * dose_ug_kg_min +
    h.inflammationGain * mediators +
    h.hypoxemiaGain * Math.max(0, SATURATION_REFERENCE - sao2)
  );
}

export function heartRate_bpm(
  p: HemodynamicParams,
  intrinsicRate_bpm: number,
  map_mmHg: number,
  dose_ug_kg_min: number,
  mediators: number,
  sao2: number,
): number {
  return intrinsicRate_bpm + heartRateDrive(p, map_mmHg, dose_ug_kg_min, mediators, sao2);
}

/** T and H that reproduce the starting MAP and heart rate. */
export function intrinsicState(
  p: HemodynamicParams,
  start: { map_mmHg: number; heartRate_bpm: number; il6_pg_mL: number; norepinephrine_ug_kg_min: number; sao2: number; ph?: number; temperature_C?: number },
): { tone_mmHg: number; rate_bpm: number } {
  const withoutTone = meanArterialPressure_mmHg(p, 0, start.il6_pg_mL, 1, start.norepinephrine_ug_kg_min, start.ph, start.temperature_C);
  return {
    tone_mmHg: start.map_mmHg - withoutTone,
    rate_bpm: start.heartRate_bpm - heartRateDrive(p, start.map_mmHg, start.norepinephrine_ug_kg_min, 1, start.sao2),
  };
}
