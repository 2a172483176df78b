/**
 * Oxygen transfer along the oxygenator's fibre bundle, in one dimension (gas-exchange.md, "The fibre bundle").
 *
 * Blood in plug flow Q through the bundle, the gas side at P_gas = FiO2·713 mmHg along its whole length, a blood-side
 * conductance K·A (mL O2/min/mmHg) spread evenly over the length x ∈ [0, 1]:
 *   Q·dC/dx = K·A·(P_gas − P(C)),   C(P) = b·S(P) + α·P,   b = 1.34·Hb/100,  α = 0.003 mL/dL/mmHg
 * [S: content, Bartlett, J Intensive Care Med 2016 (dissolved 0.003 mL/mmHg/dL); S(P) Severinghaus 1979].
 * Separating the variables gives the bundle's transfer units per unit flow:
 *   ∫_{P_in}^{P_out} C'(P)/(P_gas − P) dP = K·A/Q
 * Because dC/dP is large while hemoglobin binds and only α once it is saturated, the blood saturates early in the
 * bundle and its PO2 then climbs steeply towards the gas: one exponential in C cannot do both.
 *
 * Integration: with g = S'(P_gas),
 *   ∫ C'/(P_gas − P) dP = b·[H(P_out) − H(P_in)] + (α + b·g)·ln((P_gas − P_in)/(P_gas − P_out)),
 *   H(P) = ∫_0^P (S'(p) − g)/(P_gas − p) dp
 * H is smooth on [0, P_gas] (the logarithmic singularity is taken out in closed form); it is tabulated once per
 * P_gas (4-point Gauss–Legendre per cell, cubic Hermite between nodes with its exact slope). The outlet is solved in
 * y = −ln(P_gas − P), where the left side's slope is C'(P) ≥ α: Newton safeguarded by a bracket.
 * Nothing here allocates after the tables exist (two preallocated tables, reused by P_gas).
 */
import { boundOxygen_mL_per_mL } from '../../blood.js';

/** α: dissolved oxygen, mL O2 per mL blood per mmHg (0.003 mL/dL/mmHg) [S: Bartlett 2016; physiology texts]. */
export const DISSOLVED_O2_mL_mL_mmHg = 0.003 / 100;

/** dS/dP of the Severinghaus curve, S = (P³ + 150·P)/(P³ + 150·P + 23400), per mmHg. */
export function saturationSlope_per_mmHg(p: number): number {
  if (p <= 0) return 0;
  const d = p * p * p + 150 * p + 23400;
  return (23400 * (3 * p * p + 150)) / (d * d);
}

/**
 * The Severinghaus curve inverted in closed form: S = (P³ + 150·P)/(P³ + 150·P + 23400) gives the cubic
 * P³ + 150·P = K, K = 23400·S/(1 − S), with one real root (Cardano; 150 > 0): P = u − 50/u,
 * u = ∛(K/2 + √(K²/4 + 50³)). Exact, no iteration (mmHg; 0 for S ≤ 0, Infinity for S ≥ 1).
 */
export function severinghausPo2_mmHg(s: number): number {
  if (!(s > 0)) return 0;
  if (!(s < 1)) return Infinity;
  const k = (23400 * s) / (1 - s);
  const u = Math.cbrt(0.5 * k + Math.sqrt(0.25 * k * k + 125000));
  return u - 50 / u;
}

/** Cells of the H table over [0, P_gas] [E: 512 cells; H is then exact to ~1e-9 of its range]. */
const CELLS = 512;
const GL_X = [-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526];
const GL_W = [0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538];

interface Table {
  pGas: number;
  /** S'(P_gas). */
  slopeAtGas: number;
  step: number;
  h: Float64Array;
  dh: Float64Array;
}

const newTable = (): Table => ({ pGas: NaN, slopeAtGas: NaN, step: NaN, h: new Float64Array(CELLS + 1), dh: new Float64Array(CELLS + 1) });
/** Two tables: the rated test's gas (FiO2 1.0) and the run's sweep FiO2 live side by side without rebuilding. */
const TABLES: [Table, Table] = [newTable(), newTable()];
let lastBuilt = 1;

/** (S'(p) − S'(P_gas))/(P_gas − p), its limit −S''(P_gas) taken by a one-sided difference at the end. */
function integrand(p: number, pGas: number, slopeAtGas: number): number {
  const gap = pGas - p;
  if (gap > 1e-6 * pGas) return (saturationSlope_per_mmHg(p) - slopeAtGas) / gap;
  const d = 1e-3 * pGas;
  return (saturationSlope_per_mmHg(pGas - d) - slopeAtGas) / d;
}

