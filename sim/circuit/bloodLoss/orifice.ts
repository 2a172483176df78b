/**
 * Blood through an opening (Torricelli/Bernoulli orifice flow with a discharge coefficient) [S: any fluid-mechanics
 * text; the same relation the air model uses for air, sim/circuit/air/airEntrainment.ts]:
 *   Q = C_d · (π d²/4) · √(2 ΔP / ρ_blood),   ΔP = max(0, P_inside − P_outside) (mmHg)
 * Blood at 1 mm and 100 mmHg: v = √(2·13 332 Pa / 1060 kg/m³) = 5.0 m/s, Q ≈ 0.61·0.785 mm²·5.0 m/s ≈ 2.4 mL/s.
 */
const PA_PER_mmHg = 133.322;
const mL_h_PER_m3_s = 1e6 * 3600;

/** Blood leaving an opening of diameter d (mm) at a pressure P (mmHg above the outside), in mL/h. */
export function orificeBloodFlow_mL_h(diameter_mm: number, dischargeCoefficient: number, pressure_mmHg: number, density_kg_m3: number): number {
  if (!(pressure_mmHg > 0) || !(diameter_mm > 0)) return 0;
  const area_m2 = (Math.PI / 4) * (diameter_mm * 1e-3) ** 2;
  return dischargeCoefficient * area_m2 * Math.sqrt((2 * pressure_mmHg * PA_PER_mmHg) / density_kg_m3) * mL_h_PER_m3_s;
}
