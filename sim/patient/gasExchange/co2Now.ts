/**
 * The CO2 side's quantities now, which the CO2 stores, gas exchange and the engine's limits read: the native lung's
 * conductance at the ventilator's rate, the tissues' CO2 production, and the balance the stores head for.
 */
import type { Model } from '../../model/context.js';
import { circulationCardiacOutput_mL_min, type Now } from '../../model/now.js';
import { arterialCo2_mmHg } from './co2Exchange.js';
import { lungCo2Conductance } from './ventilatorRate.js';

/** The native lung's CO2 conductance at the ventilator's rate now (ventilatorRate.ts): the given one at the starting rate. */
export function lungCo2ConductanceNow(m: Model): number {
  const lung = m.current.patient.lung;
  return lungCo2Conductance(lung.co2Conductance, lung.ventilatorRate, m.scenario.patient.lung.ventilatorRate);
}

/**
 * CO2 production now: the starting VCO2 at the starting respiratory quotient, scaled with the tissues' oxygen demand
 * (now.metabolism's, which the temperature part derived for this Now before the CO2 stores read it: deriveDemand,
 * oxygenSupply.ts).
 */
export function co2ProductionNow(m: Model, now: Now): number {
  const p0 = m.scenario.patient;
  return (p0.lung.co2Production * now.metabolism.vo2Demand_mL_min) / p0.lung.o2Consumption;
}

/** The CO2 balance now (arterialCo2_mmHg) at the oxygenator's conductance `gOxy`: where the CO2 stores head. */
export function co2BalanceNow(m: Model, now: Now, gOxy: number): number {
  return arterialCo2_mmHg(co2ProductionNow(m, now), lungCo2ConductanceNow(m), gOxy, circulationCardiacOutput_mL_min(now));
}
