/**
 * Gas exchange in the engine: oxygen mixing through the native lung and the oxygenator with recirculation and shunt,
 * and PaCO2 from the lung's and the oxygenator's CO2 conductances (co2Exchange.ts), for outputs; and oxygen
 * consumption (oxygenConsumption.ts) for the slow states (lactate, temperature). The consumption needs the arterial
 * saturation's line in consumption, which needs the circuit's solve: that line (and the heat exchanger's flow) is
 * computed at a periodic check and held; the right-hand side reads the held line, which costs a few multiplications.
 */
import { drainageProbeReading, pulseOximeterReading } from './deviceReadings.js';
import { fixedScale, type ModelDefinition } from '../../model/part.js';
import type { Now } from '../../model/now.js';
import type { Model } from '../../model/context.js';
import { SettingError } from '../../model/errors.js';
import { hemoglobin_g_dL } from '../../blood.js';
import type { Scenario } from '../../scenario/resolve.js';
import { ratedMembraneConductance_mL_min_mmHg, type OxygenInputs } from './gasExchange.js';
import { co2CalibrationFromPublishedPair, oxygenatorCo2Conductance, type Co2Calibration } from './co2Exchange.js';
import { AIR_FIO2, membraneCapacity, membraneFio2, membraneSweep_L_min } from './membrane.js';
import { anchoringCheck, anchorStoresNow } from '../co2Stores/anchor.js';
import { co2BalanceNow, co2ProductionNow } from './co2Now.js';
import { fio2Titration, saturationOnLine } from './fio2TitrationCheck.js';
import { mixedVenousPco2_mmHg, postOxygenatorPco2_mmHg } from './postOxygenator.js';
import { accessBloodGas, venousNitrogen_mmHg, type AccessBlood } from './accessBloodGas.js';
import { endCapillarySaturation, fio2RuleProblem, lungImpairmentRate_per_h } from './ventilation.js';
import { ventilatorRateRuleProblem } from './ventilatorRate.js';
import { sweepRuleProblem } from './sweepTitration.js';
import { bloodGasProtocols } from './sweepHandover.js';
import { bloodGas } from './bloodGas.js';
import { extractionAsDeliveryVanishes, oxygenLine, type OxygenLine } from './oxygenConsumption.js';
import { circulationCardiacOutput_mL_min } from '../../model/now.js';
import { consume, heaterFlow_mL_min, heldLineAt, heldOxygenLine, mixSample, sampleConsumption, type LineWithHeater } from './oxygenSupply.js';

/** The oxygenator's CO2 constants from the scenario's published pair; a pair no sweep curve can meet is a bad input. */
function co2Calibration(pair: NonNullable<Scenario['circuit']>['oxygenator']['co2']): Co2Calibration {
  try {
    return co2CalibrationFromPublishedPair(pair);
  } catch (e) {
    throw new SettingError('circuit.oxygenator.co2', (e as Error).message.replace(/^circuit\.oxygenator\.co2: /, ''));
  }
}

/**
 * Below this distance of PaCO2 from the balance (mmHg) the held line is taken as the balance's too (no second solve):
 * [E: half a blood gas's resolution of 1 mmHg; the alveolar PO2 moves 0.6 mmHg with it].
 */
const BALANCE_LINE_mmHg = 0.5;

/** The native lung now: its impairment I (a slow state) scales the shunt and the V/Q drop (ventilation.ts). */
interface NativeLung {
  impairment: number;
  /** PaCO2, the CO2 stores' (sim/patient/co2Stores): the alveolar gas equation reads it. */
  paco2_mmHg: number;
  /** The oxygenator's CO2 conductance on the circuit as solved now (0 without a circuit), mL/min/mmHg. */
  oxygenatorCo2_mL_min_mmHg: number;
  /** The venous PCO2 (Fick): what the membrane drains and the filter limb may draw, mmHg. */
  venousPco2_mmHg: number;
}

/** The share of the cardiac output the ECMO return makes (β): all of it when the heart moves nothing. */
function returnShare(effectiveFlow_mL_min: number, cardiacOutput_mL_min: number): number {
  if (cardiacOutput_mL_min > 0) return effectiveFlow_mL_min / cardiacOutput_mL_min;
  return effectiveFlow_mL_min > 0 ? 1 : 0;
}

