/**
 * Air entering the negative-pressure (pre-pump) segment through an opening, and what trapped air does to the
 * centrifugal pump (docs/models/circuit-hydraulics.md, "Hemolysis and air").
 *
 * Orifice flow of air (incompressible form, Bernoulli with a discharge coefficient) [S: any fluid-mechanics text;
 * the incompressible form overstates flow by under 10 % below ~150 mmHg of suction, where the air speed stays
 * under Mach 0.4]:
 *   Q_air = C_d · (π d²/4) · √(2 ΔP / ρ_air),   ΔP = max(0, −P_opening)  (mmHg below atmosphere)
 * The pump head's factor with trapped air V (a Hill form through the half-head volume V½) [E, hypothesis]:
 *   f(V) = 1 / (1 + (V / V½)^n)
 */

/** Density of air at room temperature, kg/m³ [S: 1.20 kg/m³ at 20 °C, 1 atm]. */
export const AIR_DENSITY_kg_m3 = 1.2;
const PA_PER_mmHg = 133.322;
const mL_h_PER_m3_s = 1e6 * 3600;

/** Air drawn through an opening of diameter d (mm) by a pressure P (mmHg, relative to atmosphere), in mL/h. */
export function airEntrainment_mL_h(diameter_mm: number, dischargeCoefficient: number, pressure_mmHg: number): number {
  if (!(pressure_mmHg < 0) || !(diameter_mm > 0)) return 0;
  const area_m2 = (Math.PI / 4) * (diameter_mm * 1e-3) ** 2;
  const speed_m_s = Math.sqrt((2 * -pressure_mmHg * PA_PER_mmHg) / AIR_DENSITY_kg_m3);
  return dischargeCoefficient * area_m2 * speed_m_s * mL_h_PER_m3_s;
}

/**
 * Openings at one pressure act as one whose area is their sum (each orifice's flow ∝ d² at the same ΔP): the
 * equivalent diameter √(d₁² + d₂² + d₃²) (mm).
 */
export function equivalentOpening_mm(a_mm: number, b_mm: number, c_mm: number): number {
  return Math.hypot(a_mm, b_mm, c_mm);
}

/** The pump head's factor with V mL of air trapped in it: 1 without air, ½ at V½, towards 0 as air fills it. */
export function pumpHeadFactor(air_mL: number, halfHeadVolume_mL: number, steepness: number): number {
  if (!(air_mL > 0)) return 1;
  return 1 / (1 + (air_mL / halfHeadVolume_mL) ** steepness);
}

/**
 * Pressure at a pre-pump opening with trapped air, from the loop's solve held at the last action [E]: in a loop
 * whose losses grow with Q², the pump's head and each segment's loss scale together, so the drainage line's
 * suction below the venous pressure scales with the head's factor:
 *   P(V) = P_v − S · f(V),   S = (P_v − P_drain) / f  at the held solve (the suction at full head).
 */
export function openingPressure_mmHg(venous_mmHg: number, fullHeadSuction_mmHg: number, headFactor: number): number {
  return venous_mmHg - fullHeadSuction_mmHg * headFactor;
}

/**
 * The air volume at which the opening stops entraining: P(V*) = 0, so f(V*) = P_v / S and
 *   V* = V½ · (S/P_v − 1)^(1/n),
 * capped at the pump head's volume (with P_v ≤ 0 nothing stops the air but a full head). 0 when P(0) ≥ 0.
 */
export function equilibriumAir_mL(
  venous_mmHg: number,
  fullHeadSuction_mmHg: number,
  halfHeadVolume_mL: number,
  steepness: number,
  headVolume_mL: number,
): number {
  if (!(fullHeadSuction_mmHg > venous_mmHg)) return 0;
  if (!(venous_mmHg > 0)) return headVolume_mL;
  return Math.min(halfHeadVolume_mL * (fullHeadSuction_mmHg / venous_mmHg - 1) ** (1 / steepness), headVolume_mL);
}
