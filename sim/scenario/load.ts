/**
 * Loading a scenario from its text: parse JSON, apply command-line overrides, check the shape and units (zod),
 * then resolve defaults and limits. Any user mistake becomes a ScenarioError; nothing is thrown raw.
 * No file system here, so the browser bundles it too; loadFile.ts reads files for the command line.
 */
import { isLeaf, leafAt, type SpecTree } from '../parameters.js';
import { filterOnlyFieldIssues } from './filterOnlyFields.js';
import { absentDeviceActionIssues } from './absentDeviceActions.js';
import { calibrationReferenceOverrides, type CalibrationResolver } from './calibration.js';
import { ScenarioError, shownValue, type ScenarioIssue } from './errors.js';
import type { Scenario } from './resolve.js';
import { resolveScenario, type ResolveOptions } from './resolveScenario.js';
import { scenarioFileSchema } from './schema.js';
import { scenarioSpecs } from './scenarioSpecs.js';
import { unknownSettingMessage } from './suggest.js';
import { formatZodIssue, type ZodLikeIssue } from './zodIssues.js';
import { parseJsonText } from './jsonText.js';
import { cloneSettings } from '../model/cloneSettings.js';

export { parseJsonText };

/** A scenario is a few kB; anything past this is not one. */
export const MAX_SCENARIO_CHARS = 5 * 1024 * 1024;
let schema: ReturnType<typeof scenarioFileSchema> | undefined;

/** A `path=value` override from the command line. */
export interface Override {
  path: string;
  value: string;
}

export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    const why = eq < 0 ? 'no "=" between the path and the value' : 'no path before "="';
    throw new ScenarioError('--set', [
      { path: '--set', message: `got ${shownValue(text)}: ${why}; expected path=value, e.g. --set "prescription.effluentDose=30 mL/kg/h"` },
    ]);
  }
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/**
 * Writes overrides into the raw JSON tree before validation, so they are checked like the file's own values.
 * `from` names where they were given (an error's source): the command line's --set, or a file of settings.
 */
export function applyOverrides(raw: unknown, overrides: Override[], from = '--set'): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  const issues: ScenarioIssue[] = [];
  for (const { path, value } of overrides) {
    const spec = leafAt(scenarioSpecs as SpecTree, path);
    if (!spec) {
      issues.push({ path, message: unknownSettingMessage(path, from === '--set' ? 'field for --set' : 'field') });
      continue;
    }
    const keys = path.split('.');
    let node = raw as Record<string, unknown>;
    let blocked = false;
    for (const k of keys.slice(0, -1)) {
      if (node[k] === null) {
        issues.push({ path, message: `the scenario sets "${k}" to null (none), so it has nothing to override` });
        blocked = true;
        break;
      }
      if (typeof node[k] !== 'object' || Array.isArray(node[k])) node[k] = {};
      node = node[k] as Record<string, unknown>;
    }
    if (blocked) continue;
    const last = keys[keys.length - 1];
    if (isLeaf(spec) && spec.kind === 'flag') {
      if (value !== 'true' && value !== 'false') issues.push({ path, message: `got ${shownValue(value)}; expected true or false` });
      else node[last] = value === 'true';
    } else {
      node[last] = value;
    }
  }
  if (issues.length) throw new ScenarioError(from, issues);
}

/**
 * JSON.parse gives `{"__proto__": ...}` an own key of that name; zod's record (a timeline entry's `set`) drops it
 * without a word, so the setting would vanish silently (found by fuzzing). It is refused here, like any unknown
 * setting; elsewhere zod's strict objects report it as an unknown field.
 */
function reservedSettingKeys(raw: Record<string, unknown>): ScenarioIssue[] {
  if (!Array.isArray(raw.timeline)) return [];
  return raw.timeline.flatMap((e: unknown, i: number) => {
    const set = e !== null && typeof e === 'object' ? (e as Record<string, unknown>).set : undefined;
    return set !== null && typeof set === 'object' && Object.hasOwn(set, '__proto__')
      ? [{ path: `timeline[${i}].set.__proto__`, message: unknownSettingMessage('__proto__', 'setting') }]
      : [];
  });
}

