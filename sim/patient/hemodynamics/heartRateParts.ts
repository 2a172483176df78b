/**
 * The heart rate's change from the pre-treatment baseline split into the terms of heartRate_bpm (HEART_RATE_TERMS in
 * hemodynamics.ts, each term taken at a run's sample less the same term at the baseline the intrinsic rate was
 * solved at): the baroreflex, norepinephrine, the mediators, hypoxaemia, fever and hypercapnia. The intrinsic rate
 * cancels, so the terms add up to the change; `left` is what they leave of it (0 to rounding: a check that the run's
 * heart rate, MAP, dose, pool, saturation, temperature and unadapted PaCO2 series and its baseline are the ones the
 * equation read). Read by scripts/heartRateParts.ts (hemodynamics.md, "Where the heart rate's fall comes from").
 */
import { baselineHeartRateInputs, HEART_RATE_TERMS, type HeartRateInputs, type HeartRateTermName } from './hemodynamics.js';
import { preTreatmentSaturation } from '../gasExchange/preTreatment.js';
import type { Scenario } from '../../scenario/resolve.js';

export type HeartRateParts = Record<HeartRateTermName | 'change' | 'left', number>;

/** A run as far as the parts read it: its resolved scenario and its output series. */
export interface HeartRateRun {
  scenario: Scenario;
  series: Readonly<Record<string, ArrayLike<number>>>;
}

/** The heart rate's inputs at output sample i, read back from the series (SaO2 in %, temperature from the start). */
function inputsAt(r: HeartRateRun, i: number): HeartRateInputs {
  const s = r.series;
  return {
    map_mmHg: s.map_mmHg[i],
    dose_ug_kg_min: s.norepinephrine_ug_kg_min[i],
    mediators: s.vasoplegic_mediators[i],
    sao2: s.sao2_pct[i] / 100,
    temperatureRise_K: s.temperature_C[i] - r.scenario.patient.temperature.start,
    unadaptedPaco2_mmHg: s.unadapted_paco2_mmHg[i],
  };
}

/** The change from the pre-treatment baseline to output sample i and its parts, bpm. */
export function heartRatePartsAt(r: HeartRateRun, i: number): HeartRateParts {
  const s = r.scenario;
  const h = s.patient.hemodynamics;
  const start = baselineHeartRateInputs({ map_mmHg: h.map, norepinephrine_ug_kg_min: h.norepinephrine, sao2: preTreatmentSaturation(s) });
  const now = inputsAt(r, i);
  const feverGain = s.patient.temperature.heartRatePerKelvin;
  const change = r.series.heart_rate_bpm[i] - h.heartRate;
  const parts = { change, left: change } as HeartRateParts;
  for (const name of Object.keys(HEART_RATE_TERMS) as HeartRateTermName[]) {
    const term = HEART_RATE_TERMS[name];
    parts[name] = term(s.hemodynamics, now, feverGain) - term(s.hemodynamics, start, feverGain);
    parts.left -= parts[name];
  }
  return parts;
}
