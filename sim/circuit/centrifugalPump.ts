/**
 * Centrifugal pump head–flow curve from the affinity laws (Q ∝ N, H ∝ N²):
 *   H = a·N² − b·Q·|Q|
 * a from the shutoff head at the calibration speed, b from the published operating point
 * (4.2 L/min against 250 mmHg at ~3000 rpm, Rotaflow class) [S: reference-data.md §6; shutoff head E].
 * N in rpm, Q in mL/min, H in mmHg.
 */
import { mmHg, type Flow, type Pressure } from '../quantities.js';

export interface PumpCurve {
  a_mmHg_rpm2: number;
  b_mmHg_mL_min2: number;
}

export function pumpCurve(p: { calibrationSpeed: number; calibrationFlow: number; calibrationHead: number; shutoffHead: number }): PumpCurve {
  return {
    a_mmHg_rpm2: p.shutoffHead / (p.calibrationSpeed * p.calibrationSpeed),
    b_mmHg_mL_min2: (p.shutoffHead - p.calibrationHead) / (p.calibrationFlow * p.calibrationFlow),
  };
}

export function pumpHead_mmHg(c: PumpCurve, speed_rpm: number, flow_mL_min: Flow<'mL/min'>): Pressure<'mmHg'> {
  return mmHg(c.a_mmHg_rpm2 * speed_rpm * speed_rpm - c.b_mmHg_mL_min2 * flow_mL_min * Math.abs(flow_mL_min));
}

export function pumpHeadSlope(c: PumpCurve, flow_mL_min: Flow<'mL/min'>): number {
  return -2 * c.b_mmHg_mL_min2 * Math.abs(flow_mL_min);
}

/** The curve with its head multiplied by f (air trapped in the pump head, sim/circuit/air): H = f·(a·N² − b·Q·|Q|). */
export function withHeadFactor(c: PumpCurve, f: number): PumpCurve {
  return f === 1 ? c : { a_mmHg_rpm2: c.a_mmHg_rpm2 * f, b_mmHg_mL_min2: c.b_mmHg_mL_min2 * f };
}

/**
 * What turns the pump head: the emergency hand crank when the head is in it (at the speed the operator holds),
 * else the motor if it works and has power (mains, or a battery with charge left), else nothing [S: ELSO emergency
 * algorithm, power failure; training-reference.md]. Returns the head's speed (rpm), or null for the motor's own
 * choice (the set speed, or flow mode's).
 */
export function headSpeedWithoutMotor_rpm(pump: { failed: boolean; handCrank: boolean; handCrankSpeed: number }, batteryEmpty: boolean): number | null {
  if (pump.handCrank) return pump.handCrankSpeed;
  return pump.failed || batteryEmpty ? 0 : null;
}
