/**
 * An arm's patients as scenarios: the protocol with the arm's common settings is read and checked once (shape and
 * units, zod: most of a scenario's reading), and each patient's drawn values are then read into a copy of the checked
 * tree leaf by leaf, each as the file's own value would be (a quantity by the schema's own leaf reader, a choice
 * against its values, a flag as true or false), before the scenario is resolved (defaults, per-kg forms, limits,
 * cross-field rules) as any scenario is. The same scenario, value for value, as reading the protocol with the
 * patient's overrides from the start (test/cohortArms.test.ts).
 */
import { isLeaf, leafAt, type SpecTree } from '../parameters.js';
import { cloneSettings } from '../model/cloneSettings.js';
import { ScenarioError, shownValue, type ScenarioIssue } from '../scenario/errors.js';
import { applyOverrides, checkedScenario, checkedShape, type Override } from '../scenario/load.js';
import type { Scenario } from '../scenario/resolve.js';
import { resolveScenario, type ResolveOptions } from '../scenario/resolveScenario.js';
import { parseQuantityLeaf } from '../scenario/quantityLeaf.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';
import { unknownSettingMessage } from '../scenario/suggest.js';

/** A protocol scenario read and checked once: the schema's output, which each patient's values are read into. */
export interface CheckedProtocol {
  readonly tree: Record<string, unknown>;
}

/** Reads and checks the protocol with the overrides every patient shares; a mistake names `source`. */
export function checkedProtocol(protocol: Record<string, unknown>, common: Override[], source: string): CheckedProtocol {
  const raw = structuredClone(protocol);
  applyOverrides(raw, common);
  // every rule a scenario file is held to, with its messages (the scenario loader's one path): the shape checked
  // once serves both the rules and the patients
  return { tree: checkedScenario(raw, source, {}, true).tree };
}

/**
 * A scenario object's shape-checked tree alone (no overrides, not resolved: checkedShape), or null where its shape
 * is refused. A sweep's worker reads each run's overrides into it (sim/sweep/runTask.ts).
 */
export function shapeChecked(raw: Record<string, unknown>): CheckedProtocol | null {
  const { tree } = checkedShape(structuredClone(raw));
  return tree ? { tree } : null;
}

/** The checked protocol with a patient's values, resolved (`options.duration_h`: run that long). */
export function patientScenario(protocol: CheckedProtocol, overrides: Override[], source: string, options: ResolveOptions = {}): Scenario {
  const tree = cloneSettings(protocol.tree); // plain data: copied by hand in ~10 µs, structuredClone takes ~40 µs
  const issues: ScenarioIssue[] = [];
  for (const o of overrides) readLeaf(tree, o, issues);
  if (issues.length) throw new ScenarioError(source, issues);
  const resolved = resolveScenario(tree, options);
  if (!resolved.scenario) throw new ScenarioError(source, resolved.issues);
  return resolved.scenario;
}

/** Reads one `path=value` into the checked tree as the schema reads the file's own value at that path. */
function readLeaf(tree: Record<string, unknown>, { path, value }: Override, issues: ScenarioIssue[]): void {
  const spec = leafAt(scenarioSpecs as SpecTree, path);
  if (!spec || !isLeaf(spec)) {
    issues.push({ path, message: unknownSettingMessage(path, 'field for --set') });
    return;
  }
  const keys = path.split('.');
  let node = tree;
  for (const k of keys.slice(0, -1)) {
    if (node[k] === null) {
      issues.push({ path, message: `the scenario sets "${k}" to null (none), so it has nothing to override` });
      return;
    }
    if (typeof node[k] !== 'object') node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (spec.kind === 'flag') {
    if (value !== 'true' && value !== 'false') issues.push({ path, message: `got ${shownValue(value)}; expected true or false` });
    else node[last] = value === 'true';
  } else if (spec.kind === 'choice') {
    if (!spec.values.includes(value))
      issues.push({ path, message: `got ${shownValue(value)}; expected one of ${spec.values.map((v) => shownValue(v)).join(', ')}` });
    else node[last] = value;
  } else {
    const parsed = parseQuantityLeaf(spec, value, { addIssue: (message) => issues.push({ path, message }) });
    if (parsed) node[last] = parsed;
  }
}
