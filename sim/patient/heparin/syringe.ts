/**
 * The heparin syringe in its syringe pump: the pump pushes the infusion rate over the syringe's concentration,
 *   V(t) = V(t₀) − (I / c)·(t − t₀)          I the infusion (U/h), c the concentration (U/mL)
 * while the syringe has heparin left and the line is open; empty or occluded it pushes nothing and the patient
 * receives none. The rate is constant between events (settings, titration checks), so the syringe is held as a
 * line and the time it empties is solved, not located.
 */
export interface SyringeLine {
  t0_h: number;
  volume0_mL: number;
  rate_mL_h: number;
}

/** Within this of empty (mL) the syringe has run out: the scheduled time carries round-off. */
export const SYRINGE_EMPTY_mL = 1e-9;

export const syringeVolumeAt = (s: SyringeLine, t_h: number): number => Math.max(s.volume0_mL - s.rate_mL_h * (t_h - s.t0_h), 0);

/** When the syringe empties (h), Infinity if it is not being pushed. */
export const syringeEmptyTime_h = (s: SyringeLine): number => (s.rate_mL_h > 0 ? s.t0_h + s.volume0_mL / s.rate_mL_h : Infinity);

/** The line from t on, at the rate the pump pushes now (mL/h). */
export function rebaseSyringe(s: SyringeLine, t_h: number, rate_mL_h: number): void {
  s.volume0_mL = syringeVolumeAt(s, t_h);
  s.t0_h = t_h;
  s.rate_mL_h = rate_mL_h;
}
