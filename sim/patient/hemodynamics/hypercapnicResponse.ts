/**
 * Hypercapnia's circulatory response, as ARDS patients and volunteers show it: an acute rise of PaCO2 raises cardiac
 * output and heart rate while systemic vascular resistance falls and arterial pressure stays where it was, and the
 * response fades over a day and a half although the hypercapnia persists [S: Carvalho et al., Am J Respir Crit Care
 * Med 1997;156:1458, 25 ARDS patients put on permissive hypercapnia: heart rate, cardiac output, DO2 and mixed venous
 * PO2 up at 1 h, PAP +8.8 mmHg with PVR unchanged, SVR down, all attenuated over the first 36 h; the same direction in
 * 41 awake volunteers, PaCO2 39 → 50 mmHg: cardiac index, heart rate and contractility up, total peripheral
 * resistance down, arterial pressure constant, Cullen & Eger, Anesthesiology 1974;41:345].
 *
 *   A' = (PaCO2 − A)/τ_a,  A(0) = PaCO2₀            the PaCO2 the patient has adapted to [E: τ_a from Carvalho's 36 h]
 *   H  = clamp(PaCO2 − A, ±H_max)                    the part of PaCO2 the circulation still answers, held at the
 *                                                     edge of what was measured beyond it [E: H_max 25 mmHg]
 *   δ_hyp = k_CO·CO₀·H                               the cardiac function curve's shift (sympathetic drive) [E]
 *   ΔHR = k_HR·H                                     [E]
 * The right ventricle's afterload (rightHeart.ts) reads the same H. Arterial pressure: the systemic bed widens as far
 * as the flow CO2 drives rises, so MAP is the one the circulation gives without CO2's shifts (part.ts): CO2 moves
 * flow, not pressure [S: MAP unchanged in both studies; a hypothesis as a rule, hemodynamics.md].
 */
export interface HypercapniaParams {
  /** k_CO: fraction of the starting cardiac output the heart's curve gains per mmHg of unadapted PaCO2, 1/mmHg. */
  cardiacOutputGain: number;
  /** k_HR: bpm per mmHg of unadapted PaCO2. */
  heartRateGain: number;
  /** τ_a: time constant of adaptation to a new PaCO2, h. */
  adaptationTime: number;
  /** H_max: the largest unadapted PaCO2 the circulation answers, either way, mmHg. */
  responseRange: number;
}

/** H: the unadapted PaCO2 the circulation answers, mmHg, held at ±H_max (the studies measured ±10–25 mmHg). */
export function answeredPaco2_mmHg(p: HypercapniaParams, paco2_mmHg: number, adapted_mmHg: number): number {
  return Math.min(Math.max(paco2_mmHg - adapted_mmHg, -p.responseRange), p.responseRange);
}

/** dA/dt, mmHg/h: the adapted PaCO2 follows the PaCO2 with time constant τ_a. */
export function adaptationRate_mmHg_h(p: HypercapniaParams, paco2_mmHg: number, adapted_mmHg: number): number {
  return (paco2_mmHg - adapted_mmHg) / p.adaptationTime;
}

/** δ_hyp: the cardiac function curve's shift from the unadapted PaCO2 H, L/min. */
export function hyperdynamicOutputShift_L_min(p: HypercapniaParams, cardiacOutput0_L_min: number, unadapted_mmHg: number): number {
  return p.cardiacOutputGain * cardiacOutput0_L_min * unadapted_mmHg;
}
