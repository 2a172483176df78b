/**
 * Regenerates the parameter tables of the methodology pages (docs/models/*.md) from the spec tree
 * (npm run docs:params). The generating functions and the marker syntax are in sim/scenario/parameterDocs.ts;
 * test/docs.test.ts checks the committed pages with the same functions.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_DIR, documentedPaths, leafPaths, ParameterDocsError, readPages, renderParameterDocs } from '../sim/scenario/parameterDocs.js';

function main(): void {
  let changed = 0;
  for (const { file, text } of readPages()) {
    const fresh = renderParameterDocs(text, `docs/models/${file}`);
    if (fresh !== text) {
      writeFileSync(join(DOCS_DIR, file), fresh);
      changed++;
      console.log(`updated docs/models/${file}`);
    }
  }
  const documented = new Set(readPages().flatMap(({ file, text }) => documentedPaths(text, file)));
  const missing = leafPaths().filter((p) => !documented.has(p));
  if (missing.length) {
    console.error(`not in any page's parameter table (add a marker to the page that explains it):\n  ${missing.join('\n  ')}`);
    process.exitCode = 1;
  }
  if (changed === 0) console.log('parameter tables are current');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  try {
    main();
  } catch (e) {
    if (!(e instanceof ParameterDocsError)) throw e;
    console.error(e.message);
    process.exitCode = 1;
  }
}
