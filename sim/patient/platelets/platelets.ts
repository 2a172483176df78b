/**
 * The platelet count P (10⁹/L), produced back toward the patient's own count and consumed by sepsis and by the
 * circuit's surfaces:
 *   dP/dt = (P₀ − P)/τ − k_sepsis·D(t)·P − (k_oxy·[ECMO connected] + k_filter·[filter running])·P
 * (P₀ − P)/τ: the marrow makes platelets at the rate the start's count needs (P₀/τ, τ the platelet lifespan) and the
 * count's own turnover removes P/τ [S2: platelet lifespan 8–10 days]; a count below P₀ is therefore restored over
 * about a lifespan (thrombopoietin's faster response is left out). Consumption is first order in the count:
 * sepsis's in proportion to the sepsis drive D (1 at the start) [E: derived from the published septic course],
 * the circuit's while each surface carries blood [E: derived from published courses on ECMO and hemofiltration].
 * With constant consumption k the count settles at P₀/(1 + k·τ), reached with the time constant 1/(1/τ + k).
 */

export interface PlateletKinetics {
  lifespan: number;
  sepsisConsumption: number;
  oxygenatorConsumption: number;
  filterConsumption: number;
}

/** dP/dt, 10⁹/L per h; `oxygenator` and `filter` say whether each surface carries blood now. */
export function plateletRate_per_nL_h(
  k: PlateletKinetics,
  start_per_nL: number,
  count_per_nL: number,
  drive: number,
  oxygenator: boolean,
  filter: boolean,
): number {
  const circuit = (oxygenator ? k.oxygenatorConsumption : 0) + (filter ? k.filterConsumption : 0);
  return (start_per_nL - count_per_nL) / k.lifespan - (k.sepsisConsumption * drive + circuit) * count_per_nL;
}

/** The count under a constant consumption k (1/h) from P₀ at t = 0: P₀·[1/(1 + kτ) + kτ/(1 + kτ)·e^(−(1/τ + k)t)]. */
export function plateletsUnderConstantConsumption(start_per_nL: number, lifespan_h: number, k_per_h: number, t_h: number): number {
  const a = k_per_h * lifespan_h;
  return start_per_nL * (1 / (1 + a) + (a / (1 + a)) * Math.exp(-(1 / lifespan_h + k_per_h) * t_h));
}
