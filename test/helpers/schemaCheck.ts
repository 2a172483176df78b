/**
 * A JSON Schema's verdict on a value, for the keywords the project's schemas use: `type`, `required`, `properties`,
 * `additionalProperties`, `anyOf`, `enum`, `const`, `items` and `if`/`then`/`else` (ajv is not a dependency). A
 * branch's `properties` add checks on the keys it names; `additionalProperties` is the node's own.
 */
import { isObject } from '../../sim/scenario/jsonText.js';

export type SchemaNode = {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  items?: SchemaNode;
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
};

function typeOf(v: unknown): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['array'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  return [typeof v];
}

/** The schema's complaints about a value (paths), for the keywords above. */
export function schemaProblems(node: SchemaNode, v: unknown, path = ''): string[] {
  if (node.anyOf) return node.anyOf.some((n) => schemaProblems(n, v, path).length === 0) ? [] : [`${path}: none of anyOf`];
  const types = node.type === undefined ? undefined : [node.type].flat();
  if (types && !typeOf(v).some((t) => types.includes(t))) return [`${path}: not ${types.join('|')}`];
  if (node.enum && !node.enum.includes(v)) return [`${path}: not in enum`];
  if (node.const !== undefined && v !== node.const) return [`${path}: not ${JSON.stringify(node.const)}`];
  const out: string[] = [];
  if (isObject(v)) {
    const o = v;
    for (const r of node.required ?? []) if (!(r in o)) out.push(`${path}.${r}: required`);
    for (const [k, x] of Object.entries(o)) {
      const child = node.properties?.[k];
      if (child) out.push(...schemaProblems(child, x, `${path}.${k}`));
      else if (node.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
    }
  }
  if (Array.isArray(v) && node.items) v.forEach((x, i) => out.push(...schemaProblems(node.items!, x, `${path}[${i}]`)));
  if (node.if) {
    const branch = schemaProblems(node.if, v, path).length === 0 ? node.then : node.else;
    if (branch) out.push(...schemaProblems(branch, v, path));
  }
  return out;
}
