/**
 * Circuit faults that lose blood (scenario fields circuit.decannulation, circuit.rupture and their openings): a cannula out of its vessel and a ruptured
 * circuit. Default: no fault.
 */
import { q, type ChoiceSpec, type FlagSpec, type SpecTree } from '../../parameters.js';

const decannulation: ChoiceSpec<'none' | 'drainage' | 'return'> = {
  kind: 'choice',
  values: ['none', 'drainage', 'return'],
  default: 'none',
  adjustable: true,
  description:
    "A cannula out of its vessel: 'drainage' — the drainage cannula's holes open to the air (the pre-pump line entrains air) and the vein bleeds from the site; 'return' — the pump's output goes onto the floor (no ECMO flow reaches the patient, who loses the return flow) and the vein bleeds from the site.",
  source: 'S2',
  ref: 'training-reference.md: ELSO catastrophic emergencies, venous or arterial decannulation',
};

const rupture: ChoiceSpec<'none' | 'prePump' | 'postPump'> = {
  kind: 'choice',
  values: ['none', 'prePump', 'postPump'],
  default: 'none',
  adjustable: true,
  description:
    "A ruptured circuit: 'prePump' — an opening on the negative-pressure drainage segment entrains air; 'postPump' — blood leaves the positive-pressure segment through the opening (orifice flow).",
  source: 'S2',
  ref: 'training-reference.md: ELSO catastrophic emergencies, circuit rupture (air entrainment before the pump, haemorrhage after it)',
};

const siteCompression: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'Firm pressure held on the site of the cannula out of its vessel (by hand or a compression device): the site bleeds only where the vein’s pressure exceeds siteCompressionPressure. Released when the vessel is recannulated.',
  source: 'S2',
  ref: 'ELSO emergency drills, decannulation: clamp, pressure on the site, call the cannulating team (training-reference.md)',
};

export const bloodLossSpecs = {
  decannulation,
  rupture,
  siteCompression,
  siteCompressionPressure: q('mmHg', 30, [0, 200], {
    range: [20, 60],
    description:
      'Pressure the compression holds on the vein at the site: the bleeding is driven by the vein’s pressure above it, C_d·A·√(2·max(0, P_v − P_c)/ρ).',
    source: 'E',
    ref: 'hypothesis: no published figure for compressing a decannulated femoral vein; pneumatic femoral compression devices are set a few tens of mmHg for venous punctures, well below arterial pressure (the artery left open)',
  }),
  ruptureOpening: q('mm', 3, [0.1, 10], {
    adjustable: true,
    range: [1, 6],
    description: 'Equivalent diameter of the rupture (a cracked connector, a split tube, an open luer port ~2–3 mm).',
    source: 'E',
    ref: 'training setting; a luer port’s bore is ~2–4 mm (ISO 80369-7)',
  }),
  decannulationSiteOpening: q('mm', 3, [0.5, 10], {
    adjustable: true,
    range: [1, 7.7],
    description:
      'Equivalent diameter of the bleeding vein after a cannula came out: up to the cannula’s outer size (23 Fr = 7.7 mm); the tissue tract narrows it.',
    source: 'E',
    ref: 'hypothesis: no published figure for the bleeding rate of a femoral or jugular cannulation site; the orifice relation at the venous pressure',
  }),
  bloodDischargeCoefficient: q('1', 0.61, [0.1, 1], {
    range: [0.6, 0.8],
    description: 'Discharge coefficient C_d of an opening losing blood: Q = C_d·A·√(2ΔP/ρ_blood).',
    source: 'S2',
    ref: 'sharp-edged orifice 0.61, short tube up to ~0.8 (fluid-mechanics texts)',
  }),
} as const satisfies SpecTree;
