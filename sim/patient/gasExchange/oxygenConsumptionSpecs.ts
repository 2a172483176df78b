/** Oxygen consumption's dependence on temperature, the sepsis drive and delivery: the scenario's `patient.metabolism`. */
import { q, type SpecTree } from '../../parameters.js';

export const metabolismSpecs = {
  sepsisFraction: q('1', 0.2, [0, 0.8], {
    range: [0, 0.4],
    description: 'Part of the starting oxygen consumption that is septic hypermetabolism and falls with the sepsis drive.',
    source: 'E',
    ref: 'resting energy expenditure in sepsis 10–50 % above predicted, falling as sepsis resolves (indirect calorimetry reviews): an estimate',
  }),
  criticalDelivery: q('mL/min', null, [50, 2000], {
    defaultPerKg: 6,
    range: [320, 640],
    description: 'Critical oxygen delivery (default 6 mL/kg/min): below it oxygen consumption falls in proportion to delivery and lactate is made.',
    source: 'S2',
    ref: 'published 4–8 mL/kg/min: Shoemaker, Chest 1985 (lactate rises below 8); Lieberman, Anesthesiology 2000 (none at 7.3 in healthy volunteers)',
  }),
  maxExtraction: q('1', 0.8, [0.3, 0.95], {
    range: [0.6, 0.9],
    description: 'Highest fraction of delivered oxygen the tissues extract: consumption never exceeds this share of delivery.',
    source: 'E',
    ref: 'mixed venous saturation rarely below 20 % in survivable shock: an estimate',
  }),
} as const satisfies SpecTree;
