/**
 * Venous return and cardiac output (Guyton), so that blood volume reaches MAP. Two lines cross:
 *   venous return   CO = (Pmsf − CVP) / Rvr,   Pmsf = Pmsf0 + (V − V0)/C          [S: Guyton, Physiol Rev 1955]
 *   cardiac function  CO = CO0 + δ + S·(CVP − CVP0)                               [E: linearised Frank–Starling curve]
 * (δ: the curve's shift by CO2, the right ventricle's afterload and hypercapnia's drive, rightHeart.ts and
 * hypercapnicResponse.ts; 0 at the start) with Rvr = (Pmsf0 − CVP0)/CO0 from the patient's starting numbers, C the venous (systemic) compliance and S the
 * cardiac function slope. Their crossing, with ΔPmsf = (V − V0)/C:
 *   CVP = CVP0 + (ΔPmsf − Rvr·δ)/(1 + S·Rvr)      CO = CO0 + δ + S·(CVP − CVP0)
 * MAP keeps its tone model (hemodynamics.ts) at the starting flow and scales with flow through the same resistance:
 *   MAP = CVP + (MAP_tone − CVP0)·CO/CO0          (MAP − CVP = CO·SVR, SVR set by tone, IL-6 and norepinephrine)
 * At the starting volume CO = CO0, CVP = CVP0 and MAP = MAP_tone: the patient's starting numbers are kept.
 *
 * Where the straight lines would leave physics (a large loss of blood), three limits [S: Guyton, Physiol Rev 1955]:
 * - below its unstressed volume the circulation holds no pressure: Pmsf ≥ 0;
 * - the atrium does not fall below 0 mmHg (positive-pressure ventilation keeps the chest above it, and the great
 *   veins collapse where they enter it): once the crossing would put CVP below 0, venous return is on its plateau,
 *   CVP = 0 and the heart pumps what returns, CO = Pmsf/Rvr (continuous: at CVP = 0 both curves give it);
 * - a heart whose output reaches 0 at a positive filling pressure CVP* = CVP0 − (CO0 + δ)/S (a steep curve) stops
 *   there: below it nothing flows and every pressure is Pmsf (the definition of Pmsf).
 * So CO ≥ 0, CVP ≥ 0 and MAP ≥ 0 at any volume (test/venousReturn.test.ts).
 *
 * A heart pumping a fraction p of its curve (an arrested heart 0, chest compressions hemodynamics.compressionOutput,
 * a beating heart 1) meets venous return where (Pmsf − CVP)/Rvr = p·(CO0 + δ + S·(CVP − CVP0)):
 *   CVP = (Pmsf − Rvr·p·(CO0 + δ − S·CVP0)) / (1 + p·S·Rvr)
 * (p = 1: the crossing above). At p = 0 nothing flows and CVP = Pmsf, the pressure the circulation settles to when
 * the heart stops, which is how Pmsf is measured [S: Guyton, Physiol Rev 1955].
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

/**
 * Where the venous return and cardiac function curves cross at a blood volume; written into `out`. `heartShift_L_min`
 * (δ) moves the cardiac function curve (CO2's shifts, rightHeart.ts and hypercapnicResponse.ts); it is ≥ −CO0.
 * `pumping` (p, 0–1) scales the curve: 0 an arrested heart, hemodynamics.compressionOutput chest compressions.
 */
export function circulationAt(
  p: VenousReturnParams,
  start: { cardiacOutput_L_min: number; centralVenousPressure_mmHg: number; compliance_mL_mmHg: number; volume_mL: number },
  volume_mL: number,
  out: Circulation,
  heartShift_L_min = 0,
  pumping = 1,
): Circulation {
  const cvp0 = start.centralVenousPressure_mmHg;
  const co0 = start.cardiacOutput_L_min;
  // the heart's output at the starting filling pressure; the resistance to venous return stays the starting one
  const heart0 = pumping * (co0 + heartShift_L_min);
  const slope = pumping * p.cardiacFunctionSlope;
  const resistance = p.fillingGradient / co0; // mmHg·min/L
  const pmsf0 = cvp0 + p.fillingGradient;
  const pmsf = Math.max(pmsf0 + (volume_mL - start.volume_mL) / start.compliance_mL_mmHg, 0);
  // (Pmsf − Rvr·p·(CO0 + δ − S·CVP0))/(1 + p·S·Rvr), written from CVP0 so that p = 1 is the beating heart's expression
  const cvp = cvp0 + (pmsf - pmsf0 - resistance * pumping * heartShift_L_min + resistance * co0 * (1 - pumping)) / (1 + slope * resistance);
  // the filling pressure at which the heart's output reaches 0 (−∞ for a flat curve)
  const stops = slope > 0 ? cvp0 - heart0 / slope : -Infinity;
  if (cvp >= Math.max(stops, 0)) {
    out.centralVenousPressure_mmHg = cvp;
    out.cardiacOutput_L_min = heart0 + slope * (cvp - cvp0);
  } else if (stops > 0) {
    out.centralVenousPressure_mmHg = pmsf;
    out.cardiacOutput_L_min = 0;
  } else {
    out.centralVenousPressure_mmHg = 0;
    out.cardiacOutput_L_min = pmsf / resistance;
  }
  return out;
}

/**
 * MAP at a cardiac output: the tone model's MAP at the starting flow, scaled by flow through the same resistance.
 * A tone below the starting CVP would be a negative resistance: the resistance is taken as 0 there (MAP = CVP).
 */
export function flowAdjustedMap_mmHg(toneMap_mmHg: number, cvp0_mmHg: number, c: Circulation, cardiacOutput0_L_min: number): number {
  return c.centralVenousPressure_mmHg + (Math.max(toneMap_mmHg - cvp0_mmHg, 0) * c.cardiacOutput_L_min) / cardiacOutput0_L_min;
}
