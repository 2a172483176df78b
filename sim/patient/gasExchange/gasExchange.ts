/**
 * Oxygen and CO2 exchange of the patient with the ECMO oxygenator, at steady state (seconds to minutes: algebraic).
 *
 * Oxygen (saturations as fractions):
 *   drained blood       S_d   = R·S_post + (1 − R)·S_v                  recirculation R
 *   pre-oxygenator      S_pre = (Q_d·S_d + Q_limb·S_post) / Q_pump      the filter limb returns post-oxygenator blood
 *   post-oxygenator     S_post = S(P_out),  P_out the fibre bundle's outlet for blood entering at P_in = S⁻¹(S_pre)
 *                       with transfer units K·A·φ·(1 − e^(−sweep/s_O2)) / Q_pump  (fibreBundle.ts)
 *   pulmonary artery    S_pa  = β·S_post + (1 − β)·S_v,  β = Q_effective / CO
 *   arterial            SaO2  = shunt·S_pa + (1 − shunt)·S_cap
 *   Fick                S_v   = SaO2 − VO2 / (CO·1.34·Hb)
 * Given the bundle's inlet the rest is linear and explicit; S_in is the root of S_pre(S_in) = S_in (the bundle's
 * outlet moves less than its inlet, so the root is unique), found by safeguarded secant steps to 1e-10.
 * K·A is set by the rated flow's definition (ratedMembraneConductance). PaO2 from SaO2 by the Severinghaus equation
 * [S: Severinghaus, J Appl Physiol 1979].
 *
 * CO2: removal by lung and oxygenator are both proportional to PaCO2:
 *   PaCO2 = VCO2 / (g_lung + g_oxy),  g_oxy = G·(1 − e^(−sweep/s₀))·sqrt(Q_effective/Q_ref)
 * G and s₀ follow from the published pair (sweep 2 → PaCO2 60, sweep 10 → 27 mmHg at 5 L/min) [S2; sqrt flow
 * scaling E]: no fitting, an exact solve of two equations.
 */
import { boundOxygen_mL_per_mL } from '../../blood.js';
import { bundleOutletPo2_mmHg, bundleTransferUnits, severinghausPo2_mmHg } from './fibreBundle.js';

/** Dry gas at body temperature, mmHg: barometric 760 less water vapour 47 at 37 °C [S]. */
export const DRY_GAS_mmHg = 713;

/** Sweep flow at which oxygen uptake is 63 % of its sweep-saturated value [E]. */
const SWEEP_O2_SCALE_L_min = 0.2;

export interface OxygenInputs {
  cardiacOutput_mL_min: number;
  pumpFlow_mL_min: number;
  drainageFlow_mL_min: number;
  effectiveFlow_mL_min: number;
  recirculation: number;
  sweep_L_min: number;
  fio2: number;
  /** K·A·φ: the membrane's blood-side oxygen conductance left (mL O2/min/mmHg), before the sweep's share. */
  membraneConductance_mL_min_mmHg: number;
  hemoglobin_g_dL: number;
  o2Consumption_mL_min: number;
  shuntFraction: number;
  endCapillarySaturation: number;
}

export interface OxygenState {
  sao2: number;
  svo2: number;
  /** Blood drained from the vena cava: recirculated oxygenator blood mixed with the body's venous return. */
  drainedSat: number;
  preOxygenatorSat: number;
  postOxygenatorSat: number;
  /** PO2 entering and leaving the fibre bundle (mmHg): one solution with the saturations (fibreBundle.ts). */
  preOxygenatorPo2_mmHg: number;
  postOxygenatorPo2_mmHg: number;
  pao2_mmHg: number;
  oxygenatorO2Transfer_mL_min: number;
}

/** Severinghaus: S = 1 / (1 + 23400 / (P³ + 150·P)). */
export function saturationFromPo2(po2_mmHg: number): number {
  const p = Math.max(po2_mmHg, 0);
  return 1 / (1 + 23400 / (p * p * p + 150 * p));
}

