/**
 * SOFA (Sequential Organ Failure Assessment) [S: Vincent, Intensive Care Med 1996]. Four sub-scores are modelled
 * from the state; the other two (liver, CNS) are carried from baseline as one number:
 *   cardiovascular  0 MAP ≥ 70 without vasopressors; 1 MAP < 70; 3 norepinephrine ≤ 0.1; 4 > 0.1 µg/kg/min
 *                   (dopamine and dobutamine, the 2-point criteria, are not modelled)
 *   respiratory     PaO2/FiO2 ≥ 400 → 0; < 400 → 1; < 300 → 2; < 200 → 3; < 100 → 4 (ventilated patients), FiO2 the
 *                   ventilator's as the FiO2 protocol sets it (gasExchange/ventilation.ts)
 *   coagulation     platelets ≥ 150 → 0; < 150 → 1; < 100 → 2; < 50 → 3; < 20 × 10⁹/L → 4
 *   renal           the worse of creatinine < 1.2 → 0; 1.2–1.9 → 1; 2.0–3.4 → 2; 3.5–4.9 → 3; ≥ 5.0 mg/dL → 4
 *                   and urine output < 500 mL/day → 3; < 200 mL/day → 4 (the day's urine taken as the rate now × 24 h).
 *                   On renal replacement the score is as measured (the native kidney's urine and the creatinine the
 *                   filter leaves): the 1996 criteria name no rule for it (docs/models/sofa.md says why).
 */
export interface SofaInputs {
  map_mmHg: number;
  norepinephrine_ug_kg_min: number;
  pao2_mmHg: number;
  fio2: number;
  creatinine_mg_dL: number;
  urine_mL_day: number;
  platelets_per_nL: number;
  otherPoints: number;
}

export interface Sofa {
  cardiovascular: number;
  respiratory: number;
  renal: number;
  coagulation: number;
  other: number;
  total: number;
}

export function cardiovascularSofa(map_mmHg: number, norepinephrine_ug_kg_min: number): number {
  if (norepinephrine_ug_kg_min > 0.1) return 4;
  if (norepinephrine_ug_kg_min > 0) return 3;
  return map_mmHg < 70 ? 1 : 0;
}

export function respiratorySofa(pao2_mmHg: number, fio2: number): number {
  const ratio = pao2_mmHg / fio2;
  return ratio < 100 ? 4 : ratio < 200 ? 3 : ratio < 300 ? 2 : ratio < 400 ? 1 : 0;
}

export function creatinineSofa(creatinine_mg_dL: number): number {
  const c = creatinine_mg_dL;
  return c >= 5 ? 4 : c >= 3.5 ? 3 : c >= 2 ? 2 : c >= 1.2 ? 1 : 0;
}

export function urineSofa(urine_mL_day: number): number {
  return urine_mL_day < 200 ? 4 : urine_mL_day < 500 ? 3 : 0;
}

/** The coagulation sub-score from the platelet count (10⁹/L). */
export function coagulationSofa(platelets_per_nL: number): number {
  const p = platelets_per_nL;
  return p < 20 ? 4 : p < 50 ? 3 : p < 100 ? 2 : p < 150 ? 1 : 0;
}

/** The renal sub-score: the worse of its creatinine and urine-output criteria. */
export function renalSofa(creatinine_mg_dL: number, urine_mL_day: number): number {
  return Math.max(creatinineSofa(creatinine_mg_dL), urineSofa(urine_mL_day));
}

export function sofa(i: SofaInputs): Sofa {
  const cardiovascular = cardiovascularSofa(i.map_mmHg, i.norepinephrine_ug_kg_min);
  const respiratory = respiratorySofa(i.pao2_mmHg, i.fio2);
  const renal = renalSofa(i.creatinine_mg_dL, i.urine_mL_day);
  const coagulation = coagulationSofa(i.platelets_per_nL);
  return { cardiovascular, respiratory, renal, coagulation, other: i.otherPoints, total: cardiovascular + respiratory + renal + coagulation + i.otherPoints };
}
