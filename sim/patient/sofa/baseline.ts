/**
 * SOFA at baseline, before any extracorporeal treatment, as the cohort measured it: the scenario's starting MAP and
 * norepinephrine, PaO2 on the native lung alone at the ventilator's FiO2, the baseline creatinine and urine output,
 * the starting platelet count, and the carried liver + CNS points. The engine's SOFA model takes its baseline from
 * here, and the cohort's per-component changes (cohort/runFigures.ts) subtract the same sub-scores.
 */
import type { Scenario } from '../../scenario/resolve.js';
import { po2FromSaturation } from '../gasExchange/gasExchange.js';
import { preTreatmentSaturation } from '../gasExchange/preTreatment.js';
import { sofa, type Sofa } from './sofa.js';

export function baselineSofa(scenario: Scenario): Sofa {
  const p = scenario.patient;
  return sofa({
    map_mmHg: p.hemodynamics.map,
    norepinephrine_ug_kg_min: p.hemodynamics.norepinephrine,
    pao2_mmHg: po2FromSaturation(preTreatmentSaturation(scenario)),
    fio2: p.lung.ventilatorFio2,
    creatinine_mg_dL: p.baseline.creatinine,
    urine_mL_day: 24 * p.fluids.urineOutput,
    platelets_per_nL: p.platelets.start,
    otherPoints: p.baseline.otherSofa,
  });
}
