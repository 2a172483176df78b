/**
 * Global setup of the page tests (their vitest project in vite.config.ts): builds the pages once per test run into
 * a temporary directory, which every page test file serves (harness.ts sharedBuild), and removes it at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPages } from '../../tools/browser/harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the directory holding the built pages */
    pagesDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'ecmo-pages-'));
  await buildPages(dir);
  project.provide('pagesDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
