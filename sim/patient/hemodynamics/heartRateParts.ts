/**
 * The heart rate's change from the pre-treatment baseline split into the terms of heartRate_bpm (hemodynamics.ts):
 * the baroreflex g_map·(MAP₀ − MAP), norepinephrine g_NE·(NE − NE₀), the mediators g_inf·(M − 1), hypoxaemia (its
 * held linear term at SaO2 against the pre-treatment saturation), fever g_T·(T − T₀) and hypercapnia k_HR·H. The
 * intrinsic rate cancels, so the terms add up to the change; `left` is what they leave of it (0 to rounding: a check).
 * Read by scripts/heartRateParts.ts (hemodynamics.md, "Where the heart rate's fall comes from").
 */
import { hypoxemicTachycardia_bpm, type HemodynamicParams } from './hemodynamics.js';
import { preTreatmentSaturation } from '../gasExchange/preTreatment.js';
import type { Scenario } from '../../scenario/resolve.js';

/** The pre-treatment baseline the intrinsic rate was solved at. */
export interface HeartRateBaseline {
  map_mmHg: number;
  heartRate_bpm: number;
  norepinephrine_ug_kg_min: number;
  /** Arterial saturation before any extracorporeal treatment (fraction). */
  sao2: number;
  temperature_C: number;
}

/** The scenario's pre-treatment baseline (the native lung's saturation before any extracorporeal treatment). */
export function heartRateBaseline(s: Scenario): HeartRateBaseline {
  const h = s.patient.hemodynamics;
  return {
    map_mmHg: h.map,
    heartRate_bpm: h.heartRate,
    norepinephrine_ug_kg_min: h.norepinephrine,
    sao2: preTreatmentSaturation(s),
    temperature_C: s.patient.temperature.start,
  };
}

/** The series a sample needs, by their output names. */
export const HEART_RATE_SERIES = [
  'heart_rate_bpm',
  'map_mmHg',
  'norepinephrine_ug_kg_min',
  'vasoplegic_mediators',
  'sao2_pct',
  'temperature_C',
  'unadapted_paco2_mmHg',
] as const;

/** One output sample, as the series name them. */
export interface HeartRateSample {
  heart_rate_bpm: number;
  map_mmHg: number;
  norepinephrine_ug_kg_min: number;
  vasoplegic_mediators: number;
  sao2_pct: number;
  temperature_C: number;
  unadapted_paco2_mmHg: number;
}

export interface HeartRateParts {
  change: number;
  baroreflex: number;
  norepinephrine: number;
  mediators: number;
  hypoxaemia: number;
  fever: number;
  hypercapnia: number;
  left: number;
}

/** Sample i of a run's series. */
export function heartRateSample(series: Readonly<Record<string, ArrayLike<number>>>, i: number): HeartRateSample {
  return Object.fromEntries(HEART_RATE_SERIES.map((k) => [k, series[k][i]])) as unknown as HeartRateSample;
}

/** The change from `start` to sample `x` and its parts, bpm, at fever's gain `feverGain_bpm_K` (g_T). */
export function heartRateParts(p: HemodynamicParams, feverGain_bpm_K: number, start: HeartRateBaseline, x: HeartRateSample): HeartRateParts {
  const g = p.heartRate;
  const baroreflex = g.mapGain * (start.map_mmHg - x.map_mmHg);
  const norepinephrine = g.norepinephrineGain * (x.norepinephrine_ug_kg_min - start.norepinephrine_ug_kg_min);
  const mediators = g.inflammationGain * (x.vasoplegic_mediators - 1);
  const hypoxaemia = hypoxemicTachycardia_bpm(g.hypoxemiaGain, x.sao2_pct / 100) - hypoxemicTachycardia_bpm(g.hypoxemiaGain, start.sao2);
  const fever = feverGain_bpm_K * (x.temperature_C - start.temperature_C);
  const hypercapnia = p.hypercapnia.heartRateGain * x.unadapted_paco2_mmHg;
  const change = x.heart_rate_bpm - start.heartRate_bpm;
  const left = change - (baroreflex + norepinephrine + mediators + hypoxaemia + fever + hypercapnia);
  return { change, baroreflex, norepinephrine, mediators, hypoxaemia, fever, hypercapnia, left };
}
