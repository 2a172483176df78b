/**
 * The gas tension of the ultrafiltrate, as a gauge pressure: below it the effluent degasses.
 *
 * A liquid holds its dissolved gases while the pressure on it is at least the sum of their tensions plus its water
 * vapour; below that, bubbles form and grow [S2: Henry's law; Brian, "Gas exchange, partial pressure gradients and
 * the oxygen window" (total tension against ambient pressure); Varga et al., Anesth Analg 2016 (outgassing of IV
 * fluids)]. Ultrafiltrate is plasma water at the tensions of the blood it came from, which depend on where the filter
limb draws it (patient/gasExchange/accessBloodGas.ts): T = PO2 + PCO2 + PN2 + P_H2O. Blood leaving the oxygenator
 * carries the post-oxygenator PO2 and PCO2 (postOxygenator.ts, gas exchange) and nitrogen at the sweep gas's share,
 * its N2 equilibrating across the membrane as its O2 does [S2: perfusiontheory.com, Oxygen Pressure Field Theory
 * part 3 (a sweep of 100 % O2 strips N2 from blood and bubbles; 40 % leaves ~54 % N2); E: full equilibration]:
 *   T = PO2_post + PCO2_post + (1 − FiO2)·(P_b − P_H2O) + P_H2O,   degassing below  P_effluent = T − P_b  (gauge)
 * with P_b = 760 mmHg and P_H2O = 47 mmHg at 37 °C [S: standard tables]. With the oxygenator close to equilibrium
 * T ≈ P_b whatever the FiO2 (O2 and N2 both come from the sweep), so any sub-atmospheric effluent pressure degasses.
 */

/** Barometric pressure at sea level (mmHg). */
export const BAROMETRIC_mmHg = 760;
/** Water vapour pressure at 37 °C (mmHg). */
export const WATER_VAPOUR_37C_mmHg = 47;

/** T − P_b: the gauge pressure below which ultrafiltrate at these gas tensions degasses (mmHg). */
export function degassingPressure_mmHg(g: { po2_mmHg: number; pco2_mmHg: number; n2_mmHg: number }): number {
  return g.po2_mmHg + g.pco2_mmHg + g.n2_mmHg + WATER_VAPOUR_37C_mmHg - BAROMETRIC_mmHg;
}
