/**
 * Gas exchange in the engine: oxygen mixing through the native lung and the oxygenator with recirculation and shunt,
 * and PaCO2 from the lung's and the oxygenator's CO2 conductances (gasExchange.ts), for outputs; and oxygen
 * consumption (oxygenConsumption.ts) for the slow states (lactate, temperature). The consumption needs the arterial
 * saturation's line in consumption, which needs the circuit's solve: that line (and the heat exchanger's flow) is
 * computed at a periodic check and held; the right-hand side reads the held line, which costs a few multiplications.
 */
import type { ModelDefinition } from '../../model/part.js';
import type { Now } from '../../model/now.js';
import type { Model } from '../../model/context.js';
import type { PeriodicCheck } from '../../model/events.js';
import { SettingError } from '../../model/errors.js';
import { boundOxygen_mL_per_mL, hemoglobin_g_dL } from '../../blood.js';
import type { Scenario } from '../../scenario/resolve.js';
import {
  arterialCo2_mmHg,
  co2CalibrationFromPublishedPair,
  oxygenatorCo2Conductance,
  oxygenatorDiffusionFlow_mL_min,
  oxygenExchange,
  type Co2Calibration,
  type OxygenInputs,
} from './gasExchange.js';
import { membraneCapacity, membraneSweep_L_min } from './membrane.js';
import { postOxygenatorPco2_mmHg, postOxygenatorPo2_mmHg } from './postOxygenator.js';
import { delivery_mL_min, differs, oxygenDemand_mL_min, oxygenLine, suppliedConsumption_mL_min, type OxygenLine } from './oxygenConsumption.js';

/**
 * Interval of the check that refreshes the held oxygen line, h [E: the circuit and blood change over hours; each
 * check costs two circuit solves, so a shorter interval costs run time (issue 12's budget)].
 */
export const OXYGEN_LINE_INTERVAL_h = 0.5;

/** The oxygenator's CO2 constants from the scenario's published pair; a pair no sweep curve can meet is a bad input. */
function co2Calibration(pair: NonNullable<Scenario['circuit']>['oxygenator']['co2']): Co2Calibration {
  try {
    return co2CalibrationFromPublishedPair(pair);
  } catch (e) {
    throw new SettingError('circuit.oxygenator.co2', (e as Error).message.replace(/^circuit\.oxygenator\.co2: /, ''));
  }
}

/** What the oxygen mixing reads now: the circuit as solved (now.circuit), the settings and the blood. */
function oxygenInputs(m: Model, now: Now, diffusionFlow_mL_min: number, vo2_mL_min: number): OxygenInputs {
  const p = m.current.patient;
  const c = m.current.circuit;
  const cn = now.circuit;
  return {
    cardiacOutput_mL_min: p.cardiacOutput,
    pumpFlow_mL_min: cn ? cn.solution.pumpFlow_mL_min : 0,
    drainageFlow_mL_min: cn ? cn.solution.drainageFlow_mL_min : 0,
    effectiveFlow_mL_min: cn ? cn.effectiveFlow_mL_min : 0,
    recirculation: cn ? cn.recirculation : 0,
    sweep_L_min: c ? membraneSweep_L_min(c.oxygenator) : 0,
    fio2: c ? c.oxygenator.fio2 : 0.21,
    diffusionFlow_mL_min: c ? diffusionFlow_mL_min * membraneCapacity(c.oxygenator) : diffusionFlow_mL_min,
    hemoglobin_g_dL: hemoglobin_g_dL(now.blood.hematocrit),
    o2Consumption_mL_min: vo2_mL_min,
    shuntFraction: p.lung.shuntFraction,
    endCapillarySaturation: p.lung.endCapillarySaturation,
  };
}

/** The oxygenator's CO2 conductance with the gas that reaches its membrane and the surface left (membrane.ts). */
function membraneCo2Conductance(co2: Co2Calibration, c: NonNullable<Scenario['circuit']>, effectiveFlow_mL_min: number): number {
  return oxygenatorCo2Conductance(co2, membraneSweep_L_min(c.oxygenator), effectiveFlow_mL_min) * membraneCapacity(c.oxygenator);
}

/** The post-oxygenator blood gas (outputs only): into now.postOxygenatorGas, NaN without a circuit. */
function derivePostOxygenatorGas(m: Model, co2: Co2Calibration | undefined, now: Now): void {
  const c = m.current.circuit;
  const cn = now.circuit;
  const o2 = now.oxygen!;
  const gas = now.postOxygenatorGas;
  if (!c || !cn || !co2) {
    gas.po2_mmHg = NaN;
    gas.pco2_mmHg = NaN;
    return;
  }
  gas.po2_mmHg = postOxygenatorPo2_mmHg({
    preSat: o2.preOxygenatorSat,
    postSat: o2.postOxygenatorSat,
    fio2: c.oxygenator.fio2,
    hemoglobin_g_dL: hemoglobin_g_dL(now.blood.hematocrit),
  });
  const p = m.current.patient;
  gas.pco2_mmHg = postOxygenatorPco2_mmHg({
    paco2_mmHg: now.paco2_mmHg,
    co2Production_mL_min: p.lung.co2Production,
    cardiacOutput_mL_min: p.cardiacOutput,
    oxygenatorCo2Removal_mL_min: membraneCo2Conductance(co2, c, cn.effectiveFlow_mL_min) * now.paco2_mmHg,
    drainageFlow_mL_min: cn.solution.drainageFlow_mL_min,
    recirculation: cn.recirculation,
  });
}

