/**
 * What the engine reports at one instant: every named series (units in the names), computed from the slow state
 * plus the fast algebraic parts (circuit solve, gas exchange). The CLI's output and the visualiser's snapshot
 * are both this record. Values that do not exist (no circuit, filter being changed) are NaN (null in JSON).
 */
import { hemoglobin_g_dL } from '../blood.js';
import { activatedPartialThromboplastinTime_s } from '../patient/heparin.js';
import { arterialCo2_mmHg, oxygenatorCo2Conductance, oxygenExchange } from '../patient/gasExchange.js';
import { effectiveUltrafiltrationCoefficient } from '../filter/transmembranePressure.js';
import { heartRate_bpm, meanArterialPressure_mmHg } from '../patient/hemodynamics.js';
import { sepsisDrive } from '../patient/sepsisDrive.js';
import { sofa } from '../patient/sofa.js';
import { bloodState } from './bloodState.js';
import { circuitNow } from './circuitNow.js';
import { filterNow } from './filterNow.js';
import type { Model } from './model.js';
import { STATE } from './stateLayout.js';
import { EngineError } from './errors.js';
import { gasExchangeProblem } from './physicalLimits.js';

export const SERIES = {
  time_h: ['h', 'Time from the start of the run'],
  pump_speed_rpm: ['rpm', 'Centrifugal pump speed'],
  pump_flow_L_min: ['L/min', 'Flow through the pump and oxygenator (includes the filter-limb shunt)'],
  drainage_flow_L_min: ['L/min', 'Flow drained from the patient'],
  return_flow_L_min: ['L/min', 'Flow returned to the patient (pump flow − filter limb)'],
  effective_flow_L_min: ['L/min', 'Return flow that reaches the patient net of recirculation'],
  recirculation_pct: ['%', 'Fraction of returned blood drained again'],
  filter_blood_flow_mL_min: ['mL/min', 'Blood flow through the hemofilter limb'],
  p_venous_mmHg: ['mmHg', 'Central venous pressure'],
  p_drainage_mmHg: ['mmHg', 'Drainage (pre-pump) pressure'],
  p_pre_oxygenator_mmHg: ['mmHg', 'Pre-oxygenator pressure'],
  p_post_oxygenator_mmHg: ['mmHg', 'Post-oxygenator pressure'],
  dp_oxygenator_mmHg: ['mmHg', 'Pressure drop across the oxygenator'],
  p_access_mmHg: ['mmHg', 'Filter limb access pressure (before the filter blood pump)'],
  p_filter_in_mmHg: ['mmHg', 'Pre-filter pressure'],
  p_filter_out_mmHg: ['mmHg', 'Post-filter (return) pressure'],
  p_effluent_mmHg: ['mmHg', 'Effluent pressure'],
  tmp_mmHg: ['mmHg', 'Transmembrane pressure'],
  dp_filter_mmHg: ['mmHg', 'Pressure drop along the filter'],
  filtration_fraction: ['1', 'Filtration fraction Q_uf / (Qp + Q_pre)'],
  effluent_rate_mL_h: ['mL/h', 'Effluent (ultrafiltrate) rate'],
  predilution_rate_mL_h: ['mL/h', 'Replacement fluid given before the filter'],
  postdilution_rate_mL_h: ['mL/h', 'Replacement fluid given after the filter'],
  effluent_volume_mL: ['mL', 'Effluent collected since the start'],
  replacement_volume_mL: ['mL', 'Replacement fluid given since the start'],
  kuf_mL_h_mmHg: ['mL/h/mmHg', 'Effective ultrafiltration coefficient (fouling and clotting included)'],
  filter_clotted_pct: ['%', 'Fraction of filter fibres clotted'],
  filter_age_h: ['h', 'Age of the filter in use'],
  sieving_il6: ['1', 'IL-6 sieving coefficient now'],
  sieving_albumin: ['1', 'Albumin sieving coefficient now'],
  il6_clearance_mL_min: ['mL/min', 'Extracorporeal IL-6 clearance (convective + adsorptive)'],
  delivered_dose_mL_kg_h: ['mL/kg/h', 'Mean delivered effluent dose since the start'],
  il6_pg_mL: ['pg/mL', 'Plasma IL-6'],
  pct_ng_mL: ['ng/mL', 'Plasma procalcitonin'],
  crp_mg_L: ['mg/L', 'Plasma CRP'],
  albumin_g_L: ['g/L', 'Serum albumin'],
  heparin_U_mL: ['U/mL', 'Plasma heparin'],
  heparin_infusion_U_h: ['U/h', 'Heparin infusion rate'],
  aptt_s: ['s', 'Activated partial thromboplastin time'],
  intravascular_volume_mL: ['mL', 'Blood volume'],
  interstitial_volume_mL: ['mL', 'Interstitial fluid volume'],
  hematocrit_pct: ['%', 'Hematocrit'],
  sao2_pct: ['%', 'Arterial oxygen saturation'],
  svo2_pct: ['%', 'Systemic venous oxygen saturation'],
  pao2_mmHg: ['mmHg', 'Arterial PO2'],
  paco2_mmHg: ['mmHg', 'Arterial PCO2'],
  drainage_sat_pct: ['%', 'Saturation of the blood drained from the patient (recirculation included)'],
  pre_oxygenator_sat_pct: ['%', 'Saturation entering the oxygenator (drained blood, recirculation and the filter limb mixed)'],
  post_oxygenator_sat_pct: ['%', 'Saturation leaving the oxygenator'],
  oxygenator_o2_transfer_mL_min: ['mL/min', 'Oxygen added by the oxygenator'],
  sweep_gas_L_min: ['L/min', 'Sweep gas flow'],
  map_mmHg: ['mmHg', 'Mean arterial pressure'],
  heart_rate_bpm: ['bpm', 'Heart rate'],
  norepinephrine_ug_kg_min: ['ug/kg/min', 'Norepinephrine dose'],
  creatinine_mg_dL: ['mg/dL', 'Serum creatinine'],
  sofa: ['points', 'SOFA score (cardiovascular, respiratory, renal modelled; coagulation, liver, CNS carried from baseline)'],
} as const satisfies Record<string, readonly [string, string]>;

