/**
 * The blood's temperature and viscosity along the ECMO loop, for the loop's pressure drops.
 *
 *   T_drainage  = T                                   the drained blood: the patient's core temperature
 *   T_return    = T + ε·(T_set − T)   (heater working) the heat exchanger in the oxygenator draws the blood towards
 *               = T                   (off or failed)  its water, performance factor ε (ISO 7199, temperature.md)
 *   T_oxygenator = (T + T_return) / 2                 the exchanger's blood, between its inlet and outlet
 *
 * Left out [E]: the few tenths of a kelvin the lines lose to the room, and the filter limb's cooled blood mixing into
 * the exchanger's inlet (temperature.md: at most L_limb/(Q_p·c_b), ~0.4 K at 110 W and 4.5 L/min).
 */
import { bloodViscosity_mPa_s } from '../blood.js';
import type { Model } from '../model/context.js';

type CircuitSettings = NonNullable<Model['current']['circuit']>;

/** Whole-blood viscosity (mPa·s) on each side of the loop at one hematocrit. */
export interface LoopViscosity {
  /** Drainage cannula and tubing, the pump, the pre-oxygenator port: the patient's core temperature. */
  drainage_mPa_s: number;
  /** The oxygenator's fibre bundle: the exchanger's mean temperature. */
  oxygenator_mPa_s: number;
  /** Return tubing and cannula, the post-oxygenator port: the exchanger's outlet temperature. */
  return_mPa_s: number;
}

/** Whether the ECMO heater warms the blood: switched on and not failed. */
export const heaterWorks = (h: CircuitSettings['heater']): boolean => h.on && !h.failed;

/** The blood's temperature leaving the oxygenator (°C): drawn towards the heater's water by ε while it works. */
export function oxygenatorOutletTemperature_C(c: CircuitSettings, core_C: number): number {
  const h = c.heater;
  return heaterWorks(h) ? core_C + h.performanceFactor * (h.setPoint - core_C) : core_C;
}

/** The viscosity on each side of the loop, at the blood's hematocrit and the patient's core temperature. */
export function loopViscosity(c: CircuitSettings, hematocrit: number, core_C: number): LoopViscosity {
  const f = c.flow;
  const out_C = oxygenatorOutletTemperature_C(c, core_C);
  const mu = (t_C: number) => bloodViscosity_mPa_s(hematocrit, f.plasmaViscosity, f.hematocritViscosityFactor, t_C);
  return { drainage_mPa_s: mu(core_C), oxygenator_mPa_s: mu(0.5 * (core_C + out_C)), return_mPa_s: mu(out_C) };
}
