/** Blood properties shared by the circuit, the filter and gas exchange. */

/** Mean corpuscular hemoglobin concentration, g/dL of red cells [S2: normal MCHC 32–36 g/dL]. */
export const MCHC_g_dL = 33;

/** Hemoglobin (g/dL) from hematocrit (fraction): Hb = Hct × MCHC. */
export function hemoglobin_g_dL(hematocrit: number): number {
  return hematocrit * MCHC_g_dL;
}

/**
 * Whole-blood viscosity (mPa·s) from hematocrit: μ = μ_plasma · exp(k·Hct) [E: gives ~3 mPa·s at Hct 40 %
 * with μ_plasma 1.2 mPa·s and k 2.3, reference-data.md §6]. Shear-thinning is left out (high-shear circuit flow).
 */
export function bloodViscosity_mPa_s(hematocrit: number, plasmaViscosity_mPa_s: number, hematocritFactor: number): number {
  return plasmaViscosity_mPa_s * Math.exp(hematocritFactor * hematocrit);
}

/** Oxygen content per mL of blood bound to hemoglobin: 1.34 mL O2 per g Hb (Hüfner, as used clinically) [S]. */
export function boundOxygen_mL_per_mL(hb_g_dL: number, saturation: number): number {
  return 1.34 * (hb_g_dL / 100) * saturation;
}