/** What the oxygen mixing reads now: the circuit as solved (now.circuit), the settings, the blood and the lung. */
function oxygenInputs(m: Model, now: Now, conductance_mL_min_mmHg: number, vo2_mL_min: number, lung: NativeLung): OxygenInputs {
  const p = m.current.patient;
  const c = m.current.circuit;
  const cn = now.circuit;
  return {
    cardiacOutput_mL_min: circulationCardiacOutput_mL_min(now),
    pumpFlow_mL_min: cn ? cn.solution.pumpFlow_mL_min : 0,
    drainageFlow_mL_min: cn ? cn.solution.drainageFlow_mL_min : 0,
    effectiveFlow_mL_min: cn ? cn.effectiveFlow_mL_min : 0,
    recirculation: cn ? cn.recirculation : 0,
    sweep_L_min: c ? membraneSweep_L_min(c.oxygenator) : 0,
    fio2: c ? membraneFio2(c.oxygenator) : AIR_FIO2,
    membraneConductance_mL_min_mmHg: c ? conductance_mL_min_mmHg * membraneCapacity(c.oxygenator) : 0,
    hemoglobin_g_dL: hemoglobin_g_dL(now.blood.hematocrit),
    o2Consumption_mL_min: vo2_mL_min,
    shuntFraction: p.lung.shuntFraction * lung.impairment,
    endCapillarySaturation: endCapillarySaturation(
      p.lung.ventilatorFio2,
      lung.paco2_mmHg,
      p.lung.ventilationPerfusionDrop * lung.impairment,
      p.lung.endCapillarySaturation,
    ),
    // read only with the heart stopped: the limits of flow → 0 (gasExchange.ts)
    returnShareAtZeroOutput: cn ? cn.returnShareAtZeroOutput : 0,
    extractionAtZeroOutput: extractionAsDeliveryVanishes(now.metabolism.vo2Demand_mL_min, p.metabolism.criticalDelivery, p.metabolism.maxExtraction),
  };
}

/** The oxygenator's CO2 conductance with the gas that reaches its membrane and the surface left (membrane.ts): K·A scales with the surface. */
function membraneCo2Conductance(co2: Co2Calibration, c: NonNullable<Scenario['circuit']>, effectiveFlow_mL_min: number): number {
  return oxygenatorCo2Conductance(co2, membraneSweep_L_min(c.oxygenator), effectiveFlow_mL_min, membraneCapacity(c.oxygenator));
}

/**
 * The post-oxygenator blood gas (outputs only): into now.postOxygenatorGas, NaN without a circuit; `lung` the CO2
 * tensions and the oxygenator's CO2 conductance now.paco2_mmHg was derived with.
 */
function derivePostOxygenatorGas(m: Model, co2: Co2Calibration | undefined, now: Now, lung: NativeLung): void {
  const c = m.current.circuit;
  const cn = now.circuit;
  const o2 = now.oxygen!;
  const gas = now.postOxygenatorGas;
  if (!c || !cn || !co2) {
    gas.po2_mmHg = NaN;
    gas.pco2_mmHg = NaN;
    gas.co2Removal_mL_min = NaN;
    return;
  }
  gas.po2_mmHg = o2.postOxygenatorPo2_mmHg; // the fibre bundle's outlet, solved with the saturations
  // the membrane drains venous blood: its removal is driven by the venous tension (arterialCo2_mmHg)
  gas.co2Removal_mL_min = lung.oxygenatorCo2_mL_min_mmHg * lung.venousPco2_mmHg;
  gas.pco2_mmHg = postOxygenatorPco2_mmHg({
    venousPco2_mmHg: lung.venousPco2_mmHg,
    oxygenatorCo2Removal_mL_min: gas.co2Removal_mL_min,
    drainageFlow_mL_min: cn.solution.drainageFlow_mL_min,
    recirculation: cn.recirculation,
  });
}

type Connection = NonNullable<Model['current']['circuit']>['filterLimb']['connection'];
/** The blood each filter-limb connection site draws (circuit/circuitNow.ts's topology; accessBloodGas.ts). */
const ACCESS_BLOOD: Readonly<Record<Connection, AccessBlood>> = {
  postOxygenatorToPrePump: 'postOxygenator',
  postPumpToPrePump: 'drained',
  preOxygenator: 'drained',
  separateCatheter: 'venous',
};

