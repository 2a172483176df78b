/** The JSON Schemas of scenario files and cohort arm files. Scenario files' is generated from the zod schema (which is generated from the spec tables). */
import { z } from 'zod';
import { armSchema } from '../cohort/armSchema.js';
import { scenarioFileSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioFileSchema(), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'ECMO + hemofilter simulator scenario', description: 'Every quantity is a string with its unit, e.g. "45 mL/kg/h".' };
}

/** The JSON Schema of cohort arm files (scenarios/cohort/*.json reference it for editors). */
export function cohortArmJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(armSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'Reference-cohort arm file', description: 'One arm of the reference cohort: protocol, seeded draws with units and reasons, published figures.' };
}
