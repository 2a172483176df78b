/** The arterial blood gas the bedside protocols read at a check, and whether the ECMO circuit returns blood now. */
import type { Now } from '../../model/now.js';
import { acidBaseOnLine, type AcidBaseReading } from '../acidBase/acidBase.js';

export interface BloodGas {
  ph: number;
  paco2_mmHg: number;
}

/** The blood gas now: the arterial pH at `paco2_mmHg` on the buffer base now (Van Slyke and Henderson–Hasselbalch, acidBase.ts). */
export function bloodGas(now: Now, paco2_mmHg: number): BloodGas {
  return { ph: acidBaseOnLine(now.acidBase.bicarbonateAtNormalPh_mmol_L, paco2_mmHg, READING).ph, paco2_mmHg };
}

/** The check's reading (one record: a check reads its pH at once). */
const READING: AcidBaseReading = { bicarbonate_mmol_L: NaN, ph: NaN };

/** Whether the ECMO circuit returns blood to the patient now (the FiO2 protocol rests the lung; the sweep carries the CO2). */
export function onEcmo(now: Now): boolean {
  const cn = now.circuit;
  return cn !== null && cn.effectiveFlow_mL_min > 0;
}
