/**
 * The hemodynamic response, algebraic in the slow state but for the vessel wall's vasoplegia V (below): the reflexes
 * settle within minutes, and norepinephrine's half-life is 2–7 min [S: Beloeil, BJA 2005], so its effect follows the
 * infusion at once.
 *
 *   MAP = T − V(t) − F(T_core) + ΔE0·h + r(pH)·Emax'·NE/(ED50' + NE),  V → Dmax·IL6ⁿ/(IC50ⁿ + IL6ⁿ) + V_D·M(t)
 *         [E: vasoplegia V, a calibrated hypothesis; S: Emax form, Oualha BJCP 2014]
 * with r(pH) the share of the norepinephrine effect acidaemia leaves and F the fever's vasodilation
 * (vasopressorResponse.ts); h the onset of hydrocortisone, which raises Emax' and E0 (hydrocortisone.ts).
 * Vasoplegia has two parts: one follows plasma IL-6, the other a pool M of filterable vasoplegic mediators
 * (solutes/vasoplegicMediators.ts: made in proportion to the sepsis drive D(t), cleared by the body with its own
 * half-life and by the filter as IL-6 is; 1 at the start) [E: hypothesis, issue 12]. The vessel wall follows them
 * with a lag: the MAP lost, V, relaxes towards the two parts' sum with time constant τ_V,
 *   dV/dt = (Dmax·IL6ⁿ/(IC50ⁿ + IL6ⁿ) + V_D·M − V)/τ_V,  V(0) at the pre-treatment IL-6 and M = 1,
 * since cytokines lower vascular tone through what they induce in it (inducible NO synthase: hyporeactivity to
 * norepinephrine hours after endotoxin, not at once) [E: τ_V, hemodynamicsSpecs.ts], so a step in plasma
 * concentration (the circuit's prime diluting both at cannulation) moves MAP over hours, not in the same minute.
 *   HR  = H + g_map·(65 − MAP) + g_NE·NE + g_inf·M(t) + g_hyp·min(max(0, 0.95 − SaO2), ΔS_max)
 *         + g_T·(T − T₀) + k_HR·H_CO2
 * the tachycardia of the septic insult follows the same pool, fading as the insult resolves and as the filter
 * removes its mediators [E: hypothesis]. Hypoxaemia's term is linear in the desaturation, as measured in isocapnic
 * progressive hypoxia [S: Slutsky & Rebuck, Am J Physiol 1978;234:H129: 0.62–1.46 bpm per % fall of SaO2], and held
 * at the desaturation those studies reached (ΔS_max, SaO2 70 %) [E]: beyond it no slope was measured, and a linear
 * term would give a deeply hypoxaemic patient's intrinsic rate (solved from the starting heart rate) near zero.
 * Fever's term g_T per kelvin above the starting temperature (patient.temperature.heartRatePerKelvin) [S2] and
 * hypercapnia's k_HR per mmHg of PaCO2 the circulation has not adapted to (hypercapnicResponse.ts) [E].
 *
 * T (intrinsic tone) and H (intrinsic rate) are the patient's own: solved so that the starting MAP and heart
 * rate are met by the starting IL-6, norepinephrine and saturation before any extracorporeal treatment.
 */
import { acidaemiaResponse, feverVasodilation_mmHg, type AcidaemiaResponseParams, type FeverToneParams } from './vasopressorResponse.js';
import { halfEffectDoseFactor, maxEffectFactor, type HydrocortisoneEffectParams } from './hydrocortisone.js';
import { ParameterPower } from '../../model/parameterPower.js';
import type { HypercapniaParams } from './hypercapnicResponse.js';

export interface HemodynamicParams {
  acidaemia: AcidaemiaResponseParams;
  fever: FeverToneParams;
  hydrocortisone: HydrocortisoneEffectParams;
  vasoplegia: { maxDepression: number; il6HalfEffect: number; hill: number; driveDepression: number; onsetTime: number };
  norepinephrine: { maxEffect: number; halfEffectDose: number };
  heartRate: { mapGain: number; norepinephrineGain: number; inflammationGain: number; hypoxemiaGain: number };
  hypercapnia: HypercapniaParams;
}

/** Where neither condition acts: normal pH and temperature (the defaults of callers that give neither). */
const NEUTRAL_PH = 7.4;
const NEUTRAL_TEMPERATURE_C = 37;

