/**
 * The patient's side of the drainage cannula: how much blood the veins can deliver to it, and what happens past that.
 *
 * Venous pressure follows intravascular volume through the venous compliance, and mean systemic filling pressure
 * keeps its starting gradient above it (both move with the same compliance):
 *   P_v    = CVP₀  + (V − V₀) / C_v                                   [E: Guyton compliance]
 *   P_msf  = P_v + ΔP_vr                                             [S: Guérin 2015 for ΔP_vr, Pmsf₀ − CVP₀]
 * Guyton's venous return, VR = (P_msf − P_ra) / R_vr, with R_vr from the steady state VR = CO at the start:
 *   R_vr   = ΔP_vr / CO                                              [S: Guyton; Guérin 2015 for the size]
 * The drained vein collapses when the pressure inside falls below the pressure around it (P_ext: intra-abdominal
 * for a femoral cannula's vena cava), so the most the veins deliver is Guyton's plateau (a Starling resistor):
 *   Q_lim  = φ · (P_msf − P_ext) / R_vr                               φ: accessible fraction (1, less if malpositioned)
 * While drainage stays below it the vein is open and the pressure at the tip falls linearly from P_v to P_ext:
 *   P_tip  = P_v − R_up · Q_d,   R_up = max(P_v − P_ext, 0) / Q_lim    [E: hypothesis joining the two ends]
 * Past it the vein collapses intermittently ("chatter", chatter.ts).
 *
 * The drained vein's pressure at rest is the linear P_v only while it is distended (P_v ≥ P_ext). Below the
 * pressure around it a vein collapses: its cross-section flattens at almost no change of transmural pressure
 * (the collapsed branch of a collapsible tube's tube law [S: Shapiro, J Biomech Eng 1977; Kamm & Pedley 1989],
 * p_tm = −K_p·(α^(−3/2) − 1), with K_p = E·h³/(12·(1 − ν²)·R³) of a thin vein wall well below 1 mmHg), so the
 * volume the linear compliance would take out below P_ext comes out of the vein's shape instead:
 *   x      = P_v,lin − P_ext                       (the linear law's transmural pressure)
 *   P_vein = P_v,lin                               x ≥ 0, distended
 *          = P_ext − P_c·(1 − exp(x / P_c))        x < 0, collapsing: never below P_ext − P_c
 * [E: hypothesis, an exponential approach to the tube law's near-zero collapsed transmural pressure, continuous
 * with the linear law in value and slope; P_c (`circuit.venousDrainage.collapsePressure`) an estimate]. A vein
 * holds no pressure above the filling pressure that drives blood into it, and a circulation below its unstressed
 * volume holds none (P_msf ≥ 0) [S: Guyton]: P_vein ≤ max(P_msf, 0).
 * The volumes are untouched (the pressure is a function of the blood volume, not a state): balances close as before.
 */
import { mL_min, mmHg, type Flow, type Pressure } from '../quantities.js';

/** The drained vein as a loop element: the pressure lost from the venous pool to the tip, ΔP = offset + R·Q. */
export interface VeinElement {
  offset_mmHg: number;
  resistance_mmHg_min_mL: number;
}

/** What the veins can deliver now. */
export interface VenousSupply {
  venousPressure_mmHg: Pressure<'mmHg'>;
  filling_mmHg: Pressure<'mmHg'>;
  surrounding_mmHg: Pressure<'mmHg'>;
  limit_mL_min: Flow<'mL/min'>;
}

/** From the scenario's parameters and the blood volume (plain numbers in the internal units, sim/units.ts). */
export function venousPressure_mmHg(cvp0_mmHg: number, volume_mL: number, volume0_mL: number, compliance_mL_mmHg: number): Pressure<'mmHg'> {
  return mmHg(cvp0_mmHg + (volume_mL - volume0_mL) / compliance_mL_mmHg);
}

/**
 * The drained vein's pressure: the linear `linear_mmHg` while distended, collapsing towards the surrounding
 * pressure less `collapse_mmHg` below it, and never above the filling pressure (≥ 0) that drives blood into it.
 */
export function collapsibleVeinPressure_mmHg(linear_mmHg: number, surrounding_mmHg: number, collapse_mmHg: number, filling_mmHg: number): Pressure<'mmHg'> {
  const x = linear_mmHg - surrounding_mmHg;
  const tube = x >= 0 ? linear_mmHg : surrounding_mmHg - collapse_mmHg * -Math.expm1(x / collapse_mmHg);
  return mmHg(Math.min(tube, Math.max(filling_mmHg, 0)));
}

/** Resistance to venous return from the starting steady state (VR = CO); mmHg per mL/min. */
export function venousReturnResistance(gradient_mmHg: number, cardiacOutput_mL_min: number): number {
  return gradient_mmHg / cardiacOutput_mL_min;
}

/** Guyton's plateau: the most the veins deliver once the drained vein collapses (never negative). */
export function venousReturnLimit_mL_min(
  filling_mmHg: number,
  surrounding_mmHg: number,
  resistance_mmHg_min_mL: number,
  accessibleFraction: number,
): Flow<'mL/min'> {
  return mL_min((accessibleFraction * Math.max(filling_mmHg - surrounding_mmHg, 0)) / resistance_mmHg_min_mL);
}

/** The open vein: P_v at no drainage, P_ext at the limit. A vein already collapsed at rest passes nothing open. */
export function openVein(s: VenousSupply, closedResistance_mmHg_min_mL: number): VeinElement {
  const span = s.venousPressure_mmHg - s.surrounding_mmHg;
  if (!(s.limit_mL_min > 0)) return { offset_mmHg: 0, resistance_mmHg_min_mL: closedResistance_mmHg_min_mL };
  return { offset_mmHg: 0, resistance_mmHg_min_mL: Math.max(span, 0) / s.limit_mL_min };
}

/** The open phase of chatter: the vein open with its tip held at the surrounding pressure. */
export function veinAtCollapse(s: VenousSupply): VeinElement {
  return { offset_mmHg: s.venousPressure_mmHg - s.surrounding_mmHg, resistance_mmHg_min_mL: 0 };
}

/** A vein that loses exactly what the rest of the loop leaves at drainage Q (the collapsed phase's fixed flow). */
export function veinPassing(drop_mmHg: number): VeinElement {
  return { offset_mmHg: drop_mmHg, resistance_mmHg_min_mL: 0 };
}

export function veinDrop_mmHg(v: VeinElement, drainage_mL_min: Flow<'mL/min'>): Pressure<'mmHg'> {
  return mmHg(v.offset_mmHg + v.resistance_mmHg_min_mL * drainage_mL_min);
}