/**
 * The heat exchanger's effective flow to the patient, ε·Q with Q the flow returned to the patient (with the lines
 * clamped the heater warms only the circuit); whether the heater is on is read live.
 */
function heaterFlow_mL_min(m: Model, now: Now): number {
  const heater = m.current.circuit?.heater;
  const s = now.circuit?.solution;
  return heater && s ? heater.performanceFactor * Math.max(Math.min(s.pumpFlow_mL_min, s.returnFlow_mL_min), 0) : 0;
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
    do2_mL_min: ['mL/min', 'Systemic oxygen delivery: cardiac output × arterial oxygen content (bound oxygen)'],
    vo2_mL_min: ['mL/min', 'Oxygen consumption: the demand, or less when delivery is below the critical delivery'],
    vo2_demand_mL_min: ['mL/min', 'Oxygen the tissues need at this temperature and sepsis drive'],
  },
  create(m) {
    const c0 = m.scenario.circuit;
    const co2 = c0 ? co2Calibration(c0.oxygenator.co2) : undefined;
    const diffusionFlow = c0 ? oxygenatorDiffusionFlow_mL_min(c0.oxygenator.ratedFlow, c0.oxygenator.o2EffectivenessAtRatedFlow) : 0;
    const p0 = m.scenario.patient;
    const held: OxygenLine & { heaterFlow_mL_min: number } = { s0: NaN, slope: NaN, heaterFlow_mL_min: NaN };
    const fresh: OxygenLine & { heaterFlow_mL_min: number } = { s0: NaN, slope: NaN, heaterFlow_mL_min: NaN };
    let started = false;
    const inputs = (now: Now, vo2_mL_min: number) => oxygenInputs(m, now, diffusionFlow, vo2_mL_min);
    /** The line and heat-exchanger flow of the circuit as solved for checks or outputs (now.circuit). */
    const freshLine = (now: Now) => {
      oxygenLine(inputs(now, 0), fresh);
      fresh.heaterFlow_mL_min = heaterFlow_mL_min(m, now);
    };
    /** Demand, consumption and delivery on a line: allocation-free (the right-hand side runs it). */
    const consume = (now: Now, line: OxygenLine, heaterFlow_mL_min: number) => {
      const p = m.current.patient;
      const mb = now.metabolism;
      const capacity = p.cardiacOutput * boundOxygen_mL_per_mL(hemoglobin_g_dL(now.blood.hematocrit), 1);
      mb.vo2Demand_mL_min = oxygenDemand_mL_min(
        p0.lung.o2Consumption,
        p.temperature.vo2PerKelvin,
        mb.temperature_C,
        p0.temperature.start,
        p.metabolism.sepsisFraction,
        now.sepsisDrive,
      );
      mb.vo2_mL_min = suppliedConsumption_mL_min(mb.vo2Demand_mL_min, line, capacity, p.metabolism.criticalDelivery, p.metabolism.maxExtraction);
      mb.do2_mL_min = delivery_mL_min(mb.vo2_mL_min, line, capacity);
      const heater = m.current.circuit?.heater;
      mb.heaterEffectiveFlow_mL_min = heater?.on && !heater.failed ? heaterFlow_mL_min : 0;
    };
    const lineMoved = () =>
      !started || differs(fresh.s0, held.s0, 0.01) || differs(fresh.slope, held.slope, 0.01) || differs(fresh.heaterFlow_mL_min, held.heaterFlow_mL_min, 100);
    /** Refreshes the held line when the circuit or blood has moved it beyond the tolerance (and at the start). */
    const holdLine: PeriodicCheck = {
      interval: () => (started ? OXYGEN_LINE_INTERVAL_h : 0),
      changesDerivatives: true,
      wouldAct: () => lineMoved(),
      run() {
        if (!lineMoved()) return;
        started = true;
        held.s0 = fresh.s0;
        held.slope = fresh.slope;
        held.heaterFlow_mL_min = fresh.heaterFlow_mL_min;
      },
    };
    return {
      checks: [holdLine],
      derive(now) {
        consume(now, held, held.heaterFlow_mL_min);
      },
      deriveForChecks: freshLine,
      deriveForOutput(now) {
        freshLine(now);
        consume(now, fresh, fresh.heaterFlow_mL_min);
        const p = m.current.patient;
        const c = m.current.circuit;
        const cn = now.circuit;
        now.oxygen = oxygenExchange(inputs(now, now.metabolism.vo2_mL_min));
        const gOxy = c && co2 && cn ? membraneCo2Conductance(co2, c, cn.effectiveFlow_mL_min) : 0;
        now.paco2_mmHg = arterialCo2_mmHg(p.lung.co2Production, p.lung.co2Conductance, gOxy);
        derivePostOxygenatorGas(m, co2, now);
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
        out.post_oxygenator_po2_mmHg = now.postOxygenatorGas.po2_mmHg;
        out.post_oxygenator_pco2_mmHg = now.postOxygenatorGas.pco2_mmHg;
        out.do2_mL_min = now.metabolism.do2_mL_min;
        out.vo2_mL_min = now.metabolism.vo2_mL_min;
        out.vo2_demand_mL_min = now.metabolism.vo2Demand_mL_min;
      },
    };
  },
};
