/**
 * The state vector, generated from the models' declarations: each state gets the next slot in model order.
 * The solver's per-component scales come from the same declarations.
 */
import type { ModelDefinition, SlotOf } from './part.js';

export interface StateLayout {
  readonly size: number;
  readonly names: readonly string[];
  readonly slot: SlotOf;
  /** The slots outputs and checks read inside a step: every state but the ledgers (StateDeclaration.ledger). */
  readonly sampled: readonly number[];
  /** Typical magnitudes of each state from the starting state (floors at 1e-12 so no tolerance is zero). */
  typicalMagnitudes(y0: ArrayLike<number>): number[];
}

export function composeLayout(models: readonly ModelDefinition[]): StateLayout {
  const declarations = models.flatMap((m) => m.states);
  const index = new Map<string, number>();
  declarations.forEach((d, i) => {
    if (index.has(d.name)) throw new Error(`state ${d.name} is declared twice`);
    index.set(d.name, i);
  });
  const slot: SlotOf = (name) => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`no state named ${name}`);
    return i;
  };
  return {
    size: declarations.length,
    names: declarations.map((d) => d.name),
    sampled: declarations.flatMap((d, i) => (d.ledger ? [] : [i])),
    slot,
    typicalMagnitudes: (y0) => declarations.map((d) => Math.max(d.scale(y0, slot), 1e-12)),
  };
}
