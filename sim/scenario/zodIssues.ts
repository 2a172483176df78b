/** Translates zod's issues into ScenarioIssues that name the path, the value given and what was expected. */
import { isLeaf, leafAt, type SpecTree } from '../parameters.js';
import { expectedText } from './quantityLeaf.js';
import { keySegment, shownValue, type ScenarioIssue } from './errors.js';
import { NULLABLE_SECTIONS, scenarioSpecs } from './scenarioSpecs.js';
import { closest, retiredField } from './suggest.js';
import { TIMELINE_ACTION_KEYS } from './timeline.js';
import { MODEL_FAULT_ACTIONS } from '../faults/modelFaultKeys.js';

export interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

const TOP_LEVEL_EXTRA = ['$schema', 'name', 'description', 'seed', 'calibration', 'timeline'];
const TIMELINE_KEYS = ['at', 'when', ...TIMELINE_ACTION_KEYS, 'note'];
const FAULT_KEYS = ['kind', 'severity', 'onset', 'over_min', 'hidden', 'clear', ...MODEL_FAULT_ACTIONS];

export function pathText(path: PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** The keys allowed at a path of the scenario file. */
function allowedKeys(path: PropertyKey[]): string[] {
  if (path.length === 0) return [...TOP_LEVEL_EXTRA, ...Object.keys(scenarioSpecs)];
  if (path[0] === 'timeline') return path.at(-1) === 'fault' ? FAULT_KEYS : path.at(-1) === 'when' ? ['series', 'below', 'above'] : TIMELINE_KEYS;
  let node: SpecTree = scenarioSpecs;
  for (const k of path) {
    const next = node[String(k)];
    if (!next || isLeaf(next)) return [];
    node = next;
  }
  return Object.keys(node);
}

const EXPECTED: Record<string, string> = {
  string: 'a text',
  boolean: 'true or false',
  number: 'a number',
  int: 'a whole number',
  object: 'an object',
  array: 'an array',
};

function expectedName(issue: ZodLikeIssue): string {
  const name = EXPECTED[issue.expected ?? ''] ?? issue.expected ?? 'something else';
  const nullable = issue.path.length === 1 && (NULLABLE_SECTIONS as readonly PropertyKey[]).includes(issue.path[0]);
  return nullable ? `${name} describing the ${String(issue.path[0])}, or null for none` : name;
}

/** What a quantity-or-text field at `path` expects (used when zod's union refuses a null, array or object). */
function expectedQuantity(path: PropertyKey[]): string {
  if (path[0] === 'timeline') {
    if (path[2] === 'at') return 'a time from the start of the run, with its unit, e.g. "6 h"';
    if (path[2] === 'heparinBolus') return 'a heparin dose with its unit, e.g. "5000 U" or "50 U/kg"';
    if (path[2] === 'fluidBolus') return 'a fluid volume with its unit, e.g. "500 mL"';
    if (path[2] === 'transfusion') return 'a volume of packed red cells with its unit, e.g. "300 mL"';
    if (path[2] === 'platelets') return 'a number of adult platelet units, e.g. 1';
    const spec = path[2] === 'set' ? leafAt(scenarioSpecs, String(path[3])) : undefined;
    if (spec?.kind === 'quantity') return `${expectedText(spec)}, as a string such as "${spec.unit === '1' ? '30 %' : `1 ${spec.unit}`}"`;
    if (spec?.kind === 'flag') return 'true or false';
    if (spec?.kind === 'choice') return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return 'the new value, with its unit, e.g. "30 mL/kg/h"';
  }
  const spec = leafAt(scenarioSpecs, pathText(path));
  if (spec?.kind === 'quantity') return `${expectedText(spec)}, as a string such as "${spec.unit === '1' ? '30 %' : `1 ${spec.unit}`}"`;
  return 'a quantity with its unit as a string, e.g. "80 kg"';
}

/** zod's too_small / too_big, in words. */
function boundText(issue: ZodLikeIssue): string {
  const small = issue.code === 'too_small';
  const n = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string')
    return small ? `expected a text of at least ${n} character${n === 1 ? '' : 's'}` : `expected a text of at most ${n} characters`;
  if (issue.origin === 'array') return small ? `expected at least ${n} entries` : `expected at most ${n} entries`;
  return small ? `expected at least ${n}` : `expected at most ${n}`;
}

export function formatZodIssue(issue: ZodLikeIssue): ScenarioIssue[] {
  const path = pathText(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((k) => {
        const retired = retiredField(keySegment(path, k));
        if (retired) return { path: keySegment(path, k), message: retired };
        if (issue.path.length === 0 && k === 'training')
          return { path: k, message: 'a training session\'s section: this is a training file; run it with "sim train <file>", not "sim run"' };
        const allowed = allowedKeys(issue.path);
        const near = closest(k, allowed);
        return {
          path: keySegment(path, k),
          message: `unknown field${near ? ` (did you mean "${near}"?)` : ''}; expected one of: ${allowed.join(', ')}`,
        };
      });
    case 'invalid_type':
      if (issue.input === undefined) return [{ path, message: `missing; expected ${expectedName(issue)}` }];
      return [{ path, message: `got ${shownValue(issue.input)}; expected ${expectedName(issue)}` }];
    case 'invalid_union':
      if (issue.input === undefined) return [{ path, message: `missing; expected ${expectedQuantity(issue.path)}` }];
      return [{ path, message: `got ${shownValue(issue.input)}; expected ${expectedQuantity(issue.path)}` }];
    case 'invalid_value':
      if (issue.values?.length === 1 && issue.values[0] === true)
        return [{ path, message: `got ${shownValue(issue.input)}; expected true, or leave the field out` }];
      return [{ path, message: `got ${shownValue(issue.input)}; expected one of ${(issue.values ?? []).map((v) => shownValue(v)).join(', ')}` }];
    case 'too_small':
    case 'too_big':
      return [{ path, message: `got ${shownValue(issue.input)}; ${boundText(issue)}` }];
    case 'custom':
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: `got ${shownValue(issue.input)}: ${issue.message}` }];
  }
}
