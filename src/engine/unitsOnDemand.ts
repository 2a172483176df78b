/**
 * sim/units.ts as the engine worker's bundle sees it (vite.config.ts, unitsOnDemand): the same exports, reaching the
 * unit parser (mathjs's Unit with decimal.js, complex.js and fraction.js) only once loadUnits() has imported it.
 * The worker awaits loadUnits() before the commands that read a quantity's text: a live setting (Simulation.set)
 * and any scenario text but the bundled default, which comes resolved at build time. Running, stepping, actions and
 * faults read no text. Under Node and in the dev server every module imports sim/units.ts itself.
 */
import type * as Units from '../../sim/units';

export type InternalUnit = Units.InternalUnit;

let units: typeof Units | undefined;

/** Imports the unit parser (once); afterwards the functions below are sim/units.ts's own. */
export async function loadUnits(): Promise<void> {
  units ??= await import('../../sim/units');
}

function loaded(): typeof Units {
  if (!units) throw new Error('the unit parser is not loaded yet (the engine worker loads it before reading a quantity)');
  return units;
}

/** sim/units.ts's error class: `e instanceof UnitParseError` holds for the errors the loaded parser throws. */
export class UnitParseError extends Error {
  static override [Symbol.hasInstance](x: unknown): boolean {
    return units !== undefined && x instanceof units.UnitParseError;
  }
}

export function parseQuantity(input: unknown, internalUnit: InternalUnit): number {
  return loaded().parseQuantity(input, internalUnit);
}

export function formatQuantity(value: number, unit: InternalUnit, digits?: number): string {
  return loaded().formatQuantity(value, unit, digits);
}
