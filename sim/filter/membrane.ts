/**
 * How the membrane changes while it filters (slow states, integrated in hours):
 *
 * Protein layer (coverage θ, 0–1) forms faster at higher flux and moves sieving from clean to fouled:
 *   dθ/dt = (1 − θ)·(J / J_ref) / τ,   SC = SC_clean − (SC_clean − SC_fouled)·θ      [E; Mariano, NDT 2005: τ 1–3 h]
 * Cake resistance grows with the protein carried to the membrane:
 *   dR/dt = α · J · C_protein                                                         [E; α calibrated, filterFouling]
 * Fibre clotting hazard rises with filtration fraction and with anticoagulation below target:
 *   dφ/dt = h·(1 − φ),  h = h₀·exp(k·(FF − FF_ref))·(1 + γ·s²),
 *   s = (aPTT_low − aPTT)/(aPTT_low − aPTT₀) clipped to [0, 1]                       [E; Uchino 2003 for the predictors]
 * Adsorption saturates with filter age: K_ads = K_ads0·exp(−age/τ_ads)                [E: reference-data.md §2]
 */
import { mL_min, type Flow } from '../quantities.js';

export function sievingCoefficient(clean: number, fouled: number, coverage: number): number {
  return clean - (clean - fouled) * coverage;
}

export function proteinLayerRate_per_h(coverage: number, flux_mL_h_m2: number, referenceFlux_mL_h_m2: number, timeConstant_h: number): number {
  return ((1 - coverage) * (flux_mL_h_m2 / referenceFlux_mL_h_m2)) / timeConstant_h;
}

export function cakeGrowthRate_per_h(alpha_m2_g: number, flux_mL_h_m2: number, protein_g_L: number): number {
  return alpha_m2_g * flux_mL_h_m2 * protein_g_L * 1e-3;
}

/** Shortfall of anticoagulation: 0 at or above the lower aPTT target, 1 at the no-heparin aPTT. */
export function anticoagulationShortfall(aptt_s: number, targetLow_s: number, baseline_s: number): number {
  const s = (targetLow_s - aptt_s) / Math.max(targetLow_s - baseline_s, 1e-9);
  return s <= 0 ? 0 : s >= 1 ? 1 : s;
}

export function clottingHazard_per_h(
  p: { baselineHazard: number; referenceFiltrationFraction: number; filtrationFractionSensitivity: number; anticoagulationFactor: number },
  filtrationFraction: number,
  shortfall: number,
): number {
  return (
    p.baselineHazard *
    Math.exp(p.filtrationFractionSensitivity * (filtrationFraction - p.referenceFiltrationFraction)) *
    (1 + p.anticoagulationFactor * shortfall * shortfall)
  );
}

export function adsorptiveClearance_mL_min(initial_mL_min: Flow<'mL/min'>, filterAge_h: number, timeConstant_h: number): Flow<'mL/min'> {
  return mL_min(initial_mL_min * Math.exp(-filterAge_h / timeConstant_h));
}
