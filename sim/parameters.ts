/**
 * Typed parameter definitions. Every model parameter and every setting is declared once as a spec with
 * its default, accepted limits, plausible range, internal unit and source tag (see reference-data.md):
 *   S  a published figure (source named in `ref`)
 *   S2 a figure from a secondary summary
 *   E  an estimate or derivation
 *   calibrated  fitted to data by a script in the repo (`ref` names the script)
 * The scenario schema, the JSON Schema, the CLI's --set, the docs tables and the UI all read these specs.
 */
import type { InternalUnit } from './units.js';

export type SourceTag = 'S' | 'S2' | 'E' | 'calibrated';

interface SpecBase {
  description: string;
  source: SourceTag;
  /** Where the number comes from: citation, or the script that fitted it. */
  ref: string;
  /** A setting the operator may change during a run (timeline `set`, UI controls). */
  adjustable?: boolean;
  /**
   * May be fitted to the reference cohort (scripts/calibrateCohort.ts). Measured physics (sieving, cannulae,
   * pump, heparin) never is.
   */
  calibratable?: boolean;
}

export interface QuantitySpec extends SpecBase {
  kind: 'quantity';
  unit: InternalUnit;
  /** Default in internal units; null makes the field required. */
  default: number | null;
  /** When set, the default is this many internal units per kg of body weight. */
  defaultPerKg?: number;
  /** Values outside these (internal units, inclusive) are refused by the loader. */
  limits: readonly [number, number];
  /** The plausible range from the literature (what sensitivity analysis samples). */
  range?: readonly [number, number];
  /** Accept the per-kg form too (e.g. "18 U/kg/h" for a U/h field), multiplied by body weight. */
  perKg?: boolean;
}

export interface ChoiceSpec<T extends string = string> extends SpecBase {
  kind: 'choice';
  values: readonly T[];
  default: T;
}

export interface FlagSpec extends SpecBase {
  kind: 'flag';
  default: boolean;
}

export type LeafSpec = QuantitySpec | ChoiceSpec | FlagSpec;
export interface SpecTree {
  readonly [key: string]: LeafSpec | SpecTree;
}

/** The resolved values of a spec tree: numbers in internal units, strings for choices, booleans for flags. */
export type Resolved<T> = {
  -readonly [K in keyof T]: T[K] extends QuantitySpec ? number : T[K] extends ChoiceSpec<infer C> ? C : T[K] extends FlagSpec ? boolean : Resolved<T[K]>;
};

export function isLeaf(node: LeafSpec | SpecTree): node is LeafSpec {
  return typeof (node as LeafSpec).kind === 'string' && typeof (node as LeafSpec).description === 'string';
}

/** A quantity spec, written compactly: q('mL/h/mmHg', 50, [1, 500], {...}). */
export function q(
  unit: InternalUnit,
  def: number | null,
  limits: readonly [number, number],
  meta: Omit<QuantitySpec, 'kind' | 'unit' | 'default' | 'limits'>,
): QuantitySpec {
  return { kind: 'quantity', unit, default: def, limits, ...meta };
}

/** Walks a spec tree, calling `visit` with the dotted path of every leaf. */
export function forEachLeaf(tree: SpecTree, visit: (path: string, spec: LeafSpec) => void, prefix = ''): void {
  for (const [key, node] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isLeaf(node)) visit(path, node);
    else forEachLeaf(node, visit, path);
  }
}

/** The leaf at a dotted path, or undefined. */
export function leafAt(tree: SpecTree, path: string): LeafSpec | undefined {
  let node: LeafSpec | SpecTree | undefined = tree;
  for (const key of path.split('.')) {
    if (node === undefined || isLeaf(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as SpecTree)[key];
  }
  return node !== undefined && isLeaf(node) ? node : undefined;
}
