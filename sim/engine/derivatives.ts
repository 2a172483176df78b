/**
 * The right-hand side of the slow system, dy/dt in units per hour: every part derives its instantaneous
 * quantities, then adds its derivatives (sim/model/part.ts). No circuit solve is needed here: the filter limb's
 * flow is set by its own pump and no slow state depends on the ECMO loop's pressures. Every flux that changes an
 * amount is also written to a ledger, so the mass balances close by construction of the model, not of the test.
 */
import { deriveNow, type ComposedModel } from './model.js';

export function derivatives(c: ComposedModel, t: number, y: number[]): number[] {
  // one derivative array per run, reused: odex copies the values out at once (odex.js, its wrapper F)
  const dy = c.dy;
  for (let i = 0; i < dy.length; i++) dy[i] = 0;
  const now = deriveNow(c, t, y);
  const parts = c.derivatives;
  for (let i = 0; i < parts.length; i++) parts[i](now, dy);
  return dy;
}
