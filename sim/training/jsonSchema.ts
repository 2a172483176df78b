/** JSON Schemas of training scenario files (a scenario plus its `training` section) and of a trainee's actions files. */
import { z } from 'zod';
import { scenarioJsonSchema } from '../scenario/jsonSchema.js';
import { isObject } from '../scenario/jsonText.js';
import { actionsFileSchema, trainingSectionSchema } from './trainingFile.js';

type SchemaObject = { properties?: Record<string, unknown>; required?: string[]; [k: string]: unknown };

/**
 * An object schema split in two along its `properties` (the scenario's sections and their fields, not a list's
 * items): the schema with its `required` lists taken out (what a file over a base may leave to it), and the skeleton
 * of those lists alone (what a whole file must give), null where there is none.
 */
function splitRequired(node: SchemaObject): { optional: SchemaObject; required: SchemaObject | null } {
  const { required, properties, ...rest } = node;
  const optional: SchemaObject = { ...rest };
  const skeleton: Record<string, SchemaObject> = {};
  if (properties) {
    optional.properties = {};
    for (const [k, v] of Object.entries(properties)) {
      const split = isObject(v) ? splitRequired(v) : { optional: v as SchemaObject, required: null };
      optional.properties[k] = split.optional;
      if (split.required) skeleton[k] = split.required;
    }
  }
  const hasSkeleton = Object.keys(skeleton).length > 0;
  if (!required && !hasSkeleton) return { optional, required: null };
  return { optional, required: { ...(required ? { required } : {}), ...(hasSkeleton ? { properties: skeleton } : {}) } };
}

/**
 * A training file's schema: a scenario plus its training section; with a `base` (sim/training/trainingBase.ts) the
 * file gives only what differs, so its scenario fields are checked as written and none of the scenario's required
 * fields is required (the merged scenario is checked when it is loaded); without one, every field a scenario requires.
 */
export function trainingJsonSchema(): Record<string, unknown> {
  const scenario = scenarioJsonSchema() as { properties: Record<string, unknown>; required?: string[] };
  const training = z.toJSONSchema(trainingSectionSchema, { io: 'input', unrepresentable: 'any' });
  const base = {
    type: 'string',
    minLength: 1,
    description:
      'A scenario file this training file is written over, relative to it (e.g. "../training-base.json"): its settings apply where this file gives none; objects merge key by key, anything else (a value, a list, null) replaces.',
  };
  const { optional, required } = splitRequired({ properties: scenario.properties, required: scenario.required });
  return {
    ...scenario,
    title: 'ECMO + hemofilter simulator training scenario',
    description:
      'A scenario (its timeline holds the faults) plus a training section: briefing, objectives, lab turnaround times; written over a base scenario or whole.',
    properties: { ...optional.properties, base, training },
    required: ['name', 'training'],
    if: { required: ['base'] },
    else: { ...required, required: [...(required?.required ?? []), 'training'] },
  };
}

export function trainingActionsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(actionsFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: "A trainee's timed actions on a training scenario",
    description: 'Each entry: "at" (a time, e.g. "10 min") and a scenario timeline action (set, heparinBolus, ...) or acknowledge, silence, order, note.',
  };
}
