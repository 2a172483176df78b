/** The page tests' side of the build made once per test run (buildPages.setup.ts): serve it. */
import { inject } from 'vitest';
import { serveBuild, type Served } from '../../tools/browser/harness';

/** Serves the shared build of the pages on a free localhost port. */
export function serveSharedBuild(): Promise<Served> {
  const dir = inject('pagesDir');
  if (!dir) throw new Error('no shared build of the pages: a page test must be listed in PAGE_TESTS (vite.config.ts)');
  return serveBuild(dir);
}
