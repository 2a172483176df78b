/**
 * The patient's side of the drainage cannula.
 *
 * Venous pressure follows intravascular volume through the venous compliance:
 *   P_v = CVP₀ + (V − V₀) / C_v                                             [E: Guyton compliance]
 * The vena cava around the cannula is a collapsible tube (a Starling resistor): the flow it can deliver is
 *   Q_avail = G · softplus(P_v − P_collapse)
 * and as drainage demand approaches it the vessel narrows ("chatter"), which costs extra suction:
 *   ΔP_collapse = L · (Q_d / Q_avail)^n     for Q_d > 0                     [E; Kurusz, Perfusion 1999 for the behaviour]
 * So beyond about −80 to −100 mmHg more pump speed buys little flow, and less volume makes drainage more negative.
 */
import { mL_min, mmHg, type Flow, type Pressure } from '../quantities.js';

export interface VenousDrainage {
  returnConductance_mL_min_mmHg: number;
  collapsePressure_mmHg: number;
  collapseLoss_mmHg: number;
  collapseExponent: number;
}

/** From the scenario's parameters and the blood volume (plain numbers in the internal units, sim/units.ts). */
export function venousPressure_mmHg(cvp0_mmHg: number, volume_mL: number, volume0_mL: number, compliance_mL_mmHg: number): Pressure<'mmHg'> {
  return mmHg(cvp0_mmHg + (volume_mL - volume0_mL) / compliance_mL_mmHg);
}

/** Smooth positive part, width 1 mmHg: keeps the network solve differentiable near collapse. */
function softplus(x: number): number {
  return x > 30 ? x : Math.log1p(Math.exp(x));
}

export function availableVenousReturn_mL_min(v: VenousDrainage, venousPressure_mmHg: Pressure<'mmHg'>): Flow<'mL/min'> {
  return mL_min(v.returnConductance_mL_min_mmHg * softplus(venousPressure_mmHg - v.collapsePressure_mmHg));
}

export function collapseLoss_mmHg(v: VenousDrainage, drainage_mL_min: Flow<'mL/min'>, available_mL_min: Flow<'mL/min'>): Pressure<'mmHg'> {
  if (drainage_mL_min <= 0) return mmHg(0);
  return mmHg(v.collapseLoss_mmHg * (drainage_mL_min / available_mL_min) ** v.collapseExponent);
}

export function collapseLossSlope(v: VenousDrainage, drainage_mL_min: Flow<'mL/min'>, available_mL_min: Flow<'mL/min'>): number {
  if (drainage_mL_min <= 0) return 0;
  const n = v.collapseExponent;
  return (v.collapseLoss_mmHg * n * (drainage_mL_min / available_mL_min) ** (n - 1)) / available_mL_min;
}