export type SeriesName = keyof typeof SERIES;
export const SERIES_NAMES = Object.keys(SERIES) as SeriesName[];
export type Observation = Record<SeriesName, number>;

const nonNegative = (v: number) => (v < 0 ? 0 : v);

export function observe(m: Model, t_h: number, y: ArrayLike<number>): Observation {
  const sc = m.current;
  const blood = bloodState(m, y);
  const fn = filterNow(m, t_h, y, blood);
  const cn = circuitNow(m, y, blood, fn);
  const hb = hemoglobin_g_dL(blood.hematocrit);
  const p = sc.patient;
  const c = sc.circuit;
  const o2 = oxygenExchange({
    cardiacOutput_mL_min: p.cardiacOutput,
    pumpFlow_mL_min: cn ? cn.solution.pumpFlow_mL_min : 0,
    drainageFlow_mL_min: cn ? cn.solution.drainageFlow_mL_min : 0,
    effectiveFlow_mL_min: cn ? cn.effectiveFlow_mL_min : 0,
    recirculation: cn ? cn.recirculation : 0,
    sweep_L_min: c ? c.oxygenator.sweepGas : 0,
    fio2: c ? c.oxygenator.fio2 : 0.21,
    diffusionFlow_mL_min: m.oxygenatorDiffusionFlow_mL_min ?? 0,
    hemoglobin_g_dL: hb,
    o2Consumption_mL_min: p.lung.o2Consumption,
    shuntFraction: p.lung.shuntFraction,
    endCapillarySaturation: p.lung.endCapillarySaturation,
  });
  const gOxy = c && m.co2 && cn ? oxygenatorCo2Conductance(m.co2, c.oxygenator.sweepGas, cn.effectiveFlow_mL_min) : 0;
  const paco2 = arterialCo2_mmHg(p.lung.co2Production, p.lung.co2Conductance, gOxy);
  const gasProblem = gasExchangeProblem(m, t_h, { paco2_mmHg: paco2, svo2: o2.svo2, sao2: o2.sao2, effectiveFlow_mL_min: cn ? cn.effectiveFlow_mL_min : 0 });
  if (gasProblem) throw new EngineError(gasProblem);
  const elapsed = Math.max(t_h, 1e-12);
  const ne = p.hemodynamics.norepinephrine;
  const map = meanArterialPressure_mmHg(sc.hemodynamics, m.intrinsic.tone_mmHg, blood.il6_pg_mL, ne);
  const none = NaN;
  const limb = cn?.limb;
  const kufEff = fn && sc.filter ? effectiveUltrafiltrationCoefficient(sc.filter.ultrafiltrationCoefficient, fn.clottedFraction, fn.cakeResistance) : none;
  return {
    time_h: t_h,
    pump_speed_rpm: c ? c.pump.speed : none,
    pump_flow_L_min: cn ? cn.solution.pumpFlow_mL_min / 1000 : none,
    drainage_flow_L_min: cn ? cn.solution.drainageFlow_mL_min / 1000 : none,
    return_flow_L_min: cn ? cn.solution.returnFlow_mL_min / 1000 : none,
    effective_flow_L_min: cn ? cn.effectiveFlow_mL_min / 1000 : none,
    recirculation_pct: cn ? 100 * cn.recirculation : none,
    filter_blood_flow_mL_min: sc.filter ? (fn ? fn.op.bloodFlow_mL_min : 0) : none,
    p_venous_mmHg: cn ? cn.solution.venousPressure_mmHg : none,
    p_drainage_mmHg: cn ? cn.solution.drainagePressure_mmHg : none,
    p_pre_oxygenator_mmHg: cn ? cn.solution.preOxygenatorPressure_mmHg : none,
    p_post_oxygenator_mmHg: cn ? cn.solution.postOxygenatorPressure_mmHg : none,
    dp_oxygenator_mmHg: cn ? cn.solution.oxygenatorPressureDrop_mmHg : none,
    p_access_mmHg: limb ? limb.access_mmHg : none,
    p_filter_in_mmHg: limb ? limb.filterIn_mmHg : none,
    p_filter_out_mmHg: limb ? limb.filterOut_mmHg : none,
    p_effluent_mmHg: limb ? limb.effluent_mmHg : none,
    tmp_mmHg: limb ? limb.tmp_mmHg : none,
    dp_filter_mmHg: limb ? limb.pressureDrop_mmHg : none,
    filtration_fraction: fn ? fn.op.filtrationFraction : none,
    effluent_rate_mL_h: sc.filter ? (fn ? fn.op.effluent_mL_h : 0) : none,
    predilution_rate_mL_h: sc.filter ? (fn ? fn.op.predilution_mL_min * 60 : 0) : none,
    postdilution_rate_mL_h: sc.filter ? (fn ? fn.op.postdilution_mL_min * 60 : 0) : none,
    effluent_volume_mL: sc.filter ? y[STATE.effluent_mL] : none,
    replacement_volume_mL: sc.filter ? y[STATE.replacement_mL] : none,
    kuf_mL_h_mmHg: kufEff,
    filter_clotted_pct: fn ? 100 * fn.clottedFraction : none,
    filter_age_h: fn ? fn.age_h : none,
    sieving_il6: fn ? fn.il6Sieving : none,
    sieving_albumin: fn ? fn.albuminSieving : none,
    il6_clearance_mL_min: sc.filter ? (fn ? (fn.il6Convective_mL_h + fn.il6Adsorptive_mL_h) / 60 : 0) : none,
    delivered_dose_mL_kg_h: sc.filter ? (t_h > 0 ? y[STATE.effluent_mL] / m.weight_kg / elapsed : fn ? fn.op.effluent_mL_h / m.weight_kg : 0) : none,
    // An amount that decays towards zero can dip below it by the solver's absolute tolerance (−8e-10 U/mL of heparin
    // after a bolus with fast clearance, found by fuzzing); no flux of the model makes it negative, so that is noise.
    il6_pg_mL: nonNegative(blood.il6_pg_mL),
    pct_ng_mL: nonNegative(blood.pct_ng_mL),
    crp_mg_L: nonNegative(blood.crp_mg_L),
    albumin_g_L: blood.albumin_g_L,
    heparin_U_mL: nonNegative(blood.heparin_U_mL),
    heparin_infusion_U_h: sc.prescription.heparin.infusion,
    aptt_s: activatedPartialThromboplastinTime_s(sc.kinetics.heparin.apttBaseline, sc.kinetics.heparin.apttSlope, blood.heparin_U_mL),
    intravascular_volume_mL: blood.intravascular_mL,
    interstitial_volume_mL: y[STATE.interstitialVolume_mL],
    hematocrit_pct: 100 * blood.hematocrit,
    sao2_pct: 100 * o2.sao2,
    svo2_pct: 100 * o2.svo2,
    pao2_mmHg: o2.pao2_mmHg,
    paco2_mmHg: paco2,
    drainage_sat_pct: cn ? 100 * o2.drainedSat : none,
    pre_oxygenator_sat_pct: cn ? 100 * o2.preOxygenatorSat : none,
    post_oxygenator_sat_pct: cn ? 100 * o2.postOxygenatorSat : none,
    oxygenator_o2_transfer_mL_min: cn ? o2.oxygenatorO2Transfer_mL_min : none,
    sweep_gas_L_min: c ? c.oxygenator.sweepGas : none,
    map_mmHg: map,
    heart_rate_bpm: heartRate_bpm(
      sc.hemodynamics,
      m.intrinsic.rate_bpm,
      map,
      ne,
      sepsisDrive(t_h, sc.kinetics.sepsisDrive.residualFraction, sc.kinetics.sepsisDrive.timeConstant),
      o2.sao2,
    ),
    norepinephrine_ug_kg_min: ne,
    creatinine_mg_dL: blood.creatinine_mg_dL,
    sofa: sofa({
      map_mmHg: map,
      norepinephrine_ug_kg_min: ne,
      pao2_mmHg: o2.pao2_mmHg,
      fio2: p.lung.ventilatorFio2,
      creatinine_mg_dL: blood.creatinine_mg_dL,
      otherPoints: p.baseline.otherSofa,
    }).total,
  };
}
