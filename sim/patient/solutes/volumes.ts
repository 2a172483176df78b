/** Central distribution volumes the solutes share. */
import type { Model } from '../../model/context.js';
import type { Now } from '../../model/now.js';

/** Plasma: the central volume of proteins and cytokines, which stay in the vessels' water. */
export const plasmaVolume = (now: Now): number => now.blood.plasma_mL;

/** Plasma volume at the start, as the scenario gives it: blood volume × (1 − hematocrit). */
export function startingPlasma_mL(m: Model): number {
  const p = m.scenario.patient;
  return p.intravascularVolume * (1 - p.hematocrit);
}
