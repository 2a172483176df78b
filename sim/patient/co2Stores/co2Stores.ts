/**
 * The body's CO2 stores as two compartments: a fast one (blood, lungs and the well-perfused organs, capacitance C_B,
 * mL/mmHg) at the arterial PCO2, into which the tissues' CO2 production goes and from which the lung and the
 * membrane remove it (the balance of co2Exchange.ts), and a slow one (muscle and the other tissues, C_T) that
 * exchanges with it through G [E: the arrangement; S2: the sizes, co2StoreSpecs.ts]:
 *   C_B·dP_B/dt = VCO2·(1 − g_oxy/(CO·σ)) − g·P_B + G·(P_T − P_B),   g = g_lung + g_oxy
 *   C_T·dP_T/dt = G·(P_B − P_T)
 * At rest P_T = P_B = P_bal (arterialCo2_mmHg): the balance is the one-compartment one's. After a change PaCO2 moves
 * first with the fast store (apnoea: VCO2/C_B, a few mmHg a minute) and then with both (tens of minutes) [S2: Kobayashi
 * & Yokoyama 1994, apnoea; Farhi & Rahn 1955, dogs; Mendes et al. 2016, a sweep change at 1.5 and 3.5 L/min of blood].
 *
 * Solved, not integrated: the conductances and the cardiac output are held between the times gas exchange holds its
 * oxygen line (after every event, and at the line's hourly check when the circuit has moved), so between them the
 * system is linear with constant coefficients and its deviations from P_bal are the sum of two exponentials,
 *   (P_B, P_T)(t) = P_bal(t)·(1, 1) + c₁·(1, y₁)·e^(λ₁(t − t₀)) + c₂·(1, y₂)·e^(λ₂(t − t₀))
 * with c₁, c₂ from the deviations at the anchor t₀ (both compartments continuous there). P_bal follows the CO2
 * production, which moves over hours (temperature, the sepsis drive), quasi-statically: the stores' lag behind it is
 * left out (gas-exchange.md, "The body's CO₂ stores", measures it). Integrated, PaCO2 would be a state with a time
 * constant of minutes, and the explicit solver would pay for it all day (a default day 576 → 926 evaluations with one
 * compartment, and steps that blew up where the lung alone removes CO2).
 */
import type { Model } from '../../model/context.js';
import { arterialCo2_mmHg } from '../gasExchange/co2Exchange.js';

/** The stores' sizes: C_B and C_T (mL/mmHg) and the exchange G between them (mL/min/mmHg). */
export interface Co2StoreSizes {
  blood_mL_mmHg: number;
  tissue_mL_mmHg: number;
  exchange_mL_min_mmHg: number;
}

/** The sizes from the scenario's total capacitance, its fast share and the tissue's exchange time (min). */
export function co2StoreSizes(total_mL_mmHg: number, blood_mL_mmHg: number, tissueExchangeTime_min: number): Co2StoreSizes {
  const tissue = total_mL_mmHg - blood_mL_mmHg;
  return { blood_mL_mmHg, tissue_mL_mmHg: tissue, exchange_mL_min_mmHg: tissue / tissueExchangeTime_min };
}

/**
 * The system's two rates, 1/min (both negative; λ₁ the slower), and each mode's tissue-to-blood ratio y: the
 * eigenvalues and eigenvectors (1, y) of [[−(g + G)/C_B, G/C_B], [G/C_T, −G/C_T]]. Real and distinct for g, G > 0
 * (the matrix is similar to a symmetric one).
 */
export function co2StoreModes(s: Co2StoreSizes, g: number): { slow: number; fast: number; ySlow: number; yFast: number } {
  const a11 = -(g + s.exchange_mL_min_mmHg) / s.blood_mL_mmHg;
  const a12 = s.exchange_mL_min_mmHg / s.blood_mL_mmHg;
  const a22 = -s.exchange_mL_min_mmHg / s.tissue_mL_mmHg;
  const trace = a11 + a22;
  const det = a11 * a22 - a12 * (s.exchange_mL_min_mmHg / s.tissue_mL_mmHg);
  const root = Math.sqrt(Math.max(trace * trace - 4 * det, 0));
  const slow = (trace + root) / 2;
  const fast = (trace - root) / 2;
  return { slow, fast, ySlow: (slow - a11) / a12, yFast: (fast - a11) / a12 };
}

