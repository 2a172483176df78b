/**
 * The circuit's own blood: the filter clears the blood in the ECMO circuit, which exchanges with the patient only
 * through the cannula flows (docs/models/hemofilter.md, "Connection sites and the circuit's blood").
 *
 * While the circuit flows, its blood (volume V_c) is well mixed and turns over in V_c/(Q + K) — minutes, far
 * faster than anything the patient does — so it is quasi-steady: the circuit's concentration is c·Q/(Q + K) and
 * the patient is cleared at the series clearance
 *   K_patient = K·Q/(Q + K)                         Q: effective ECMO flow (return flow net of recirculation)
 * (recirculated blood goes round the circuit again without meeting the patient). No fast state is added.
 * When the flow stops (clamped lines, pump stopped: Q below ISOLATION_FLOW_mL_min) the circuit's blood becomes
 * its own compartment: its share of each filtered solute is moved out of the patient at the patient's
 * concentration (mass exact) and the filter clears it alone; when flow resumes it is added back.
 */
import type { Model } from '../model/context.js';

/**
 * Below this effective ECMO flow (mL/min) the circuit is isolated from the patient [E]: it is what a console
 * displaying L/min to two decimals reads as 0.00, and at it the circuit's 800 mL take over an hour to exchange
 * once with the patient, while the filter (K ≈ 60 mL/min) clears them in ~13 min.
 */
export const ISOLATION_FLOW_mL_min = 10;

/**
 * Patient clearance (mL/h) by a filter of clearance k (mL/h) on a well-mixed circuit exchanging `flow` (mL/min)
 * with the patient: K·Q/(Q + K). A filter not on an ECMO circuit (flow Infinity) clears the patient directly.
 */
export function seriesClearance_mL_h(k_mL_h: number, flow_mL_min: number): number {
  if (flow_mL_min === Infinity) return k_mL_h;
  const q_mL_h = 60 * flow_mL_min;
  return k_mL_h > 0 ? (k_mL_h * q_mL_h) / (q_mL_h + k_mL_h) : 0;
}

/**
 * The flow (mL/min) by which the circuit's blood exchanges with the patient, from the loop's solve: forward, the
 * effective flow (return flow net of recirculation); retrograde (a stopped centrifugal pump is only a resistance,
 * and the filter limb's occlusive blood pump then drives blood backwards through the cannulae), the whole return
 * flow's magnitude, with no recirculation.
 */
export function circuitExchangeFlow_mL_min(returnFlow_mL_min: number, effectiveFlow_mL_min: number): number {
  return returnFlow_mL_min < 0 ? -returnFlow_mL_min : effectiveFlow_mL_min;
}

/**
 * Holds the exchange flow decided after the events at a time (the circuit solved there): `effectiveFlow_mL_min`
 * is null without an ECMO circuit; `effluent_mL` is the effluent collected so far (the state's ledger), whose part
 * collected while the circuit is isolated is tallied. Returns whether the circuit's isolation changed.
 */
export function holdCircuitExchange(m: Model, effectiveFlow_mL_min: number | null, effluent_mL: number): boolean {
  const flow = effectiveFlow_mL_min === null ? Infinity : Math.max(effectiveFlow_mL_min, 0);
  const isolated = flow < ISOLATION_FLOW_mL_min;
  const changed = isolated !== m.filter.circuitIsolated;
  if (changed && isolated) m.filter.effluentAtIsolation_mL = effluent_mL;
  if (changed && !isolated) m.filter.isolatedEffluent_mL += effluent_mL - m.filter.effluentAtIsolation_mL;
  m.filter.circuitFlow_mL_min = isolated ? 0 : flow;
  m.filter.circuitIsolated = isolated;
  return changed;
}

/** The effluent (mL) collected while the circuit was isolated from the patient, up to `effluent_mL` collected now. */
export function isolatedCircuitEffluent_mL(m: Model, effluent_mL: number): number {
  return m.filter.isolatedEffluent_mL + (m.filter.circuitIsolated ? effluent_mL - m.filter.effluentAtIsolation_mL : 0);
}