/**
 * Inverse of the Severinghaus equation in closed form, PO2 in mmHg: S = g/(g + 23400) with g = P³ + 150·P, so
 * P³ + 150·P = k, k = 23400·S/(1 − S), a depressed cubic with one real root (Cardano): with D = k²/4 + 50³,
 *   P = u − 50/u,  u = ∛(k/2 + √D)
 * (u·v = −50 for the second cube root v, which avoids the cancellation of ∛(k/2 − √D) at large k), polished by one
 * Newton step on P³ + 150·P − k. The bisection it replaced (60 halvings of [0, 700]) agrees to ~1e-15 relative
 * (test/analytic.test.ts); 700 mmHg from S ≥ 0.9999 as before, and 0 for S ≤ 0 or not a number (the bisection's
 * ~3e-16 there).
 */
export function po2FromSaturation(s: number): number {
  if (!(s > 0)) return 0;
  if (s >= 0.9999) return 700;
  const k = (23400 * s) / (1 - s);
  const u = Math.cbrt(0.5 * k + Math.sqrt(0.25 * k * k + 125000));
  const p = u - 50 / u;
  return p - (p * p * p + 150 * p - k) / (3 * p * p + 150);
}

/**
 * The rated test's blood and gas: standard venous blood (Hb 12 g/dL at 65 % saturation) against pure oxygen, the
 * reference blood of oxygenator performance tests as usually stated (ISO 7199 / AAMI) [E: the standard itself not read].
 */
export const RATED_TEST = { hemoglobin_g_dL: 12, inletSaturation: 0.65, fio2: 1 } as const;

/**
 * K·A (mL O2/min/mmHg) such that standard venous blood at the rated flow leaves at the rated outlet saturation
 * (the definition of rated flow: the flow of standard venous blood that leaves at 95 % oxyhemoglobin saturation
 * [S: PMC5578883]): K·A = Q_rated · ∫_{P(S_in)}^{P(S_rated)} C'(P)/(P_gas − P) dP.
 */
