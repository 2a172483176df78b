/**
 * The right-hand side of the slow system, dy/dt in units per hour: every part derives its instantaneous
 * quantities, then adds its derivatives (sim/model/part.ts). No circuit solve is needed here: the filter limb's
 * flow is set by its own pump and no slow state depends on the ECMO loop's pressures. Every flux that changes an
 * amount is also written to a ledger, so the mass balances close by construction of the model, not of the test.
 */
import { LAYOUT } from './models.js';
import { deriveNow, type ComposedModel } from './model.js';

/** One derivative array per model, reused: odex copies the values out at once (odex.js, its wrapper F). */
const scratch = new WeakMap<ComposedModel, number[]>();

export function derivatives(c: ComposedModel, t: number, y: number[]): number[] {
  let dy = scratch.get(c);
  if (!dy) scratch.set(c, (dy = new Array<number>(LAYOUT.size)));
  dy.fill(0);
  const now = deriveNow(c, t, y);
  const parts = c.parts;
  for (let i = 0; i < parts.length; i++) parts[i].derivatives?.(now, dy);
  return dy;
}
