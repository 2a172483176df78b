/**
 * What reaches the oxygenator's membrane under a fault (faults.md):
 *   sweep at the membrane = 0 when the sweep line is disconnected, else the set sweep (the flowmeter reads the set
 *     sweep either way: sweep_gas_L_min stays the setting);
 *   exchange capacity φ = (1 − plasma leak)·(1 − thrombosis): the fraction of the membrane's gas-transfer surface
 *     still working; the fibre bundle's oxygen conductance K·A and the CO2 conductance G scale with it (transfer ∝
 *     area, Fick).
 *   oxygen fraction at the membrane = 0.21 when the blender's oxygen supply has failed (it passes air alone), else
 *     the set FiO2 (the blender's dial shows the setting either way);
 * With no fault the sweep and its FiO2 are the settings and φ = 1 exactly. Proportional loss of area is a hypothesis [E].
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

/** The oxygen fraction of air (dry air 20.95 % O2, rounded): the blender's gas when its oxygen supply fails, and a membrane with no circuit. */
export const AIR_FIO2 = 0.21;

/** The oxygen fraction of the sweep gas reaching the membrane. */
export function membraneFio2(o: Oxygenator): number {
  return o.oxygenSupplyLost ? AIR_FIO2 : o.fio2;
}
