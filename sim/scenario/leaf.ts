/**
 * Resolving one value against its spec: defaults (per kg where the spec says so), per-kg quantities multiplied by
 * body weight, limits; and one `path=value` setting (a timeline's `set`, the live view, the command line).
 */
import { isLeaf, leafAt, type LeafSpec, type QuantitySpec, type SpecTree } from '../parameters.js';
import { expectedText, parseQuantityLeaf, type ParsedQuantity } from './quantityLeaf.js';
import { scenarioSpecs } from './scenarioSpecs.js';
import { shownValue, type ScenarioIssue } from './errors.js';
import { allSettingPaths, unknownSettingMessage } from './suggest.js';
import type { TimelineChange } from './timeline.js';

/** Issues gathered while resolving, each path-and-message once. */
export class Issues {
  list: ScenarioIssue[] = [];
  add(path: string, message: string) {
    if (!this.list.some((i) => i.path === path && i.message === message)) this.list.push({ path, message });
  }
}

function limitsMessage(spec: QuantitySpec, given: string, value: number, weight?: number, perKg?: boolean): string {
  const conv = perKg && weight !== undefined ? ` (= ${+value.toPrecision(6)} ${spec.unit} for ${weight} kg)` : '';
  return `got ${JSON.stringify(given)}${conv}: outside the accepted range; expected ${expectedText(spec)}`;
}

/** Resolves one leaf: default, per-kg, limits. */
export function resolveLeaf(spec: LeafSpec, given: unknown, path: string, weight: number | undefined, issues: Issues): number | string | boolean | undefined {
  if (spec.kind !== 'quantity') return given === undefined ? spec.default : (given as string | boolean);
  const parsed = given as ParsedQuantity | undefined;
  if (parsed === undefined) {
    if (spec.default !== null) return spec.default;
    if (spec.defaultPerKg !== undefined) return weight === undefined ? undefined : spec.defaultPerKg * weight;
    issues.add(path, `missing; expected ${expectedText(spec)}`);
    return undefined;
  }
  let value = parsed.value;
  if (parsed.perKg) {
    if (weight === undefined) return undefined; // the weight's own issue is reported
    value *= weight;
  }
  if (!(value >= spec.limits[0] && value <= spec.limits[1])) {
    issues.add(path, limitsMessage(spec, parsed.text, value, weight, parsed.perKg));
    return undefined;
  }
  return value;
}

/** A spec tree's children in their order, each with its path under the tree's prefix: what resolveTree walks. */
interface TreeWalk {
  prefix: string;
  keys: string[];
  nodes: (LeafSpec | SpecTree)[];
  leaf: boolean[];
  paths: string[];
}

/**
 * Each spec tree's walk, made at its first resolve (a tree sits at one place of the scenario's specs, so under one
 * prefix; another prefix makes a new walk): the children and their paths are the same for every scenario, and
 * listing them (Object.entries, a path string per leaf) was a third of resolving a cohort patient's settings.
 */
const walks = new WeakMap<SpecTree, TreeWalk>();

function walkOf(tree: SpecTree, prefix: string): TreeWalk {
  const known = walks.get(tree);
  if (known?.prefix === prefix) return known;
  const keys = Object.keys(tree);
  const nodes = keys.map((k) => tree[k]);
  const walk = { prefix, keys, nodes, leaf: nodes.map((n) => isLeaf(n)), paths: keys.map((k) => (prefix ? `${prefix}.${k}` : k)) };
  walks.set(tree, walk);
  return walk;
}

export function resolveTree(
  tree: SpecTree,
  given: Record<string, unknown> | undefined,
  prefix: string,
  weight: number | undefined,
  issues: Issues,
): Record<string, unknown> {
  const { keys, nodes, leaf, paths } = walkOf(tree, prefix);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const g = given?.[key];
    out[key] = leaf[i]
      ? resolveLeaf(nodes[i] as LeafSpec, g, paths[i], weight, issues)
      : resolveTree(nodes[i] as SpecTree, g as Record<string, unknown> | undefined, paths[i], weight, issues);
  }
  return out;
}

/** The adjustable settings of a path's section, a dozen at most (every one is marked "(adjustable)" in docs/models). */
function adjustableNear(path: string): string {
  const all = allSettingPaths((s) => s.adjustable === true);
  const section = path.split('.')[0];
  const near = all.filter((p) => p.startsWith(`${section}.`));
  const listed = (near.length ? near : all).slice(0, 12);
  const more = (near.length ? near : all).length - listed.length;
  const where = near.length ? `in ${section}` : 'e.g.';
  return `${where}: ${listed.join(', ')}${more > 0 ? `, and ${more} more (marked "adjustable" in the parameter tables of docs/models)` : ''}`;
}

/** Parses one `path=value` setting (timeline `set`, CLI, live view) against the spec at that path. */
export function parseSetting(
  path: string,
  raw: unknown,
  weight: number,
  issues: { add(path: string, message: string): void },
  onlyAdjustable: boolean,
): TimelineChange | undefined {
  const spec = leafAt(scenarioSpecs, path);
  if (!spec) {
    issues.add(path, unknownSettingMessage(path, 'setting'));
    return undefined;
  }
  if (onlyAdjustable && !spec.adjustable) {
    issues.add(path, `got ${shownValue(raw)}: ${path} cannot be changed during a run; expected an adjustable setting, ${adjustableNear(path)}`);
    return undefined;
  }
  if (spec.kind === 'flag') {
    if (typeof raw !== 'boolean') {
      issues.add(path, `got ${shownValue(raw)}; expected true or false`);
      return undefined;
    }
    return { path, value: raw };
  }
  if (spec.kind === 'choice') {
    if (typeof raw !== 'string' || !spec.values.includes(raw)) {
      issues.add(path, `got ${shownValue(raw)}; expected one of ${spec.values.join(', ')}`);
      return undefined;
    }
    return { path, value: raw };
  }
  const local = new Issues();
  const parsed = parseQuantityLeaf(spec, raw, { addIssue: (m) => local.add(path, m) });
  const value = parsed && resolveLeaf(spec, parsed, path, weight, local);
  for (const i of local.list) issues.add(i.path, i.message);
  return typeof value === 'number' ? { path, value } : undefined;
}
