/** JSON Schemas of training scenario files (a scenario plus its `training` section) and of a trainee's actions files. */
import { z } from 'zod';
import { scenarioJsonSchema } from '../scenario/jsonSchema.js';
import { actionsFileSchema, trainingSectionSchema } from './trainingFile.js';

export function trainingJsonSchema(): Record<string, unknown> {
  const scenario = scenarioJsonSchema() as { properties: Record<string, unknown>; required?: string[] };
  const training = z.toJSONSchema(trainingSectionSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...scenario,
    title: 'ECMO + hemofilter simulator training scenario',
    description: 'A scenario (its timeline holds the faults) plus a training section: briefing, objectives, lab turnaround times.',
    properties: { ...scenario.properties, training },
    required: [...(scenario.required ?? []), 'training'],
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
