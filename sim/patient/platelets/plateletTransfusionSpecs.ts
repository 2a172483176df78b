/**
 * The platelet transfusion rule (the prescription's `plateletTransfusion` section), as ECMO units write it: at each
 * platelet count, give one adult unit over the infusion time when the count is below the threshold, at most a number
 * of units in any 24 h. Off by default: the cohort's protocol reports no transfusion practice.
 */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

const transfuse: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'Give an adult platelet unit when the count is below the threshold at a platelet count (off by default: the cohort protocol reports no transfusion practice).',
  source: 'E',
  ref: 'unit practice: ECMO protocols keep the count above a threshold (restrictive guidance for non-bleeding VV ECMO patients: Singh et al., Can J Cardiol 2020;36:1550)',
};

export const plateletTransfusionSpecs = {
  transfuse,
  threshold: q('1/nL', 50, [1, 500], {
    adjustable: true,
    range: [20, 100],
    description: 'Give a unit when the platelet count at a check is below this (10⁹/L, written e.g. "50 /nL").',
    source: 'E',
    ref: 'stated prophylactic thresholds of ECMO providers for non-bleeding children: median 50 × 10⁹/L (IQR 45–75), 75 when minimally bleeding (114 providers at 10 centres, "Platelet transfusion stated practices among neonatal and paediatric veno-arterial extracorporeal membrane oxygenation providers: a survey"); adult units 50–100 by practice; a protocol, never fitted',
  }),
  unitContent: q('1', 300, [10, 1000], {
    adjustable: true,
    range: [240, 400],
    description: 'Platelets in one adult unit, in 10⁹ (an apheresis unit or a pool of four to six whole-blood units).',
    source: 'S2',
    ref: 'adult dose ≥ 3.0 × 10¹¹ platelets per apheresis unit (AABB standards); ≥ 2.4 × 10¹¹ in UK specifications',
  }),
  volume: q('mL', 250, [0, 1000], {
    adjustable: true,
    range: [150, 350],
    description: 'Volume of one unit (plasma or additive solution), which joins the blood volume.',
    source: 'S2',
    ref: 'apheresis platelets 200–300 mL (AABB Circular of Information)',
  }),
  infusionTime: q('h', 0.5, [0.05, 6], {
    adjustable: true,
    range: [0.25, 1],
    description: 'Time over which one unit runs in.',
    source: 'S2',
    ref: 'a unit over 30 min (transfusion guidelines: 30–60 min)',
  }),
  checkInterval: q('h', 12, [1, 48], {
    description: 'Interval between platelet counts (each may start one unit).',
    source: 'E',
    ref: 'unit practice: full blood counts twice a day on ECMO',
  }),
  maxUnitsPerDay: q('1', 2, [0, 24], {
    adjustable: true,
    description: 'Most units the rule gives in any 24 h.',
    source: 'E',
    ref: 'unit practice',
  }),
} as const satisfies SpecTree;
