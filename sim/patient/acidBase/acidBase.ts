/**
 * Acid–base, Henderson–Hasselbalch with a buffer base that lactate shares (a Stewart-lite bookkeeping):
 *
 *   pH = 6.1 + log10(HCO3 / (0.0307·PaCO2))                    [S: Henderson–Hasselbalch, pK 6.1, CO2 solubility
 *                                                                0.0307 mmol/L/mmHg]
 *   HCO3 = X/V_b − L                                            X the buffer base (bicarbonate + lactate), mmol in the
 *                                                                bicarbonate space V_b; L lactate (mmol/L)
 *   V_b·d(X/V_b)/dt = K·(HCO3_r − HCO3) − K·L                   the filter: replacement bicarbonate in, plasma bicarbonate
 *                                                                and lactate out, K = Q_eff·SC·DF (exact for
 *                                                                pre-dilution with no net ultrafiltration)
 * Lactic acid made in the body titrates bicarbonate one for one, and lactate the liver burns regenerates it: neither
 * changes X. Only the filter does (it removes lactate, a base equivalent, and exchanges bicarbonate). The kidneys'
 * acid excretion is left out (the cohort's patients are oliguric).
 */

/** Henderson–Hasselbalch pK and CO2 solubility (mmol/L per mmHg) [S]. */
export const PK = 6.1;
export const CO2_SOLUBILITY_mmol_L_mmHg = 0.0307;

export function arterialPh(bicarbonate_mmol_L: number, paco2_mmHg: number): number {
  return PK + Math.log10(Math.max(bicarbonate_mmol_L, 1e-3) / (CO2_SOLUBILITY_mmol_L_mmHg * paco2_mmHg));
}

/** Plasma bicarbonate from the buffer base (mmol in V_b, mL) and lactate (mmol/L). */
export function bicarbonate_mmol_L(bufferBase_mmol: number, space_mL: number, lactate_mmol_L: number): number {
  return (1000 * bufferBase_mmol) / space_mL - lactate_mmol_L;
}

/** dX/dt, mmol/h: the filter's exchange at clearance K (mL/h). */
export function bufferBaseRate_mmol_h(clearance_mL_h: number, replacement_mmol_L: number, bicarbonate: number, lactate: number): number {
  return (clearance_mL_h / 1000) * (replacement_mmol_L - bicarbonate - lactate);
}
