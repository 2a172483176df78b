/**
 * The CRRT machine's bags: the replacement bag empties and the effluent bag fills at the machine's fluid rates,
 *   V_rep(t) = V_rep(t₀) − Q_rep·(t − t₀)       Q_rep = Q_eff − net UF  (operatingPoint.ts)
 *   V_eff(t) = V_eff(t₀) + Q_eff·(t − t₀)       Q_eff = dose × weight
 * with the rates constant between events (they follow the prescription, the filter's status and the clamps), so
 * each bag is held as a line and the time it runs out is solved, not located [S: mass conservation].
 */
export interface BagLine {
  t0_h: number;
  /** Replacement fluid left in the hung bag at t₀ (mL). */
  replacementLeft0_mL: number;
  /** Effluent in the hung bag at t₀ (mL). */
  effluentFilled0_mL: number;
  replacement_mL_h: number;
  effluent_mL_h: number;
  /** Capacity of the effluent bag hung (mL). */
  effluentCapacity_mL: number;
}

/** Within this of empty or full (mL) a bag has run out: the scheduled time carries round-off. */
export const RUN_OUT_mL = 1e-6;

export const replacementLeftAt = (b: BagLine, t_h: number): number => Math.max(b.replacementLeft0_mL - b.replacement_mL_h * (t_h - b.t0_h), 0);

export const effluentFilledAt = (b: BagLine, t_h: number): number => Math.min(b.effluentFilled0_mL + b.effluent_mL_h * (t_h - b.t0_h), b.effluentCapacity_mL);

/** The next time a bag runs out (h): the replacement bag empty or the effluent bag full; Infinity if neither will. */
export function nextRunOut_h(b: BagLine): number {
  const empty = b.replacement_mL_h > 0 ? b.t0_h + b.replacementLeft0_mL / b.replacement_mL_h : Infinity;
  const full = b.effluent_mL_h > 0 ? b.t0_h + (b.effluentCapacity_mL - b.effluentFilled0_mL) / b.effluent_mL_h : Infinity;
  return Math.min(empty, full);
}

/** The lines from t on: the volumes then, at the rates now (mL/h). */
export function rebaseBags(b: BagLine, t_h: number, replacement_mL_h: number, effluent_mL_h: number): void {
  b.replacementLeft0_mL = replacementLeftAt(b, t_h);
  b.effluentFilled0_mL = effluentFilledAt(b, t_h);
  b.t0_h = t_h;
  b.replacement_mL_h = replacement_mL_h;
  b.effluent_mL_h = effluent_mL_h;
}
