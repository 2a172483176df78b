/**
 * The patient before treatment, with the native lung alone: the baseline figures are taken before ECMO starts.
 * One set of inputs for the saturation (hemodynamics, SOFA) and the oxygen deficit (lactate's starting production).
 */
import type { Scenario } from '../../scenario/resolve.js';
import { boundOxygen_mL_per_mL, hemoglobin_g_dL } from '../../blood.js';
import { oxygenExchange, type OxygenInputs } from './gasExchange.js';
import { arterialCo2_mmHg } from './co2Exchange.js';
import { endCapillarySaturation } from './ventilation.js';
import { AIR_FIO2 } from './membrane.js';
import { solveOxygenLine, suppliedConsumption_mL_min } from './oxygenConsumption.js';

/**
 * The gas exchange's inputs with no circuit (the oxygenator's own FiO2 field unused), on the ventilator's starting FiO2
 * with the whole starting impairment, at the scenario's oxygen consumption.
 */
function nativeLung(s: Scenario): OxygenInputs {
  const p = s.patient;
  return {
    cardiacOutput_mL_min: p.cardiacOutput,
    pumpFlow_mL_min: 0,
    drainageFlow_mL_min: 0,
    effectiveFlow_mL_min: 0,
    recirculation: 0,
    sweep_L_min: 0,
    fio2: AIR_FIO2,
    membraneConductance_mL_min_mmHg: 0,
    hemoglobin_g_dL: hemoglobin_g_dL(p.hematocrit),
    o2Consumption_mL_min: p.lung.o2Consumption,
    shuntFraction: p.lung.shuntFraction,
    endCapillarySaturation: endCapillarySaturation(
      p.lung.ventilatorFio2,
      preTreatmentPaco2_mmHg(s),
      p.lung.ventilationPerfusionDrop,
      p.lung.endCapillarySaturation,
    ),
  };
}

export function preTreatmentSaturation(s: Scenario): number {
  return oxygenExchange(nativeLung(s)).sao2;
}

/**
 * The oxygen deficit (mL/min) before treatment: demand less what the native lung's delivery supplies
 * (supply-dependent below the critical delivery); a lung that oxygenates nothing leaves the whole demand.
 */
export function preTreatmentOxygenDeficit_mL_min(s: Scenario): number {
  const p = s.patient;
  const inputs = nativeLung(s);
  const vo2 = p.lung.o2Consumption;
  const line = { s0: NaN, slope: NaN };
  if (!solveOxygenLine(inputs, line, p.metabolism.maxExtraction)) return vo2;
  const capacity = p.cardiacOutput * boundOxygen_mL_per_mL(inputs.hemoglobin_g_dL, 1);
  return vo2 - suppliedConsumption_mL_min(vo2, line, capacity, p.metabolism.criticalDelivery, p.metabolism.maxExtraction);
}

/** PaCO2 (mmHg) before treatment: the patient's CO2 production over the native lung's conductance at the starting rate. */
export function preTreatmentPaco2_mmHg(s: Scenario): number {
  return arterialCo2_mmHg(s.patient.lung.co2Production, s.patient.lung.co2Conductance, 0, s.patient.cardiacOutput);
}
