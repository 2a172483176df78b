/**
 * Bleeding from the patient (scenario section patient.bleeding): whole blood leaving the vessels at a rate. Red
 * cells and plasma leave together, so hematocrit does not change at once; plasma refill dilutes it afterwards.
 */
import { q, type SpecTree } from '../../parameters.js';

export const bleedingSpecs = {
  rate: q('mL/h', 0, [0, 60000], {
    adjustable: true,
    range: [0, 100],
    description:
      'Whole blood lost from the patient (a cannula site, a wound, the gut): red cells, plasma and every plasma solute leave together. 0 = no bleeding.',
    source: 'E',
    ref: 'training setting; ELSO: bleeding at cannula sites is a routine ECMO complication (plausible range: an ooze up to 100 mL/h over days); massive haemorrhage is > 150 mL/min (ATLS class IV: > 40 % of blood volume lost)',
  }),
  transfusionHematocrit: q('1', 0.6, [0.4, 0.85], {
    range: [0.55, 0.65],
    description: 'Hematocrit of the packed red cells a timeline `transfusion` gives (red cells in additive solution).',
    source: 'S2',
    ref: 'AABB/ARC/ABC/ASBP Circular of Information: AS red cells, hematocrit 55–65 %, 300–400 mL a unit',
  }),
} as const satisfies SpecTree;
