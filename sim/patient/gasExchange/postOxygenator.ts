/**
 * The blood gas a console or a post-oxygenator sample shows (outputs only; the patient's saturations are gasExchange.ts's).
 *
 * PO2: oxygen content counts dissolved oxygen, C = 1.34·Hb·S(P) + α·P with α = 0.003 mL/dL/mmHg [S: physiology
 * textbooks]. The oxygenator brings the content the same fraction E of the way to the sweep gas's equilibrium as it
 * brings the saturation (E = (S_post − S_pre)/(S_max − S_pre), gasExchange.ts):
 *   C_post = C_pre + E·(C_gas − C_pre),   C_gas = C(FiO2·713 mmHg),   PO2_post: C(PO2_post) = C_post
 * PCO2: blood CO2 content is close to linear in PCO2 between the arterial and venous points, slope σ = 0.67 mL/dL/mmHg
 * [S2: 48 → 52 mL/dL for 40 → 46 mmHg, the physiological CO2 dissociation curve]. Mixed venous PCO2 follows from
 * Fick, PvCO2 = PaCO2 + VCO2/(CO·σ); the oxygenator removes VCO2_oxy from the venous part of what it drains
 * (recirculated blood has been through it already), so with the pre-oxygenator mixing of gasExchange.ts
 *   PCO2_post = PvCO2 − VCO2_oxy / (Q_d·(1 − R)·σ)
 * The sweep gas carries no CO2, so the blood can at most equilibrate with it (PCO2 0): at a very low blood flow (a
 * clamped line) the membrane removes all the CO2 the little blood brings, not the patient-level removal VCO2_oxy,
 * which scales with √flow (gasExchange.ts) and would otherwise exceed what the blood carries.
 */
import { boundOxygen_mL_per_mL } from '../../blood.js';
import { DRY_GAS_mmHg, po2FromSaturation, saturationFromPo2 } from './gasExchange.js';

/** α: dissolved oxygen, mL O2 per mL blood per mmHg (0.003 mL/dL/mmHg). */
const DISSOLVED_O2_mL_mL_mmHg = 0.003 / 100;
/** σ: slope of the physiological CO2 dissociation curve, mL CO2 per mL blood per mmHg (0.67 mL/dL/mmHg). */
export const CO2_CONTENT_SLOPE_mL_mL_mmHg = 0.67 / 100;
/** Dry-gas pressure at 760 mmHg less water vapour at 37 °C (as gasExchange.ts). */

const content = (hb: number, po2: number) => boundOxygen_mL_per_mL(hb, saturationFromPo2(po2)) + DISSOLVED_O2_mL_mL_mmHg * po2;

/** PO2 leaving the oxygenator (mmHg), dissolved oxygen included. */
export function postOxygenatorPo2_mmHg(o: { preSat: number; postSat: number; fio2: number; hemoglobin_g_dL: number }): number {
  const pGas = o.fio2 * DRY_GAS_mmHg;
  const sMax = saturationFromPo2(pGas);
  const pPre = po2FromSaturation(o.preSat);
  if (!(sMax > o.preSat)) return pPre;
  const E = Math.min(Math.max((o.postSat - o.preSat) / (sMax - o.preSat), 0), 1);
  const cPre = content(o.hemoglobin_g_dL, pPre);
  const target = cPre + E * (content(o.hemoglobin_g_dL, pGas) - cPre);
  return contentInverse(o.hemoglobin_g_dL, target, pPre, pGas);
}

/**
 * PO2 in [lo, hi] (mmHg) where the content is `target` (content(lo) ≤ target ≤ content(hi), content increasing):
 * Newton on C(P) − target, C′(P) = 1.34·Hb·S′(P) + α with S′ = 23400·(3P² + 150)/(g + 23400)², g = P³ + 150·P
 * (Severinghaus), kept inside a bracket that shrinks at every iterate (a step leaving it halves it instead). Stops when
 * a step is below 1e-14 of P (converged to round-off: the 60 halvings it replaced agree to ~1e-15 relative).
 */
function contentInverse(hb: number, target: number, lo: number, hi: number): number {
  let p = 0.5 * (lo + hi);
  for (let i = 0; i < 100; i++) {
    const f = content(hb, p) - target;
    if (f < 0) lo = p;
    else hi = p;
    const g = p * p * p + 150 * p;
    const slope = boundOxygen_mL_per_mL(hb, (23400 * (3 * p * p + 150)) / ((g + 23400) * (g + 23400))) + DISSOLVED_O2_mL_mL_mmHg;
    let next = p - f / slope;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - p) <= 1e-14 * p || hi - lo <= 1e-14 * hi) return next;
    p = next;
  }
  return p;
}

/** Mixed venous PCO2 by Fick (mmHg): PvCO2 = PaCO2 + VCO2/(CO·σ). */
export const mixedVenousPco2_mmHg = (paco2_mmHg: number, co2Production_mL_min: number, cardiacOutput_mL_min: number) =>
  paco2_mmHg + co2Production_mL_min / (cardiacOutput_mL_min * CO2_CONTENT_SLOPE_mL_mL_mmHg);

/** PCO2 leaving the oxygenator (mmHg). Flows in mL/min, CO2 in mL/min. */
export function postOxygenatorPco2_mmHg(o: {
  paco2_mmHg: number;
  co2Production_mL_min: number;
  cardiacOutput_mL_min: number;
  oxygenatorCo2Removal_mL_min: number;
  drainageFlow_mL_min: number;
  recirculation: number;
}): number {
  const pv = mixedVenousPco2_mmHg(o.paco2_mmHg, o.co2Production_mL_min, o.cardiacOutput_mL_min);
  const venousDrained = o.drainageFlow_mL_min * (1 - o.recirculation);
  if (!(venousDrained > 0)) return pv;
  const brought_mL_min = venousDrained * CO2_CONTENT_SLOPE_mL_mL_mmHg * pv; // above the gas side's PCO2 of 0
  return pv - Math.min(o.oxygenatorCo2Removal_mL_min, brought_mL_min) / (venousDrained * CO2_CONTENT_SLOPE_mL_mL_mmHg);
}
