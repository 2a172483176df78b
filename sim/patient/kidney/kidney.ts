/**
 * The septic kidney, pressure-passive (autoregulation lost in septic AKI [S2: Badin, Crit Care 2011;15:R135]):
 *   RPP  = MAP − CVP                                        renal perfusion pressure
 *   f(RPP) = clamp((RPP − P0)/(Pfull − P0), 0, 1)            filtration limited by pressure [E: linear]
 *   GFR  = GFR_intact · f(RPP) · (1 − I)                     I: the injury, the fraction of filtration lost
 *   dI/dt = (I0·D(t) − I)/τ_rec                              the injury follows the sepsis drive D (1 at the start)
 *   urine = U0 · GFR/GFR0                                    a constant fraction of the filtrate excreted [E]
 * I0 is solved so that the starting GFR equals the starting creatinine clearance (creatinine clearance ≈ GFR; it
 * overestimates GFR by tubular secretion, 10–20 %) at the starting MAP and CVP.
 */

/** The fraction of full filtration the perfusion pressure allows (0 below P0, 1 from Pfull). */
export function perfusionFraction(rpp_mmHg: number, zero_mmHg: number, full_mmHg: number): number {
  const f = (rpp_mmHg - zero_mmHg) / (full_mmHg - zero_mmHg);
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

export interface KidneyParams {
  intactGfr: number;
  zeroFiltrationPressure: number;
  fullFiltrationPressure: number;
}

export function glomerularFiltration_mL_min(p: KidneyParams, rpp_mmHg: number, injury: number): number {
  return p.intactGfr * perfusionFraction(rpp_mmHg, p.zeroFiltrationPressure, p.fullFiltrationPressure) * (1 - injury);
}

/**
 * The injury that gives the starting GFR at the starting perfusion pressure, or why there is none: the kidneys
 * cannot filter more than the pressure allows, and filtration must be possible at all if any is asked for.
 */
export function startingInjury(p: KidneyParams, rpp_mmHg: number, gfr0_mL_min: number): { injury: number } | { problem: string } {
  const possible = p.intactGfr * perfusionFraction(rpp_mmHg, p.zeroFiltrationPressure, p.fullFiltrationPressure);
  if (gfr0_mL_min === 0) return { injury: 1 };
  if (gfr0_mL_min > possible) {
    return {
      problem: `a starting renal clearance of ${gfr0_mL_min} mL/min is more than the kidneys filter at a perfusion pressure (MAP − CVP) of ${Math.round(rpp_mmHg * 10) / 10} mmHg (${Math.round(possible * 10) / 10} mL/min); expected at most that`,
    };
  }
  return { injury: 1 - gfr0_mL_min / possible };
}

/** The injury's rate of change: towards the starting injury scaled by the sepsis drive now. */
export function injuryRate_per_h(injury: number, startingInjury: number, drive: number, recoveryTimeConstant_h: number): number {
  return (startingInjury * drive - injury) / recoveryTimeConstant_h;
}
