/** The page tests' side of the build made once per test run (buildPages.setup.ts): serve it. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { ROOT, buildAndServe, launchChromium, serveBuild, type Served } from '../../tools/browser/harness';

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

/** The served pages and a headless chromium of one page-test file (set once its beforeAll has run). */
export interface PageSession {
  served: Served;
  browser: Browser;
}

/**
 * Opens the pages and chromium before a page-test file's tests (after `prepare`, which writes the file's fixtures;
 * screenshots go to test-output/), and closes them after: the setup every page-test file shares.
 */
export function pagesAndBrowser(setup_ms: number, prepare?: () => void): PageSession {
  const session = {} as PageSession;
  beforeAll(async () => {
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    prepare?.();
    session.served = await serveSharedOrOwnBuild();
    session.browser = await launchChromium();
  }, setup_ms);
  afterAll(async () => {
    await session.browser?.close();
    await session.served?.close();
  });
  return session;
}
