/**
 * The right ventricle's afterload from CO2 (a hypothesis): hypercapnia constricts the pulmonary vessels, the right
 * ventricle's systolic pressure rises with them, and a septic right ventricle ejects less against it, so the cardiac
 * function curve (venousReturn.ts) moves down; VV ECMO's CO2 removal moves it back up. Two links:
 *   ΔP_RV = g_CO2·H   (H the unadapted PaCO2)            [S: Balanos, J Appl Physiol 2003: 0.6–1 mmHg of
 *                                                           tricuspid systolic gradient per mmHg of end-tidal PCO2,
 *                                                           healthy volunteers, 4 h of ±10 mmHg]
 *   δCO   = −f_RV·CO₀·ΔP_RV                              [E: the output an afterload-sensitive right ventricle
 *                                                           loses per mmHg; no published septic figure]
 * δCO shifts the cardiac function curve's intercept: CO_heart = CO₀ + δCO + S·(CVP − CVP₀). The PaCO2 it reads is the
 * part the circulation has not adapted to, H = PaCO2 − A (hypercapnicResponse.ts; A starts at the patient's own PaCO2
 * before treatment), so the starting numbers are met with δCO = 0 and a PaCO2 that stays where it moved stops loading
 * the ventricle as A follows it. Its MAP is not moved: CO2 moves flow, not pressure (part.ts). The curve's intercept
 * cannot fall below 0 (a heart ejects nothing, never less): at f_RV 0.02 that is a rise of 50 mmHg in RV pressure,
 * which no PaCO2 in this model reaches.
 */
export interface RightHeartParams {
  /** g_CO2: mmHg of right-ventricular systolic pressure per mmHg of PaCO2. */
  co2PressureSensitivity: number;
  /** f_RV: fraction of the starting cardiac output lost per mmHg of right-ventricular systolic pressure, 1/mmHg. */
  afterloadSensitivity: number;
}

/** ΔP_RV: change of right-ventricular systolic pressure, mmHg, for the PaCO2 the circulation has not adapted to, H. */
export function rightVentricularPressureChange_mmHg(p: RightHeartParams, unadaptedPaco2_mmHg: number): number {
  return p.co2PressureSensitivity * unadaptedPaco2_mmHg;
}

/** δCO: the shift of the cardiac function curve from the right ventricle's afterload, L/min (≥ −CO₀). */
export function afterloadOutputShift_L_min(p: RightHeartParams, cardiacOutput0_L_min: number, rvPressureChange_mmHg: number): number {
  return Math.max(-p.afterloadSensitivity * rvPressureChange_mmHg, -1) * cardiacOutput0_L_min;
}
