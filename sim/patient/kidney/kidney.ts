/**
 * The septic kidney, pressure-passive (autoregulation lost in septic AKI [S2: Badin, Crit Care 2011;15:R135]):
 *   RPP  = MAP − CVP                                        renal perfusion pressure
 *   f(RPP) = clamp((RPP − P0)/(Pfull − P0), 0, 1)            filtration limited by pressure [E: linear]
 *   GFR  = GFR_intact · f(RPP) · (1 − I)                     I: the injury, the fraction of filtration lost
 *   dI/dt = (I0·D(t) − I)/τ_rec                              the injury follows the sepsis drive D (1 at the start)
 *   GFR0 = GFR_intact · f(RPP0) · (1 − I0)                   the starting GFR, from the starting injury I0
 *   urine = e · GFR,  e = U0/GFR0                            a constant fraction of the filtrate excreted [E]
 * Creatinine's renal clearance is the GFR (creatinine clearance ≈ GFR; it overestimates GFR by tubular secretion,
 * 10–20 %), urea's a fixed fraction of it (solutes/urea.ts).
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
 * The fraction of the filtrate excreted as urine, from the starting urine output and the starting GFR:
 *   e = U0 / (60·GFR0)          U0 in mL/h, GFR0 in mL/min
 * or why there is none: urine without filtration, or more urine than filtrate. No urine asked is 0 whatever GFR0
 * is (an anuric start needs no division).
 */
export function excretedFraction(urine0_mL_h: number, gfr0_mL_min: number): { fraction: number } | { problem: string } {
  if (urine0_mL_h === 0) return { fraction: 0 };
  const filtrate_mL_h = 60 * gfr0_mL_min;
  if (filtrate_mL_h === 0) {
    return {
      problem: `a starting urine output of ${urine0_mL_h} mL/h with no starting filtration (GFR0 0 mL/min); expected 0 mL/h, or a starting injury below 1 and a perfusion pressure above the zero-filtration pressure`,
    };
  }
  if (urine0_mL_h > filtrate_mL_h) {
    return {
      problem: `a starting urine output of ${urine0_mL_h} mL/h is more than the starting filtrate (GFR0 ${Math.round(gfr0_mL_min * 100) / 100} mL/min = ${Math.round(filtrate_mL_h)} mL/h); expected at most that`,
    };
  }
  return { fraction: urine0_mL_h / filtrate_mL_h };
}

/** The injury's rate of change: towards the starting injury scaled by the sepsis drive now. */
export function injuryRate_per_h(injury: number, startingInjury: number, drive: number, recoveryTimeConstant_h: number): number {
  return (startingInjury * drive - injury) / recoveryTimeConstant_h;
}