/** The gas tensions of the blood the filter limb draws (outputs only, after the post-oxygenator gas): NaN without a circuit. */
function deriveLimbAccessGas(m: Model, now: Now, shuntFraction: number, venousPco2_mmHg: number): void {
  const c = m.current.circuit;
  const cn = now.circuit;
  const o2 = now.oxygen!;
  const out = now.limbAccessGas;
  if (!c || !cn) {
    out.po2_mmHg = out.pco2_mmHg = out.n2_mmHg = NaN;
    return;
  }
  const p = m.current.patient;
  const venousN2_mmHg = venousNitrogen_mmHg({
    ventilatorFio2: p.lung.ventilatorFio2,
    sweepFio2: membraneFio2(c.oxygenator),
    shuntFraction,
    returnShare: returnShare(cn.effectiveFlow_mL_min, circulationCardiacOutput_mL_min(now)),
  });
  accessBloodGas(
    ACCESS_BLOOD[c.filterLimb.connection],
    {
      postOxygenator: now.postOxygenatorGas,
      drainedSat: o2.drainedSat,
      svo2: o2.svo2,
      recirculation: cn.recirculation,
      pvco2_mmHg: venousPco2_mmHg,
      sweepFio2: membraneFio2(c.oxygenator),
      venousN2_mmHg,
    },
    out,
  );
}

/**
 * The oxygenator's CO2 conductance now (0 without a circuit), mL/min/mmHg, on the venous blood it drains: the effective
 * flow, which the recirculation keeps at most the cardiac output (the venous return: recirculation.ts).
 */
function oxygenatorCo2Now(m: Model, co2: Co2Calibration | undefined, now: Now): number {
  const c = m.current.circuit;
  const cn = now.circuit;
  return c && co2 && cn ? membraneCo2Conductance(co2, c, cn.effectiveFlow_mL_min) : 0;
}

/** PaCO2 (the CO2 stores') and the venous PCO2 it gives now (Fick), into `out`. */
function co2TensionsNow(m: Model, now: Now, out: { paco2_mmHg: number; venousPco2_mmHg: number }): void {
  out.paco2_mmHg = now.paco2_mmHg;
  out.venousPco2_mmHg = mixedVenousPco2_mmHg(now.paco2_mmHg, co2ProductionNow(m, now), circulationCardiacOutput_mL_min(now));
}

/**
 * The held line's solve (the lung record updated for `now`): the line at PaCO2 now, the heat exchanger's flow and the
 * membrane's CO2 conductance, and the line again at the balance the CO2 stores relax to where it differs (heldLineAt).
 */
function solveLines(m: Model, now: Now, fresh: LineWithHeater, lung: NativeLung, inputs: (now: Now, vo2_mL_min: number) => OxygenInputs): void {
  // the line's secant spans consumption up to the tissues' demand (solveOxygenLine)
  const demand = now.metabolism.vo2Demand_mL_min;
  const maxExtraction = m.current.patient.metabolism.maxExtraction;
  const here = inputs(now, demand);
  oxygenLine(here, fresh, maxExtraction);
  fresh.heaterFlow_mL_min = heaterFlow_mL_min(m, now);
  fresh.oxygenatorCo2_mL_min_mmHg = lung.oxygenatorCo2_mL_min_mmHg;
  fresh.endCapillarySat = fresh.balanceEndCapillarySat = here.endCapillarySaturation;
  const balance = co2BalanceNow(m, now, lung.oxygenatorCo2_mL_min_mmHg);
  if (Math.abs(balance - lung.paco2_mmHg) > BALANCE_LINE_mmHg) {
    lung.paco2_mmHg = balance;
    const there = inputs(now, demand);
    oxygenLine(there, fresh.atBalance, maxExtraction);
    fresh.balanceEndCapillarySat = there.endCapillarySaturation;
    lung.paco2_mmHg = now.paco2_mmHg;
  } else {
    fresh.atBalance.s0 = fresh.s0;
    fresh.atBalance.slope = fresh.slope;
  }
}

/** Why the lung's protocols cannot be run (the field under patient.lung and what was expected), or null. */
function lungRulesProblem(lung: Scenario['patient']['lung']): { field: string; message: string } | null {
  const fio2 = fio2RuleProblem(lung.fio2Titration);
  if (fio2) return { field: `fio2Titration.${fio2.field}`, message: fio2.message };
  const rate = ventilatorRateRuleProblem(lung.rateTitration);
  return rate && { field: `rateTitration.${rate.field}`, message: rate.message };
}

/** Why the lung's or the sweep's protocols cannot be run (the field's full path and what was expected), or null. */
function rulesProblem(s: Pick<Scenario, 'patient' | 'circuit'>): { field: string; message: string } | null {
  const lung = lungRulesProblem(s.patient.lung);
  if (lung) return { field: `patient.lung.${lung.field}`, message: lung.message };
  const sweep = s.circuit ? sweepRuleProblem(s.circuit.oxygenator.sweepTitration) : null;
  return sweep && { field: `circuit.oxygenator.sweepTitration.${sweep.field}`, message: sweep.message };
}