function buildTable(t: Table, pGas: number): void {
  t.pGas = pGas;
  t.slopeAtGas = saturationSlope_per_mmHg(pGas);
  t.step = pGas / CELLS;
  t.h[0] = 0;
  t.dh[0] = integrand(0, pGas, t.slopeAtGas);
  for (let i = 0; i < CELLS; i++) {
    const mid = (i + 0.5) * t.step;
    let sum = 0;
    for (let k = 0; k < 4; k++) sum += GL_W[k] * integrand(mid + 0.5 * t.step * GL_X[k], pGas, t.slopeAtGas);
    t.h[i + 1] = t.h[i] + 0.5 * t.step * sum;
    t.dh[i + 1] = integrand((i + 1) * t.step, pGas, t.slopeAtGas);
  }
}

function tableFor(pGas: number): Table {
  if (TABLES[0].pGas === pGas) return TABLES[0];
  if (TABLES[1].pGas === pGas) return TABLES[1];
  lastBuilt = 1 - lastBuilt;
  buildTable(TABLES[lastBuilt], pGas);
  return TABLES[lastBuilt];
}

/** H(P) by cubic Hermite between the table's nodes (P clamped to [0, P_gas]). */
function hAt(t: Table, p: number): number {
  const u = Math.min(Math.max(p / t.step, 0), CELLS);
  const i = Math.min(Math.floor(u), CELLS - 1);
  const s = u - i;
  const s2 = s * s;
  const s3 = s2 * s;
  return (2 * s3 - 3 * s2 + 1) * t.h[i] + (s3 - 2 * s2 + s) * t.step * t.dh[i] + (-2 * s3 + 3 * s2) * t.h[i + 1] + (s3 - s2) * t.step * t.dh[i + 1];
}

/** F(P) = b·H(P) + (α + b·g)·y, y = −ln(P_gas − P): the transfer units from 0 to P, up to a constant. */
function unitsAt(t: Table, b: number, y: number): number {
  return b * hAt(t, t.pGas - Math.exp(-y)) + (DISSOLVED_O2_mL_mL_mmHg + b * t.slopeAtGas) * y;
}

/**
 * The bundle's transfer units between two PO2s, ∫_{P_in}^{P_out} C'(P)/(P_gas − P) dP (mL O2 per mL blood per
 * mmHg): the K·A/Q that takes blood from P_in to P_out. Both PO2s must lie below P_gas.
 */
export function bundleTransferUnits(pIn_mmHg: number, pOut_mmHg: number, pGas_mmHg: number, hb_g_dL: number): number {
  const t = tableFor(pGas_mmHg);
  const b = boundOxygen_mL_per_mL(hb_g_dL, 1);
  return unitsAt(t, b, -Math.log(pGas_mmHg - pOut_mmHg)) - unitsAt(t, b, -Math.log(pGas_mmHg - pIn_mmHg));
}

/** PO2 leaving the bundle (mmHg) for blood entering at P_in with transfer units K·A/Q (≥ 0). */
export function bundleOutletPo2_mmHg(pIn_mmHg: number, transferUnits: number, pGas_mmHg: number, hb_g_dL: number): number {
  if (!(transferUnits > 0) || !(pIn_mmHg < pGas_mmHg)) return pIn_mmHg; // no exchange, or blood already at the gas
  const t = tableFor(pGas_mmHg);
  const b = boundOxygen_mL_per_mL(hb_g_dL, 1);
  const yIn = -Math.log(pGas_mmHg - Math.max(pIn_mmHg, 0));
  const target = unitsAt(t, b, yIn) + transferUnits;
  // dF/dy = C'(P) ≥ α, so F(yIn + units/α) ≥ target: a bracket
  let lo = yIn;
  let hi = yIn + transferUnits / DISSOLVED_O2_mL_mL_mmHg;
  // two starts left of the root where F is concave (C' falling past the dissociation curve's steepest point): Newton's
  // step from the inlet, and the root if H had reached H(P_gas) (F's asymptote: the blood saturated, only α·y left);
  // the larger is the nearer, and Newton from the left of a concave F does not overshoot
  const asymptote = (target - b * t.h[CELLS]) / (DISSOLVED_O2_mL_mL_mmHg + b * t.slopeAtGas);
  let y = Math.min(Math.max(yIn + transferUnits / (b * saturationSlope_per_mmHg(Math.max(pIn_mmHg, 1)) + DISSOLVED_O2_mL_mL_mmHg), asymptote), hi);
  for (let i = 0; i < 100; i++) {
    const f = unitsAt(t, b, y) - target;
    if (f > 0) hi = y;
    else lo = y;
    const p = pGas_mmHg - Math.exp(-y);
    const step = f / (b * saturationSlope_per_mmHg(p) + DISSOLVED_O2_mL_mL_mmHg);
    let next = y - step;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi); // Newton left the bracket: bisect
    if (Math.abs(next - y) < 1e-12 * Math.max(1, Math.abs(y)) || hi - lo < 1e-12) return pGas_mmHg - Math.exp(-next);
    y = next;
  }
  return pGas_mmHg - Math.exp(-y);
}
