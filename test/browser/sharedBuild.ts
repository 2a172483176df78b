/** The page tests' side of the build made once per test run (buildPages.setup.ts): serve it. */
import { inject } from 'vitest';
import { buildAndServe, serveBuild, type Served } from '../../tools/browser/harness';

/** Serves the shared build of the pages on a free localhost port. */
export function serveSharedBuild(): Promise<Served> {
  const dir = inject('pagesDir');
  if (!dir) throw new Error('no shared build of the pages: a page test must be listed in PAGE_TESTS (vite.config.ts)');
  return serveBuild(dir);
}

/**
 * The shared build when this file runs in the pages project; otherwise (a page test not yet listed in PAGE_TESTS,
 * run on its own) a build of its own, removed when it is closed.
 */
export function serveSharedOrOwnBuild(): Promise<Served> {
  const dir = inject('pagesDir');
  return dir ? serveBuild(dir) : buildAndServe();
}
