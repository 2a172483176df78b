/**
 * Fits the heparin kinetics per kg of body weight (saturable Vmax, Km; linear clearance; the capacity of the
 * saturable binding sites, the "heparin sink"), and the aPTT reagent's log-linear heparin-response curve, and writes
 * them with their residuals and two figures they were not fitted to into
 * sim/patient/heparin/heparinElimination.calibrated.json.
 *
 * Kinetics (sim/patient/heparin/heparin.ts), four figures, each counted equally in log space (Levenberg–Marquardt,
 * all four parameters in log space, so none can reach 0):
 *   - apparent t½ 30 min after 25 U/kg, 60 min after 100 U/kg, 150 min after 400 U/kg [S2: Hirsh/ACCP; S: de Swart,
 *     Blood 1982], each from the concentration the bolus mixes to in plasma (dose/Vd) to half that, the binding
 *     sites' share taken at once; Vd 0.07 L/kg [S2];
 *   - a weight-based infusion at steady state: the mean effective maintenance dose that holds the aPTT in its
 *     therapeutic range, 16.0 U/kg/h (Raschke, J Gen Intern Med 1996, 46 patients), holds heparin at the middle of
 *     the range that aPTT range stands for, anti-Xa 0.3–0.7 U/mL (Hirsh/ACCP; Raschke 1993): its geometric
 *     midpoint √(0.3·0.7) = 0.458 U/mL. The patients had venous thrombosis, not sepsis: antithrombin taken as normal,
 *     so anti-Xa = concentration.
 * Without the sink (Bmax = 0) the figures disagree: the fit put CL at its bound 0 and missed the smallest bolus and
 * the infusion by ±0.5 in log. Four parameters for four figures: the fit meets them, so the figures it was not fitted
 * to (Raschke 1993's 18 U/kg/h; Brunet 2008's hemodialysis) are the test.
 *
 * Reagent: ln aPTT = ln a₀ + k·C, least squares, to one reagent's curve 0.1 → 38 s, 0.2 → 55 s, 0.3 → 75 s,
 * 0.4 → 99 s [S2: reference-data.md §5]. The model keeps k (the reagent's sensitivity); a₀ is that reagent's
 * normal plasma, replaced in a run by the patient's own baseline aPTT.
 * Run: npm run fit:heparin
 */
import { writeFileSync } from 'node:fs';
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { bolusHalfLife_h, heparinSteadyState_U_mL, type HeparinKinetics } from '../sim/patient/heparin/heparin.js';
import {
  APTT_REAGENT_CURVE,
  BOLUS_HALF_LIVES,
  HEMODIALYSIS_REGIMEN,
  HEPARIN_VD_mL_kg,
  INFUSION_STEADY_STATE,
} from '../sim/patient/heparin/publishedFigures.js';
import { heparinCourse_U_mL } from '../sim/patient/heparin/heparinCourse.js';

const VD_mL_kg = HEPARIN_VD_mL_kg;
const halfLives = BOLUS_HALF_LIVES;
const infusion = { rate_U_kg_h: INFUSION_STEADY_STATE.rate_U_kg_h, steadyState_U_mL: INFUSION_STEADY_STATE.antiXa_U_mL };
const reagentCurve = APTT_REAGENT_CURVE;

/** Parameters [ln Vmax (U/kg/h), ln Km (U/mL), ln CL (mL/kg/h), ln Bmax (U/kg)]. */
function kinetics(p: number[]): HeparinKinetics {
  return {
    distributionVolume_mL: VD_mL_kg,
    saturableVmax_U_h: Math.exp(p[0]),
    saturableKm_U_mL: Math.exp(p[1]),
    linearClearance_mL_h: Math.exp(p[2]),
    bindingCapacity_U: Math.exp(p[3]),
  };
}
/** Point i: a half-life (0–2) or the infusion's steady state (3), in log space. */
const model = (p: number[]) => (i: number) =>
  Math.log(i < halfLives.length ? bolusHalfLife_h(kinetics(p), halfLives[i].dose_U_kg) : heparinSteadyState_U_mL(kinetics(p), infusion.rate_U_kg_h));
