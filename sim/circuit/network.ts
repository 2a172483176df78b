/**
 * The ECMO circuit's pressure–flow solve (fast, algebraic; design.md).
 *
 *   patient veins ─ drainage cannula ─ drainage tubing ─┬─ pump ─ oxygenator ─┬─ return tubing ─ return cannula ─ patient
 *                                                       │                      │
 *                                         filter limb returns here    filter limb leaves here (post-oxygenator)
 *
 * The hemofilter's blood pump, occlusive, sets the limb's flow Q_f; the limb returns Q_lr = Q_f − net UF. Where it
 * connects (LimbTopology) sets which elements carry its shunt:
 *   Q_pump = Q_drain + [return pre-pump]·Q_lr
 *   Q_oxy  = Q_pump − [access pre-oxygenator]·Q_f + [return pre-oxygenator]·Q_lr
 *   Q_return = Q_oxy − [access post-oxygenator]·Q_f
 * (the cohort's post-oxygenator take-off returning pre-pump: Q_pump = Q_d + Q_lr, Q_return = Q_pump − Q_f).
 * Walking the loop from the veins back to the veins (return into the same venous pool, P_ra ≈ P_v):
 *   H(N, Q_pump) = ΔP_vein(Q_d) + ΔP_drainCannula(Q_d) + ΔP_drainTubing(Q_d) + ΔP_oxy(Q_oxy)
 *                  + ΔP_returnTubing(Q_r) + ΔP_returnCannula(Q_r)
 * With the return cannula out of the vessel (decannulation) the loop opens: the return end discharges at atmospheric
 * pressure P_out = 0 instead of into the venous pool, and the residual gains P_v − P_out (the veins push the drainage).
 * Every loss rises with its flow and the head falls with flow, so the residual is strictly decreasing in Q_d
 * and has one root: found by Newton's method safeguarded by bisection.
 * Units: flows mL/min, pressures mmHg.
 */
import { pumpHead_mmHg, pumpHeadSlope, type PumpCurve } from './centrifugalPump.js';
import { pressureDrop_mmHg, pressureDropSlope, type LossCoefficients } from './tube.js';
import { veinDrop_mmHg, type VeinElement } from './venousDrainage.js';
import { EngineError } from '../model/errors.js';
import { mL_min, mmHg, type Flow, type Pressure } from '../quantities.js';

export interface CircuitElements {
  pump: PumpCurve;
  drainageCannula: LossCoefficients;
  drainageTubing: LossCoefficients;
  returnTubing: LossCoefficients;
  returnCannula: LossCoefficients;
  /** Oxygenator resistance, mmHg per mL/min, at the current viscosity and thrombus load. */
  oxygenatorResistance: number;
  /** The drained vein from the venous pool to the cannula's tip (venousDrainage.ts). */
  vein: VeinElement;
}

/** Where the filter limb takes blood from and returns it to ('none': a CRRT circuit on its own catheter). */
export interface LimbTopology {
  access: 'postOxygenator' | 'preOxygenator' | 'none';
  return: 'prePump' | 'preOxygenator' | 'none';
}

/** The cohort's connection: post-oxygenator take-off, return pre-pump. */
export const POST_OXYGENATOR_TO_PRE_PUMP: LimbTopology = { access: 'postOxygenator', return: 'prePump' };

export interface CircuitConditions {
  pumpSpeed_rpm: number;
  venousPressure_mmHg: Pressure<'mmHg'>;
  /** Blood taken into the filter limb. */
  filterLimbFlow_mL_min: Flow<'mL/min'>;
  /** Blood the limb gives back (limb flow − net ultrafiltration). */
  filterLimbReturn_mL_min: Flow<'mL/min'>;
  /** Where the limb connects (default: post-oxygenator to pre-pump). */
  limb?: LimbTopology;
  /** Where the return end discharges when it is not the venous pool (the return cannula out: atmospheric, 0 mmHg). */
  returnOutlet_mmHg?: Pressure<'mmHg'>;
}

/** P_v − P_out: what the veins add to the pump's head when the return end is open to the air (0 in the closed loop). */
const outletGap = (c: CircuitConditions): number => (c.returnOutlet_mmHg === undefined ? 0 : c.venousPressure_mmHg - c.returnOutlet_mmHg);

