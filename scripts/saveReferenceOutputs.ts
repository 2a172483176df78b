/**
 * `npm run save:reference`: writes the engine's outputs on the bundled scenarios and the cohort to
 * test/fixtures/reference-outputs/, with the commit they came from, before a change that must keep behaviour.
 * SOURCE.md's first line names that commit; the lines below it (why each re-save was on purpose, written by hand)
 * are kept.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR, referenceDocuments } from '../test/helpers/referenceOutputs.js';

const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'sim'], { encoding: 'utf8' }).trim() !== '';
mkdirSync(REFERENCE_DIR, { recursive: true });
for (const [name, doc] of Object.entries(referenceDocuments())) {
  writeFileSync(join(REFERENCE_DIR, name), JSON.stringify(doc) + '\n');
  process.stderr.write(`wrote ${join(REFERENCE_DIR, name)}\n`);
}
const source = join(REFERENCE_DIR, 'SOURCE.md');
/** The history below the first line of the SOURCE.md there was, if any. */
const history = existsSync(source) ? readFileSync(source, 'utf8').split('\n').slice(1).join('\n') : '';
writeFileSync(source, `Saved by \`npm run save:reference\` from commit ${commit}${dirty ? ' (with uncommitted changes under sim/)' : ''}.\n${history}`);
