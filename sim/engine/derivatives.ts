/**
 * The right-hand side of the slow system, dy/dt in units per hour: every part derives its instantaneous
 * quantities, then adds its derivatives (sim/model/part.ts). No circuit solve is needed here: the filter limb's
 * flow is set by its own pump and no slow state depends on the ECMO loop's pressures. Every flux that changes an
 * amount is also written to a ledger, so the mass balances close by construction of the model, not of the test.
 */
import { deriveNow, type ComposedModel } from './model.js';
import { EngineError } from './errors.js';
import { LAYOUT, MODELS } from './models.js';

export function derivatives(c: ComposedModel, t: number, y: number[]): number[] {
  // one derivative array per run, reused: odex copies the values out at once (odex.js, its wrapper F)
  const dy = c.dy;
  for (let i = 0; i < dy.length; i++) dy[i] = 0;
  const now = deriveNow(c, t, y);
  const parts = c.derivatives;
  for (let i = 0; i < parts.length; i++) parts[i](now, dy);
  // A NaN anywhere makes the sum NaN (so may +∞ beside −∞, told apart below). odex's error test does not reject a
  // step whose derivatives are NaN (its error comparison is false for NaN): the step would be accepted and the state
  // carried on as NaN. An infinite rate alone is left to odex, which rejects the step and shrinks it.
  let sum = 0;
  for (let i = 0; i < dy.length; i++) sum += dy[i];
  if (sum !== sum) stopOnNaN(c, t, y);
  return dy;
}

/**
 * A rate of change that is not a number: a defect of a model, never of the scenario. Stops the run with the time,
 * the state whose rate it is and the model whose derivatives first make it, found by running the parts one at a
 * time (only here, once: nothing of it runs in an ordinary evaluation).
 */
function stopOnNaN(c: ComposedModel, t: number, y: number[]): void {
  if (!c.dy.some((v) => Number.isNaN(v))) return;
  const given = y.findIndex((v) => Number.isNaN(v));
  const what = given >= 0 ? `the solver gave the models a state whose ${LAYOUT.names[given]} is not a number` : nanRate(c, t, y);
  throw new EngineError(`at ${t.toFixed(3)} h ${what}: a defect of the model, not of the scenario (please report it with the scenario)`, t);
}

/** Which state's rate is not a number, and the first model (in model order) whose derivatives make it so. */
function nanRate(c: ComposedModel, t: number, y: number[]): string {
  const now = deriveNow(c, t, y);
  const dy = new Array<number>(LAYOUT.size).fill(0);
  for (let i = 0; i < c.parts.length; i++) {
    c.parts[i].derivatives?.(now, dy);
    const state = dy.findIndex((v) => Number.isNaN(v));
    if (state >= 0) return `the rate of change of ${LAYOUT.names[state]} is not a number, made by the ${MODELS[i].name} model`;
  }
  return `the rate of change of ${LAYOUT.names[c.dy.findIndex((v) => Number.isNaN(v))]} is not a number`;
}
