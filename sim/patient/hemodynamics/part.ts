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
        m.current.patient.hemodynamics.norepinephrine,
      );
    };
    return {
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
