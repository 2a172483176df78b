/**
 * Hemodynamics in the engine (hemodynamics.ts): MAP from the patient's intrinsic tone less IL-6 vasoplegia plus
 * the norepinephrine effect, derived for the titration's checks and the outputs; heart rate from the baroreflex,
 * norepinephrine, the sepsis drive and hypoxemia. The intrinsic tone and rate are solved once so that the
 * pre-treatment baseline is met.
 */
import type { ModelDefinition } from '../../model/part.js';
import type { Now } from '../../model/now.js';
import { preTreatmentSaturation } from '../gasExchange/preTreatment.js';
import { SOLUTE } from '../solutes/registry.js';
import { fmt, type PeriodicCheck } from '../../model/events.js';
import { nextNorepinephrineDose, type TitrationRule } from './norepinephrineTitration.js';
import { heartRate_bpm, intrinsicState, meanArterialPressure_mmHg } from './hemodynamics.js';
import { circulationAt, flowAdjustedMap_mmHg } from './venousReturn.js';
import { arterialCo2_mmHg } from '../gasExchange/gasExchange.js';
import { arterialPh } from '../acidBase/acidBase.js';

export const hemodynamicsModel: ModelDefinition = {
  name: 'hemodynamics',
  states: [],
  series: {
    map_mmHg: ['mmHg', 'Mean arterial pressure'],
    heart_rate_bpm: ['bpm', 'Heart rate'],
    norepinephrine_ug_kg_min: ['ug/kg/min', 'Norepinephrine dose'],
    cardiac_output_L_min: ['L/min', 'Native cardiac output (venous return meets the cardiac function curve; volume moves it)'],
    central_venous_pressure_mmHg: ['mmHg', 'Central venous pressure (where venous return meets the cardiac function curve)'],
  },
  create(m) {
    const p = m.scenario.patient;
    m.intrinsic = intrinsicState(m.scenario.hemodynamics, {
      map_mmHg: p.hemodynamics.map,
      heartRate_bpm: p.hemodynamics.heartRate,
      il6_pg_mL: p.baseline.il6,
      norepinephrine_ug_kg_min: p.hemodynamics.norepinephrine,
      sao2: preTreatmentSaturation(m.scenario),
      ph: arterialPh(p.acidBase.bicarbonate, arterialCo2_mmHg(p.lung.co2Production, p.lung.co2Conductance, 0)),
      temperature_C: p.temperature.start,
    });
    const start = {
      cardiacOutput_L_min: p.cardiacOutput / 1000,
      centralVenousPressure_mmHg: p.centralVenousPressure,
      compliance_mL_mmHg: p.venousCompliance,
      volume_mL: m.intravascular0_mL,
    };
    // MAP: the kidney's filtration (a slow state's rate) reads it, so the right-hand side derives it
    const deriveMap = (now: Now) => {
      const h = now.hemodynamics;
      const toneMap = meanArterialPressure_mmHg(
        m.current.hemodynamics,
        m.intrinsic.tone_mmHg,
        now.concentration[SOLUTE.il6],
        now.sepsisDrive,
        m.current.patient.hemodynamics.norepinephrine,
        now.acidBase.ph,
        now.metabolism.temperature_C,
      );
      circulationAt(m.current.hemodynamics.venousReturn, start, now.blood.intravascular_mL, h);
      h.map_mmHg = flowAdjustedMap_mmHg(toneMap, start.centralVenousPressure_mmHg, h, start.cardiacOutput_L_min);
    };
    /** The prescription's rule, weaning down to zero: one record per run, refilled at each check (no copy per call). */
    const weanToZero: TitrationRule = { targetMap: NaN, weanAbove: NaN, step: NaN, weanFraction: NaN, minDose: 0, maxDose: NaN };
    const nextDose = (map_mmHg: number) => {
      const rule = m.current.prescription.norepinephrine;
      weanToZero.targetMap = rule.targetMap;
      weanToZero.weanAbove = rule.weanAbove;
      weanToZero.step = rule.step;
      weanToZero.weanFraction = rule.weanFraction;
      weanToZero.maxDose = rule.maxDose;
      return nextNorepinephrineDose(weanToZero, map_mmHg, m.current.patient.hemodynamics.norepinephrine);
    };
    /** The bedside protocol at its interval: one step up below target, a share of the dose off above the band. */
    const titration: PeriodicCheck = {
      interval: () => m.current.prescription.norepinephrine.interval,
      changesDerivatives: true, // the dose sets MAP, which the kidney's filtration reads
      wouldAct: (now) => m.current.prescription.norepinephrine.titrate && nextDose(now.hemodynamics.map_mmHg) !== m.current.patient.hemodynamics.norepinephrine,
      run(now, log) {
        const rule = m.current.prescription.norepinephrine;
        const hemo = m.current.patient.hemodynamics;
        if (!rule.titrate) return false;
        const map = now.hemodynamics.map_mmHg;
        const next = nextDose(map);
        if (next === hemo.norepinephrine) return false;
        const side = next > hemo.norepinephrine ? `below ${fmt(rule.targetMap)}` : `above ${fmt(rule.weanAbove)}`;
        log('norepinephrine_titration', `MAP ${fmt(map)} mmHg ${side}: norepinephrine ${fmt(hemo.norepinephrine, 3)} → ${fmt(next, 3)} µg/kg/min`);
        hemo.norepinephrine = next;
        return true;
      },
    };
    return {
      checks: [titration],
      derive: deriveMap,
      observe(now, out) {
        const ne = m.current.patient.hemodynamics.norepinephrine;
        const map = now.hemodynamics.map_mmHg;
        out.map_mmHg = map;
        // fever tachycardia: +g_T per kelvin above the starting temperature (patient.temperature.heartRatePerKelvin) [S2]
        const fever = m.current.patient.temperature.heartRatePerKelvin * (now.metabolism.temperature_C - p.temperature.start);
        out.heart_rate_bpm = heartRate_bpm(m.current.hemodynamics, m.intrinsic.rate_bpm, map, ne, now.sepsisDrive, now.oxygen!.sao2) + fever;
        out.norepinephrine_ug_kg_min = ne;
        out.cardiac_output_L_min = now.hemodynamics.cardiacOutput_L_min;
        out.central_venous_pressure_mmHg = now.hemodynamics.centralVenousPressure_mmHg;
      },
    };
  },
};
