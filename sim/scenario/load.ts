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
import { formatZodIssue, type ZodLikeIssue } from './zodIssues.js';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
let schema: ReturnType<typeof scenarioFileSchema> | undefined;

/** Parses JSON text; a syntax error names the line and column. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    throw new ScenarioError(source, [{ path: '', message: `not valid JSON${where}: ${msg.replace(/^.*?JSON[^:]*: ?/, '')}` }]);
  }
}

/** A `path=value` override from the command line. */
export interface Override {
  path: string;
  value: string;
}

export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new ScenarioError('--set', [{ path: text, message: `expected path=value, e.g. --set "prescription.effluentDose=30 mL/kg/h"` }]);
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/** Writes overrides into the raw JSON tree before validation, so they are checked like the file's own values. */
export function applyOverrides(raw: unknown, overrides: Override[]): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
  const issues: ScenarioIssue[] = [];
  for (const { path, value } of overrides) {
    const spec = leafAt(scenarioSpecs as SpecTree, path);
    if (!spec) {
      issues.push({ path, message: 'unknown field for --set; expected the dotted path of a scenario field, e.g. "prescription.effluentDose"' });
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
  return scenarioFromObject(raw, file);
}
