/**
 * The JSON Schema of scenario files, generated from the zod schema (which is generated from the spec tables), then
 * held to what the loader requires: zod takes a bare number for every quantity so that the loader can say what was
 * expected (resolve.ts), and leaves a missing required field to the loader too. The schema an editor reads says
 * it outright: a quantity with a unit is a string ("80 kg"; only dimensionless ones may be bare numbers), and a
 * field without a default (duration, patient.weight, ...) is required, with its section.
 */
import { z } from 'zod';
import { isLeaf, type SpecTree } from '../parameters.js';
import { scenarioFileSchema } from './schema.js';
import { scenarioSpecs } from './scenarioSpecs.js';

type JsonNode = { type?: unknown; properties?: Record<string, JsonNode>; anyOf?: JsonNode[]; required?: string[] };

/** A spec section's object in the JSON Schema (a nullable section is anyOf [object, null]). */
const objectOf = (node: JsonNode): JsonNode => node.anyOf?.find((n) => n.type === 'object') ?? node;

/** Tightens a section's JSON Schema in place to the loader's rules; true when the section has a required field. */
function holdToLoader(tree: SpecTree, node: JsonNode): boolean {
  const object = objectOf(node);
  const required: string[] = [];
  for (const [key, spec] of Object.entries(tree)) {
    const child = object.properties?.[key];
    if (!child) continue;
    if (!isLeaf(spec)) {
      if (holdToLoader(spec, child)) required.push(key);
      continue;
    }
    if (spec.kind !== 'quantity') continue;
    if (spec.unit !== '1') child.type = 'string';
    if (spec.default === null && spec.defaultPerKg === undefined) required.push(key);
  }
  if (required.length) object.required = [...new Set([...(object.required ?? []), ...required])];
  return required.length > 0;
}

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioFileSchema(), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & JsonNode;
  holdToLoader(scenarioSpecs as unknown as SpecTree, schema);
  return { ...schema, title: 'ECMO + hemofilter simulator scenario', description: 'Every quantity is a string with its unit, e.g. "45 mL/kg/h".' };
}
