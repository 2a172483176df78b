/**
 * What the bedside devices read of the blood's oxygen saturation, as against the saturations of the blood itself
 * (gasExchange.ts). A device needs something to measure; without it a device shows no number ("no signal",
 * "no flow"), reported as NaN, rather than the blood's saturation it cannot see.
 *
 * - The patient monitor's pulse oximeter (SpO2) computes saturation from the pulsatile part of the light it passes
 *   through a finger: no pulse, no reading [S: Jubran, Crit Care 2015 (pulse oximetry needs a pulsatile signal;
 *   poor perfusion makes it fail)]. The model has no pulse amplitude; its pulse is a cardiac output above 0 (the
 *   native heart ejecting; venousReturn.ts puts it at exactly 0 when the heart stops or the circulation empties).
 *   A real oximeter also fails earlier, at low perfusion: not modelled.
 * - The ECMO console's venous probe (the console's "SvO2") reads the blood passing its cuvette on the drainage
 *   line: the drained blood, recirculated oxygenator blood included. With no flow through the line (below
 *   STAGNANT_mL_min) it sits on stagnant blood, and with the native circulation stopped the venous blood it drains
 *   is stagnant in the veins: the model follows neither's saturation (the tissues go on taking oxygen from blood that
 *   no longer moves), so the console shows no number. With the circulation stopped and all of the drained blood
 *   recirculated oxygenator blood, the probe still reads it.
 */

/** Below 1 mL/min (what a closed clamp lets through, circuitNow.ts) the drainage line's blood is stagnant. */
export const STAGNANT_mL_min = 1;

/** Whether the pulse oximeter has a pulse to read: the native heart ejecting (a cardiac output above 0). */
export function oximeterHasPulse(cardiacOutput_L_min: number): boolean {
  return cardiacOutput_L_min > 0;
}

/** The pulse oximeter's SpO2 (a fraction), or NaN (no signal) without a pulse. */
export function pulseOximeterReading(sao2: number, cardiacOutput_L_min: number): number {
  return oximeterHasPulse(cardiacOutput_L_min) ? sao2 : NaN;
}

/**
 * The drainage-line probe's saturation (a fraction): the drained blood while it flows and its venous share is
 * moving blood; NaN (no reading) on stagnant blood.
 */
export function drainageProbeReading(drainedSat: number, drainageFlow_mL_min: number, recirculation: number, cardiacOutput_L_min: number): number {
  if (!(drainageFlow_mL_min >= STAGNANT_mL_min)) return NaN;
  if (!(cardiacOutput_L_min > 0) && recirculation < 1) return NaN;
  return drainedSat;
}
