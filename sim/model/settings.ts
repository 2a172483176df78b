/** Changing a setting during a run: writes the value at its dotted path into the model's current settings. */
import type { TimelineChange } from '../scenario/resolve.js';
import type { Model } from './context.js';

export function applySetting(m: Model, change: TimelineChange): { from: unknown; to: unknown } {
  const keys = change.path.split('.');
  let node = m.current as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (next === null || typeof next !== 'object') {
      throw new Error(`${change.path}: the scenario has no ${k} (it is set to null), so this setting cannot change`);
    }
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  const from = node[last];
  node[last] = change.value;
  return { from, to: change.value };
}

/** The value at a dotted path of a settings tree (a model's settings in force, a scenario file's JSON), or undefined. */
export function valueAtPath(tree: unknown, path: string): unknown {
  let node: unknown = tree;
  for (const k of path.split('.')) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[k];
  return node;
}

/** The setting in force now at a dotted path. */
export function currentSetting(m: Model, path: string): unknown {
  return valueAtPath(m.current, path);
}