/**
 * A parsed scenario object's shape and units checked (zod: the schema's reading of every leaf), not yet resolved:
 * the tree resolveScenario reads, or the issues that refuse it. Every rule a file's shape is held to, here only.
 */
export function checkedShape(raw: unknown): { tree: Record<string, unknown>; issues?: undefined } | { tree?: undefined; issues: ScenarioIssue[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { issues: [{ path: '', message: `expected a JSON object with the scenario's sections, got ${Array.isArray(raw) ? 'an array' : shownValue(raw)}` }] };
  }
  const reserved = reservedSettingKeys(raw as Record<string, unknown>);
  if (reserved.length) return { issues: reserved };
  schema ??= scenarioFileSchema();
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) return { issues: result.error.issues.flatMap((i) => formatZodIssue(i as ZodLikeIssue)) };
  return { tree: result.data as Record<string, unknown> };
}

/**
 * Validates a parsed scenario object and resolves it (`options.duration_h`: run that long), or throws ScenarioError:
 * the scenario and the shape-checked tree it was resolved from (`keepTree`: resolved from a copy, the tree left as
 * checked for a caller that reads more values into it, as the cohort's patients do).
 */
export function checkedScenario(
  raw: unknown,
  source: string,
  options: ResolveOptions = {},
  keepTree = false,
): { tree: Record<string, unknown>; scenario: Scenario } {
  const checked = checkedShape(raw);
  if (!checked.tree) throw new ScenarioError(source, checked.issues);
  const { scenario, issues } = resolveScenario(keepTree ? cloneSettings(checked.tree) : checked.tree, options);
  if (!scenario) throw new ScenarioError(source, issues);
  return { tree: checked.tree, scenario };
}

/** Validates a parsed scenario object and resolves it (`options.duration_h`: run that long), or throws ScenarioError. */
export function scenarioFromObject(raw: unknown, source: string, options: ResolveOptions = {}): Scenario {
  return checkedScenario(raw, source, options).scenario;
}

/** How a scenario's `calibration` reference is treated: read by `resolveCalibration`, or ignored (`uncalibrated`). */
export interface CalibrationOptions extends ResolveOptions {
  resolveCalibration?: CalibrationResolver;
  uncalibrated?: boolean;
  /** Told of fields the scenario gives that do nothing (filterOnlyFields.ts): the command line prints them. */
  onWarning?: (issues: ScenarioIssue[]) => void;
}

/**
 * Parses, overrides, validates and resolves scenario text (a file's contents, or one loaded in the browser). A
 * `calibration` reference fills the paths the file does not set with the fitted values; overrides win over both.
 */
export function loadScenarioText(text: string, source: string, overrides: Override[] = [], options: CalibrationOptions = {}): Scenario {
  if (text.length > MAX_SCENARIO_CHARS) {
    throw new ScenarioError(source, [{ path: '', message: `the file is larger than ${MAX_SCENARIO_CHARS / 1024 / 1024} MiB; a scenario is a few kB` }]);
  }
  const raw = parseJsonText(text, source);
  applyOverrides(raw, calibrationReferenceOverrides(raw, source, options.resolveCalibration, options.uncalibrated ?? false));
  applyOverrides(raw, overrides);
  if (options.onWarning && typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const ignored = [...filterOnlyFieldIssues(raw as Record<string, unknown>), ...absentDeviceActionIssues(raw as Record<string, unknown>)];
    if (ignored.length) options.onWarning(ignored);
  }
  try {
    return scenarioFromObject(raw, source, { duration_h: options.duration_h });
  } catch (e) {
    // a value set on the command line is not in the file: say where it came from
    if (!(e instanceof ScenarioError) || overrides.length === 0) throw e;
    const given = new Set(overrides.map((o) => o.path));
    throw new ScenarioError(
      e.source,
      e.issues.map((i) => (given.has(i.path) ? { path: i.path, message: `${i.message} (value given on the command line)` } : i)),
    );
  }
}
