/**
 * Chatter: a drained vein asked for more than it can deliver collapses intermittently onto the cannula. Quasi-steady,
 * two phases [E: hypothesis; Kurusz, Perfusion 1999 and reference-data.md §6 for the behaviour]:
 *   open       the vein open, its tip at the surrounding pressure: drainage Q_open (the pump's demand)
 *   collapsed  the vein drawn onto the holes: drainage Q_c = ψ·Q_lim (the holes it leaves open), the line at the pump's suction
 * Mean flow reaches Guyton's plateau Q_lim at the onset and falls as the demand exceeds it (a collapsible tube's
 * negative effort dependence; κ estimated):
 *   x = Q_open / Q_lim − 1,   Q_mean = Q_lim / (1 + κ·x)
 * The vein is open for the fraction f of the time that gives that mean: f·Q_open + (1 − f)·Q_c = Q_mean.
 * A console's reading of a two-phase signal moves by twice its standard deviation:
 *   swing = 2·√(f·(1 − f)) · |X_open − X_collapsed|     for flow and drainage pressure
 */

export interface ChatterPhases {
  /** Drainage flow, mL/min, in each phase. */
  openFlow: number;
  collapsedFlow: number;
  /** Guyton's plateau, mL/min. */
  limit: number;
  /** κ, the fall of mean flow per unit of excess demand. */
  flowLoss: number;
}

/** The fraction of time the vein is open (1: no chatter). */
export function openFraction(p: ChatterPhases): number {
  if (!(p.openFlow > p.limit) || !(p.openFlow > p.collapsedFlow)) return 1;
  const excess = p.openFlow / p.limit - 1;
  const mean = p.limit / (1 + p.flowLoss * excess);
  return Math.min(Math.max((mean - p.collapsedFlow) / (p.openFlow - p.collapsedFlow), 0), 1);
}

/** The console's swing of a reading that takes `open` and `collapsed` in the two phases. */
export function swing(fractionOpen: number, open: number, collapsed: number): number {
  return 2 * Math.sqrt(fractionOpen * (1 - fractionOpen)) * Math.abs(open - collapsed);
}

/** The time-mean of a reading over the two phases. */
export function phaseMean(fractionOpen: number, open: number, collapsed: number): number {
  return fractionOpen * open + (1 - fractionOpen) * collapsed;
}
