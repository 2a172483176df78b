/**
 * The vein bleeding back through a catheter lumen whose line has come off its hub (the filter limb's return on its own
 * dialysis catheter, circuit.filterLimb.returnDisconnected): the lumen's viscous loss and the hub's exit in series,
 * driven by the venous pressure P at the tip [S: Poiseuille and the orifice relation, fluid-mechanics texts]:
 *   P = a·Q + b·Q²,   a = 128·μ·L/(π·d⁴) (tube.ts),   b = ρ/(2·(C_d·A)²) (the exit at the lumen's bore)
 *   Q = 2P/(a + √(a² + 4·b·P))                           (the positive root, written without cancellation)
 * The orifice alone (bloodLoss/orifice.ts) would ignore the lumen: at 10 mmHg through a 2.3 mm lumen 20 cm long it
 * gives ~4 times the flow the lumen lets through.
 */
import { tubeLossCoefficients, type TubeGeometry } from '../tube.js';

/** Blood out of an open lumen at pressure P (mmHg above the air) at its tip, in mL/h; 0 when P ≤ 0. */
export function openLumenBleed_mL_h(
  lumen: TubeGeometry,
  viscosity_mPa_s: number,
  density_kg_m3: number,
  dischargeCoefficient: number,
  pressure_mmHg: number,
): number {
  if (!(pressure_mmHg > 0)) return 0;
  const c = tubeLossCoefficients(lumen, viscosity_mPa_s, density_kg_m3, 1 / (dischargeCoefficient * dischargeCoefficient), 0);
  return (60 * 2 * pressure_mmHg) / (c.viscous + Math.sqrt(c.viscous * c.viscous + 4 * c.inertial * pressure_mmHg));
}
