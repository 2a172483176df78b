/**
 * Recirculation in veno-venous ECMO: the fraction of returned blood drained again before it reaches the patient.
 *   R = Q_ret / (Q_ret + c_cfg · k · CO · exp((d − d_ref)/λ))
 * R rises with ECMO flow and falls with cardiac output and with the distance between the cannula tips
 * [S: reference-data.md §6 and Fisser 2022's regression for the directions; E for the form and k, which gives ~15 %
 * at 4 L/min with CO 7 L/min]. c_cfg is the configuration's share of that spread, 1 for femoro-jugular (the
 * default, unchanged); for jugulo-femoral it is derived from Fisser et al. 2022's medians (configurationSpread).
 */
import type { Flow } from '../quantities.js';

export type CannulationConfiguration = 'femoro-jugular' | 'jugulo-femoral';
export const CONFIGURATIONS: readonly CannulationConfiguration[] = ['femoro-jugular', 'jugulo-femoral'];

export interface RecirculationParams {
  flowCoefficient: number;
  tipDistance_mm: number;
  referenceDistance_mm: number;
  distanceScale_mm: number;
  /** c_cfg: the configuration's spread relative to femoro-jugular (configurationSpread). */
  configurationSpread: number;
}

/**
 * Recirculation by configuration, ultrasound dilution, 826 measurements in a non-randomized prospective study at
 * Regensburg (femoro-jugular) and ECMO Centre Karolinska (jugulo-femoral) [S]: median Rf and median ECMO flow of
 * each group, as its abstract gives them (https://discovery.researcher.life/topic/ultrasound-dilution/3781697).
 * Cited as Fisser et al. 2022 (authors and year as recalled, not read off the abstract page).
 */
export const FISSER_2022 = {
  'femoro-jugular': { recirculation: 0.05, flow_mL_min: 3010, measurements: 595 },
  'jugulo-femoral': { recirculation: 0.19, flow_mL_min: 3570, measurements: 231 },
} as const;

/** R/(1 − R) per mL/min of flow: 1 / (the spread term), the quantity the form makes independent of flow. */
const oddsPerFlow = (g: { recirculation: number; flow_mL_min: number }) => g.recirculation / (1 - g.recirculation) / g.flow_mL_min;

/**
 * c_cfg. In the form, R/(1 − R) = Q / spread, so the spreads of two configurations stand in the inverse ratio of
 * their odds per unit flow; with Fisser 2022's medians, assuming the two groups had like cardiac outputs and tip
 * distances [E: a hypothesis; the study adjusted for distance and heart rate, not cardiac output]:
 *   c_jugulo-femoral = (odds/Q)_femoro-jugular / (odds/Q)_jugulo-femoral ≈ 0.27
 */
export function configurationSpread(c: CannulationConfiguration): number {
  return c === 'femoro-jugular' ? 1 : oddsPerFlow(FISSER_2022['femoro-jugular']) / oddsPerFlow(FISSER_2022['jugulo-femoral']);
}

export function recirculationFraction(p: RecirculationParams, returnFlow_mL_min: Flow<'mL/min'>, cardiacOutput_mL_min: Flow<'mL/min'>): number {
  if (returnFlow_mL_min <= 0) return 0;
  const spread = p.configurationSpread * p.flowCoefficient * cardiacOutput_mL_min * Math.exp((p.tipDistance_mm - p.referenceDistance_mm) / p.distanceScale_mm);
  return returnFlow_mL_min / (returnFlow_mL_min + spread);
}
