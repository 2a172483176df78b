/** The JSON Schema of scenario files, generated from the zod schema (which is generated from the spec tables). */
import { z } from 'zod';
import { scenarioFileSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioFileSchema(), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'ECMO + hemofilter simulator scenario', description: 'Every quantity is a string with its unit, e.g. "45 mL/kg/h".' };
}
