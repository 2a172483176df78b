/**
 * The body's CO2 stores as one compartment of capacitance C (mL/mmHg) at the arterial PCO2: what the tissues make and
 * the lung and the membrane do not remove fills them (the balance of co2Exchange.ts),
 *   C·dPaCO2/dt = VCO2·(1 − g_oxy/(CO·σ)) − (g_lung + g_oxy)·PaCO2 = (g_lung + g_oxy)·(P_bal − PaCO2)
 * with P_bal the balance (arterialCo2_mmHg). PaCO2 relaxes towards it with τ = C/(g_lung + g_oxy): a quarter of an hour
 * at a running membrane, longer at a low blood flow, where g_oxy is small [S2: Mendes et al., Intensive Care Med Exp
 * 2016;4:1, PaCO2 settled within 50 min of a sweep change at 3.5 L/min of blood, not at 1.5].
 *
 * Solved, not integrated: the conductances and the cardiac output are held between the times gas exchange holds its
 * oxygen line (after every event, and at the line's hourly check when the circuit has moved), so between them the
 * equation is linear with constant coefficients and
 *   PaCO2(t) = P_bal(t) + D₀·e^(−(t − t₀)/τ)
 * is its solution, D₀ the deviation left at the anchor t₀ (PaCO2 is continuous there). P_bal follows the CO2
 * production, which moves over hours (temperature, the sepsis drive), quasi-statically: the stores' lag behind it,
 * τ·dP_bal/dt, is left out (< 0.1 mmHg: gas-exchange.md, "CO2 stores"). Integrated, PaCO2 would be the one state
 * with a time constant of minutes, and the explicit solver would pay for it all day (a default day 576 → 926
 * evaluations, and steps that blew up where the lung alone removes CO2).
 */
import type { Model } from '../../model/context.js';
import { arterialCo2_mmHg } from '../gasExchange/co2Exchange.js';

/** The stores' time constant τ = C/(g_lung + g_oxy), min (Infinity with no conductance). */
export const co2StoreTimeConstant_min = (capacitance_mL_mmHg: number, lungConductance: number, oxygenatorConductance: number): number =>
  capacitance_mL_mmHg / (lungConductance + oxygenatorConductance);

/** PaCO2 at t_h (mmHg) from the anchor, with the CO2 production now. */
export function storesPaco2_mmHg(a: Model['co2'], co2Production_mL_min: number, t_h: number): number {
  const balance = arterialCo2_mmHg(co2Production_mL_min, a.lungConductance, a.oxygenatorConductance, a.cardiacOutput_mL_min);
  return a.deviation_mmHg === 0 ? balance : balance + a.deviation_mmHg * Math.exp(-(t_h - a.t0_h) / a.tau_h);
}

/**
 * Re-anchors the stores at t_h, where PaCO2 is `paco2_mmHg` (the value the old anchor gave: PaCO2 stays continuous), on
 * the conductances and cardiac output from now on.
 */
export function anchorCo2Stores(
  a: Model['co2'],
  capacitance_mL_mmHg: number,
  t_h: number,
  paco2_mmHg: number,
  now: { co2Production_mL_min: number; lungConductance: number; oxygenatorConductance: number; cardiacOutput_mL_min: number },
): void {
  a.lungConductance = now.lungConductance;
  a.oxygenatorConductance = now.oxygenatorConductance;
  a.cardiacOutput_mL_min = now.cardiacOutput_mL_min;
  a.deviation_mmHg = paco2_mmHg - arterialCo2_mmHg(now.co2Production_mL_min, now.lungConductance, now.oxygenatorConductance, now.cardiacOutput_mL_min);
  a.t0_h = t_h;
  a.tau_h = co2StoreTimeConstant_min(capacitance_mL_mmHg, now.lungConductance, now.oxygenatorConductance) / 60;
}
