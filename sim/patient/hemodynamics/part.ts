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
import { nextNorepinephrineDose } from './norepinephrineTitration.js';
import { heartRate_bpm, intrinsicState, meanArterialPressure_mmHg } from './hemodynamics.js';

export const hemodynamicsModel: ModelDefinition = {
  name: 'hemodynamics',
  states: [],
  series: {
    map_mmHg: ['mmHg', 'Mean arterial pressure'],
    heart_rate_bpm: ['bpm', 'Heart rate'],
    norepinephrine_ug_kg_min: ['ug/kg/min', 'Norepinephrine dose'],
  },
  create(m) {
    const p = m.scenario.patient;
    m.intrinsic = intrinsicState(m.scenario.hemodynamics, {
      map_mmHg: p.hemodynamics.map,
      heartRate_bpm: p.hemodynamics.heartRate,
      il6_pg_mL: p.baseline.il6,
      norepinephrine_ug_kg_min: p.hemodynamics.norepinephrine,
      sao2: preTreatmentSaturation(m.scenario),
    });
    // MAP: no slow state depends on it, so the right-hand side never computes it; the titration and outputs do
    const deriveMap = (now: Now) => {
      now.hemodynamics.map_mmHg = meanArterialPressure_mmHg(
        m.current.hemodynamics,
        m.intrinsic.tone_mmHg,
        now.concentration[SOLUTE.il6],
        now.sepsisDrive,
        m.current.patient.hemodynamics.norepinephrine,
      );
    };
    const nextDose = (map_mmHg: number) => {
      const rule = m.current.prescription.norepinephrine;
      return nextNorepinephrineDose({ ...rule, minDose: 0 }, map_mmHg, m.current.patient.hemodynamics.norepinephrine);
    };
    /** The bedside protocol at its interval: one step up below target, a share of the dose off above the band. */
    const titration: PeriodicCheck = {
      interval: () => m.current.prescription.norepinephrine.interval,
      changesDerivatives: false, // no slow state depends on the dose: MAP, heart rate and SOFA are outputs
      wouldAct: (now) => m.current.prescription.norepinephrine.titrate && nextDose(now.hemodynamics.map_mmHg) !== m.current.patient.hemodynamics.norepinephrine,
      run(now, log) {
        const rule = m.current.prescription.norepinephrine;
        const hemo = m.current.patient.hemodynamics;
        if (!rule.titrate) return;
        const map = now.hemodynamics.map_mmHg;
        const next = nextDose(map);
        if (next === hemo.norepinephrine) return;
        const side = next > hemo.norepinephrine ? `below ${fmt(rule.targetMap)}` : `above ${fmt(rule.weanAbove)}`;
        log('norepinephrine_titration', `MAP ${fmt(map)} mmHg ${side}: norepinephrine ${fmt(hemo.norepinephrine, 3)} → ${fmt(next, 3)} µg/kg/min`);
        hemo.norepinephrine = next;
      },
    };
    return {
      checks: [titration],
      deriveForChecks: deriveMap,
      deriveForOutput: deriveMap,
      observe(now, out) {
        const ne = m.current.patient.hemodynamics.norepinephrine;
        const map = now.hemodynamics.map_mmHg;
        out.map_mmHg = map;
        out.heart_rate_bpm = heartRate_bpm(m.current.hemodynamics, m.intrinsic.rate_bpm, map, ne, now.sepsisDrive, now.oxygen!.sao2);
        out.norepinephrine_ug_kg_min = ne;
      },
    };
  },
};
