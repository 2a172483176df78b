/** Translates zod's issues into ScenarioIssues that name the path, the value given and what was expected. */
import { isLeaf, type SpecTree } from '../parameters.js';
import type { ScenarioIssue } from './errors.js';
import { NULLABLE_SECTIONS, scenarioSpecs } from './scenarioSpecs.js';

export interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  keys?: string[];
  values?: unknown[];
}

const TOP_LEVEL_EXTRA = ['$schema', 'name', 'description', 'seed', 'timeline'];
const TIMELINE_KEYS = ['at', 'set', 'heparinBolus', 'changeFilter', 'note'];

export function pathText(path: PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** The keys allowed at a path of the scenario file. */
function allowedKeys(path: PropertyKey[]): string[] {
  if (path.length === 0) return [...TOP_LEVEL_EXTRA, ...Object.keys(scenarioSpecs)];
  if (path[0] === 'timeline') return TIMELINE_KEYS;
  let node: SpecTree = scenarioSpecs;
  for (const k of path) {
    const next = node[String(k)];
    if (!next || isLeaf(next)) return [];
    node = next;
  }
  return Object.keys(node);
}

function shown(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

const EXPECTED: Record<string, string> = { string: 'a text', boolean: 'true or false', number: 'a number', object: 'an object', array: 'an array' };

function expectedName(issue: ZodLikeIssue): string {
  const name = EXPECTED[issue.expected ?? ''] ?? issue.expected ?? 'something else';
  const nullable = issue.path.length === 1 && (NULLABLE_SECTIONS as readonly PropertyKey[]).includes(issue.path[0]);
  return nullable ? `${name} describing the ${String(issue.path[0])}, or null for none` : name;
}

export function formatZodIssue(issue: ZodLikeIssue): ScenarioIssue[] {
  const path = pathText(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((k) => ({
        path: path ? `${path}.${k}` : k,
        message: `unknown field; expected one of: ${allowedKeys(issue.path).join(', ')}`,
      }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ path, message: `missing; expected ${expectedName(issue)}` }];
      return [{ path, message: `got ${shown(issue.input)}; expected ${expectedName(issue)}` }];
    case 'invalid_union':
      return [{ path, message: `got ${shown(issue.input)}; expected a quantity with its unit as a string, e.g. "80 kg"` }];
    case 'invalid_value':
      return [{ path, message: `got ${shown(issue.input)}; expected one of ${(issue.values ?? []).map((v) => shown(v)).join(', ')}` }];
    case 'custom':
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: `got ${shown(issue.input)}: ${issue.message}` }];
  }
}
