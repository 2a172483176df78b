/**
 * Loading a scenario: read the file, parse JSON, apply command-line overrides, check the shape and units
 * (zod), then resolve defaults and limits. Any user mistake becomes a ScenarioError; nothing is thrown raw.
 */
import { readFileSync } from 'node:fs';
import { isLeaf, leafAt, type SpecTree } from '../parameters.js';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import { resolveScenario, type Scenario } from './resolve.js';
import { scenarioFileSchema } from './schema.js';
import { scenarioSpecs } from './scenarioSpecs.js';
import { unknownSettingMessage } from './suggest.js';
import { formatZodIssue, type ZodLikeIssue } from './zodIssues.js';
import { parseJsonText } from './jsonText.js';

export { parseJsonText };

const MAX_FILE_BYTES = 5 * 1024 * 1024;
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
    throw new ScenarioError('--set', [{ path: '--set', message: `got ${JSON.stringify(text)}: ${why}; expected path=value, e.g. --set "prescription.effluentDose=30 mL/kg/h"` }]);
  }
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/** Writes overrides into the raw JSON tree before validation, so they are checked like the file's own values. */
export function applyOverrides(raw: unknown, overrides: Override[]): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  const issues: ScenarioIssue[] = [];
  for (const { path, value } of overrides) {
    const spec = leafAt(scenarioSpecs as SpecTree, path);
    if (!spec) {
      issues.push({ path, message: unknownSettingMessage(path, 'field for --set') });
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
      if (value !== 'true' && value !== 'false') issues.push({ path, message: `got ${JSON.stringify(value)}; expected true or false` });
      else node[last] = value === 'true';
    } else {
      node[last] = value;
    }
  }
  if (issues.length) throw new ScenarioError('--set', issues);
}

/** Validates a parsed scenario object and resolves it, or throws ScenarioError. */
export function scenarioFromObject(raw: unknown, source: string): Scenario {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ScenarioError(source, [{ path: '', message: `expected a JSON object with the scenario's sections, got ${Array.isArray(raw) ? 'an array' : JSON.stringify(raw)}` }]);
  }
  schema ??= scenarioFileSchema();
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ScenarioError(source, result.error.issues.flatMap((i) => formatZodIssue(i as ZodLikeIssue)));
  const { scenario, issues } = resolveScenario(result.data as Record<string, unknown>);
  if (!scenario) throw new ScenarioError(source, issues);
  return scenario;
}

/** Reads, overrides, validates and resolves a scenario file. */
export function loadScenarioFile(file: string, overrides: Override[] = []): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new ScenarioError(file, [{ path: '', message: `cannot read the scenario file: ${why}` }]);
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new ScenarioError(file, [{ path: '', message: `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; a scenario is a few kB` }]);
  const raw = parseJsonText(text, file);
  applyOverrides(raw, overrides);
  try {
    return scenarioFromObject(raw, file);
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
