/**
 * Filterable vasoplegic mediators (a hypothesis, issue 12): the septic vasodilation that does not follow IL-6 is
 * carried by a pool of middle molecules (10–50 kDa) that the high-cut-off membrane passes as it passes IL-6. The pool
 * is an index, 1 at the start of the run (before the prime dilutes it):
 *   produced   = G₀·D(t)                 G₀ = CL·1 balances elimination at the start; D the sepsis drive
 *   eliminated = CL·C_c,  CL = ln2·(V_plasma + V_p)/t½
 *   exchange   = CL_ic·(C_c − C_p)        distributed as IL-6 (kinetics.il6.peripheralVolume, interCompartmentClearance)
 * (IL-6's kinetics, driveMadeKinetics in il6.ts, with its own clearance and a starting index of 1)
 * The filter removes it in plasma water with a sieving of its own (filter.sieving.vasoplegicMediators; registry.ts):
 * IL-6's on the high-cut-off membrane by default; a standard high-flux membrane passes a mix of cytokines at about
 * half the high cut-off's sieving (combined median 0.16 against 0.31, Atan et al., Int J Artif Organs 2016), more
 * than IL-6's own 0.15 against 0.45, since the mix holds smaller cytokines than IL-6. With t½ → 0 the pool is D(t) itself,
 * the drive's vasoplegia as it was before this hypothesis. Evidence for such a pool, not for its size or half-life:
 * ultrafiltrate of endotoxaemic pigs on high-volume hemofiltration depressed the circulation of healthy pigs it was
 * infused into (Grootendorst et al., Intensive Care Med 1992;18:235).
 */
import { q, type SpecTree } from '../../parameters.js';
import type { SoluteDefinition } from './solute.js';
import { driveMadeKinetics } from './il6.js';
import { initialPlasma_mL } from './volumes.js';

export const vasoplegicMediatorsKineticsSpecs = {
  halfLife: q('h', 6, [0.05, 200], {
    calibratable: true,
    range: [0.5, 30],
    description:
      'Elimination half-life of the filterable vasoplegic mediators (a hypothesis): short, and the pool follows the sepsis drive whatever the filter does; long, and the filter lowers it as it lowers a slowly cleared solute.',
    source: 'E',
    ref: 'hypothesis, no published value: the middle molecules of septic plasma range from minutes (TNF-α) to a day (PCT, 25–30 h); a lumped pool; fitted with the vasoplegia to both arms at once',
  }),
} as const satisfies SpecTree;

export const vasoplegicMediators: SoluteDefinition = {
  name: 'vasoplegicMediators',
  amountUnit: 'AU',
  perMl: 1,
  series: ['vasoplegic_mediators', '1', 'Filterable vasoplegic mediators relative to the start (a hypothesis: hemodynamics.md)'],
  peripheral: true,
  filtration: { sieving: 'vasoplegicMediators', dilution: 'plasma' },
  kinetics(m, slot, names) {
    const k = m.scenario.kinetics;
    const clearance = (Math.LN2 * (initialPlasma_mL(m) + k.il6.peripheralVolume)) / k.vasoplegicMediators.halfLife;
    return driveMadeKinetics(m, slot, names, 1, clearance, () => clearance);
  },
};
