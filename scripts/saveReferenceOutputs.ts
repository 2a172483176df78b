/**
 * `npm run save:reference`: writes the engine's outputs on the bundled scenarios and the cohort to
 * test/fixtures/reference-outputs/, with the commit they came from, before a change that must keep behaviour.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR, referenceDocuments } from '../test/helpers/referenceOutputs.js';

const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'sim'], { encoding: 'utf8' }).trim() !== '';
mkdirSync(REFERENCE_DIR, { recursive: true });
for (const [name, doc] of Object.entries(referenceDocuments())) {
  writeFileSync(join(REFERENCE_DIR, name), JSON.stringify(doc) + '\n');
  process.stderr.write(`wrote ${join(REFERENCE_DIR, name)}\n`);
}
writeFileSync(
  join(REFERENCE_DIR, 'SOURCE.md'),
  `Saved by \`npm run save:reference\` from commit ${commit}${dirty ? ' (with uncommitted changes under sim/)' : ''}.\n`,
);
