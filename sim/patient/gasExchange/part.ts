/**
 * Gas exchange in the engine, for outputs only (no slow state): oxygen mixing through the native lung and the
 * oxygenator with recirculation and shunt, and PaCO2 from the lung's and the oxygenator's CO2 conductances
 * (gasExchange.ts). Needs the circuit's solve, so it comes after the circuit in the model list.
 */
import type { ModelDefinition } from '../../model/part.js';
import { SettingError } from '../../model/errors.js';
import { hemoglobin_g_dL } from '../../blood.js';
import type { Scenario } from '../../scenario/resolve.js';
import {
  arterialCo2_mmHg,
  co2CalibrationFromPublishedPair,
  oxygenatorCo2Conductance,
  oxygenatorDiffusionFlow_mL_min,
  oxygenExchange,
  type Co2Calibration,
} from './gasExchange.js';
import { postOxygenatorPco2_mmHg, postOxygenatorPo2_mmHg } from './postOxygenator.js';
import type { Now } from '../../model/now.js';

/** The oxygenator's CO2 constants from the scenario's published pair; a pair no sweep curve can meet is a bad input. */
function co2Calibration(pair: NonNullable<Scenario['circuit']>['oxygenator']['co2']): Co2Calibration {
  try {
    return co2CalibrationFromPublishedPair(pair);
  } catch (e) {
    throw new SettingError('circuit.oxygenator.co2', (e as Error).message.replace(/^circuit\.oxygenator\.co2: /, ''));
  }
}

export const gasExchangeModel: ModelDefinition = {
  name: 'gas exchange',
  states: [],
  series: {
    sao2_pct: ['%', 'Arterial oxygen saturation'],
    svo2_pct: ['%', 'Systemic venous oxygen saturation'],
    pao2_mmHg: ['mmHg', 'Arterial PO2'],
    paco2_mmHg: ['mmHg', 'Arterial PCO2'],
    drainage_sat_pct: ['%', 'Saturation of the blood drained from the patient (recirculation included)'],
    pre_oxygenator_sat_pct: ['%', 'Saturation entering the oxygenator (drained blood, recirculation and the filter limb mixed)'],
    post_oxygenator_sat_pct: ['%', 'Saturation leaving the oxygenator'],
    oxygenator_o2_transfer_mL_min: ['mL/min', 'Oxygen added by the oxygenator'],
    post_oxygenator_po2_mmHg: ['mmHg', 'PO2 leaving the oxygenator (dissolved oxygen included; postOxygenator.ts)'],
    post_oxygenator_pco2_mmHg: ['mmHg', 'PCO2 leaving the oxygenator (postOxygenator.ts)'],
  },
  create(m) {
    const c0 = m.scenario.circuit;
    const co2 = c0 ? co2Calibration(c0.oxygenator.co2) : undefined;
    const diffusionFlow = c0 ? oxygenatorDiffusionFlow_mL_min(c0.oxygenator.ratedFlow, c0.oxygenator.o2EffectivenessAtRatedFlow) : 0;
    /** The post-oxygenator blood gas (outputs only). */
    const postOxygenatorSeries = (now: Now, out: Record<string, number>) => {
      const c = m.current.circuit;
      const cn = now.circuit;
      const o2 = now.oxygen!;
      if (!c || !cn || !co2) {
        out.post_oxygenator_po2_mmHg = NaN;
        out.post_oxygenator_pco2_mmHg = NaN;
        return;
      }
      const hb = hemoglobin_g_dL(now.blood.hematocrit);
      out.post_oxygenator_po2_mmHg = postOxygenatorPo2_mmHg({
        preSat: o2.preOxygenatorSat,
        postSat: o2.postOxygenatorSat,
        fio2: c.oxygenator.fio2,
        hemoglobin_g_dL: hb,
      });
      const p = m.current.patient;
      out.post_oxygenator_pco2_mmHg = postOxygenatorPco2_mmHg({
        paco2_mmHg: now.paco2_mmHg,
        co2Production_mL_min: p.lung.co2Production,
        cardiacOutput_mL_min: p.cardiacOutput,
        oxygenatorCo2Removal_mL_min: oxygenatorCo2Conductance(co2, c.oxygenator.sweepGas, cn.effectiveFlow_mL_min) * now.paco2_mmHg,
        drainageFlow_mL_min: cn.solution.drainageFlow_mL_min,
        recirculation: cn.recirculation,
      });
    };
    return {
      deriveForOutput(now) {
        const p = m.current.patient;
        const c = m.current.circuit;
        const cn = now.circuit;
        now.oxygen = oxygenExchange({
          cardiacOutput_mL_min: p.cardiacOutput,
          pumpFlow_mL_min: cn ? cn.solution.pumpFlow_mL_min : 0,
          drainageFlow_mL_min: cn ? cn.solution.drainageFlow_mL_min : 0,
          effectiveFlow_mL_min: cn ? cn.effectiveFlow_mL_min : 0,
          recirculation: cn ? cn.recirculation : 0,
          sweep_L_min: c ? c.oxygenator.sweepGas : 0,
          fio2: c ? c.oxygenator.fio2 : 0.21,
          diffusionFlow_mL_min: diffusionFlow,
          hemoglobin_g_dL: hemoglobin_g_dL(now.blood.hematocrit),
          o2Consumption_mL_min: p.lung.o2Consumption,
          shuntFraction: p.lung.shuntFraction,
          endCapillarySaturation: p.lung.endCapillarySaturation,
        });
        const gOxy = c && co2 && cn ? oxygenatorCo2Conductance(co2, c.oxygenator.sweepGas, cn.effectiveFlow_mL_min) : 0;
        now.paco2_mmHg = arterialCo2_mmHg(p.lung.co2Production, p.lung.co2Conductance, gOxy);
      },
      observe(now, out) {
        const o2 = now.oxygen!;
        const circuit = now.circuit !== null;
        out.sao2_pct = 100 * o2.sao2;
        out.svo2_pct = 100 * o2.svo2;
        out.pao2_mmHg = o2.pao2_mmHg;
        out.paco2_mmHg = now.paco2_mmHg;
        out.drainage_sat_pct = circuit ? 100 * o2.drainedSat : NaN;
        out.pre_oxygenator_sat_pct = circuit ? 100 * o2.preOxygenatorSat : NaN;
        out.post_oxygenator_sat_pct = circuit ? 100 * o2.postOxygenatorSat : NaN;
        out.oxygenator_o2_transfer_mL_min = circuit ? o2.oxygenatorO2Transfer_mL_min : NaN;
        postOxygenatorSeries(now, out);
      },
    };
  },
};
