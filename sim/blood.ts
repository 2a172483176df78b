/** Blood properties shared by the circuit, the filter and gas exchange. */

/** Mean corpuscular hemoglobin concentration, g/dL of red cells [S2: normal MCHC 32–36 g/dL]. */
export const MCHC_g_dL = 33;

/** Hemoglobin (g/dL) from hematocrit (fraction): Hb = Hct × MCHC. */
export function hemoglobin_g_dL(hematocrit: number): number {
  return hematocrit * MCHC_g_dL;
}

/**
 * The temperature the plasma viscosity is given at (°C): body temperature, and the clinical laboratories' standard
 * of measurement for plasma viscosity.
 */
export const VISCOSITY_REFERENCE_TEMPERATURE_C = 37;

/** Water's viscosity (mPa·s) at a temperature (°C), Vogel's equation: 0.02414 · 10^(247.8 / (T − 140)), T in K [S]. */
export function waterViscosity_mPa_s(temperature_C: number): number {
  return 0.02414 * 10 ** (247.8 / (temperature_C + 273.15 - 140));
}

/** Water's viscosity at the reference temperature (mPa·s), computed once. */
const WATER_AT_REFERENCE_mPa_s = waterViscosity_mPa_s(VISCOSITY_REFERENCE_TEMPERATURE_C);

/**
 * How much more viscous plasma is at `temperature_C` than at 37 °C: water's ratio, μ_w(T) / μ_w(37 °C).
 * Plasma is water with proteins, and its viscosity varies with temperature as water's does [S: Quemada's review,
 * CISM 1983, after Cokelet 1972; Lowe & Barbenel: plasma viscosity depends principally on its proteins and the
 * temperature]. Exactly 1 at 37 °C.
 */
export function plasmaTemperatureFactor(temperature_C: number): number {
  return waterViscosity_mPa_s(temperature_C) / WATER_AT_REFERENCE_mPa_s;
}

/**
 * Whole-blood viscosity (mPa·s) from hematocrit and temperature:
 *   μ = μ_plasma(37 °C) · μ_w(T)/μ_w(37 °C) · exp(k·Hct)
 * The hematocrit term [E: gives ~3 mPa·s at Hct 40 % with μ_plasma 1.2 mPa·s and k 2.3, reference-data.md §6]; the
 * temperature term scales plasma as water (plasmaTemperatureFactor) and leaves the red cells' multiplier exp(k·Hct)
 * unchanged, as at high shear between ~20 and 42 °C [H: blood's rise outruns plasma's only below ~15–20 °C, Eckmann
 * 2000, Virgilio 1964]. Shear-thinning is left out (high-shear circuit flow).
 */
export function bloodViscosity_mPa_s(hematocrit: number, plasmaViscosity_mPa_s: number, hematocritFactor: number, temperature_C: number): number {
  return plasmaViscosity_mPa_s * plasmaTemperatureFactor(temperature_C) * Math.exp(hematocritFactor * hematocrit);
}

/** Oxygen content per mL of blood bound to hemoglobin: 1.34 mL O2 per g Hb (Hüfner, as used clinically) [S]. */
export function boundOxygen_mL_per_mL(hb_g_dL: number, saturation: number): number {
  return 1.34 * (hb_g_dL / 100) * saturation;
}
