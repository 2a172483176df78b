/**
 * A kink in a line as an orifice: the flow contracts into the narrowed lumen, forms a vena contracta and
 * re-expands to the full bore, losing the Borda–Carnot head of that expansion:
 *   ζ = (1/(C_c·β) − 1)²,  β = open fraction of the lumen (1 − kink)
 *   C_c(β) = 0.63 + 0.37·β³   contraction coefficient: Weisbach's ≈ 0.6 for a small opening, 1 with no obstruction
 * ζ refers to the full-bore velocity (ΔP = ζ·ρv²/2), so it adds to the line's entry/exit loss coefficient K
 * (tube.ts). Form: Encyclopaedia Britannica 1911, "Hydromechanics" (abrupt contraction, eq. 4) [S2]; the C_c
 * interpolation is an estimate [E]. A kink is a smooth fold, not a sharp diaphragm: a hypothesis (faults.md).
 */

/** The contraction coefficient at open fraction β: 0.63 for a pinhole, 1 for an open lumen. */
export function contractionCoefficient(openFraction: number): number {
  return 0.63 + 0.37 * openFraction ** 3;
}

/** The loss coefficient ζ of a kink occluding `fraction` of the lumen (0: none, exactly 0). */
export function kinkLossCoefficient(fraction: number): number {
  if (fraction <= 0) return 0;
  const beta = 1 - fraction;
  const k = 1 / (contractionCoefficient(beta) * beta) - 1;
  return k * k;
}
