/**
 * The contract every model keeps with the engine (docs/models/README.md, "how to add a model"). A model is a
 * folder; its `part.ts` exports a ModelDefinition: the states it integrates, the series it reports, and `create`,
 * which builds the run's ModelPart from the scenario (constants derived once) and the slots of its states.
 *
 * Each time step the engine calls, in the order of the model list (sim/engine/models.ts): every part's `derive`
 * (instantaneous quantities later parts read, written into the shared Now), then every part's `derivatives`.
 * For an output sample it calls `derive`, then `deriveForOutput` (what only outputs need: the circuit solve,
 * gas exchange), then `observe`. Nothing in `derive` or `derivatives` may allocate: the right-hand side runs
 * ~800 times per simulated day.
 */
import type { Model } from './context.js';
import type { MassBalance, Now } from './now.js';
import type { ModelEvents } from './events.js';

/** A state a model integrates, and its typical magnitude (for the solver's absolute tolerance) from the start. */
export interface StateDeclaration {
  /** Unique across models, the unit in the name (`il6Central_pg`). */
  readonly name: string;
  /** Amounts by their starting value, ledger entries by the amount they account for, fractions by 1. */
  readonly scale: (y0: ArrayLike<number>, slot: (name: string) => number) => number;
  /**
   * An integrated flux total that only the run's end reads (a mass balance's produced, eliminated, removed): an
   * output sampled inside a solver step does not interpolate it (it reads NaN there), which halves the sampling
   * cost. No part's `derive`, `deriveForChecks` or `observe` may read one.
   */
  readonly ledger?: boolean;
}

/** Output series: name (unit in the name) → [unit, what it is]. */
export type SeriesTable = Readonly<Record<string, readonly [unit: string, description: string]>>;

/** Where a part's states sit in the state vector, by name. */
export type SlotOf = (name: string) => number;

export interface ModelPart extends ModelEvents {
  /** Writes the part's starting states (the vector is zero before). */
  initial?(y: number[]): void;
  /** Instantaneous quantities other parts read, from the state: written into `now`. Must not allocate. */
  derive?(now: Now): void;
  /** Adds the part's contribution to dy/dt (per hour). Must not allocate. */
  derivatives?(now: Now, dy: number[]): void;
  /** Quantities only the periodic checks read (MAP for the titration), after every part's `derive`. */
  deriveForChecks?(now: Now): void;
  /** Quantities only outputs read (after every part's `derive`): includes what `deriveForChecks` gives. */
  deriveForOutput?(now: Now): void;
  /** Writes the part's series into `out`. */
  observe?(now: Now, out: Record<string, number>): void;
  /** The part's mass balances at the end of a run (start + produced − eliminated − removed − adsorbed = end). */
  massBalances?(y0: ArrayLike<number>, y: ArrayLike<number>, out: Record<string, MassBalance>): void;
}

export interface ModelDefinition {
  readonly name: string;
  readonly states: readonly StateDeclaration[];
  readonly series: SeriesTable;
  create(m: Model, slot: SlotOf): ModelPart;
}

/** A declaration whose typical magnitude is a constant (fractions: 1). */
export const fixedScale =
  (value: number): StateDeclaration['scale'] =>
  () =>
    value;

/** A declaration scaled by the sum of other states' starting values (a ledger by the amount it accounts for). */
export const scaleBy =
  (...names: string[]): StateDeclaration['scale'] =>
  (y0, slot) =>
    names.reduce((sum, n) => sum + y0[slot(n)], 0);
