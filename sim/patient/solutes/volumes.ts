/** Central distribution volumes the solutes share. */
import type { Model } from '../../model/context.js';
import type { Now } from '../../model/now.js';

/** Plasma: the central volume of proteins and cytokines, which stay in the vessels' water. */
export const plasmaVolume = (now: Now): number => now.blood.plasma_mL;

/**
 * The patient's own plasma before cannulation: blood volume less the circuit's prime and the red cells. The starting
 * amounts are the baseline concentrations in it; the prime then dilutes them (ECMO arm).
 */
export function initialPlasma_mL(m: Model): number {
  return m.intravascular0_mL - m.prime_mL - m.redCellVolume_mL;
}

/** Exchange between plasma and a peripheral compartment, CL_ic·(C_c − C_p), amount per hour (C_p = A_p / V_p). */
export function interCompartmentExchange(clearance_mL_h: number, central: number, peripheralAmount: number, peripheralVolume_mL: number): number {
  return clearance_mL_h * (central - peripheralAmount / peripheralVolume_mL);
}
