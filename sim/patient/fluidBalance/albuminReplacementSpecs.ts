/**
 * The albumin replacement rule (the prescription's `albumin` section), as ICUs write it: at each albumin check,
 * give one dose of 20 % albumin (20 g in 100 mL) over the infusion time when plasma albumin is below the threshold,
 * at most a number of doses in any 24 h. Off by default: the cohort's protocol reports no albumin replacement.
 */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

const replace: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'Give 20 % albumin when plasma albumin is below the threshold at an albumin check (off by default: the cohort protocol reports no albumin replacement).',
  source: 'E',
  ref: 'unit practice; ALBIOS (Caironi, NEJM 2014) replaced 20 % albumin to keep serum albumin ≥ 30 g/L',
};

export const albuminReplacementSpecs = {
  replace,
  threshold: q('g/L', 25, [5, 50], {
    adjustable: true,
    range: [20, 30],
    description: 'Give a dose when plasma albumin at a check is below this.',
    source: 'E',
    ref: 'severe hypoalbuminaemia < 25 g/L is a common trigger; ALBIOS targeted ≥ 30 g/L (Caironi, NEJM 2014)',
  }),
  dose: q('g', 20, [1, 100], {
    adjustable: true,
    description: 'Albumin per dose (20 g = one 100 mL vial of 20 % albumin).',
    source: 'S2',
    ref: '20 % human albumin, 100 mL vials; 20 g every 8 h in septic shock protocols',
  }),
  volume: q('mL', 100, [0, 1000], {
    adjustable: true,
    description: 'Volume of one dose (100 mL for 20 g of 20 % albumin; 400 mL for 20 g of 5 %).',
    source: 'S2',
    ref: '20 % albumin: 200 g/L',
  }),
  infusionTime: q('h', 1, [0.1, 12], {
    adjustable: true,
    range: [0.5, 2],
    description: 'Time over which one dose runs in.',
    source: 'E',
    ref: 'unit practice: a 100 mL vial over 30–60 min (at most 2 mL/min in hypoalbuminaemia, product information)',
  }),
  checkInterval: q('h', 8, [1, 48], {
    description: 'Interval between albumin checks (each may start one dose).',
    source: 'E',
    ref: 'unit practice: 20 g every 8 h',
  }),
  maxDosesPerDay: q('1', 3, [0, 24], {
    adjustable: true,
    description: 'Most doses the rule gives in any 24 h.',
    source: 'E',
    ref: 'unit practice: 20 g every 8 h, 60 g/day',
  }),
} as const satisfies SpecTree;
