/**
 * Oxygen and CO2 exchange of the patient with the ECMO oxygenator, at steady state (seconds to minutes: algebraic).
 *
 * Oxygen (saturations as fractions):
 *   drained blood       S_d   = R·S_post + (1 − R)·S_v                  recirculation R
 *   pre-oxygenator      S_pre = (Q_d·S_d + Q_limb·S_post) / Q_pump      the filter limb returns post-oxygenator blood
 *   post-oxygenator     S_post = S_pre + (S_max − S_pre)·E,  E = (1 − e^(−D/Q_pump))·(1 − e^(−sweep/s_O2))
 *   pulmonary artery    S_pa  = β·S_post + (1 − β)·S_v,  β = Q_effective / CO
 *   arterial            SaO2  = shunt·S_pa + (1 − shunt)·S_cap
 *   Fick                S_v   = SaO2 − VO2 / (CO·1.34·Hb)
 * Linear in (S_post, S_v): solved exactly. D is set by the rated flow: E(Q_rated) = E_rated [E].
 * PaO2 from SaO2 by the Severinghaus equation [S: Severinghaus, J Appl Physiol 1979].
 *
 * CO2: removal by lung and oxygenator are both proportional to PaCO2:
 *   PaCO2 = VCO2 / (g_lung + g_oxy),  g_oxy = G·(1 − e^(−sweep/s₀))·sqrt(Q_effective/Q_ref)
 * G and s₀ follow from the published pair (sweep 2 → PaCO2 60, sweep 10 → 27 mmHg at 5 L/min) [S2; sqrt flow
 * scaling E]: no fitting, an exact solve of two equations.
 */
import { boundOxygen_mL_per_mL } from '../../blood.js';

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
  diffusionFlow_mL_min: number;
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

/** D such that E(Q_rated) = E_rated: D = −Q_rated·ln(1 − E_rated). */
export function oxygenatorDiffusionFlow_mL_min(ratedFlow_mL_min: number, effectivenessAtRated: number): number {
  return -ratedFlow_mL_min * Math.log(1 - effectivenessAtRated);
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
    pao2_mmHg: NaN,
    oxygenatorO2Transfer_mL_min: NaN,
  };
  return oxygenExchangeInto(o, withPo2, out);
}

/** oxygenExchange written into `out` (the caller's record: the oxygen line's probes allocate nothing). */
export function oxygenExchangeInto(o: OxygenInputs, withPo2: boolean, out: OxygenState): OxygenState {
  const co = o.cardiacOutput_mL_min;
  const delta = o.o2Consumption_mL_min / (co * boundOxygen_mL_per_mL(o.hemoglobin_g_dL, 1));
  const qp = o.pumpFlow_mL_min;
  const sMax = saturationFromPo2(o.fio2 * DRY_GAS_mmHg);
  const sCap = o.endCapillarySaturation;
  const sh = o.shuntFraction;
  let sPost: number;
  let sv: number;
  let sPre: number;
  let sDrained: number;
  if (qp > 1) {
    const E = (1 - Math.exp(-o.diffusionFlow_mL_min / qp)) * (1 - Math.exp(-o.sweep_L_min / SWEEP_O2_SCALE_L_min));
    const ad = Math.max(o.drainageFlow_mL_min, 0) / qp;
    const al = 1 - ad;
    const R = o.recirculation;
    const beta = Math.min(Math.max(o.effectiveFlow_mL_min, 0) / co, 1);
    // (i)  S_post·[1 − (1−E)(ad·R + al)] − (1−E)·ad·(1−R)·S_v = E·S_max
    // (ii) −sh·β·S_post + [1 − sh·(1−β)]·S_v = (1−sh)·S_cap − δ
    const a11 = 1 - (1 - E) * (ad * R + al);
    const a12 = -(1 - E) * ad * (1 - R);
    const b1 = E * sMax;
    const a21 = -sh * beta;
    const a22 = 1 - sh * (1 - beta);
    const b2 = (1 - sh) * sCap - delta;
    const det = a11 * a22 - a12 * a21;
    sPost = (b1 * a22 - a12 * b2) / det;
    sv = (a11 * b2 - a21 * b1) / det;
    sDrained = R * sPost + (1 - R) * sv;
    sPre = ad * sDrained + al * sPost;
  } else {
    // No ECMO flow: SaO2 = sh·S_v + (1 − sh)·S_cap and S_v = SaO2 − δ.
    sv = ((1 - sh) * sCap - delta) / (1 - sh);
    sPost = sPre = sDrained = sv;
  }
  const sPa = qp > 1 ? Math.min(Math.max(o.effectiveFlow_mL_min, 0) / co, 1) * sPost + (1 - Math.min(Math.max(o.effectiveFlow_mL_min, 0) / co, 1)) * sv : sv;
  const sao2 = clamp01(sh * sPa + (1 - sh) * sCap);
  out.sao2 = sao2;
  out.svo2 = clamp01(sv);
  out.drainedSat = clamp01(sDrained);
  out.preOxygenatorSat = clamp01(sPre);
  out.postOxygenatorSat = clamp01(sPost);
  out.pao2_mmHg = withPo2 ? po2FromSaturation(sao2) : NaN;
  out.oxygenatorO2Transfer_mL_min = qp > 1 ? qp * boundOxygen_mL_per_mL(o.hemoglobin_g_dL, clamp01(sPost) - clamp01(sPre)) : 0;
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
