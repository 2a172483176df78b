/** Writes docs/outputs.md, the glossary of the run's series, events and summary fields (npm run docs:outputs). */
import { writeFileSync } from 'node:fs';
import { outputsGlossary } from '../sim/output/glossary.js';

const file = new URL('../docs/outputs.md', import.meta.url);
writeFileSync(file, outputsGlossary());
process.stdout.write(`wrote docs/outputs.md\n`);
