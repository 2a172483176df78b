/**
 * The platelet count P (10⁹/L), made by the marrow at a rate that rises as the count falls (thrombopoietin) and
 * consumed by sepsis and by the circuit's surfaces:
 *   dP/dt = (P₀/τ)·M − P/τ − k_sepsis·D(t)·P − (k_oxy·[ECMO connected] + k_filter·[filter running])·P
 *   dM/dt = ((P₀/P)^γ − M)/T_M
 * P₀/τ is the production the start's count needs (τ the platelet lifespan [S2: 8–10 days]) and P/τ the count's own
 * turnover. M is the marrow's production relative to the start's (1 at the start): it follows the feedback
 * (P₀/P)^γ, γ 0.621 the feedback of the count on progenitor proliferation in a published thrombopoiesis model
 * [S: Pérez-Ruixo et al., AAPS J 2016;18(1), doi:10.1208/s12248-015-9839-0: ktr 7.09 × 10⁻³/h, γ 0.621], with the lag
 * T_M = 1/ktr (141 h) of one maturation step in place of that model's chain [E: one compartment]. Consumption is
 * first order in the count: sepsis's in proportion to the sepsis drive D (1 at the start) [E: derived from the
 * published septic course], the circuit's while each surface carries blood [E: derived from published courses on
 * ECMO and hemofiltration]. Under a constant consumption k the count settles at P₀/(1 + k·τ)^(1/(1 + γ)).
 */

export interface PlateletKinetics {
  lifespan: number;
  thrombopoieticFeedback: number;
  thrombopoieticLag: number;
  sepsisConsumption: number;
  oxygenatorConsumption: number;
  filterConsumption: number;
}

/** The consumption now, 1/h: sepsis's at the drive, each surface's while it carries blood. */
export function plateletConsumption_per_h(k: PlateletKinetics, drive: number, oxygenator: boolean, filter: boolean): number {
  return k.sepsisConsumption * drive + (oxygenator ? k.oxygenatorConsumption : 0) + (filter ? k.filterConsumption : 0);
}

/** dP/dt, 10⁹/L per h, at the marrow's relative production M and the consumption k (1/h). */
export function plateletRate_per_nL_h(k: PlateletKinetics, start_per_nL: number, count_per_nL: number, production: number, consumption_per_h: number): number {
  return (start_per_nL * production - count_per_nL) / k.lifespan - consumption_per_h * count_per_nL;
}

/**
 * dM/dt, 1/h: the marrow's relative production moves toward the feedback (P₀/P)^γ with the lag T_M. The count is
 * floored at 10⁻³ of the start's for the power only (a trial solver step may cross zero; the count itself is not
 * changed).
 */
export function thrombopoiesisRate_per_h(k: PlateletKinetics, start_per_nL: number, count_per_nL: number, production: number): number {
  const ratio = start_per_nL / Math.max(count_per_nL, 1e-3 * start_per_nL);
  return (ratio ** k.thrombopoieticFeedback - production) / k.thrombopoieticLag;
}

/** The count the balance settles at under a constant consumption k (1/h): P₀/(1 + k·τ)^(1/(1 + γ)). */
export function plateletsAtSteadyState(start_per_nL: number, k: PlateletKinetics, consumption_per_h: number): number {
  return start_per_nL / (1 + consumption_per_h * k.lifespan) ** (1 / (1 + k.thrombopoieticFeedback));
}

/** Without the marrow's response (γ = 0), the count under a constant consumption k from P₀ at t = 0: P₀·[1/(1 + kτ) + kτ/(1 + kτ)·e^(−(1/τ + k)t)]. */
export function plateletsUnderConstantConsumption(start_per_nL: number, lifespan_h: number, k_per_h: number, t_h: number): number {
  const a = k_per_h * lifespan_h;
  return start_per_nL * (1 / (1 + a) + (a / (1 + a)) * Math.exp(-(1 / lifespan_h + k_per_h) * t_h));
}
