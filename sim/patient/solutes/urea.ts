/**
 * Urea (60 Da) in total body water, one compartment, the solute clinicians measure a delivered dose with:
 *   produced = G = PCR·(1/6.25)·(60/28)   urea from protein catabolism: 16 % of protein is nitrogen (1/6.25 g N per
 *                                          g protein), and urea is 28/60 nitrogen by mass [S: standard nitrogen
 *                                          balance]; PCR in g protein per hour
 *   eliminated = FEU·GFR·C                renal urea clearance, a fraction FEU of GFR because urea is reabsorbed
 * A small solute: the filter clears it with SC 1 from whole-blood water, DF = Q_b/(Q_b + Q_pre) (registry.ts).
 * Its concentration is reported as urea, mg/dL (BUN = urea × 28/60).
 */
import { q, type SpecTree } from '../../parameters.js';
import { bodyWaterKinetics } from './bodyWaterSolute.js';
import type { SoluteDefinition } from './solute.js';

/** Grams of urea made per gram of protein catabolised: (1/6.25 g N per g protein) / (28/60 g N per g urea). */
export const UREA_PER_PROTEIN = (1 / 6.25) * (60 / 28);

export const ureaKineticsSpecs = {
  distributionVolume: q('mL', null, [1000, 200000], {
    defaultPerKg: 600,
    range: [30000, 60000],
    description: 'Urea distribution volume: total body water (default 0.6 L/kg; range for an 80 kg adult).',
    source: 'S2',
    ref: 'urea distributes in total body water (Watson formula, ~0.55–0.6 L/kg)',
  }),
  proteinCatabolicRate: q('g/h', null, [0, 50], {
    defaultPerKg: 1.5 / 24,
    range: [5, 8],
    description: 'Protein catabolic rate (default 1.5 g/kg/day, hypercatabolic sepsis; range 1.5–2.4 g/kg/day for 80 kg).',
    source: 'S2',
    ref: 'protein catabolic rate 1.5–2.5 g/kg/day in septic AKI on CRRT (KDIGO AKI guideline 2012, nutrition section)',
  }),
  fractionOfGfr: q('1', 0.5, [0, 1], {
    range: [0.35, 0.65],
    description:
      'Renal urea clearance over GFR (the fractional excretion of urea): urea is filtered and partly reabsorbed, so its clearance is this fraction of the GFR the kidney filters now (patient.kidney).',
    source: 'S2',
    ref: 'Carvounis et al., Kidney Int 2002;62:2223–2229: fractional excretion of urea ≤ 35 % in prerenal, > 50 % in intrinsic acute kidney injury; 0.5 keeps the former 10 of 20 mL/min',
  }),
} as const satisfies SpecTree;

export const ureaBaselineSpec = q('mg/dL', 100, [1, 600], {
  range: [40, 200],
  description: 'Serum urea at the start (urea, not BUN: BUN = urea × 28/60).',
  source: 'E',
  ref: 'septic acute kidney injury: BUN 30–90 mg/dL (urea 64–190)',
});

export const urea: SoluteDefinition = {
  name: 'urea',
  amountUnit: 'mg',
  perMl: 100,
  series: ['urea_mg_dL', 'mg/dL', 'Serum urea (BUN = urea × 28/60)'],
  peripheral: false,
  filtration: { sieving: 'urea', dilution: 'wholeBlood' },
  kinetics: (m, slot, names) =>
    bodyWaterKinetics(
      m,
      slot,
      names,
      (s) => s.kinetics.urea,
      m.scenario.patient.baseline.urea,
      () => 1000 * UREA_PER_PROTEIN * m.current.kinetics.urea.proteinCatabolicRate,
      () => m.current.kinetics.urea.fractionOfGfr,
    ),
};
