/** The arterial blood gas the bedside protocols read at a check, and whether the ECMO circuit returns blood now. */
import type { Now } from '../../model/now.js';

export interface BloodGas {
  ph: number;
  paco2_mmHg: number;
}

/** The blood gas now: PaCO2 (the CO2 stores') and the arterial pH acid–base derived at it. */
export function bloodGas(now: Now): BloodGas {
  return { ph: now.acidBase.ph, paco2_mmHg: now.paco2_mmHg };
}

/** Whether the ECMO circuit returns blood to the patient now (the FiO2 protocol rests the lung; the sweep carries the CO2). */
export function onEcmo(now: Now): boolean {
  const cn = now.circuit;
  return cn !== null && cn.effectiveFlow_mL_min > 0;
}
