/**
 * IL-6 (26 kDa) in plasma and a peripheral compartment [E: reference-data.md §3]:
 *   produced = G₀·D(t)              G₀ balances endogenous clearance at the start; D the sepsis drive
 *   eliminated = CL_endo·C_c        exchange = CL_ic·(C_c − C_p)
 * The generated part (part.ts) adds the filter's convective and adsorptive removal (registry.ts).
 */
import type { Model } from '../../model/context.js';
import type { SlotOf } from '../../model/part.js';
import type { SoluteDefinition, SoluteKinetics, SoluteStateNames } from './solute.js';
import { initialPlasma_mL, interCompartmentExchange, plasmaVolume } from './volumes.js';

/**
 * The kinetics of a solute made as IL-6 is, in proportion to the sepsis drive, and distributed as IL-6 (plasma and
 * kinetics.il6's peripheral volume and exchange): produced = CL₀·c₀·D(t) (balancing elimination at the start),
 * eliminated = CL·C_c with `clearance()` CL now, `c0` the starting concentration in amount per mL.
 */
export function driveMadeKinetics(
  m: Model,
  slot: SlotOf,
  names: SoluteStateNames,
  c0: number,
  startClearance_mL_h: number,
  clearance_mL_h: () => number,
): SoluteKinetics {
  const k = m.scenario.kinetics.il6;
  const production0 = startClearance_mL_h * c0; // steady state at the start
  const central = slot(names.central);
  const peripheral = slot(names.peripheral);
  return {
    centralVolume_mL: plasmaVolume,
    initial(y) {
      y[central] = c0 * initialPlasma_mL(m);
      y[peripheral] = c0 * k.peripheralVolume;
    },
    fluxes(now, c, out) {
      const kc = m.current.kinetics.il6;
      out.produced = production0 * now.sepsisDrive;
      out.eliminated = clearance_mL_h() * c;
      out.exchange = interCompartmentExchange(kc.interCompartmentClearance, c, now.y[peripheral], kc.peripheralVolume);
    },
  };
}

export const il6: SoluteDefinition = {
  name: 'il6',
  amountUnit: 'pg',
  perMl: 1,
  series: ['il6_pg_mL', 'pg/mL', 'Plasma IL-6'],
  peripheral: true,
  filtration: { sieving: 'il6', adsorption: 'il6InitialClearance', dilution: 'plasma' },
  kinetics: (m, slot, names) =>
    driveMadeKinetics(
      m,
      slot,
      names,
      m.scenario.patient.baseline.il6,
      m.scenario.kinetics.il6.endogenousClearance,
      () => m.current.kinetics.il6.endogenousClearance,
    ),
};
