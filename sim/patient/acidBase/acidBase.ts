/**
 * Acid–base, Henderson–Hasselbalch with the extracellular fluid's non-bicarbonate buffers (the Van Slyke equation of
 * the standard base excess) and a buffer base that lactate shares:
 *
 *   pH = 6.1 + log10(HCO3 / (0.0307·PaCO2))                    [S: Henderson–Hasselbalch, pK 6.1, CO2 solubility
 *                                                                0.0307 mmol/L/mmHg]
 *   HCO3 + β·(pH − 7.4) = Z,   Z = X/V_b − L                    [S: Van Slyke equation for extracellular fluid, the
 *                                                                standard base excess: SBE = 0.93·(HCO3 − 24.4 +
 *                                                                14.83·(pH − 7.4)), β = 14.83 mmol/L per pH unit
 *                                                                (hemoglobin averaged over the ECF, 5 g/dL);
 *                                                                Siggaard-Andersen; CLSI C46-A2]
 *   V_b·d(X/V_b)/dt = K·(HCO3_r − HCO3) − K·L                   the filter: replacement bicarbonate in, plasma bicarbonate
 *                                                                and lactate out, K = Q_eff·SC·DF (exact for
 *                                                                pre-dilution with no net ultrafiltration)
 * X is the buffer base (mmol in the bicarbonate space V_b) and L lactate (mmol/L); Z is the bicarbonate the fluid
 * would hold at pH 7.4 (the Van Slyke line through the state). Lactic acid made in the body titrates the buffer base
 * one for one, bicarbonate and the non-bicarbonate buffers (proteins, hemoglobin, phosphate) together, and lactate
 * the liver burns regenerates it: neither changes X. Only the filter does (it removes lactate, a base equivalent, and
 * exchanges bicarbonate). Bicarbonate then follows from Z and PaCO2: it stays above zero however large the acid load
 * (the non-bicarbonate buffers take the rest, and pH falls along the line), and at a fixed Z it rises with PaCO2 (the
 * CO2 titration curve: about 1 mmol/L per 10 mmHg, as in acute hypercapnia, Brackett 1965). The kidneys' acid
 * excretion is left out (the cohort's patients are oliguric), and so are intracellular and bone buffering.
 */

/** Henderson–Hasselbalch pK and CO2 solubility (mmol/L per mmHg) [S]. */
export const PK = 6.1;
export const CO2_SOLUBILITY_mmol_L_mmHg = 0.0307;
/** β: the extracellular fluid's non-bicarbonate buffer value, mmol/L per pH unit [S: Van Slyke / SBE, 14.83]. */
export const NON_BICARBONATE_BUFFER_mmol_L = 14.83;
/** The pH the Van Slyke line is written about [S: 7.4]. */
export const NORMAL_PH = 7.4;

/** Henderson–Hasselbalch: pH from bicarbonate (mmol/L, above 0) and PaCO2 (mmHg). */
export function arterialPh(bicarbonate_mmol_L: number, paco2_mmHg: number): number {
  return PK + Math.log10(bicarbonate_mmol_L / (CO2_SOLUBILITY_mmol_L_mmHg * paco2_mmHg));
}

/** Z, the bicarbonate at pH 7.4 on the Van Slyke line through (HCO3, pH): HCO3 + β·(pH − 7.4). */
export function bicarbonateAtNormalPh_mmol_L(bicarbonate_mmol_L: number, ph: number): number {
  return bicarbonate_mmol_L + NON_BICARBONATE_BUFFER_mmol_L * (ph - NORMAL_PH);
}

/** Z from the buffer base (mmol in V_b, mL) and lactate (mmol/L). */
export function bicarbonateAtNormalPhFromBase_mmol_L(bufferBase_mmol: number, space_mL: number, lactate_mmol_L: number): number {
  return (1000 * bufferBase_mmol) / space_mL - lactate_mmol_L;
}