/** Flow through the pump for drainage flow qd. */
function pumpFlow(c: CircuitConditions, qd: number): Flow<'mL/min'> {
  return mL_min(qd + ((c.limb ?? POST_OXYGENATOR_TO_PRE_PUMP).return === 'prePump' ? c.filterLimbReturn_mL_min : 0));
}

/** Flow through the oxygenator for pump flow qp. */
function oxygenatorFlow(c: CircuitConditions, qp: number): Flow<'mL/min'> {
  const t = c.limb ?? POST_OXYGENATOR_TO_PRE_PUMP;
  return mL_min(qp - (t.access === 'preOxygenator' ? c.filterLimbFlow_mL_min : 0) + (t.return === 'preOxygenator' ? c.filterLimbReturn_mL_min : 0));
}

/** Flow back to the patient for oxygenator flow qo. */
function returnFlow(c: CircuitConditions, qo: number): Flow<'mL/min'> {
  return mL_min(qo - ((c.limb ?? POST_OXYGENATOR_TO_PRE_PUMP).access === 'postOxygenator' ? c.filterLimbFlow_mL_min : 0));
}

export interface CircuitSolution {
  drainageFlow_mL_min: Flow<'mL/min'>;
  pumpFlow_mL_min: Flow<'mL/min'>;
  oxygenatorFlow_mL_min: Flow<'mL/min'>;
  returnFlow_mL_min: Flow<'mL/min'>;
  venousPressure_mmHg: Pressure<'mmHg'>;
  /** Pre-pump pressure, as the console's drainage (venous) line shows it. */
  drainagePressure_mmHg: Pressure<'mmHg'>;
  preOxygenatorPressure_mmHg: Pressure<'mmHg'>;
  postOxygenatorPressure_mmHg: Pressure<'mmHg'>;
  oxygenatorPressureDrop_mmHg: Pressure<'mmHg'>;
  pumpHead_mmHg: Pressure<'mmHg'>;
  iterations: number;
}

/** Loop residual f(Q_d) = head − losses, and its derivative. */
export function residual(e: CircuitElements, c: CircuitConditions, qd: Flow<'mL/min'>): [number, number] {
  const qp = pumpFlow(c, qd);
  const qo = oxygenatorFlow(c, qp);
  const qr = returnFlow(c, qo);
  const f =
    outletGap(c) +
    pumpHead_mmHg(e.pump, c.pumpSpeed_rpm, qp) -
    veinDrop_mmHg(e.vein, qd) -
    pressureDrop_mmHg(e.drainageCannula, qd) -
    pressureDrop_mmHg(e.drainageTubing, qd) -
    e.oxygenatorResistance * qo -
    pressureDrop_mmHg(e.returnTubing, qr) -
    pressureDrop_mmHg(e.returnCannula, qr);
  const df =
    pumpHeadSlope(e.pump, qp) -
    e.vein.resistance_mmHg_min_mL -
    pressureDropSlope(e.drainageCannula, qd) -
    pressureDropSlope(e.drainageTubing, qd) -
    e.oxygenatorResistance -
    pressureDropSlope(e.returnTubing, qr) -
    pressureDropSlope(e.returnCannula, qr);
  return [f, df];
}

/**
 * The speed at which the loop carries drainage flow Q_d (the console's flow mode): the head the losses need,
 * a·N² = losses + b·Q_pump·|Q_pump|, which is the residual at zero speed with its sign turned. 0 when none is needed.
 */
export function speedForFlow_rpm(e: CircuitElements, c: CircuitConditions, qd: Flow<'mL/min'>): number {
  const [atRest] = residual(e, { ...c, pumpSpeed_rpm: 0 }, qd);
  return Math.sqrt(Math.max(-atRest, 0) / e.pump.a_mmHg_rpm2);
}

const BRACKET_mL_min = 50_000;
const TOLERANCE_mmHg = 1e-9;

/** Flow resolution of the solve: a root known to within this (mL/min) is converged whatever its pressure residual. */
const FLOW_TOLERANCE_mL_min = 1e-9;

