/**
 * The published heparin figures the elimination and the aPTT reagent are fitted to (scripts/fitHeparinElimination.ts),
 * kept here so the fit and the tests read the same numbers.
 */

/** Vd 0.07 L/kg [S2: Hirsh/ACCP]. */
export const HEPARIN_VD_mL_kg = 70;

/** Apparent half-life after an IV bolus [S2: Hirsh/ACCP; S: de Swart, Blood 1982]. */
export const BOLUS_HALF_LIVES = [
  { dose_U_kg: 25, halfLife_h: 0.5 },
  { dose_U_kg: 100, halfLife_h: 1.0 },
  { dose_U_kg: 400, halfLife_h: 2.5 },
] as const;

/**
 * A weight-based infusion at steady state: the mean effective maintenance dose that held the aPTT in its therapeutic
 * range, 16.02 U/kg/h (Raschke, J Gen Intern Med 1996; 46 patients with venous thrombosis) [S], holds heparin at the
 * geometric middle of the anti-Xa range that aPTT range stands for, 0.3–0.7 U/mL (Hirsh/ACCP; Raschke 1993) [S2].
 */
export const INFUSION_STEADY_STATE = { rate_U_kg_h: 16.02, antiXa_U_mL: Math.sqrt(0.3 * 0.7) } as const;

/** The anti-Xa therapeutic range (U/mL) for unfractionated heparin [S2: Hirsh/ACCP; Raschke 1993]. */
export const THERAPEUTIC_ANTI_XA_U_mL = [0.3, 0.7] as const;

/** One aPTT reagent's heparin-response curve [S2: reference-data.md §5]. */
export const APTT_REAGENT_CURVE = [
  { heparin_U_mL: 0.1, aptt_s: 38 },
  { heparin_U_mL: 0.2, aptt_s: 55 },
  { heparin_U_mL: 0.3, aptt_s: 75 },
  { heparin_U_mL: 0.4, aptt_s: 99 },
] as const;

/** Normal aPTT range of the PROWESS laboratory (s) [S: Kinasewitz, Crit Care 2004]. */
export const NORMAL_APTT_s = [21, 39] as const;
