/**
 * Oxygen exchange of the patient with the ECMO oxygenator, at steady state (seconds to minutes: algebraic).
 *
 * Oxygen, mixed as content: σ = C/b, the content (bound and dissolved, C = b·S(P) + α·P) in units of the blood's
 * capacity b = 1.34·Hb, so that mixing and Fick are linear in it; the series are bound saturations, S(P) at the
 * PO2 whose content is σ (po2FromContent_mmHg):
 *   drained blood       S_d   = R·S_post + (1 − R)·S_v                  recirculation R (all σ below)
 *   pre-oxygenator      S_pre = (Q_d·S_d + Q_limb·S_post) / Q_pump      the filter limb returns post-oxygenator blood
 *   post-oxygenator     S_post = S(P_out),  P_out the fibre bundle's outlet for blood entering at P_in = S⁻¹(S_pre)
 *                       with transfer units K·A·φ·(1 − e^(−sweep/s_O2)) / Q_pump  (fibreBundle.ts)
 *   pulmonary artery    S_pa  = β·S_post + (1 − β)·S_v,  β = Q_effective / CO
 *   arterial            SaO2  = shunt·S_pa + (1 − shunt)·S_cap
 *   Fick                S_v   = SaO2 − VO2 / (CO·1.34·Hb)             S_cap: the lung's, with its dissolved α·S⁻¹(S_cap)
 * With the heart stopped (CO 0) Fick is 0/0: the blood standing in the vessels keeps what the limit of flow → 0 gives
 * (S_v = (1 − E₀)·SaO2, β its limit; OxygenInputs.extractionAtZeroOutput, docs/models/gas-exchange.md "A stopped heart").
 * Given the bundle's inlet the rest is linear and explicit; S_in is the root of S_pre(S_in) = S_in (the bundle's
 * outlet moves less than its inlet, so the root is unique), found by safeguarded secant steps to 1e-10.
 * K·A is set by the rated flow's definition (ratedMembraneConductance). PaO2 from SaO2 by the Severinghaus equation
 * [S: Severinghaus, J Appl Physiol 1979].
 *
 * CO2: co2Exchange.ts.
 */
import { boundOxygen_mL_per_mL } from '../../blood.js';
import { bundleOutletPo2_mmHg, bundleTransferUnits, DISSOLVED_O2_mL_mL_mmHg, saturationSlope_per_mmHg, severinghausPo2_mmHg } from './fibreBundle.js';

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
  /**
   * Read at zero cardiac output only, where Fick's δ = VO2/(CO·1.34·Hb) is 0/0: the limits of flow → 0, so that the
   * blood's figures at a stopped heart continue those just before it stopped. The ECMO return's share of the
   * pulmonary flow, lim Q_eff/CO (circuit/recirculation.ts; absent: 1 if the circuit returns blood, else 0), and the
   * tissues' extraction, lim VO2/DO2 = min(VO2_demand/DO2_crit, E_max) (oxygenConsumption.ts; absent: 0).
   */
  returnShareAtZeroOutput?: number;
  extractionAtZeroOutput?: number;
}

