/**
 * The blood gas a console or a post-oxygenator sample shows (outputs only; the patient's saturations are gasExchange.ts's).
 *
 * PO2: the fibre bundle's outlet, solved with the saturations (fibreBundle.ts, gasExchange.ts): no second model.
 * PCO2: blood CO2 content is close to linear in PCO2 between the arterial and venous points, slope σ = 0.67 mL/dL/mmHg
 * [S2: 48 → 52 mL/dL for 40 → 46 mmHg, the physiological CO2 dissociation curve]. Mixed venous PCO2 follows from
 * Fick, PvCO2 = PaCO2 + VCO2/(CO·σ); the oxygenator removes VCO2_oxy from the venous part of what it drains
 * (recirculated blood has been through it already), so with the pre-oxygenator mixing of gasExchange.ts
 *   PCO2_post = PvCO2 − VCO2_oxy / (Q_d·(1 − R)·σ)
 * The sweep gas carries no CO2, so the blood can at most equilibrate with it (PCO2 0): VCO2_oxy (co2Exchange.ts's
 * exchanger, g_oxy·PvCO2, at most Q_eff·σ·PvCO2) is taken at most as what the venous part of the drained blood brings.
 */

/** σ: slope of the physiological CO2 dissociation curve, mL CO2 per mL blood per mmHg (0.67 mL/dL/mmHg). */
export const CO2_CONTENT_SLOPE_mL_mL_mmHg = 0.67 / 100;

/**
 * Mixed venous PCO2 by Fick (mmHg): PvCO2 = PaCO2 + VCO2/(CO·σ), CO the circulation's. With no cardiac output no
 * blood crosses the tissues to carry their CO2 away: the venous blood is taken at the arterial PCO2 (an assumption,
 * gas-exchange.md), not the infinite difference Fick gives.
 */
export const mixedVenousPco2_mmHg = (paco2_mmHg: number, co2Production_mL_min: number, cardiacOutput_mL_min: number) =>
  cardiacOutput_mL_min > 0 ? paco2_mmHg + co2Production_mL_min / (cardiacOutput_mL_min * CO2_CONTENT_SLOPE_mL_mL_mmHg) : paco2_mmHg;

/** PCO2 leaving the oxygenator (mmHg), the venous PCO2 (mixedVenousPco2_mmHg) given. Flows in mL/min, CO2 in mL/min. */
export function postOxygenatorPco2_mmHg(o: {
  venousPco2_mmHg: number;
  oxygenatorCo2Removal_mL_min: number;
  drainageFlow_mL_min: number;
  recirculation: number;
}): number {
  const pv = o.venousPco2_mmHg;
  const venousDrained = o.drainageFlow_mL_min * (1 - o.recirculation);
  if (!(venousDrained > 0)) return pv;
  const brought_mL_min = venousDrained * CO2_CONTENT_SLOPE_mL_mL_mmHg * pv; // above the gas side's PCO2 of 0
  return pv - Math.min(o.oxygenatorCo2Removal_mL_min, brought_mL_min) / (venousDrained * CO2_CONTENT_SLOPE_mL_mL_mmHg);
}