/** A sample's gas-exchange series (the lung's impairment state given). */
function observeGasExchange(m: Model, now: Now, out: Record<string, number>, impairment: number): void {
  const o2 = now.oxygen!;
  const circuit = now.circuit !== null;
  const fio2 = m.current.patient.lung.ventilatorFio2;
  out.sao2_pct = 100 * o2.sao2;
  out.svo2_pct = 100 * o2.svo2;
  out.pao2_mmHg = o2.pao2_mmHg;
  out.paco2_mmHg = now.paco2_mmHg;
  out.ventilator_fio2_pct = 100 * fio2;
  out.pao2_fio2_mmHg = o2.pao2_mmHg / fio2;
  out.ventilator_rate_per_min = m.current.patient.lung.ventilatorRate;
  out.lung_impairment_pct = 100 * impairment;
  out.drainage_sat_pct = circuit ? 100 * o2.drainedSat : NaN;
  const co = now.hemodynamics.cardiacOutput_L_min;
  out.spo2_pct = 100 * pulseOximeterReading(o2.sao2, co);
  out.spo2_no_signal = Number.isNaN(out.spo2_pct) ? 1 : 0;
  const cn = now.circuit;
  out.console_svo2_pct = cn ? 100 * drainageProbeReading(o2.drainedSat, cn.solution.drainageFlow_mL_min, cn.recirculation, co) : NaN;
  out.pre_oxygenator_sat_pct = circuit ? 100 * o2.preOxygenatorSat : NaN;
  out.post_oxygenator_sat_pct = circuit ? 100 * o2.postOxygenatorSat : NaN;
  out.oxygenator_o2_transfer_mL_min = circuit ? o2.oxygenatorO2Transfer_mL_min : NaN;
  out.post_oxygenator_po2_mmHg = now.postOxygenatorGas.po2_mmHg;
  out.post_oxygenator_pco2_mmHg = now.postOxygenatorGas.pco2_mmHg;
  out.oxygenator_co2_removal_mL_min = now.postOxygenatorGas.co2Removal_mL_min;
  out.do2_mL_min = now.metabolism.do2_mL_min;
  out.vo2_mL_min = now.metabolism.vo2_mL_min;
  out.vo2_demand_mL_min = now.metabolism.vo2Demand_mL_min;
  out.vco2_mL_min = co2ProductionNow(m, now);
}

