/** Arterial saturation at the start with the native lung alone: the baseline figures are taken before ECMO starts. */
import type { Scenario } from '../../scenario/resolve.js';
import { hemoglobin_g_dL } from '../../blood.js';
import { oxygenExchange } from './gasExchange.js';

export function preTreatmentSaturation(s: Scenario): number {
  const p = s.patient;
  return oxygenExchange({
    cardiacOutput_mL_min: p.cardiacOutput,
    pumpFlow_mL_min: 0,
    drainageFlow_mL_min: 0,
    effectiveFlow_mL_min: 0,
    recirculation: 0,
    sweep_L_min: 0,
    fio2: 0.21,
    diffusionFlow_mL_min: 0,
    hemoglobin_g_dL: hemoglobin_g_dL(p.hematocrit),
    o2Consumption_mL_min: p.lung.o2Consumption,
    shuntFraction: p.lung.shuntFraction,
    endCapillarySaturation: p.lung.endCapillarySaturation,
  }).sao2;
}
