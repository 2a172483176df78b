/** Acid–base: the scenario's `patient.acidBase` and the replacement fluid's bicarbonate (acidBase.ts). */
import { q, type SpecTree } from '../../parameters.js';

export const acidBaseSpecs = {
  bicarbonate: q('mmol/L', 18, [2, 50], {
    range: [12, 24],
    description: 'Plasma bicarbonate at the start (the metabolic acidosis of septic shock with a raised lactate).',
    source: 'E',
    ref: 'septic shock with lactate ≥ 4 mmol/L: bicarbonate typically 15–20 mmol/L',
  }),
  bicarbonateSpace: q('mL', null, [1000, 200000], {
    defaultPerKg: 500,
    range: [32000, 48000],
    description: 'Apparent bicarbonate space (default 0.5 L/kg; 0.4–0.6 L/kg for 80 kg): where bicarbonate given or removed spreads.',
    source: 'S2',
    ref: 'apparent bicarbonate space ≈ 50 % of body weight (the figure bicarbonate-deficit formulas use)',
  }),
} as const satisfies SpecTree;

export const replacementBicarbonateSpec = q('mmol/L', 32, [0, 50], {
  range: [22, 35],
  description: 'Bicarbonate of the replacement fluid.',
  source: 'S2',
  ref: 'bicarbonate-buffered CRRT solutions 22–35 mmol/L (commonly 32)',
});