export const gasExchangeModel: ModelDefinition = {
  name: 'gas exchange',
  states: [{ name: 'lungImpairment', scale: fixedScale(1) }],
  series: {
    sao2_pct: ['%', 'Arterial oxygen saturation'],
    svo2_pct: ['%', 'Systemic venous oxygen saturation'],
    pao2_mmHg: ['mmHg', 'Arterial PO2'],
    paco2_mmHg: ['mmHg', 'Arterial PCO2'],
    ventilator_fio2_pct: ['%', 'Ventilator FiO2 (the FiO2 protocol titrates it to the saturation target; ventilation.ts)'],
    pao2_fio2_mmHg: ['mmHg', 'PaO2 / ventilator FiO2 (respiratory SOFA)'],
    ventilator_rate_per_min: [
      '1/min',
      "Ventilator rate (the pH protocol titrates it when it is on; the lung's CO2 conductance scales with it; ventilatorRate.ts)",
    ],
    lung_impairment_pct: ['%', 'Native lung impairment left, % of the start: scales the shunt and the V/Q drop, follows the sepsis drive'],
    drainage_sat_pct: ['%', 'Saturation of the blood drained from the patient (recirculation included)'],
    spo2_pct: [
      '%',
      "The patient monitor's pulse oximeter: the arterial saturation while the heart ejects; NaN (no signal) without a pulse (deviceReadings.ts)",
    ],
    spo2_no_signal: [
      '1',
      "The pulse oximeter's no-pulse state: 1 while it shows no number (spo2_pct NaN), 0 while it reads (the monitor's 'SpO2 no pulse' alarm)",
    ],
    console_svo2_pct: [
      '%',
      "The ECMO console's drainage-line probe ('SvO2'): the drained blood's saturation while it flows; NaN (no reading) on stagnant blood: no flow in the line, or the circulation stopped (deviceReadings.ts)",
    ],
    pre_oxygenator_sat_pct: ['%', 'Saturation entering the oxygenator (drained blood, recirculation and the filter limb mixed)'],
    post_oxygenator_sat_pct: ['%', 'Saturation leaving the oxygenator'],
    oxygenator_o2_transfer_mL_min: ['mL/min', 'Oxygen added by the oxygenator, bound and dissolved'],
    post_oxygenator_po2_mmHg: ['mmHg', 'PO2 leaving the oxygenator: the fibre bundle outlet, dissolved oxygen included (fibreBundle.ts)'],
    post_oxygenator_pco2_mmHg: ['mmHg', 'PCO2 leaving the oxygenator (postOxygenator.ts)'],
    oxygenator_co2_removal_mL_min: [
      'mL/min',
      "CO2 the oxygenator removes into the sweep gas: its counter-current exchanger's conductance × the drained venous PCO2 (co2Exchange.ts); NaN without a circuit",
    ],
    do2_mL_min: ['mL/min', "Systemic oxygen delivery: the circulation's cardiac output × arterial oxygen content (bound and dissolved)"],
    vo2_mL_min: ['mL/min', 'Oxygen consumption: the demand, or less when delivery is below the critical delivery'],
    vo2_demand_mL_min: ['mL/min', 'Oxygen the tissues need at this temperature and sepsis drive'],
    vco2_mL_min: ['mL/min', "CO2 production: the starting VCO2 at the starting respiratory quotient, following the tissues' oxygen demand"],
  },
  create(m, slot) {
    const c0 = m.scenario.circuit;
    const co2 = c0 ? co2Calibration(c0.oxygenator.co2) : undefined;
    const conductance = c0 ? ratedMembraneConductance_mL_min_mmHg(c0.oxygenator.ratedFlow, c0.oxygenator.ratedOutletSaturation) : 0;
    const impairment = slot('lungImpairment');
    const ruleProblem = rulesProblem(m.scenario);
    if (ruleProblem) throw new SettingError(ruleProblem.field, ruleProblem.message);
    const lung: NativeLung = { impairment: 1, paco2_mmHg: NaN, oxygenatorCo2_mL_min_mmHg: 0, venousPco2_mmHg: NaN };
    const inputs = (now: Now, vo2_mL_min: number) => oxygenInputs(m, now, conductance, vo2_mL_min, lung);
    /** The native lung now, once per derivation: its impairment, PaCO2, and the oxygenator's CO2 conductance. */
    const updateLung = (now: Now) => {
      lung.impairment = now.y[impairment];
      lung.oxygenatorCo2_mL_min_mmHg = oxygenatorCo2Now(m, co2, now);
      co2TensionsNow(m, now, lung);
    };
    const line = heldOxygenLine(m, (now, fresh) => {
      updateLung(now);
      solveLines(m, now, fresh, lung, inputs);
    });
    /** The held line at PaCO2 now (heldLineAt): what the right-hand side consumes on. */
    const lineNow: OxygenLine = { s0: NaN, slope: NaN };
    const { held } = line;
    const anchorStores = (now: Now) => anchorStoresNow(m, now, lung.oxygenatorCo2_mL_min_mmHg);
    const holdLine = anchoringCheck(line.holdLine, anchorStores);
    const protocols = bloodGasProtocols(m, bloodGas);
    return {
      // the sweep and the rate first: either moves the CO2 removal (the sweep also the membrane's oxygen), which the
      // oxygen line's check then takes up
      checks: [...protocols.checks, holdLine, fio2Titration(m, (now) => saturationOnLine(m, line.lineFor(now), now))],
      perform: (_t, _y, action, log) => protocols.perform(action, log),
      afterEvents(_t, _y, now) {
        line.holdAfterEvents(now);
        anchorStores(now);
      },
      settingsProblem() {
        const problem = rulesProblem(m.current);
        return problem && `${problem.field}: ${problem.message}`;
      },
      initial(y) {
        y[impairment] = 1;
      },
      derive(now) {
        const p = m.current.patient;
        const sat = endCapillarySaturation(
          p.lung.ventilatorFio2,
          now.paco2_mmHg,
          p.lung.ventilationPerfusionDrop * now.y[impairment],
          p.lung.endCapillarySaturation,
        );
        consume(m, now, heldLineAt(held, sat, lineNow), held.heaterFlow_mL_min);
      },
      derivatives(now, dy) {
        dy[impairment] = lungImpairmentRate_per_h(now.y[impairment], now.sepsisDrive, m.current.patient.lung.recoveryTimeConstant);
      },
      deriveForChecks: line.deriveForChecks,
      deriveForOutput(now) {
        updateLung(now);
        const o = sampleConsumption(m, now, (vo2) => mixSample(now, inputs(now, vo2)), line);
        derivePostOxygenatorGas(m, co2, now, lung);
        deriveLimbAccessGas(m, now, o.shuntFraction, lung.venousPco2_mmHg); // the effective shunt inputs() already formed
      },
      observe: (now, out) => observeGasExchange(m, now, out, now.y[impairment]),
    };
  },
};
