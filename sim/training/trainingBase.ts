/**
 * A training file's base scenario (`"base": "../training-base.json"`): the bedside circuit a set of training scenarios
 * share, written once. The training file gives only what differs (its name, the fault in its timeline, a setting or
 * two, its training section); the two are merged, the training file's values winning:
 *   objects merge key by key, recursively; anything else (a value, a list such as the timeline, null) replaces.
 * The base is a scenario file of its own (runnable, checked by the scenario schema) and is not itself based on another.
 * Its `calibration` reference is relative to the base, so it is rewritten relative to the training file; its `$schema`,
 * `name` and `description` are its own and do not pass on. Where a merged value is wrong the message says it came from
 * the base.
 */
import { ScenarioError, shownValue, type ScenarioIssue } from '../scenario/errors.js';
import { isObject, parseJsonText } from '../scenario/jsonText.js';

/** Reads a base scenario's text from a reference written in a training file (`source`), or throws ScenarioError. */
export type BaseResolver = (reference: string, source: string) => string;

type Tree = Record<string, unknown>;

/** `own` over `base`: objects merged key by key, everything else from `own` where it gives it. */
export function mergeOverBase(base: Tree, own: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(own)) out[k] = isObject(v) && isObject(base[k]) ? mergeOverBase(base[k], v) : v;
  return out;
}

/**
 * `reference`, written relative to the file at `from`, as a path relative to where `from` was named (or absolute, when
 * either is). Either separator; `..` climbs out of `from`'s folder, never above a root.
 */
export function referenceBeside(from: string, reference: string): string {
  if (/^([/\\]|[A-Za-z]:)/.test(reference)) return reference;
  const root = /^[/\\]/.test(from) ? '/' : '';
  const parts: string[] = [];
  for (const p of [...from.split(/[/\\]/).slice(0, -1), ...reference.split(/[/\\]/)]) {
    if (p === '.' || p === '') continue;
    if (p !== '..') parts.push(p);
    else if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (!root) parts.push(p);
  }
  return root + parts.join('/');
}

/** Whether a scenario path ("patient.hemodynamics.map", "timeline[0].at") is given by the training file itself. */
function givenBy(own: Tree, path: string): boolean {
  let at: unknown = own;
  for (const key of path.split('.').map((k) => k.replace(/\[\d+\]$/, ''))) {
    if (!isObject(at) || !(key in at)) return false;
    at = at[key];
  }
  return true;
}

const NOT_PASSED_ON = ['$schema', 'name', 'description'];

/**
 * The training file's scenario part merged over its base, or the part itself without a `base`. `explain` turns the
 * merged scenario's issues into messages that say which came from the base.
 */
export function overBase(own: Tree, source: string, resolve: BaseResolver | undefined): { raw: Tree; explain: (i: ScenarioIssue) => ScenarioIssue } {
  const { base: reference, ...rest } = own;
  if (reference === undefined) return { raw: own, explain: (i) => i };
  const fail = (message: string) => new ScenarioError(source, [{ path: 'base', message }]);
  if (typeof reference !== 'string' || reference === '')
    throw fail(`got ${shownValue(reference)}; expected the path of a scenario file, e.g. "../training-base.json"`);
  if (!resolve) throw fail(`got ${shownValue(reference)}: a base scenario cannot be read here`);
  const base = parseJsonText(resolve(reference, source), reference);
  if (!isObject(base)) throw fail(`${shownValue(reference)} is not a scenario (a JSON object)`);
  if ('base' in base) throw fail(`${shownValue(reference)} has a base of its own; expected a scenario without one (one level only)`);
  if ('training' in base) throw fail(`${shownValue(reference)} is a training file; expected a scenario without a training section`);
  const passed: Tree = Object.fromEntries(Object.entries(base).filter(([k]) => !NOT_PASSED_ON.includes(k)));
  if (typeof base.calibration === 'string') passed.calibration = referenceBeside(reference, base.calibration);
  return {
    raw: mergeOverBase(passed, rest),
    explain: (i) => (i.path === '' || givenBy(rest, i.path) ? i : { ...i, message: `${i.message} (from the base scenario ${shownValue(reference)})` }),
  };
}
