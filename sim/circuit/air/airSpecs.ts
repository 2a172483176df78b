/** Air in the circuit (scenario section circuit.air): the opening's discharge and the pump head's tolerance of air. */
import { q, type SpecTree } from '../../parameters.js';

export const airSpecs = {
  dischargeCoefficient: q('1', 0.61, [0.1, 1], {
    range: [0.6, 0.8],
    description: 'Discharge coefficient C_d of an opening on the pre-pump line (Q_air = C_d·A·√(2ΔP/ρ_air)).',
    source: 'S2',
    ref: 'sharp-edged orifice 0.61, short tube up to ~0.8 (fluid-mechanics texts)',
  }),
  halfHeadVolume: q('mL', 10, [0.5, 100], {
    range: [5, 20],
    description: 'Air trapped in the centrifugal pump head that halves its head: f = 1/(1 + (V/V½)^n).',
    source: 'E',
    ref: 'hypothesis: about a third of a Rotaflow-class head’s 32 mL prime; no published airlock curve found',
  }),
  headVolume: q('mL', 32, [5, 200], {
    description: 'Priming volume of the centrifugal pump head: the most air it can hold.',
    source: 'S2',
    ref: 'Rotaflow pump head 32 mL (manufacturer data)',
  }),
  airlockSteepness: q('1', 3, [1, 10], {
    description: 'Steepness n of the pump head’s fall with trapped air.',
    source: 'E',
    ref: 'hypothesis: air centrifuged to the impeller eye blocks it abruptly (pump texts: air binding)',
  }),
} as const satisfies SpecTree;
