/**
 * C-reactive protein: hepatic synthesis driven by IL-6 after a delay, first-order elimination.
 *   dL₁/dt = (C_IL6 − L₁)·2/T,  dL₂/dt = (L₁ − L₂)·2/T        two transit compartments, mean delay T [S2/E: 6–12 h]
 *   synthesis = S_max · L₂ⁿ / (EC50ⁿ + L₂ⁿ)                      [E: saturating hepatocyte response; EC50, n calibratable]
 *   elimination = ln2 / t½ · A,  t½ = 19 h                       [S: Pepys group, constant across conditions]
 * S_max is set so that the starting CRP is at steady state with the starting IL-6. CRP is not filtered
 * (SC ~0 for the pentamer); its fall under filtration comes from less IL-6, hence less synthesis.
 */
export function crpSynthesis(maxSynthesis: number, il6HalfEffect_pg_mL: number, hill: number, laggedIl6_pg_mL: number): number {
  const l = Math.max(laggedIl6_pg_mL, 0) ** hill;
  return (maxSynthesis * l) / (il6HalfEffect_pg_mL ** hill + l);
}

/** S_max that balances elimination at the starting values. */
export function crpMaxSynthesis(eliminationRate_per_h: number, amount0: number, il6HalfEffect_pg_mL: number, hill: number, il6_0_pg_mL: number): number {
  if (il6_0_pg_mL <= 0) return 0;
  return (eliminationRate_per_h * amount0 * (il6HalfEffect_pg_mL ** hill + il6_0_pg_mL ** hill)) / il6_0_pg_mL ** hill;
}
