/**
 * Assembles a runnable model from a scenario: the shared context (sim/model/context.ts), each model's part with
 * its constants derived once, the shared instantaneous quantities (Now), and the initial state vector.
 */
import type { Scenario } from '../scenario/resolve.js';
import { ScenarioError } from '../scenario/errors.js';
import { modelContext, type Model } from '../model/context.js';
import { SettingError } from '../model/errors.js';
import { createNow, type Now } from '../model/now.js';
import type { ModelPart } from '../model/part.js';
import { LAYOUT, MODELS } from './models.js';

export type { FilterStatus, Model } from '../model/context.js';
export { plasmaVolume_mL } from '../model/context.js';

/** A run's model: the context the parts share, the parts in model order, and the shared Now they write. */
export interface ComposedModel {
  readonly m: Model;
  readonly parts: readonly ModelPart[];
  readonly now: Now;
  /** The parts' hooks the right-hand side calls, gathered once: plain arrays of functions, in model order. */
  readonly derives: readonly ((now: Now) => void)[];
  readonly derivatives: readonly ((now: Now, dy: number[]) => void)[];
  /** The right-hand side's output array, reused at every evaluation. */
  readonly dy: number[];
}

/** The parts' functions of one hook, without the parts that have none (a part's hooks are closures: no `this`). */
function hooks<K extends 'derive' | 'derivatives'>(parts: readonly ModelPart[], hook: K): NonNullable<ModelPart[K]>[] {
  return parts.flatMap((p) => (p[hook] ? [p[hook] as NonNullable<ModelPart[K]>] : []));
}

export function buildModel(scenario: Scenario): ComposedModel {
  const m = modelContext(scenario);
  try {
    const parts = MODELS.map((def) => def.create(m, LAYOUT.slot));
    return {
      m,
      parts,
      now: createNow(),
      derives: hooks(parts, 'derive'),
      derivatives: hooks(parts, 'derivatives'),
      dy: new Array<number>(LAYOUT.size).fill(0),
    };
  } catch (e) {
    if (e instanceof SettingError) throw new ScenarioError('scenario', [{ path: e.path, message: e.message }]);
    throw e;
  }
}

export function initialState(c: ComposedModel): number[] {
  const y = new Array<number>(LAYOUT.size).fill(0);
  for (const p of c.parts) p.initial?.(y);
  return y;
}

/** What the periodic checks read at (t, y): every part's `derive`, then its `deriveForChecks` (MAP). */
export function deriveForChecks(c: ComposedModel, t_h: number, y: ArrayLike<number>): Now {
  const now = deriveNow(c, t_h, y);
  for (const p of c.parts) p.deriveForChecks?.(now);
  return now;
}

/** Every part's instantaneous quantities at (t, y), in model order: what the right-hand side and the events read. */
export function deriveNow(c: ComposedModel, t_h: number, y: ArrayLike<number>): Now {
  const now = c.now;
  now.t_h = t_h;
  now.y = y;
  now.derivations++;
  const derives = c.derives;
  for (let i = 0; i < derives.length; i++) derives[i](now);
  return now;
}
