/**
 * Scenario text to a JSON value, with messages a person can act on: line and column, what is wrong and what
 * was expected. Beyond JSON.parse it refuses what JSON.parse lets through silently: duplicate keys (the last
 * would win) and nesting far deeper than any scenario (which could exhaust the stack further on).
 */
import { parse as parseWithPositions, type AnyNode } from '@humanwhocodes/momoa';
import { ScenarioError } from './errors.js';

/** A JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scenario is about five levels deep; anything past this is not a scenario. */
export const MAX_NESTING = 32;

/** Calls `visit` with every character outside JSON strings (and its index); `visit` returning true stops the scan. */
function forEachOutsideStrings(text: string, visit: (c: string, i: number) => boolean | void): void {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (visit(c, i)) return;
  }
}

/** The first comma followed (after blanks) by "]" or "}", outside strings: JSON forbids it. */
function trailingComma(text: string): { comma: number; bracket: number } | undefined {
  const nonBlank = /\S/g;
  let found: { comma: number; bracket: number } | undefined;
  forEachOutsideStrings(text, (c, i) => {
    if (c !== ',') return false;
    nonBlank.lastIndex = i + 1;
    const next = nonBlank.exec(text);
    if (next && (next[0] === ']' || next[0] === '}')) found = { comma: i, bracket: next.index };
    return found !== undefined;
  });
  return found;
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
    throw new ScenarioError(source, [
      { path: '', message: `the file is empty; expected a JSON object with the scenario's sections, as in scenarios/ecmo-hvhf-default.json` },
    ]);
  }
  const depth = nestingDepth(body);
  if (depth.depth > MAX_NESTING) {
    throw new ScenarioError(source, [
      { path: '', message: `nested more than ${MAX_NESTING} levels deep${lineColumn(body, depth.at)}; expected a scenario object (about five levels deep)` },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
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
  const duplicates = duplicateKeys(body);
  if (duplicates.length) throw new ScenarioError(source, duplicates);
  return value;
}

/** The deepest nesting of objects and arrays outside strings, and where it is first reached. */
function nestingDepth(text: string): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  forEachOutsideStrings(text, (c, i) => {
    if (c === '{' || c === '[') {
      if (++depth > max) {
        max = depth;
        at = i;
      }
    } else if (c === '}' || c === ']') depth--;
  });
  return { depth: max, at };
}

/** Every key that appears twice in one object, with the path of the object and the second key's position. */
function duplicateKeys(text: string): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const visit = (node: AnyNode, path: string) => {
    if (node.type === 'Object') {
      const seen = new Map<string, number>();
      for (const m of node.members) {
        const key = m.name.type === 'String' ? m.name.value : m.name.name;
        const childPath = path ? `${path}.${key}` : key;
        const first = seen.get(key);
        if (first !== undefined) {
          found.push({
            path: childPath,
            message: `appears twice in the same object (line ${first} and line ${m.loc.start.line}); expected each key once: JSON would silently keep only the last`,
          });
        } else seen.set(key, m.loc.start.line);
        visit(m.value, childPath);
      }
    } else if (node.type === 'Array') {
      node.elements.forEach((el, i) => visit(el.value, `${path}[${i}]`));
    }
  };
  visit(parseWithPositions(text).body, '');
  return found;
}
