/** Regenerates the JSON Schemas (npm run schema): scenarios/scenario.schema.json, scenarios/cohort/cohort-arm.schema.json and the training files' (scenarios/training*.schema.json); a test checks the committed files are current. */
import { writeFileSync } from 'node:fs';
import { armJsonSchema } from '../sim/cohort/armSchema.js';
import { scenarioJsonSchema } from '../sim/scenario/jsonSchema.js';
import { trainingActionsJsonSchema, trainingJsonSchema } from '../sim/training/jsonSchema.js';

const write = (path: string, schema: Record<string, unknown>) => {
  writeFileSync(new URL(`../${path}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${path}`);
};
write('scenarios/scenario.schema.json', scenarioJsonSchema());
write('scenarios/cohort/cohort-arm.schema.json', armJsonSchema());
write('scenarios/training.schema.json', trainingJsonSchema());
write('scenarios/training-actions.schema.json', trainingActionsJsonSchema());
