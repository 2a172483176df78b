/**
 * SOFA in the engine (sofa.ts): cardiovascular from MAP and norepinephrine, respiratory from PaO2/FiO2, renal from
 * creatinine and urine output (the kidney); coagulation, liver and CNS carried from baseline. The baseline score is taken before treatment,
 * with the native lung alone, as the cohort measured it.
 */
import type { ModelDefinition } from '../../model/part.js';
import { po2FromSaturation } from '../gasExchange/gasExchange.js';
import { preTreatmentSaturation } from '../gasExchange/preTreatment.js';
import { sofa } from './sofa.js';
import { SOLUTE } from '../solutes/registry.js';

export const sofaModel: ModelDefinition = {
  name: 'SOFA',
  states: [],
  series: {
    sofa: ['points', 'SOFA score (cardiovascular, respiratory, renal (creatinine and urine) modelled; coagulation, liver, CNS carried from baseline)'],
  },
  create(m) {
    const p = m.scenario.patient;
    m.baselineSofa = sofa({
      map_mmHg: p.hemodynamics.map,
      norepinephrine_ug_kg_min: p.hemodynamics.norepinephrine,
      pao2_mmHg: po2FromSaturation(preTreatmentSaturation(m.scenario)),
      fio2: p.lung.ventilatorFio2,
      creatinine_mg_dL: p.baseline.creatinine,
      urine_mL_day: 24 * p.fluids.urineOutput,
      otherPoints: p.baseline.otherSofa,
    }).total;
    return {
      observe(now, out) {
        const pc = m.current.patient;
        out.sofa = sofa({
          map_mmHg: now.hemodynamics.map_mmHg,
          norepinephrine_ug_kg_min: pc.hemodynamics.norepinephrine,
          pao2_mmHg: now.oxygen!.pao2_mmHg,
          fio2: pc.lung.ventilatorFio2,
          creatinine_mg_dL: now.concentration[SOLUTE.creatinine],
          urine_mL_day: 24 * now.kidney.urine_mL_h,
          otherPoints: pc.baseline.otherSofa,
        }).total;
      },
    };
  },
};
