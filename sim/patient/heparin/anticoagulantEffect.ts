/**
 * What heparin does, as the laboratory measures it. Heparin acts through antithrombin (AT, fraction of normal):
 *
 *   anti-Xa = C · AT                        assay without added antithrombin: recovery falls linearly with AT
 *                                           below 100 % (Croles, Thromb Res 2019) [S]; above 100 % extrapolated
 *   aPTT    = aPTT₀ · exp(k · C · AT)       the reagent's log-linear heparin-response curve (k fitted to one
 *                                           reagent, reference-data.md §5 [S2]) on the patient's own aPTT₀,
 *                                           prolonged in sepsis (PROWESS: 42.6 s) [S]; that the effective heparin
 *                                           is C·AT in the aPTT too, and that heparin multiplies a prolonged
 *                                           baseline, are hypotheses (docs/models/heparin.md)
 *
 * The analyzer stops at its longest clotting time (`apttMeasuringLimit`, an estimate) and reports that: the
 * exponential curve, extrapolated far beyond the reagent's 0.1–0.4 U/mL, would otherwise overflow.
 *
 * Low antithrombin therefore shortens the aPTT and lowers anti-Xa at a given heparin concentration: heparin
 * resistance, more heparin for the same target.
 */

/** Anti-Xa activity (U/mL) of heparin at C (U/mL) with antithrombin at `antithrombin` (fraction of normal). */
export function antiXaActivity_U_mL(c_U_mL: number, antithrombin: number): number {
  return Math.max(c_U_mL, 0) * antithrombin;
}

/**
 * aPTT (s): the patient's baseline (s) multiplied along the reagent's curve, sensitivity k (mL/U), as the analyzer
 * reports it: at most its measuring limit (s).
 */
export function activatedPartialThromboplastinTime_s(
  baseline_s: number,
  sensitivity_mL_U: number,
  c_U_mL: number,
  antithrombin: number,
  measuringLimit_s: number,
): number {
  const exponent = sensitivity_mL_U * antiXaActivity_U_mL(c_U_mL, antithrombin);
  if (exponent >= Math.log(measuringLimit_s / baseline_s)) return measuringLimit_s; // also a baseline beyond the limit
  return baseline_s * Math.exp(exponent);
}
