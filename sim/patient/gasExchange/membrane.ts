/**
 * What reaches the oxygenator's membrane under a fault (faults.md):
 *   sweep at the membrane = 0 when the sweep line is disconnected, else the set sweep (the flowmeter reads the set
 *     sweep either way: sweep_gas_L_min stays the setting);
 *   exchange capacity φ = (1 − plasma leak)·(1 − thrombosis): the fraction of the membrane's gas-transfer surface
 *     still working; the fibre bundle's oxygen conductance K·A and the CO2 conductance G scale with it (transfer ∝
 *     area, Fick).
 * With no fault the sweep is the setting and φ = 1 exactly. Proportional loss of area is a hypothesis [E].
 */
import type { Scenario } from '../../scenario/resolve.js';

type Oxygenator = NonNullable<Scenario['circuit']>['oxygenator'];

/** The sweep gas reaching the membrane (L/min). */
export function membraneSweep_L_min(o: Oxygenator): number {
  return o.sweepDisconnected ? 0 : o.sweepGas;
}

/** The fraction of the membrane's gas-transfer capacity left (1: no fault). */
export function membraneCapacity(o: Oxygenator): number {
  return (1 - o.plasmaLeak) * (1 - o.thrombosis);
}