export function ratedMembraneConductance_mL_min_mmHg(ratedFlow_mL_min: number, ratedOutletSaturation: number): number {
  const pGas = RATED_TEST.fio2 * DRY_GAS_mmHg;
  const pIn = po2FromSaturation(RATED_TEST.inletSaturation);
  const pOut = po2FromSaturation(ratedOutletSaturation);
  return ratedFlow_mL_min * bundleTransferUnits(pIn, pOut, pGas, RATED_TEST.hemoglobin_g_dL);
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The mixing solved at `o`; `withPo2` false skips PaO2's inverse (the oxygen line needs saturations only). */
export function oxygenExchange(o: OxygenInputs, withPo2 = true): OxygenState {
  const out: OxygenState = {
    sao2: NaN,
    svo2: NaN,
    drainedSat: NaN,
    preOxygenatorSat: NaN,
    postOxygenatorSat: NaN,
    preOxygenatorPo2_mmHg: NaN,
    postOxygenatorPo2_mmHg: NaN,
    pao2_mmHg: NaN,
    oxygenatorO2Transfer_mL_min: NaN,
  };
  return oxygenExchangeInto(o, withPo2, out);
}

/** One solve's constants and its latest mixing (module records: the solve allocates nothing; single-threaded). */
const LOOP = { ad: NaN, al: NaN, R: NaN, svConst: NaN, svPerPost: NaN, pGas: NaN, units: NaN, hb: NaN };
const MIX = { pIn: NaN, pOut: NaN, sPost: NaN, sv: NaN, sDrained: NaN, sPre: NaN };

/**
 * The circuit mixed for a bundle inlet saturation, into MIX; returns S_pre − S_in, which S_in's root zeroes. With
 * S_post fixed by the bundle, Fick and the arterial mixing give S_v = (b2 + sh·β·S_post)/(1 − sh·(1 − β)) explicitly.
 */
function mixAt(sIn: number): number {
  const l = LOOP;
  const pIn = severinghausPo2_mmHg(sIn);
  const pOut = bundleOutletPo2_mmHg(pIn, l.units, l.pGas, l.hb);
  const sPost = saturationFromPo2(pOut);
  const sv = l.svConst + l.svPerPost * sPost;
  const sDrained = l.R * sPost + (1 - l.R) * sv;
  const sPre = l.ad * sDrained + l.al * sPost;
  MIX.pIn = pIn;
  MIX.pOut = pOut;
  MIX.sPost = sPost;
  MIX.sv = sv;
  MIX.sDrained = sDrained;
  MIX.sPre = sPre;
  return sPre - sIn;
}

/** Tolerance of the inlet's root, in saturation (the residual S_pre − S_in, or the bracket's width). */
const INLET_SAT_TOLERANCE = 1e-10;

/**
 * S_in = S_pre(S_in) on [0, S_max), MIX holding the mixing at the root. The residual S_pre − S_in falls with slope
 * −(1 − k·dS_post/dS_in) ∈ [−1, 0) (the bundle's outlet moves less than its inlet; k < 1 the share of
 * post-oxygenator blood in the inlet), so the root is unique and the fixed-point step S_in ← S_pre is a Newton step
 * for a saturating bundle. It starts at the mix a fully saturating bundle gives, then secant steps, each kept inside
 * the sign bracket (else bisection).
 */
function solveInlet(sMax: number): void {
  const l = LOOP;
  let lo = 0;
  let hi = sMax;
  const svSaturated = l.svConst + l.svPerPost * sMax;
  let s = Math.min(Math.max(l.ad * (l.R * sMax + (1 - l.R) * svSaturated) + l.al * sMax, 0), sMax * (1 - 1e-12));
  let f = mixAt(s);
  let sPrev = NaN;
  let fPrev = NaN;
  for (let i = 0; i < 200; i++) {
    if (Math.abs(f) < INLET_SAT_TOLERANCE || hi - lo < INLET_SAT_TOLERANCE) return;
    if (f > 0) lo = s;
    else hi = s;
    const slope = Number.isNaN(sPrev) ? -1 : (f - fPrev) / (s - sPrev);
    let next = slope < 0 ? s - f / slope : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    sPrev = s;
    fPrev = f;
    s = next;
    f = mixAt(s);
  }
}

/** oxygenExchange written into `out` (the caller's record: the oxygen line's probes allocate nothing). */
export function oxygenExchangeInto(o: OxygenInputs, withPo2: boolean, out: OxygenState): OxygenState {
  const co = o.cardiacOutput_mL_min;
  const delta = o.o2Consumption_mL_min / (co * boundOxygen_mL_per_mL(o.hemoglobin_g_dL, 1));
  const qp = o.pumpFlow_mL_min;
  const sCap = o.endCapillarySaturation;
  const sh = o.shuntFraction;
  const beta = qp > 1 ? Math.min(Math.max(o.effectiveFlow_mL_min, 0) / co, 1) : 0;
  // Fick and the arterial mixing: S_v = [(1 − sh)·S_cap − δ + sh·β·S_post] / [1 − sh·(1 − β)]
  const den = 1 - sh * (1 - beta);
  if (qp > 1) {
    const l = LOOP;
    l.ad = Math.max(o.drainageFlow_mL_min, 0) / qp;
    l.al = 1 - l.ad;
    l.R = o.recirculation;
    l.svConst = ((1 - sh) * sCap - delta) / den;
    l.svPerPost = (sh * beta) / den;
    l.pGas = o.fio2 * DRY_GAS_mmHg;
    l.units = (o.membraneConductance_mL_min_mmHg * (1 - Math.exp(-o.sweep_L_min / SWEEP_O2_SCALE_L_min))) / qp;
    l.hb = o.hemoglobin_g_dL;
    solveInlet(saturationFromPo2(l.pGas));
  } else {
    // No ECMO flow: SaO2 = sh·S_v + (1 − sh)·S_cap and S_v = SaO2 − δ.
    const sv = ((1 - sh) * sCap - delta) / den;
    MIX.sPost = MIX.sPre = MIX.sDrained = MIX.sv = sv;
    MIX.pIn = MIX.pOut = withPo2 ? po2FromSaturation(clamp01(sv)) : NaN; // blood standing in the bundle reads venous
  }
  const sPa = beta * MIX.sPost + (1 - beta) * MIX.sv;
  const sao2 = clamp01(sh * sPa + (1 - sh) * sCap);
  out.sao2 = sao2;
  out.svo2 = clamp01(MIX.sv);
  out.drainedSat = clamp01(MIX.sDrained);
  out.preOxygenatorSat = clamp01(MIX.sPre);
  out.postOxygenatorSat = clamp01(MIX.sPost);
  out.preOxygenatorPo2_mmHg = MIX.pIn;
  out.postOxygenatorPo2_mmHg = MIX.pOut;
  out.pao2_mmHg = withPo2 ? po2FromSaturation(sao2) : NaN;
  out.oxygenatorO2Transfer_mL_min = qp > 1 ? qp * boundOxygen_mL_per_mL(o.hemoglobin_g_dL, clamp01(MIX.sPost) - clamp01(MIX.sPre)) : 0;
  return out;
}

export interface Co2Calibration {
  /** G, mL/min/mmHg at the reference blood flow with sweep saturated. */
  maxConductance_mL_min_mmHg: number;
  /** s₀, L/min. */
  sweepScale_L_min: number;
  referenceBloodFlow_mL_min: number;
}

/**
 * G and s₀ from the published pair: g_oxy(s) = VCO2/PaCO2(s) − g_lung, and
 * g_oxy(hi)/g_oxy(lo) = (1 − e^(−hi/s₀)) / (1 − e^(−lo/s₀)) solved for s₀ by bisection.
 */
export function co2CalibrationFromPublishedPair(p: {
  referenceBloodFlow: number;
  lowSweep: number;
  paco2AtLowSweep: number;
  highSweep: number;
  paco2AtHighSweep: number;
  referenceCo2Production: number;
  referenceLungConductance: number;
}): Co2Calibration {
  const gLo = p.referenceCo2Production / p.paco2AtLowSweep - p.referenceLungConductance;
  const gHi = p.referenceCo2Production / p.paco2AtHighSweep - p.referenceLungConductance;
  const target = gHi / gLo;
  const ratio = (s0: number) => (1 - Math.exp(-p.highSweep / s0)) / (1 - Math.exp(-p.lowSweep / s0));
  if (!(gLo > 0 && target > 1 && target < p.highSweep / p.lowSweep)) {
    throw new Error(
      `circuit.oxygenator.co2: the published pair cannot be met by a saturating sweep curve (oxygenator conductance ${gLo.toFixed(2)} → ${gHi.toFixed(2)} mL/min/mmHg)`,
    );
  }
  let lo = 1e-3;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (ratio(mid) > target) hi = mid;
    else lo = mid;
  }
  const s0 = Math.sqrt(lo * hi);
  return { maxConductance_mL_min_mmHg: gLo / (1 - Math.exp(-p.lowSweep / s0)), sweepScale_L_min: s0, referenceBloodFlow_mL_min: p.referenceBloodFlow };
}

export function oxygenatorCo2Conductance(c: Co2Calibration, sweep_L_min: number, effectiveFlow_mL_min: number): number {
  if (sweep_L_min <= 0 || effectiveFlow_mL_min <= 0) return 0;
  return c.maxConductance_mL_min_mmHg * (1 - Math.exp(-sweep_L_min / c.sweepScale_L_min)) * Math.sqrt(effectiveFlow_mL_min / c.referenceBloodFlow_mL_min);
}

export function arterialCo2_mmHg(co2Production_mL_min: number, lungConductance: number, oxygenatorConductance: number): number {
  const g = lungConductance + oxygenatorConductance;
  return g > 0 ? co2Production_mL_min / g : Infinity;
}
