/**
 * The solute registry: every solute the patient model carries, one row each. The state layout, the solver's
 * scales, the ledgers, the derivatives, the concentration series and the mass balances are generated from it
 * (part.ts). To add a solute: write its file (kinetics and specs, like urea.ts), add its row here and its specs
 * to SOLUTE_SPECS, add its sieving to the membrane's table (sim/filter/filterSpecs.ts) if the filter passes it.
 */
import { albumin } from './albumin.js';
import { creatinine } from './creatinine.js';
import { crp } from './crp.js';
import { il6 } from './il6.js';
import { pct } from './pct.js';
import type { SoluteDefinition } from './solute.js';
import { urea, ureaBaselineSpec, ureaKineticsSpecs } from './urea.js';
import { lactate, lactateBaselineSpec, lactateKineticsSpecs } from './lactate.js';
import { phosphate, phosphateBaselineSpec, phosphateKineticsSpecs } from './phosphate.js';
import { vasoplegicMediators, vasoplegicMediatorsKineticsSpecs } from './vasoplegicMediators.js';

export const SOLUTES: readonly SoluteDefinition[] = [il6, pct, crp, albumin, creatinine, urea, lactate, vasoplegicMediators, phosphate];

/** Each solute's index in Now.concentration, by name: `now.concentration[SOLUTE.il6]`. */
export const SOLUTE: Readonly<Record<'il6' | 'pct' | 'crp' | 'albumin' | 'creatinine' | 'urea' | 'lactate' | 'vasoplegicMediators' | 'phosphate', number>> = {
  il6: SOLUTES.indexOf(il6),
  pct: SOLUTES.indexOf(pct),
  crp: SOLUTES.indexOf(crp),
  albumin: SOLUTES.indexOf(albumin),
  creatinine: SOLUTES.indexOf(creatinine),
  urea: SOLUTES.indexOf(urea),
  lactate: SOLUTES.indexOf(lactate),
  vasoplegicMediators: SOLUTES.indexOf(vasoplegicMediators),
  phosphate: SOLUTES.indexOf(phosphate),
};

/** Specs of the solutes defined with their kinetics: merged into the scenario's `kinetics` and `patient.baseline`. */
export const SOLUTE_SPECS = {
  kinetics: {
    urea: ureaKineticsSpecs,
    lactate: lactateKineticsSpecs,
    vasoplegicMediators: vasoplegicMediatorsKineticsSpecs,
    phosphate: phosphateKineticsSpecs,
  },
  baseline: { urea: ureaBaselineSpec, lactate: lactateBaselineSpec, phosphate: phosphateBaselineSpec },
} as const;
