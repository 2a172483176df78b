/** Acidaemia and fever in vascular tone (vasopressorResponse.ts): the scenario's `hemodynamics.acidaemia` and `.fever`. */
import { q, type SpecTree } from '../../parameters.js';

export const acidaemiaSpecs = {
  fullResponsePh: q('1', 7.35, [7.0, 7.6], {
    range: [7.3, 7.4],
    description: 'pH_full: arterial pH at and above which norepinephrine has its full effect (lower bound of normal pH).',
    source: 'E',
    ref: 'normal arterial pH 7.35–7.45; Kimmoun, Crit Care 2015: catecholamine response intact above ~7.3',
  }),
  floorPh: q('1', 7.0, [6.5, 7.3], {
    range: [6.8, 7.15],
    description: 'pH_floor: arterial pH at and below which the norepinephrine effect is at its least (r_min); smooth step between.',
    source: 'E',
    ref: 'Kimmoun, Crit Care 2015: hyporesponsiveness mainly below pH 7.2; dog data (Calif Med 1958) at pH 6.76 vs 7.27',
  }),
  minResponse: q('1', 0.5, [0, 1], {
    range: [0.3, 0.8],
    description: 'r_min: share of the norepinephrine effect left in severe acidaemia (pH ≤ pH_floor). An estimate.',
    source: 'E',
    ref: 'estimate: the published data show a reduced, not abolished, pressor response; no dose–response figure in patients',
  }),
} as const satisfies SpecTree;

export const feverToneSpecs = {
  threshold: q('degC', 37, [35, 39], {
    range: [36.5, 37.5],
    description: 'T_F: core temperature above which fever lowers vascular tone.',
    source: 'S2',
    ref: 'normal core temperature 36.5–37.5 °C; Schortgen, AJRCCM 2012 cooled to 36.5–37 °C',
  }),
  depressionPerKelvin: q('mmHg/K', 2, [0, 10], {
    range: [0, 5],
    description: 'k_F: MAP lost per kelvin of core temperature above T_F (fever vasodilation). A hypothesis.',
    source: 'E',
    ref: 'hypothesis (issue 12); check: Schortgen, AJRCCM 2012, vasopressor dose halved at 12 h in 54 % (cooled) vs 20 %',
  }),
} as const satisfies SpecTree;
