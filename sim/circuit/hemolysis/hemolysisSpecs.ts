/** Hemolysis (scenario section circuit.hemolysis): the pump's hemolysis index, its scaling, and free Hb clearance. */
import { q, type SpecTree } from '../../parameters.js';

export const hemolysisSpecs = {
  pumpIndex: q('mg/L', 0.21, [0, 10], {
    range: [0.05, 0.5],
    description:
      'Normalized index of hemolysis (NIH) of the centrifugal pump at its calibration point: free Hb released per litre of blood pumped (0.021 g/100 L = 0.21 mg/L).',
    source: 'S',
    ref: 'Sobieski et al., Artif Organs 2012;36:677: Rotaflow 0.021 ± 0.003 g/100 L at 3000 rpm, 4.2 L/min, 250 mmHg (in vitro, bovine blood)',
  }),
  exposureExponent: q('1', 0.785, [0.1, 2], {
    range: [0.66, 0.79],
    description: 'α in the power law HI = C·t^α·τ^β (exposure time t ∝ pump volume / flow).',
    source: 'S',
    ref: 'Giersiepen et al., Int J Artif Organs 1990 (0.785); Zhang et al., Artif Organs 2011 (0.661)',
  }),
  stressExponent: q('1', 2.416, [0.5, 4], {
    range: [1.99, 2.42],
    description: 'β in HI = C·t^α·τ^β; the pump’s representative shear τ is taken ∝ speed.',
    source: 'S',
    ref: 'Giersiepen et al., Int J Artif Organs 1990 (2.416); Zhang et al., Artif Organs 2011 (1.991); τ ∝ N is E',
  }),
  suctionThreshold: q('mmHg', 100, [0, 500], {
    range: [80, 150],
    description: 'Suction (below atmosphere) at the pump inlet past which drainage pressure adds hemolysis.',
    source: 'S2',
    ref: 'reference-data.md §6 (Kurusz, Perfusion 1999): more negative inlet pressure raises hemolysis and cavitation',
  }),
  suctionFactor: q('1', 1, [0, 20], {
    range: [0.5, 3],
    description: 'Extra pump hemolysis per 100 mmHg of suction past the threshold: × (1 + k·excess/100 mmHg).',
    source: 'E',
    ref: 'hypothesis: no published dose–response for inlet suction found; doubles per 100 mmHg',
  }),
  pumpHeadThrombus: q('1', 1, [1, 200], {
    adjustable: true,
    range: [1, 50],
    description:
      "The pump's hemolysis multiplied by this factor: a thrombus snared on the impeller or grown at its bearing damages the cells it spins (1: a clean head). The remedy is a new pump head (changePumpHead, or a circuit change); a console change moves the same head onto a new drive.",
    source: 'E',
    ref: 'hypothesis (no published dose–response): Neal et al., J Extra Corpor Technol 2015;47:103: a pump-head thrombus took free Hb past 100 mg/dL at unchanged rpm and flow, back to baseline within 48 h of a new head; Lubnow et al., PLoS One 2014: acute clot in the pump head shown by a dramatic rise of free Hb',
  }),
  halfLife: q('h', 3, [0.1, 48], {
    range: [1, 6],
    description: 'Half-life of plasma free hemoglobin (haptoglobin binding, hepatic uptake, renal loss), first order.',
    source: 'E',
    ref: 'free Hb falls to its preoperative level within ~12 h of weaning from bypass (CPB cohorts; Saylor et al., ASAIO J 2019 for the pathways)',
  }),
  baseline: q('mg/dL', 3, [0, 100], {
    range: [1, 5],
    description: 'Plasma free hemoglobin before the circuit (endogenous production balances clearance there).',
    source: 'S2',
    ref: 'normal < 5 mg/dL (Saylor et al., ASAIO J 2019)',
  }),
} as const satisfies SpecTree;
