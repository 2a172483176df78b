/**
 * A solute distributed in plasma (central) and a peripheral compartment, held as amounts:
 *   dA_c/dt = G − CL_endo·C_c − CL_ic·(C_c − C_p) − (K_conv + K_ads)·C_c
 *   dA_p/dt = CL_ic·(C_c − C_p)
 * with C_c = A_c / V_plasma and C_p = A_p / V_periph. Clearances in mL/h; concentrations per mL, so
 * concentration × mL is the amount (pg/mL → pg, ng/mL → ng). The fluxes are returned too, so the engine can
 * integrate them into the mass-balance ledger (start + produced − eliminated − removed − adsorbed = end).
 */
export interface SoluteFluxes {
  produced: number;
  eliminated: number;
  removedInEffluent: number;
  adsorbed: number;
  exchange: number;
}

export function twoCompartmentFluxes(
  centralConc: number,
  peripheralConc: number,
  production: number,
  endogenousClearance_mL_h: number,
  interCompartmentClearance_mL_h: number,
  convectiveClearance_mL_h: number,
  adsorptiveClearance_mL_h: number,
): SoluteFluxes {
  return {
    produced: production,
    eliminated: endogenousClearance_mL_h * centralConc,
    removedInEffluent: convectiveClearance_mL_h * centralConc,
    adsorbed: adsorptiveClearance_mL_h * centralConc,
    exchange: interCompartmentClearance_mL_h * (centralConc - peripheralConc),
  };
}
