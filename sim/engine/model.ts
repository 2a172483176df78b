/**
 * Assembles a runnable model from a scenario: constants derived once (baseline productions that make the start a
 * steady state, calibrations solved from published pairs), the settings as they stand now (changed by the
 * timeline and by titration), the filter's status, and the initial state vector.
 */
import type { Scenario } from '../scenario/resolve.js';
import { ScenarioError } from '../scenario/errors.js';
import { pumpCurve, type PumpCurve } from '../circuit/centrifugalPump.js';
import {
  co2CalibrationFromPublishedPair,
  oxygenatorDiffusionFlow_mL_min,
  oxygenExchange,
  po2FromSaturation,
  type Co2Calibration,
} from '../patient/gasExchange.js';
import { sofa } from '../patient/sofa.js';
import { intrinsicState } from '../patient/hemodynamics.js';
import { hemoglobin_g_dL } from '../blood.js';
import { refillConductance_mL_h_mmHg } from '../patient/fluidBalance.js';
import { crpMaxSynthesis } from '../patient/crp.js';
import { heparinSteadyState_U_mL, type HeparinKinetics } from '../patient/heparin.js';
import { STATE, STATE_SIZE } from './stateLayout.js';

/** Why the hemofilter is not filtering right now, or that it is. */
export type FilterStatus = 'running' | 'changing' | 'absent';

export interface Model {
  readonly scenario: Scenario;
  /** Settings in force now: a copy of the scenario that timeline changes and titration write into. */
  readonly current: Scenario;
  readonly weight_kg: number;
  readonly redCellVolume_mL: number;
  readonly intravascular0_mL: number;
  readonly interstitial0_mL: number;
  readonly refillConductance_mL_h_mmHg: number;
  readonly il6Production0_pg_h: number;
  readonly pctProduction0_ng_h: number;
  readonly pctEndogenousClearance_mL_h: number;
  readonly crpElimination_per_h: number;
  readonly crpMaxSynthesis_mg_h: number;
  readonly albuminSynthesis_g_h: number;
  readonly albuminCatabolism_per_h: number;
  readonly albuminReturn_per_h: number;
  readonly heparin: HeparinKinetics;
  readonly pump?: PumpCurve;
  readonly co2?: Co2Calibration;
  readonly oxygenatorDiffusionFlow_mL_min?: number;
  /** The patient's intrinsic vascular tone and heart rate (hemodynamics.ts), from the pre-treatment start. */
  readonly intrinsic: { tone_mmHg: number; rate_bpm: number };
  /** SOFA at baseline, before any extracorporeal treatment (native lung alone), as the cohort measured it. */
  readonly baselineSofa: number;
  filter: { status: FilterStatus; installedAt_h: number; restartAt_h: number; filtersUsed: number };
  /** The last circuit solution's drainage flow: the next solve starts there. */
  circuitGuess_mL_min: number;
}

export function plasmaVolume_mL(m: Model, intravascular_mL: number): number {
  return intravascular_mL - m.redCellVolume_mL;
}