export interface OxygenState {
  sao2: number;
  svo2: number;
  /** Blood drained from the vena cava: recirculated oxygenator blood mixed with the body's venous return. */
  drainedSat: number;
  preOxygenatorSat: number;
  postOxygenatorSat: number;
  /** σ_a: arterial content over the blood's capacity 1.34·Hb (bound and dissolved; may exceed 1): DO2 = CO·1.34·Hb·σ_a. */
  arterialContentSat: number;
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
 * Inverse of the Severinghaus equation, PO2 in mmHg: the closed form of fibreBundle.ts (Cardano on
 * P³ + 150·P = 23400·S/(1 − S)) polished by one Newton step. The bisection it replaced (60 halvings of [0, 700])
 * agrees to ~1e-15 relative (test/oxygenInverses.test.ts); 700 mmHg from S ≥ 0.9999 as before, and 0 for S ≤ 0 or
 * not a number.
 */
export function po2FromSaturation(s: number): number {
  if (!(s > 0)) return 0;
  if (s >= 0.9999) return 700;
  const k = (23400 * s) / (1 - s);
  const p = severinghausPo2_mmHg(s);
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

/** The mixing solved at `o`; `withPo2` false gives the arterial content only (the oxygen line's probes), no saturations. */
export function oxygenExchange(o: OxygenInputs, withPo2 = true): OxygenState {
  const out: OxygenState = {
    sao2: NaN,
    svo2: NaN,
    drainedSat: NaN,
    preOxygenatorSat: NaN,
    postOxygenatorSat: NaN,
    arterialContentSat: NaN,
    preOxygenatorPo2_mmHg: NaN,
    postOxygenatorPo2_mmHg: NaN,
    pao2_mmHg: NaN,
    oxygenatorO2Transfer_mL_min: NaN,
  };
  return oxygenExchangeInto(o, withPo2, out);
}

/** One solve's constants and its latest mixing (module records: the solve allocates nothing; single-threaded). */
const LOOP = { ad: NaN, al: NaN, R: NaN, svConst: NaN, svPerPost: NaN, pGas: NaN, units: NaN, hb: NaN, alphaOverB: NaN };
const MIX = { pIn: NaN, pOut: NaN, sIn: NaN, sPost: NaN, sv: NaN, sDrained: NaN, sPre: NaN };

type Loop = typeof LOOP;
type Mix = typeof MIX;
/**
 * The last two solves' constants and mixings (module records, allocated once): a solve whose constants equal one of
 * them (every field the same double) takes its mixing instead of solving again, the same numbers by construction. An
 * output sample at a check's time mixes at the tissues' demand, and the oxygen line's check then probes the demand
 * at the same state (oxygenConsumption.ts), with its probe at no consumption between the two.
 */
const SOLVED: { loop: Loop; mix: Mix }[] = [
  { loop: { ...LOOP }, mix: { ...MIX } },
  { loop: { ...LOOP }, mix: { ...MIX } },
];
let nextSolved = 0;

/** Every constant a solve reads (LOOP's fields, so a field added there is compared too). */
const LOOP_KEYS = Object.keys(LOOP) as (keyof Loop)[];

function sameLoop(a: Loop, b: Loop): boolean {
  for (const k of LOOP_KEYS) if (a[k] !== b[k]) return false;
  return true;
}

/** solveInlet at LOOP's constants, or the mixing a remembered solve at the same constants found. */
function solveInletRemembered(sMax: number): void {
  for (const solved of SOLVED) {
    if (sameLoop(solved.loop, LOOP)) {
      Object.assign(MIX, solved.mix);
      return;
    }
  }
  solveInlet(sMax);
  const slot = SOLVED[nextSolved];
  nextSolved = 1 - nextSolved;
  Object.assign(slot.loop, LOOP);
  Object.assign(slot.mix, MIX);
}

/**
 * The circuit mixed for a bundle inlet saturation S_in, into MIX (contents σ); returns σ_pre − σ_in, which S_in's
 * root zeroes. With σ_post fixed by the bundle, Fick and the arterial mixing give
 * σ_v = (b2 + sh·β·σ_post)/(1 − sh·(1 − β)) explicitly.
 */
function mixAt(sIn: number): number {
  const l = LOOP;
  const pIn = severinghausPo2_mmHg(sIn);
  const pOut = bundleOutletPo2_mmHg(pIn, l.units, l.pGas, l.hb);
  const sPost = saturationFromPo2(pOut) + l.alphaOverB * pOut;
  const sv = l.svConst + l.svPerPost * sPost;
  const sDrained = l.R * sPost + (1 - l.R) * sv;
  const sPre = l.ad * sDrained + l.al * sPost;
  MIX.pIn = pIn;
  MIX.pOut = pOut;
  MIX.sIn = saturationFromPo2(pIn) + l.alphaOverB * pIn; // the inlet's content, as the outlet's is formed
  MIX.sPost = sPost;
  MIX.sv = sv;
  MIX.sDrained = sDrained;
  MIX.sPre = sPre;
  return sPre - (sIn + l.alphaOverB * pIn);
}

/** Tolerance of the inlet's root, in saturation (the residual S_pre − S_in, or the bracket's width). */
const INLET_SAT_TOLERANCE = 1e-10;

/**
 * σ_in(S_in) = σ_pre(S_in) on [0, S_max), MIX holding the mixing at the root. The residual σ_pre − σ_in falls with
 * S_in (σ_in rises with its own dissolved part; the bundle's outlet moves less than its inlet and k < 1 is the share
 * of post-oxygenator blood in the inlet), so the root is unique and the fixed-point step S_in ← σ_pre is close to a
 * Newton step for a saturating bundle. It starts at the mix a fully saturating bundle gives, then secant steps, each
 * kept inside the sign bracket (else bisection).
 */
function solveInlet(sMax: number): void {
  const l = LOOP;
  let lo = 0;
  let hi = sMax;
  const postSaturated = sMax + l.alphaOverB * l.pGas;
  const svSaturated = l.svConst + l.svPerPost * postSaturated;
  const start = l.ad * (l.R * postSaturated + (1 - l.R) * svSaturated) + l.al * postSaturated; // σ; S_in ≈ σ_in
  let s = Math.min(Math.max(start, 0), sMax * (1 - 1e-12));
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

/**
 * The PO2 (mmHg) of blood with content σ·b, bound and dissolved: S(P) + (α/b)·P = σ, by Newton from S⁻¹(σ) (where
 * the dissolved part makes the residual positive) kept inside its bracket; 0 for σ ≤ 0.
 */
export function po2FromContent_mmHg(sigma: number, alphaOverB: number): number {
  if (!(sigma > 0)) return 0;
  let lo = 0;
  let hi = Math.min(severinghausPo2_mmHg(sigma), sigma / alphaOverB);
  let p = hi;
  for (let i = 0; i < 100; i++) {
    const f = saturationFromPo2(p) + alphaOverB * p - sigma;
    if (Math.abs(f) < 1e-13) return p;
    if (f > 0) hi = p;
    else lo = p;
    let next = p - f / (saturationSlope_per_mmHg(p) + alphaOverB);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (hi - lo < 1e-10) return next;
    p = next;
  }
  return p;
}

/** The bound saturations of the mixed contents in MIX, into `out` (the arterial's σ_a given). */
function writeSaturations(o: OxygenInputs, sigmaA: number, withPo2: boolean, out: OxygenState): void {
  const qp = o.pumpFlow_mL_min;
  const b = boundOxygen_mL_per_mL(o.hemoglobin_g_dL, 1);
  const aOverB = DISSOLVED_O2_mL_mL_mmHg / b;
  out.arterialContentSat = sigmaA;
  out.preOxygenatorPo2_mmHg = MIX.pIn;
  out.postOxygenatorPo2_mmHg = MIX.pOut;
  // bound and dissolved: the bundle's outlet less its own inlet (σ_pre equals σ_in only to the root's tolerance)
  out.oxygenatorO2Transfer_mL_min = qp > 1 ? qp * b * (MIX.sPost - MIX.sIn) : 0;
  if (!withPo2) {
    out.sao2 = out.svo2 = out.drainedSat = out.preOxygenatorSat = out.postOxygenatorSat = out.pao2_mmHg = NaN;
    return;
  }
  out.pao2_mmHg = po2FromContent_mmHg(sigmaA, aOverB);
  out.sao2 = saturationFromPo2(out.pao2_mmHg);
  out.svo2 = saturationFromPo2(po2FromContent_mmHg(MIX.sv, aOverB));
  out.drainedSat = saturationFromPo2(po2FromContent_mmHg(MIX.sDrained, aOverB));
  out.preOxygenatorSat = saturationFromPo2(MIX.pIn);
  out.postOxygenatorSat = saturationFromPo2(MIX.pOut);
}

/** oxygenExchange written into `out` (the caller's record: the oxygen line's probes allocate nothing). */
export function oxygenExchangeInto(o: OxygenInputs, withPo2: boolean, out: OxygenState): OxygenState {
  const co = o.cardiacOutput_mL_min;
  const b = boundOxygen_mL_per_mL(o.hemoglobin_g_dL, 1);
  const alphaOverB = DISSOLVED_O2_mL_mL_mmHg / b;
  // Fick while the heart moves blood: σ_v = σ_a − δ, δ = VO2/(CO·b) (no consumption, no extraction). With the heart
  // stopped (CO 0) the limit of flow → 0: consumption falls with delivery (supply-dependent), the venous blood keeps
  // the extraction E₀ that limit leaves, σ_v = g·σ_a with g = 1 − E₀, and the return's share β is its limit too
  const stopped = !(co > 0);
  const delta = !stopped && o.o2Consumption_mL_min > 0 ? o.o2Consumption_mL_min / (co * b) : 0;
  const keep = stopped ? 1 - (o.extractionAtZeroOutput ?? 0) : 1;
  const qp = o.pumpFlow_mL_min;
  // the lung's end-capillary blood with its dissolved oxygen, at the PO2 its saturation stands for
  const sCap = o.endCapillarySaturation + alphaOverB * Math.min(severinghausPo2_mmHg(o.endCapillarySaturation), DRY_GAS_mmHg);
  const sh = o.shuntFraction;
  // β = Q_eff/CO ≤ 1
  const beta =
    qp > 1 ? Math.min(Math.max(stopped ? (o.returnShareAtZeroOutput ?? (o.effectiveFlow_mL_min > 0 ? 1 : 0)) : o.effectiveFlow_mL_min / co, 0), 1) : 0;
  // Fick and the arterial mixing: σ_v = [g·(1 − sh)·σ_cap − δ + g·sh·β·σ_post] / [1 − g·sh·(1 − β)]  (g = 1 flowing)
  const den = 1 - keep * sh * (1 - beta);
  if (qp > 1) {
    const l = LOOP;
    l.ad = Math.max(o.drainageFlow_mL_min, 0) / qp;
    l.al = 1 - l.ad;
    l.R = o.recirculation;
    l.svConst = (keep * (1 - sh) * sCap - delta) / den;
    l.svPerPost = (keep * sh * beta) / den;
    l.pGas = o.fio2 * DRY_GAS_mmHg;
    l.units = (o.membraneConductance_mL_min_mmHg * (1 - Math.exp(-o.sweep_L_min / SWEEP_O2_SCALE_L_min))) / qp;
    l.hb = o.hemoglobin_g_dL;
    l.alphaOverB = alphaOverB;
    solveInletRemembered(saturationFromPo2(l.pGas));
  } else {
    // No ECMO flow: σ_a = sh·σ_v + (1 − sh)·σ_cap and σ_v = g·σ_a − δ.
    const sv = (keep * (1 - sh) * sCap - delta) / den;
    MIX.sIn = MIX.sPost = MIX.sPre = MIX.sDrained = MIX.sv = sv;
    MIX.pIn = MIX.pOut = withPo2 ? po2FromContent_mmHg(sv, alphaOverB) : NaN; // blood standing in the bundle reads venous
  }
  const sPa = beta * MIX.sPost + (1 - beta) * MIX.sv;
  writeSaturations(o, sh * sPa + (1 - sh) * sCap, withPo2, out);
  return out;
}
