/**
 * Venous return and cardiac output (Guyton), so that blood volume reaches MAP. Two lines cross:
 *   venous return   CO = (Pmsf − CVP) / Rvr,   Pmsf = Pmsf0 + (V − V0)/C          [S: Guyton, Physiol Rev 1955]
 *   cardiac function  CO = CO0 + S·(CVP − CVP0)                                   [E: linearised Frank–Starling curve]
 * with Rvr = (Pmsf0 − CVP0)/CO0 from the patient's starting numbers, C the venous (systemic) compliance and S the
 * cardiac function slope. Their crossing, with ΔPmsf = (V − V0)/C:
 *   CVP = CVP0 + ΔPmsf/(1 + S·Rvr)      CO = CO0 + S·(CVP − CVP0)
 * MAP keeps its tone model (hemodynamics.ts) at the starting flow and scales with flow through the same resistance:
 *   MAP = CVP + (MAP_tone − CVP0)·CO/CO0          (MAP − CVP = CO·SVR, SVR set by tone, IL-6 and norepinephrine)
 * At the starting volume CO = CO0, CVP = CVP0 and MAP = MAP_tone: the patient's starting numbers are kept.
 */
export interface VenousReturnParams {
  /** Pmsf0 − CVP0, mmHg. */
  fillingGradient: number;
  /** S, L/min per mmHg of CVP. */
  cardiacFunctionSlope: number;
}

export interface Circulation {
  cardiacOutput_L_min: number;
  centralVenousPressure_mmHg: number;
}

/** Where the venous return and cardiac function curves cross at a blood volume; written into `out`. */
export function circulationAt(
  p: VenousReturnParams,
  start: { cardiacOutput_L_min: number; centralVenousPressure_mmHg: number; compliance_mL_mmHg: number; volume_mL: number },
  volume_mL: number,
  out: Circulation,
): Circulation {
  const resistance = p.fillingGradient / start.cardiacOutput_L_min; // mmHg·min/L
  const fillingChange = (volume_mL - start.volume_mL) / start.compliance_mL_mmHg;
  const cvpChange = fillingChange / (1 + p.cardiacFunctionSlope * resistance);
  out.centralVenousPressure_mmHg = start.centralVenousPressure_mmHg + cvpChange;
  // flow cannot reverse: a filling pressure below the atrium's stops the circulation
  out.cardiacOutput_L_min = Math.max(start.cardiacOutput_L_min + p.cardiacFunctionSlope * cvpChange, 0);
  return out;
}

/** MAP at a cardiac output: the tone model's MAP at the starting flow, scaled by flow through the same resistance. */
export function flowAdjustedMap_mmHg(toneMap_mmHg: number, cvp0_mmHg: number, c: Circulation, cardiacOutput0_L_min: number): number {
  return c.centralVenousPressure_mmHg + ((toneMap_mmHg - cvp0_mmHg) * c.cardiacOutput_L_min) / cardiacOutput0_L_min;
}