export function buildModel(scenario: Scenario): Model {
  const s = scenario;
  const p = s.patient;
  const k = s.kinetics;
  const plasma0 = p.intravascularVolume * (1 - p.hematocrit);
  const pctVolume = plasma0 + k.pct.peripheralVolume;
  const pctClearance = (Math.LN2 * pctVolume) / k.pct.halfLife;
  const crpK = Math.LN2 / k.crp.halfLife;
  const crp0_mg = (p.baseline.crp * plasma0) / 1000;
  const albumin0_g = (p.baseline.albumin * plasma0) / 1000;
  const albCat = Math.LN2 / k.albumin.halfLife;
  const c = s.circuit;
  return {
    scenario,
    current: structuredClone(scenario),
    weight_kg: p.weight,
    redCellVolume_mL: p.intravascularVolume * p.hematocrit,
    intravascular0_mL: p.intravascularVolume,
    interstitial0_mL: p.fluids.interstitialVolume,
    refillConductance_mL_h_mmHg: refillConductance_mL_h_mmHg(p.fluids.refillTimeConstant, p.venousCompliance, p.fluids.interstitialCompliance),
    // Steady state at the start: production balances endogenous elimination (peripheral at equilibrium).
    il6Production0_pg_h: k.il6.endogenousClearance * p.baseline.il6,
    pctProduction0_ng_h: pctClearance * p.baseline.pct,
    pctEndogenousClearance_mL_h: pctClearance,
    crpElimination_per_h: crpK,
    crpMaxSynthesis_mg_h: crpMaxSynthesis(crpK, crp0_mg, k.crp.il6HalfEffect, k.crp.hill, p.baseline.il6),
    albuminSynthesis_g_h: albCat * albumin0_g,
    albuminCatabolism_per_h: albCat,
    albuminReturn_per_h: (k.albumin.transcapillaryEscapeRate * k.albumin.intravascularFraction) / (1 - k.albumin.intravascularFraction),
    heparin: {
      distributionVolume_mL: k.heparin.distributionVolume,
      saturableVmax_U_h: k.heparin.saturableVmax,
      saturableKm_U_mL: k.heparin.saturableKm,
      linearClearance_mL_h: k.heparin.linearClearance,
    },
    pump: c ? pumpCurve(c.pump) : undefined,
    co2: c ? co2Calibration(c.oxygenator.co2) : undefined,
    oxygenatorDiffusionFlow_mL_min: c ? oxygenatorDiffusionFlow_mL_min(c.oxygenator.ratedFlow, c.oxygenator.o2EffectivenessAtRatedFlow) : undefined,
    baselineSofa: sofa({
      map_mmHg: p.hemodynamics.map,
      norepinephrine_ug_kg_min: p.hemodynamics.norepinephrine,
      pao2_mmHg: po2FromSaturation(preTreatmentSaturation(s)),
      fio2: p.lung.ventilatorFio2,
      creatinine_mg_dL: p.baseline.creatinine,
      otherPoints: p.baseline.otherSofa,
    }).total,
    intrinsic: intrinsicState(s.hemodynamics, {
      map_mmHg: p.hemodynamics.map,
      heartRate_bpm: p.hemodynamics.heartRate,
      il6_pg_mL: p.baseline.il6,
      norepinephrine_ug_kg_min: p.hemodynamics.norepinephrine,
      sao2: preTreatmentSaturation(s),
    }),
    filter: { status: s.filter ? 'running' : 'absent', installedAt_h: 0, restartAt_h: Infinity, filtersUsed: s.filter ? 1 : 0 },
    circuitGuess_mL_min: 0,
  };
}

/** Arterial saturation at the start with the native lung alone: the baseline figures are taken before ECMO starts. */
function preTreatmentSaturation(s: Scenario): number {
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

/** The oxygenator's CO2 constants from the scenario's published pair; a pair no sweep curve can meet is a bad input. */
function co2Calibration(pair: NonNullable<Scenario['circuit']>['oxygenator']['co2']): Co2Calibration {
  try {
    return co2CalibrationFromPublishedPair(pair);
  } catch (e) {
    throw new ScenarioError('scenario', [{ path: 'circuit.oxygenator.co2', message: (e as Error).message.replace(/^circuit\.oxygenator\.co2: /, '') }]);
  }
}

export function initialState(m: Model): number[] {
  const s = m.scenario;
  const p = s.patient;
  const k = s.kinetics;
  const plasma0 = plasmaVolume_mL(m, m.intravascular0_mL);
  const y = new Array<number>(STATE_SIZE).fill(0);
  y[STATE.intravascularVolume_mL] = p.intravascularVolume;
  y[STATE.interstitialVolume_mL] = p.fluids.interstitialVolume;
  y[STATE.il6Central_pg] = p.baseline.il6 * plasma0;
  y[STATE.il6Peripheral_pg] = p.baseline.il6 * k.il6.peripheralVolume;
  y[STATE.pctCentral_ng] = p.baseline.pct * plasma0;
  y[STATE.pctPeripheral_ng] = p.baseline.pct * k.pct.peripheralVolume;
  y[STATE.pctDriveLag] = 1;
  y[STATE.crp_mg] = (p.baseline.crp * plasma0) / 1000;
  y[STATE.crpSignal1_pg_mL] = p.baseline.il6;
  y[STATE.crpSignal2_pg_mL] = p.baseline.il6;
  const albumin0 = (p.baseline.albumin * plasma0) / 1000;
  y[STATE.albuminIntravascular_g] = albumin0;
  y[STATE.albuminExtravascular_g] = (albumin0 * (1 - k.albumin.intravascularFraction)) / k.albumin.intravascularFraction;
  // Creatinine in total body water (mg/dL × mL / 100 = mg)
  y[STATE.creatinine_mg] = (p.baseline.creatinine * k.creatinine.distributionVolume) / 100;
  // The circuit was already running: heparin starts at the steady state of the starting infusion, plus any bolus.
  y[STATE.heparin_U] = heparinSteadyState_U_mL(m.heparin, s.prescription.heparin.infusion) * m.heparin.distributionVolume_mL + s.prescription.heparin.bolus;
  return y;
}
