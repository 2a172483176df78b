/**
 * How the membrane changes while it filters (slow states, integrated in hours):
 *
 * Protein layer (coverage θ, 0–1) moves sieving from clean to fouled. Plasma proteins close it two ways: they
 * adsorb on the membrane from the moment blood touches it, with or without flux, and convection carries more
 * to it the higher the flux:
 *   dθ/dt = (1 − θ)·(1/τ_ads + (J / J_ref) / τ_conv),   SC = SC_clean − (SC_clean − SC_fouled)·θ
 *   τ_conv [E; Mariano, NDT 2005: τ 1–3 h]; τ_ads [calibrated: Morgera, ICM 2003, 7.6 g protein per 12 h in vivo]
 * At constant flux: θ(t) = 1 − (1 − θ₀)·exp(−k·t), k = 1/τ_ads + (J/J_ref)/τ_conv (proteinLayerCoverage).
 * The two parts are independent, so the open fraction is their product: 1 − θ = exp(−age/τ_ads)·(1 − θ_c), with
 * dθ_c/dt = (1 − θ_c)·(J/J_ref)/τ_conv the convective part alone. The engine integrates θ_c (hours) and takes the
 * adsorption part in closed form from the filter's age (blood fills the filter from its installation, flux or not):
 * the same θ, without a ten-minute mode in the right-hand side.
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

/** The protein layer's parameters (filter.proteinLayer). */
export interface ProteinLayer {
  /** τ_conv (h): convective build-up's time constant at the reference flux. */
  timeConstant: number;
  /** J_ref (mL/h/m²). */
  referenceFlux: number;
  /** τ_ads (h): flux-independent closure by plasma-protein adsorption. */
  adsorptionTimeConstant: number;
}

/** Closing rate constant k (1/h) = 1/τ_ads + (J/J_ref)/τ_conv. */
export function proteinLayerRateConstant_per_h(layer: ProteinLayer, flux_mL_h_m2: number): number {
  return 1 / layer.adsorptionTimeConstant + flux_mL_h_m2 / layer.referenceFlux / layer.timeConstant;
}

/** dθ_c/dt = (1 − θ_c)·(J/J_ref)/τ_conv: the convective part alone (the engine's state). */
export function convectiveLayerRate_per_h(convectiveCoverage: number, flux_mL_h_m2: number, layer: ProteinLayer): number {
  return ((1 - convectiveCoverage) * flux_mL_h_m2) / layer.referenceFlux / layer.timeConstant;
}

/** θ = 1 − exp(−age/τ_ads)·(1 − θ_c): the coverage from the convective part and the filter's age. */
export function proteinLayerCoverageAt(convectiveCoverage: number, age_h: number, layer: ProteinLayer): number {
  return 1 - Math.exp(-Math.max(age_h, 0) / layer.adsorptionTimeConstant) * (1 - convectiveCoverage);
}

/** Closed form at constant flux: θ(t) = 1 − (1 − θ₀)·exp(−k·t). */
export function proteinLayerCoverage(initialCoverage: number, flux_mL_h_m2: number, layer: ProteinLayer, elapsed_h: number): number {
  return 1 - (1 - initialCoverage) * Math.exp(-proteinLayerRateConstant_per_h(layer, flux_mL_h_m2) * elapsed_h);
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
