/**
 * Plasma free hemoglobin from the centrifugal pump (docs/models/circuit-hydraulics.md, "Hemolysis and air").
 *
 * The pump's normalized index of hemolysis NIH₀ (g per 100 L pumped) is measured at one operating point (N₀, Q₀).
 * Away from it the power law of Giersiepen (1990), HI = C·t^α·τ^β, scales the damage per volume pumped, with the
 * exposure time t ∝ V_pump/Q and a representative shear τ ∝ N [E]:
 *   G_pump = NIH₀·Q·(Q₀/Q)^α·(N/N₀)^β · (1 + k_s·max(0, −P_in − P_th)/100 mmHg)
 * the last factor the hypothesis that suction past P_th at the pump inlet adds hemolysis [E].
 * Clearance is first order, with endogenous production holding the baseline:
 *   dA/dt = G_pump + k·C₀·V₀ − k·A,   k = ln 2 / t½,   C = A / V_plasma
 */

export interface PumpHemolysis {
  /** NIH₀ in mg of free Hb per litre of blood pumped (g/100 L × 10). */
  index_mg_L: number;
  referenceSpeed_rpm: number;
  referenceFlow_mL_min: number;
  exposureExponent: number;
  stressExponent: number;
  suctionThreshold_mmHg: number;
  suctionFactor: number;
}

/** Free hemoglobin released by the pump, mg/h, at speed N (rpm), flow Q (mL/min) and inlet pressure P (mmHg). */
export function pumpHemolysis_mg_h(h: PumpHemolysis, speed_rpm: number, flow_mL_min: number, inlet_mmHg: number): number {
  if (!(flow_mL_min > 0) || !(speed_rpm > 0)) return 0;
  const exposure = (h.referenceFlow_mL_min / flow_mL_min) ** h.exposureExponent;
  const stress = (speed_rpm / h.referenceSpeed_rpm) ** h.stressExponent;
  const suction = 1 + (h.suctionFactor * Math.max(0, -inlet_mmHg - h.suctionThreshold_mmHg)) / 100;
  return h.index_mg_L * (flow_mL_min * 0.06) * exposure * stress * suction; // mL/min → L/h: × 0.06
}

/** The share of the pump's hemolysis that inlet suction adds (0 above the threshold). */
export function suctionShare(h: PumpHemolysis, inlet_mmHg: number): number {
  const extra = (h.suctionFactor * Math.max(0, -inlet_mmHg - h.suctionThreshold_mmHg)) / 100;
  return extra / (1 + extra);
}

/** First-order elimination constant, 1/h, from the half-life. */
export const freeHbElimination_1_h = (halfLife_h: number): number => Math.LN2 / halfLife_h;
