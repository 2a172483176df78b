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

const MAX_FILE_BYTES = 5 * 1024 * 1024;
let schema: ReturnType<typeof scenarioFileSchema> | undefined;

/** The first comma followed (after blanks) by "]" or "}", outside strings: JSON forbids it. */
function trailingComma(text: string): { comma: number; bracket: number } | undefined {
  const nonBlank = /\S/g;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === ',') {
      nonBlank.lastIndex = i + 1;
      const next = nonBlank.exec(text);
      if (next && (next[0] === ']' || next[0] === '}')) return { comma: i, bracket: next.index };
    }
  }
  return undefined;
}

/**
 * V8 words some errors without a position: `Unexpected token 'N', ..."seed": NaN,\n  "du"... is not valid JSON`,
 * quoting the text from 10 characters before the token to 10 after. The position is recovered from that quote.
 */
function unexpectedTokenPosition(msg: string, text: string): number | undefined {
  const m = /^Unexpected token .*?, (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/.exec(msg);
  if (!m) return undefined;
  const [, before, quoted, after] = m;
  const at = text.indexOf(quoted);
  if (at < 0) return undefined;
  if (before) return at + 10;
  if (after) return at + quoted.length - 10;
  return undefined;
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  return ` at line ${before.split('\n').length}, column ${pos - before.lastIndexOf('\n')}`;
}

/** Parses JSON text; a syntax error names the line and column, what is wrong and what was expected. */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.replace(/^\uFEFF/, ''); // a byte-order mark some editors write
  if (body.trim() === '') {
    throw new ScenarioError(source, [{ path: '', message: `the file is empty; expected a JSON object with the scenario's sections, as in scenarios/ecmo-hvhf-default.json` }]);
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const pos = m ? Number(m[1]) : unexpectedTokenPosition(msg, body);
    const trailing = trailingComma(body);
    let where: number | undefined = pos;
    let why: string;
    if (trailing && (pos === undefined || pos === trailing.bracket)) {
      where = trailing.comma;
      why = 'a comma after the last item of an object or array; expected another item after the comma, or no comma (JSON allows no trailing comma)';
    } else if (/end of JSON input|Unterminated string/.test(msg)) {
      where = body.trimEnd().length;
      why = 'the text ends before the JSON is complete (is the file truncated?); expected every "{", "[" and string to be closed';
    } else {
      // V8's wording, without the position (given as line and column) or its copy of the text
      why = msg
        .replace(/ in JSON at position \d+.*$/s, '')
        .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '')
        .replace(/^./, (c) => c.toLowerCase())
        .replace(
          /^unexpected token (.*)$/,
          'unexpected character $1; expected a JSON value: a "double-quoted" text, a number, true, false, null, an object or an array (JSON has no comments, single quotes or NaN)',
        );
    }
    throw new ScenarioError(source, [{ path: '', message: `not valid JSON${where === undefined ? '' : lineColumn(body, where)}: ${why}` }]);
  }
}

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
