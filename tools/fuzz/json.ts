/** The JSON tree the mutators work on: its types, its paths and setting a key in it. */
import type { Rng } from './random.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };
export type PathKey = string | number;

/** Every path in the tree (to 40 levels). */
export function allPaths(node: Json, prefix: PathKey[] = [], out: PathKey[][] = [], depth = 0): PathKey[][] {
  if (depth > 40 || node === null || typeof node !== 'object') return out;
  const entries: [PathKey, Json][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
  for (const [k, v] of entries) {
    const p = [...prefix, k];
    out.push(p);
    allPaths(v, p, out, depth + 1);
  }
  return out;
}

/** The object or array holding `path`, and the key there; undefined if the path leads through a non-object. */
export function parentOf(root: Json, path: PathKey[]): { parent: JsonObject | Json[]; key: PathKey } | undefined {
  let node = root;
  for (const k of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathKey, Json>)[k];
  }
  if (node === null || typeof node !== 'object') return undefined;
  return { parent: node as JsonObject | Json[], key: path[path.length - 1] };
}

/** Sets an own property, even "__proto__" (plain assignment would change the prototype instead). */
export function setOwn(obj: JsonObject | Json[], key: PathKey, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `value` wrapped `depth` times in an array or an object. */
export function nest(r: Rng, value: Json, depth: number): Json {
  let v = value;
  for (let i = 0; i < depth; i++) v = r() < 0.5 ? [v] : { x: v };
  return v;
}

/** A value for the mutation log, shortened to 40 characters. */
export function describeValue(v: Json): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...(${s.length})` : s;
}
