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

/**
 * Checked against, not fitted: hemodialysis without renal function (Brunet, Am J Kidney Dis 2008; 35 patients, no
 * bolus): 25 U/kg/h for the first hour, 12.5 U/kg/h for the second and third, stopped for the fourth; anti-Xa
 * 0.25 IU/mL at the end of the 4 h session and below 0.1 IU/mL 90 min later [S].
 */
export const HEMODIALYSIS_REGIMEN = {
  steps: [
    { until_h: 1, rate_U_kg_h: 25 },
    { until_h: 3, rate_U_kg_h: 12.5 },
    { until_h: 4, rate_U_kg_h: 0 },
  ],
  endOfSession: { t_h: 4, antiXa_U_mL: 0.25 },
  after90min: { t_h: 5.5, antiXaBelow_U_mL: 0.1 },
} as const;