/**
 * A store's PCO2 at t_h (mmHg): the balance with the CO2 production now plus each mode's share (`slowRatio`,
 * `fastRatio`), the modes scaled with the balance: P = P_bal(t)·(1 + Σ (c_i/P_bal(t₀))·y_i·e^(λ_i·s)). With the
 * production held (between anchors, mostly) this is the solution above; with the production moving, it is the solution
 * of the same equations for P/P_bal, which keeps every store positive (the stores are a positive linear system), where
 * amplitudes held in mmHg while the balance followed the production down took PaCO2 below zero (a cooled patient on
 * clamped lines warming past the shivering threshold: the production fell from 430 to 150 mL/min within 20 min of
 * the flow stopping). The stores' lag behind the moving balance stays left out. The stores are known from their
 * anchor on: a time before it (a run never asks; test/rhsAllocation.test.ts replays a day's states on the model at its
 * end) reads the anchor's value, where the modes' exponentials grown backwards gave PaCO2 −4·10¹⁶² and the pH NaN.
 */
function storePco2_mmHg(a: Model['co2'], co2Production_mL_min: number, t_h: number, slowRatio: number, fastRatio: number): number {
  const balance = arterialCo2_mmHg(co2Production_mL_min, a.lungConductance, a.oxygenatorConductance, a.cardiacOutput_mL_min);
  if (a.slowAmplitude_mmHg === 0 && a.fastAmplitude_mmHg === 0) return balance;
  const s = 60 * Math.max(0, t_h - a.t0_h);
  const deviation = slowRatio * a.slowAmplitude_mmHg * Math.exp(a.slowRate_per_min * s) + fastRatio * a.fastAmplitude_mmHg * Math.exp(a.fastRate_per_min * s);
  return balance + deviation * (co2Production_mL_min / a.co2Production_mL_min);
}

/** PaCO2 (the fast store's PCO2) at t_h (mmHg) from the anchor, with the CO2 production now. */
export const storesPaco2_mmHg = (a: Model['co2'], co2Production_mL_min: number, t_h: number): number => storePco2_mmHg(a, co2Production_mL_min, t_h, 1, 1);

/** The slow store's PCO2 at t_h (mmHg) from the anchor, with the CO2 production now. */
export const tissuePco2_mmHg = (a: Model['co2'], co2Production_mL_min: number, t_h: number): number =>
  storePco2_mmHg(a, co2Production_mL_min, t_h, a.slowTissueRatio, a.fastTissueRatio);

/**
 * Re-anchors the stores at t_h on the conductances and cardiac output from now on, where the fast and slow stores
 * are at `paco2_mmHg` and `tissue_mmHg` (what the old anchor gave: both stay continuous).
 */
export function anchorCo2Stores(
  a: Model['co2'],
  sizes: Co2StoreSizes,
  t_h: number,
  paco2_mmHg: number,
  tissue_mmHg: number,
  now: { co2Production_mL_min: number; lungConductance: number; oxygenatorConductance: number; cardiacOutput_mL_min: number },
): void {
  a.lungConductance = now.lungConductance;
  a.oxygenatorConductance = now.oxygenatorConductance;
  a.cardiacOutput_mL_min = now.cardiacOutput_mL_min;
  a.co2Production_mL_min = now.co2Production_mL_min;
  const balance = arterialCo2_mmHg(now.co2Production_mL_min, now.lungConductance, now.oxygenatorConductance, now.cardiacOutput_mL_min);
  const modes = co2StoreModes(sizes, now.lungConductance + now.oxygenatorConductance);
  const dB = paco2_mmHg - balance;
  const dT = tissue_mmHg - balance;
  // (dB, dT) = c_s·(1, y_s) + c_f·(1, y_f)
  const slow = (dT - modes.yFast * dB) / (modes.ySlow - modes.yFast);
  a.slowAmplitude_mmHg = slow;
  a.fastAmplitude_mmHg = dB - slow;
  a.slowRate_per_min = modes.slow;
  a.fastRate_per_min = modes.fast;
  a.slowTissueRatio = modes.ySlow;
  a.fastTissueRatio = modes.yFast;
  a.t0_h = t_h;
}

/** The stores' sizes a scenario's lung gives (patient.lung.co2StoreCapacitance, co2FastStoreCapacitance, co2TissueExchangeTime). */
export const scenarioCo2StoreSizes = (lung: { co2StoreCapacitance: number; co2FastStoreCapacitance: number; co2TissueExchangeTime: number }) =>
  co2StoreSizes(lung.co2StoreCapacitance, lung.co2FastStoreCapacitance, lung.co2TissueExchangeTime);
