/**
 * Recirculation in veno-venous ECMO: the fraction of returned blood drained again before it reaches the patient.
 *   R = Q_ret / (Q_ret + k·CO·exp((d − d_ref)/λ))
 * R rises with ECMO flow and falls with cardiac output and with the distance between the cannula tips
 * [S: reference-data.md §6 for the directions; E for the form and k, which gives ~15 % at 4 L/min with CO 7 L/min].
 */
import type { Flow } from '../quantities.js';

export interface RecirculationParams {
  flowCoefficient: number;
  tipDistance_mm: number;
  referenceDistance_mm: number;
  distanceScale_mm: number;
}

export function recirculationFraction(p: RecirculationParams, returnFlow_mL_min: Flow<'mL/min'>, cardiacOutput_mL_min: Flow<'mL/min'>): number {
  if (returnFlow_mL_min <= 0) return 0;
  const spread = p.flowCoefficient * cardiacOutput_mL_min * Math.exp((p.tipDistance_mm - p.referenceDistance_mm) / p.distanceScale_mm);
  return returnFlow_mL_min / (returnFlow_mL_min + spread);
}
