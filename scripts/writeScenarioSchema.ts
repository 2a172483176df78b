/** Regenerates scenarios/scenario.schema.json (npm run schema); a test checks the committed file is current. */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../sim/scenario/jsonSchema.js';

writeFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log('wrote scenarios/scenario.schema.json');
