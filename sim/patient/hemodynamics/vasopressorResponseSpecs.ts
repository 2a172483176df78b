/** Acidaemia and fever in vascular tone (vasopressorResponse.ts): the scenario's `hemodynamics.acidaemia` and `.fever`. */
import { q, type SpecTree } from '../../parameters.js';

export const acidaemiaSpecs = {
  fullResponsePh: q('1', 7.2, [7.0, 7.6], {
    range: [7.15, 7.3],
    description: 'pH_full: arterial pH at and above which norepinephrine has its full effect.',
    source: 'E',
    ref: 'Kimmoun, Crit Care 2015 (review): reduced catecholamine response mainly below pH 7.2; Cooper, Ann Intern Med 1990;112:492: correcting lactic acidaemia with bicarbonate (pH 7.22 → 7.36; the 7 most acidaemic 7.13, 6.90–7.20) left MAP unchanged in 13 patients on catecholamines',
  }),
  floorPh: q('1', 6.8, [6.5, 7.1], {
    range: [6.7, 7.0],
    description: 'pH_floor: arterial pH at and below which the norepinephrine effect is at its least (r_min); smooth step between.',
    source: 'E',
    ref: 'dog data (Calif Med 1958): less pressor response at pH 6.76 than at 7.27; Cooper 1990: none lost at 7.13 (6.90–7.20)',
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