const observed = [...halfLives.map((d) => Math.log(d.halfLife_h)), Math.log(infusion.steadyState_U_mL)];

const BOUNDS = { min: [Math.log(1), Math.log(1e-3), Math.log(1e-2), Math.log(1e-2)], max: [Math.log(1e4), Math.log(100), Math.log(1e3), Math.log(1e3)] };
const fit = levenbergMarquardt({ x: observed.map((_, i) => i), y: observed }, model, {
  initialValues: [Math.log(80), Math.log(0.5), Math.log(5), Math.log(5)],
  minValues: BOUNDS.min,
  maxValues: BOUNDS.max,
  maxIterations: 2000,
  errorTolerance: 1e-14,
  damping: 1e-2,
  gradientDifference: 1e-6,
});
const onBound = fit.parameterValues.some((v, i) => Math.abs(v - BOUNDS.min[i]) < 1e-3 || Math.abs(BOUNDS.max[i] - v) < 1e-3);
if (onBound) throw new Error(`fitHeparinElimination: a fitted value sits on its bound (${fit.parameterValues.map(Math.exp).join(', ')})`);
const k = kinetics(fit.parameterValues);
const round = (v: number, digits = 4) => +v.toPrecision(digits);
const logResidual = (model_: number, published: number) => round(Math.log(model_ / published), 3);

/** Least squares of ln aPTT on C: slope k (mL/U) and intercept ln a₀. */
function reagentFit() {
  const n = reagentCurve.length;
  const xs: number[] = reagentCurve.map((r) => r.heparin_U_mL);
  const ys = reagentCurve.map((r) => Math.log(r.aptt_s));
  const mx = xs.reduce((a, b) => a + b) / n;
  const my = ys.reduce((a, b) => a + b) / n;
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const intercept = my - slope * mx;
  const residuals = reagentCurve.map((r) => ({ ...r, fitted_s: round(Math.exp(intercept + slope * r.heparin_U_mL), 3) }));
  return { sensitivity_mL_U: round(slope, 6), normalPlasma_s: round(Math.exp(intercept), 4), residuals };
}

const hd = HEMODIALYSIS_REGIMEN;
const hdCourse = heparinCourse_U_mL(k, hd.steps, [hd.endOfSession.t_h, hd.after90min.t_h]);
const out = {
  note: 'Generated by scripts/fitHeparinElimination.ts (npm run fit:heparin). Do not edit by hand.',
  saturableVmax_U_kg_h: round(k.saturableVmax_U_h, 6),
  saturableKm_U_mL: round(k.saturableKm_U_mL, 6),
  linearClearance_mL_kg_h: round(k.linearClearance_mL_h, 6),
  bindingCapacity_U_kg: round(k.bindingCapacity_U ?? 0, 6),
  distributionVolume_mL_kg: VD_mL_kg,
  residuals: [
    ...halfLives.map((d) => {
      const fitted_min = bolusHalfLife_h(k, d.dose_U_kg) * 60;
      return {
        dose_U_kg: d.dose_U_kg,
        published_min: d.halfLife_h * 60,
        fitted_min: round(fitted_min, 4),
        logResidual: logResidual(fitted_min, d.halfLife_h * 60),
      };
    }),
    (() => {
      const fitted = heparinSteadyState_U_mL(k, infusion.rate_U_kg_h);
      return {
        infusion_U_kg_h: infusion.rate_U_kg_h,
        published_U_mL: round(infusion.steadyState_U_mL, 4),
        fitted_U_mL: round(fitted, 4),
        logResidual: logResidual(fitted, infusion.steadyState_U_mL),
      };
    })(),
  ],
  notFitted: {
    raschke1993_18U_kg_h_U_mL: round(heparinSteadyState_U_mL(k, 18), 4),
    brunet2008_endOfSession_U_mL: round(hdCourse[0], 4),
    brunet2008_90minLater_U_mL: round(hdCourse[1], 4),
  },
  apttReagent: reagentFit(),
};
writeFileSync(new URL('../sim/patient/heparin/heparinElimination.calibrated.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(out, null, 2));