/**
 * Bicarbonate (mmol/L) on the Van Slyke line Z at a finite PaCO2: the root of HCO3 + β·(pH(HCO3, PaCO2) − 7.4) = Z. In
 * u = ln HCO3 the left side is e^u + β·u/ln 10 + const, increasing and convex, so the root is unique and Newton finds
 * it from its right without overshooting (3–7 steps). Above 0 for every Z. Allocation-free.
 */
export function bufferedBicarbonate_mmol_L(z_mmol_L: number, paco2_mmHg: number): number {
  const slope = NON_BICARBONATE_BUFFER_mmol_L / Math.LN10;
  const offset = NON_BICARBONATE_BUFFER_mmol_L * (PK - NORMAL_PH) - slope * logDissolvedCo2(paco2_mmHg) - z_mmol_L;
  // a start on the root's right (HCO3 = max(Z, 1), doubled until the residual is not negative), from which Newton on a
  // convex increasing residual descends without overshooting; iterated until a step is round-off. (A start on the left
  // converges too, but on another path whose last bits came out differently in the browser's V8 and in Node's: the dose
  // explorer page must write the command line's sweep file byte for byte, test/browser/explorerSweep.test.ts.)
  // (each e^u is taken once: the start's serves the first Newton step)
  let u = Math.log(Math.max(z_mmol_L, 1));
  let hco3 = Math.exp(u);
  while (hco3 + slope * u + offset < 0) {
    u += Math.LN2;
    hco3 = Math.exp(u);
  }
  for (let i = 0; i < 100; i++) {
    const step = (hco3 + slope * u + offset) / (hco3 + slope);
    u -= step;
    hco3 = Math.exp(u);
    if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(u))) break;
  }
  return hco3;
}

/**
 * ln(0.0307·PaCO2), kept for the last PaCO2 asked (the right-hand side asks at the PaCO2 held between settles, so at
 * most evaluations it is the same double): the same number, one logarithm fewer.
 */
const lastLog = { paco2_mmHg: NaN, log: NaN };
function logDissolvedCo2(paco2_mmHg: number): number {
  if (paco2_mmHg !== lastLog.paco2_mmHg) {
    lastLog.paco2_mmHg = paco2_mmHg;
    lastLog.log = Math.log(CO2_SOLUBILITY_mmol_L_mmHg * paco2_mmHg);
  }
  return lastLog.log;
}

/** pH on the Van Slyke line Z at a bicarbonate on it: 7.4 + (Z − HCO3)/β (no logarithm of a vanishing bicarbonate). */
export function phOnLine(z_mmol_L: number, bicarbonate_mmol_L: number): number {
  return NORMAL_PH + (z_mmol_L - bicarbonate_mmol_L) / NON_BICARBONATE_BUFFER_mmol_L;
}

/** Bicarbonate and pH: what a blood gas reads. */
export interface AcidBaseReading {
  bicarbonate_mmol_L: number;
  ph: number;
}

/**
 * Bicarbonate and pH on the Van Slyke line Z at PaCO2, into `out` (allocation-free). A PaCO2 with no steady state
 * (nothing removes CO2: Infinity) has no root: pH is Henderson–Hasselbalch's limit, −∞, and bicarbonate Z, finite for
 * the right-hand side until the engine stops at the next sample with the cause (engine/physicalLimits.ts,
 * gasExchangeProblem).
 */
export function acidBaseOnLine(z_mmol_L: number, paco2_mmHg: number, out: AcidBaseReading): AcidBaseReading {
  if (!Number.isFinite(paco2_mmHg)) {
    out.bicarbonate_mmol_L = z_mmol_L;
    out.ph = -Infinity;
    return out;
  }
  out.bicarbonate_mmol_L = bufferedBicarbonate_mmol_L(z_mmol_L, paco2_mmHg);
  out.ph = phOnLine(z_mmol_L, out.bicarbonate_mmol_L);
  return out;
}

/** dX/dt, mmol/h: the filter's exchange at clearance K (mL/h). */
export function bufferBaseRate_mmol_h(clearance_mL_h: number, replacement_mmol_L: number, bicarbonate: number, lactate: number): number {
  return (clearance_mL_h / 1000) * (replacement_mmol_L - bicarbonate - lactate);
}