/** The MAP the baroreflex term refers to, mmHg (the usual target) [S: reference-data.md §7]. */
export const REFERENCE_MAP_mmHg = 65;
/** Arterial saturation below which hypoxemia drives the heart rate [E: lower bound of normal SaO2, 95 %]. */
const SATURATION_REFERENCE = 0.95;
/**
 * ΔS_max: the desaturation below 0.95 past which hypoxemia's tachycardia grows no further [E: the isocapnic
 * progressive-hypoxia studies that measured the slope took SaO2 down to ~70–75 % (Slutsky & Rebuck 1978; Respiration
 * 1989;55:1, 72 → 89.5 bpm); held at their lowest, 70 %].
 */
export const MAX_HYPOXEMIC_DESATURATION = 0.25;

/** IC50ⁿ: the same through a run, taken once (ParameterPower) rather than at every evaluation. */
const halfEffectPower = new ParameterPower();

/** MAP lost to vasoplegia, mmHg: the IL-6 part plus the part that follows the mediator pool M (1 at the start). */
export function vasoplegia_mmHg(p: HemodynamicParams, il6_pg_mL: number, mediators: number): number {
  const v = p.vasoplegia;
  const x = Math.max(il6_pg_mL, 0) ** v.hill;
  return (v.maxDepression * x) / (halfEffectPower.of(v.il6HalfEffect, v.hill) + x) + v.driveDepression * mediators;
}

/** dV/dt, mmHg/h: the vessel wall's vasoplegia V relaxing towards what IL-6 and the mediators now ask, with τ_V. */
export function vasoplegiaRate_mmHg_h(p: HemodynamicParams, il6_pg_mL: number, mediators: number, vasoplegiaNow_mmHg: number): number {
  return (vasoplegia_mmHg(p, il6_pg_mL, mediators) - vasoplegiaNow_mmHg) / p.vasoplegia.onsetTime;
}

/** The norepinephrine effect, mmHg, at hydrocortisone's onset h (0: none given). */
export function norepinephrineEffect_mmHg(p: HemodynamicParams, dose_ug_kg_min: number, hydrocortisone = 0): number {
  const d = Math.max(dose_ug_kg_min, 0);
  const emax = p.norepinephrine.maxEffect * maxEffectFactor(p.hydrocortisone, hydrocortisone);
  return (emax * d) / (p.norepinephrine.halfEffectDose * halfEffectDoseFactor(p.hydrocortisone, hydrocortisone) + d);
}

/**
 * MAP, mmHg, with the vessel wall's vasoplegia `vasoplegia` (mmHg, V above), at arterial pH `ph`, core temperature
 * `temperature_C` (neutral when not given) and hydrocortisone's onset `hydrocortisone` (0 when not given). Explicit
 * parameters, not a rest tuple: the right-hand side calls it at every evaluation, allocation-free.
 */
export function mapAtVasoplegia_mmHg(
  p: HemodynamicParams,
  intrinsicTone_mmHg: number,
  vasoplegia: number,
  dose_ug_kg_min: number,
  ph = NEUTRAL_PH,
  temperature_C = NEUTRAL_TEMPERATURE_C,
  hydrocortisone = 0,
): number {
  const pressor = acidaemiaResponse(p.acidaemia, ph) * norepinephrineEffect_mmHg(p, dose_ug_kg_min, hydrocortisone);
  const steroidTone = p.hydrocortisone.toneRise * hydrocortisone;
  return intrinsicTone_mmHg - vasoplegia - feverVasodilation_mmHg(p.fever, temperature_C) + steroidTone + pressor;
}

/** What MAP reads besides the tone and vasoplegia: mapAtVasoplegia_mmHg's dose, pH, temperature and hydrocortisone. */
type PressorConditions = Parameters<typeof mapAtVasoplegia_mmHg> extends [HemodynamicParams, number, number, ...infer Rest] ? Rest : never;

/** MAP, mmHg, once the vessel wall has settled to IL-6 `il6_pg_mL` and the mediators `mediators` (V at its target). */
export function meanArterialPressure_mmHg(
  p: HemodynamicParams,
  intrinsicTone_mmHg: number,
  il6_pg_mL: number,
  mediators: number,
  ...conditions: PressorConditions
): number {
  return mapAtVasoplegia_mmHg(p, intrinsicTone_mmHg, vasoplegia_mmHg(p, il6_pg_mL, mediators), ...conditions);
}

/** What the heart rate reads besides the intrinsic rate. */
export interface HeartRateInputs {
  map_mmHg: number;
  dose_ug_kg_min: number;
  /** The filterable mediator pool M (1 at the start). */
  mediators: number;
  sao2: number;
  /** Core temperature less the starting temperature, K (0 at the start). */
  temperatureRise_K: number;
  /** H_CO2: PaCO2 the circulation has not adapted to, mmHg (hypercapnicResponse.ts; 0 at the start). */
  unadaptedPaco2_mmHg: number;
}

