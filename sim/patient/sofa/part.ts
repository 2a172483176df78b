/**
 * SOFA in the engine (sofa.ts): cardiovascular from MAP and norepinephrine, respiratory from PaO2 over the
 * ventilator's FiO2 (titrated), renal from creatinine and urine output (the kidney), coagulation from the platelet
 * count; liver and CNS carried from baseline (no series of their own: `patient.baseline.otherSofa`). Each modelled
 * sub-score is a series, so sofa = cardiovascular + respiratory + renal + coagulation + the carried points at every
 * sample. The baseline score is taken before treatment, with the native lung alone, as the cohort measured it
 * (baseline.ts).
 */
import type { ModelDefinition } from '../../model/part.js';
import { baselineSofa } from './baseline.js';
import { sofa } from './sofa.js';
import { SOLUTE } from '../solutes/registry.js';

export const sofaModel: ModelDefinition = {
  name: 'SOFA',
  states: [],
  series: {
    sofa: [
      'points',
      'SOFA score (cardiovascular, respiratory, renal (creatinine and urine), coagulation (platelets) modelled; liver, CNS carried from baseline)',
    ],
    sofa_cardiovascular: ['points', 'Cardiovascular SOFA: MAP and norepinephrine (dopamine and dobutamine not modelled)'],
    sofa_respiratory: ['points', 'Respiratory SOFA: PaO2 over the ventilator FiO2'],
    sofa_renal: ['points', 'Renal SOFA: the worse of the creatinine and urine-output criteria (as measured on renal replacement)'],
    sofa_coagulation: ['points', 'Coagulation SOFA: the platelet count'],
  },
  create(m) {
    m.baselineSofa = baselineSofa(m.scenario);
    return {
      observe(now, out) {
        const pc = m.current.patient;
        const s = sofa({
          map_mmHg: now.hemodynamics.map_mmHg,
          norepinephrine_ug_kg_min: pc.hemodynamics.norepinephrine,
          pao2_mmHg: now.oxygen!.pao2_mmHg,
          fio2: pc.lung.ventilatorFio2,
          creatinine_mg_dL: now.concentration[SOLUTE.creatinine],
          urine_mL_day: 24 * now.kidney.urine_mL_h,
          platelets_per_nL: now.platelets_per_nL,
          otherPoints: pc.baseline.otherSofa,
        });
        out.sofa = s.total;
        out.sofa_cardiovascular = s.cardiovascular;
        out.sofa_respiratory = s.respiratory;
        out.sofa_renal = s.renal;
        out.sofa_coagulation = s.coagulation;
      },
    };
  },
};
