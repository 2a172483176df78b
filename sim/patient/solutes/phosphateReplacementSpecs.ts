/**
 * The phosphate replacement rule (the prescription's `phosphateReplacement` section), as ICU protocols write it: at
 * each chemistry check, a serum phosphate below the threshold starts one intravenous dose over its infusion time, at
 * most a number of doses in any 24 h. Off by default: the cohort's protocol reports no replacement practice.
 */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

const replace: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'Give an intravenous phosphate dose when serum phosphate is below the threshold at a chemistry check (off by default: the cohort protocol reports no replacement practice).',
  source: 'E',
  ref: 'ICU electrolyte replacement protocols; phosphate-free CRRT fluids make hypophosphataemia common (up to 80 %: Santiago et al. 2009, cited by Morabito et al., Crit Care 2014)',
};

export const phosphateReplacementSpecs = {
  replace,
  threshold: q('mmol/L', 0.6, [0.05, 2], {
    adjustable: true,
    range: [0.32, 0.81],
    description: 'Give a dose when serum phosphate at a check is below this.',
    source: 'E',
    ref: 'a protocol, never fitted: hypophosphataemia < 0.6 mmol/L in RENAL, < 0.81 mild and < 0.32 severe in Yang et al., Crit Care 2013',
  }),
  dose: q('mmol', 20, [0, 100], {
    adjustable: true,
    range: [10, 40],
    description: 'Phosphate in one dose (its volume, 20–100 mL, is left out of the fluid balance).',
    source: 'S2',
    ref: 'ICU replacement protocols: 0.3–0.6 mmol/kg (20–50 mmol in an adult) intravenously',
  }),
  infusionTime: q('h', 6, [0.5, 24], {
    adjustable: true,
    range: [4, 12],
    description: 'Time over which one dose runs in.',
    source: 'S2',
    ref: 'ICU replacement protocols: over 4–6 h (no faster than ~7.5 mmol/h)',
  }),
  checkInterval: q('h', 24, [1, 48], {
    description: 'Interval between chemistry checks of phosphate (each may start one dose).',
    source: 'E',
    ref: 'unit practice: a daily chemistry panel, twice a day on high-dose CRRT',
  }),
  maxDosesPerDay: q('1', 2, [0, 24], {
    adjustable: true,
    description: 'Most doses the rule starts in any 24 h.',
    source: 'E',
    ref: 'unit practice',
  }),
} as const satisfies SpecTree;
