/**
 * A resolved Scenario written compactly for the engine worker's bundle (the pre-resolved default scenario,
 * tools/vite/preResolvedScenario.ts): each section that follows its spec tree (patient, circuit, prescription...) as
 * its values alone, in the tree's order, the keys coming back from the spec tables the worker holds anyway; every
 * other field as it is. The section keys are two thirds of the gzipped size of the Scenario written out in full.
 */
import { isLeaf, type SpecTree } from '../../sim/parameters';
import type { Scenario } from '../../sim/scenario/resolve';
import { scenarioSpecs } from '../../sim/scenario/scenarioSpecs';

/** The Scenario's fields in their order: a section's values (`values`), or a field as it is (`value`). */
export type PackedScenario = ({ key: string; values: unknown[] } | { key: string; value: unknown })[];

const SPECS = scenarioSpecs as SpecTree;

function sectionTree(key: string): SpecTree | undefined {
  const node = Object.prototype.hasOwnProperty.call(SPECS, key) ? SPECS[key] : undefined;
  return node && !isLeaf(node) ? node : undefined;
}

/** A section's values in its tree's order; throws, naming the path, where the section's keys do not follow the tree. */
function valuesOf(tree: SpecTree, section: Record<string, unknown>, path: string, out: unknown[]): void {
  const keys = Object.keys(tree);
  const given = Object.keys(section);
  if (keys.join() !== given.join()) throw new Error(`${path}: keys ${given.join(', ')}; expected its spec tree's, ${keys.join(', ')}`);
  for (const key of keys) {
    const node = tree[key];
    if (isLeaf(node)) out.push(section[key]);
    else valuesOf(node, section[key] as Record<string, unknown>, `${path}.${key}`, out);
  }
}

function sectionOf(tree: SpecTree, values: readonly unknown[], next: { i: number }): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) section[key] = isLeaf(node) ? values[next.i++] : sectionOf(node, values, next);
  return section;
}

export function packScenario(scenario: Scenario): PackedScenario {
  return Object.entries(scenario).map(([key, value]) => {
    const tree = sectionTree(key);
    if (!tree || value === null) return { key, value };
    const values: unknown[] = [];
    valuesOf(tree, value as Record<string, unknown>, key, values);
    return { key, values };
  });
}

export function unpackScenario(packed: PackedScenario): Scenario {
  const scenario: Record<string, unknown> = {};
  for (const field of packed) {
    if (!('values' in field)) {
      scenario[field.key] = field.value;
      continue;
    }
    const tree = sectionTree(field.key);
    const next = { i: 0 };
    if (tree) scenario[field.key] = sectionOf(tree, field.values, next);
    if (!tree || next.i !== field.values.length)
      throw new Error(`${field.key}: ${field.values.length} values; expected one for each leaf of its spec tree (${next.i})`);
  }
  return scenario as unknown as Scenario;
}