/** The loop has no solution the model can find: an engine failure (exit 1) that names the state. */
export class CircuitSolveError extends EngineError {}

/** Solves the loop for the drainage flow, starting from `guess` (the previous solution keeps it to 2–3 steps). */
export function solveCircuit(e: CircuitElements, c: CircuitConditions, guess: Flow<'mL/min'> = mL_min(0)): CircuitSolution {
  let lo = -BRACKET_mL_min;
  let hi = BRACKET_mL_min;
  let q = Math.min(Math.max(guess, lo), hi);
  let iterations = 0;
  let stepBefore = hi - lo;
  let step = stepBefore;
  for (; iterations < 200; iterations++) {
    const [f, df] = residual(e, c, mL_min(q));
    if (Math.abs(f) < TOLERANCE_mmHg) break;
    if (f > 0) lo = q;
    else hi = q;
    let next = q - f / df;
    // Bisect when Newton leaves the bracket or crawls: where a loss is a steep function of the flow,
    // where Newton from above gains only 1/n per step (rtsafe's rule: the step must halve every two iterations).
    if (!(next > lo && next < hi) || Math.abs(next - q) > 0.5 * Math.abs(stepBefore)) next = 0.5 * (lo + hi);
    stepBefore = step;
    step = next - q;
    if (Math.abs(next - q) < 1e-12 * Math.max(1, Math.abs(q))) {
      q = next;
      break;
    }
    q = next;
  }
  const qd = mL_min(q);
  const [f, df] = residual(e, c, qd);
  // Behind a closed clamp the loop is so steep (mmHg per 1e-9 mL/min) that the pressure residual cannot reach
  // 1e-6 mmHg in double precision; the flow, which is what the solve is for, is then known to far better than needed.
  if (!(Math.abs(f) < 1e-6 || Math.abs(f / df) < FLOW_TOLERANCE_mL_min))
    throw new CircuitSolveError(`the circuit's pressure–flow solve did not converge (residual ${f} mmHg at drainage flow ${q} mL/min)`);
  const qp = pumpFlow(c, qd);
  const qo = oxygenatorFlow(c, qp);
  const qr = returnFlow(c, qo);
  const head = pumpHead_mmHg(e.pump, c.pumpSpeed_rpm, qp);
  const oxyDrop = mmHg(e.oxygenatorResistance * qo);
  // The pre-pump pressure, walked from the veins along the side of the loop with the gentler slope: at a converged
  // flow the steep side (a clamp, a pinhole cannula) may still carry the residual, the gentle one
  // is accurate. At the exact root both walks agree.
  const drainageSlope = e.vein.resistance_mmHg_min_mL + pressureDropSlope(e.drainageCannula, qd) + pressureDropSlope(e.drainageTubing, qd);
  const returnSlope = pressureDropSlope(e.returnTubing, qr) + pressureDropSlope(e.returnCannula, qr) + e.oxygenatorResistance - pumpHeadSlope(e.pump, qp);
  const drainage = mmHg(
    drainageSlope <= returnSlope
      ? c.venousPressure_mmHg - veinDrop_mmHg(e.vein, qd) - pressureDrop_mmHg(e.drainageCannula, qd) - pressureDrop_mmHg(e.drainageTubing, qd)
      : (c.returnOutlet_mmHg ?? c.venousPressure_mmHg) + pressureDrop_mmHg(e.returnCannula, qr) + pressureDrop_mmHg(e.returnTubing, qr) + oxyDrop - head,
  );
  return {
    drainageFlow_mL_min: qd,
    pumpFlow_mL_min: qp,
    oxygenatorFlow_mL_min: qo,
    returnFlow_mL_min: qr,
    venousPressure_mmHg: c.venousPressure_mmHg,
    drainagePressure_mmHg: drainage,
    preOxygenatorPressure_mmHg: mmHg(drainage + head),
    postOxygenatorPressure_mmHg: mmHg(drainage + head - oxyDrop),
    oxygenatorPressureDrop_mmHg: oxyDrop,
    pumpHead_mmHg: head,
    iterations,
  };
}
