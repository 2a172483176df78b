/**
 * Shivering: the heat-producing defence of a core colder than its set point. Below a threshold δ under the set point
 * T_sp the muscles' oxygen consumption rises linearly with the shortfall, up to a ceiling:
 *
 *   VO2_shiver = min(g·max(0, T_sp − δ − T), f_max·VO2_0)
 *
 *   g       gain, 684 mL/min per K [S: volunteers' shivering gain, control day of an isoflurane study (Anesthesiology
 *           1998;88:866): −684 ± 266 mL/min/°C]
 *   δ       the threshold below the set point, 2.5 K [S2, derived: the awake shivering threshold ~1 K under the set
 *           point (36.4 ± 0.3 °C, the same study); the sedation an ICU patient receives lowers it by 1–2 K more
 *           (propofol ~0.6–0.7 °C per µg/mL; opioids, dexmedetomidine)]
 *   f_max   the most shivering adds, as a share of the resting consumption VO2_0: 1.5 [E: below the 3.9 a fit
 *           volunteer adds at peak (4.9 × resting, Eyolfson 2001) for a sedated critically ill patient; febrile SIRS
 *           patients cooled at the surface added 58 % while shivering]
 *
 * The shivering's oxygen is consumed like the rest (its heat is metabolic heat, its CO2 is made at the same RQ:
 * temperature.md, "Shivering"); a fever's raised set point raises the threshold with it.
 */
export interface ShiveringParameters {
  thresholdBelowSetPoint: number;
  gain: number;
  maxIncrease: number;
}

/** VO2 of shivering (mL/min) at core temperature T and set point T_sp, from the resting consumption VO2_0 (mL/min). */
export function shiveringVo2_mL_min(s: ShiveringParameters, setPoint_C: number, temperature_C: number, restingVo2_mL_min: number): number {
  const shortfall = setPoint_C - s.thresholdBelowSetPoint - temperature_C;
  if (!(shortfall > 0) || !(s.gain > 0)) return 0;
  return Math.min(s.gain * shortfall, s.maxIncrease * restingVo2_mL_min);
}