/** Hypoxemia's tachycardia, bpm: linear below 0.95, held at ΔS_max (MAX_HYPOXEMIC_DESATURATION). */
export function hypoxemicTachycardia_bpm(hypoxemiaGain: number, sao2: number): number {
  const desaturation = Math.max(0, SATURATION_REFERENCE - sao2);
  return hypoxemiaGain * (desaturation < MAX_HYPOXEMIC_DESATURATION ? desaturation : MAX_HYPOXEMIC_DESATURATION);
}

/** One term of the heart rate above the intrinsic rate, bpm, at inputs `x` and fever's gain g_T (bpm/K). */
type HeartRateTerm = (p: HemodynamicParams, x: HeartRateInputs, feverGain_bpm_K: number) => number;

/** The heart rate's terms, by name (the parts heartRateParts.ts reports). */
export type HeartRateTermName = 'baroreflex' | 'norepinephrine' | 'mediators' | 'hypoxaemia' | 'fever' | 'hypercapnia';

/**
 * The six terms of HR above the intrinsic rate (the equation above), each defined once: heartRate_bpm adds them,
 * heartRateParts.ts reads them one by one.
 */
export const HEART_RATE_TERMS: Readonly<Record<HeartRateTermName, HeartRateTerm>> = {
  baroreflex: (p, x) => p.heartRate.mapGain * (REFERENCE_MAP_mmHg - x.map_mmHg),
  norepinephrine: (p, x) => p.heartRate.norepinephrineGain * x.dose_ug_kg_min,
  mediators: (p, x) => p.heartRate.inflammationGain * x.mediators,
  hypoxaemia: (p, x) => hypoxemicTachycardia_bpm(p.heartRate.hypoxemiaGain, x.sao2),
  fever: (_p, x, feverGain_bpm_K) => feverGain_bpm_K * x.temperatureRise_K,
  hypercapnia: (p, x) => p.hypercapnia.heartRateGain * x.unadaptedPaco2_mmHg,
};

/**
 * HR, bpm: the intrinsic rate and the six terms (HEART_RATE_TERMS), fever's at g_T (`feverGain_bpm_K`, the patient's
 * patient.temperature.heartRatePerKelvin) and hypercapnia's at k_HR (p.hypercapnia.heartRateGain): the equation above.
 */
export function heartRate_bpm(p: HemodynamicParams, intrinsicRate_bpm: number, x: HeartRateInputs, feverGain_bpm_K: number): number {
  const t = HEART_RATE_TERMS;
  const drive =
    t.baroreflex(p, x, feverGain_bpm_K) + t.norepinephrine(p, x, feverGain_bpm_K) + t.mediators(p, x, feverGain_bpm_K) + t.hypoxaemia(p, x, feverGain_bpm_K);
  return intrinsicRate_bpm + drive + t.fever(p, x, feverGain_bpm_K) + t.hypercapnia(p, x, feverGain_bpm_K);
}

/**
 * The heart rate's inputs at the pre-treatment baseline: the starting MAP, dose and saturation, the mediator pool at
 * 1, no temperature rise and no unadapted PaCO2 (the intrinsic rate is solved here; heartRateParts.ts measures from it).
 */
export function baselineHeartRateInputs(start: { map_mmHg: number; norepinephrine_ug_kg_min: number; sao2: number }): HeartRateInputs {
  return {
    map_mmHg: start.map_mmHg,
    dose_ug_kg_min: start.norepinephrine_ug_kg_min,
    mediators: 1,
    sao2: start.sao2,
    temperatureRise_K: 0,
    unadaptedPaco2_mmHg: 0,
  };
}

/** T and H that reproduce the starting MAP and heart rate. */
export function intrinsicState(
  p: HemodynamicParams,
  start: { map_mmHg: number; heartRate_bpm: number; il6_pg_mL: number; norepinephrine_ug_kg_min: number; sao2: number; ph?: number; temperature_C?: number },
): { tone_mmHg: number; rate_bpm: number } {
  const withoutTone = meanArterialPressure_mmHg(p, 0, start.il6_pg_mL, 1, start.norepinephrine_ug_kg_min, start.ph, start.temperature_C);
  return {
    tone_mmHg: start.map_mmHg - withoutTone,
    // fever's and hypercapnia's terms are 0 at the baseline, whatever their gains
    rate_bpm: start.heartRate_bpm - heartRate_bpm(p, 0, baselineHeartRateInputs(start), 0),
  };
}
