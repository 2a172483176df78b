import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The browser tests that open the built pages: their project builds the pages once per run (its global setup). */
const PAGE_TESTS = [
  'test/browser/visualiser.test.ts',
  'test/browser/explorer.test.ts',
  'test/browser/pageMended.test.ts',
  'test/browser/alarms.test.ts',
  'test/browser/explorerSweep.test.ts',
  'test/browser/explorerSpread.test.ts',
  'test/browser/explorerFront.test.ts',
  'test/browser/training.test.ts',
  'test/browser/relay.test.ts',
];

/** The instructor page (src/instructor/); its trainees open training.html with ?join=CODE or ?channel=NAME. */
const INSTRUCTOR_PAGES = {
  instructor: resolve(import.meta.dirname, 'instructor.html'),
};

export default defineConfig({
  build: {
    outDir: 'dist/web', // dist/cli/ is the command line's bundle (scripts/buildCli.mjs)
    sourcemap: true,
    // the live view, the dose explorer (sweep results), the trainee's training page and the instructor's page
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        explorer: resolve(import.meta.dirname, 'explorer.html'),
        training: resolve(import.meta.dirname, 'training.html'),
        ...INSTRUCTOR_PAGES,
      },
    },
  },
  // the engine runs in a module worker (src/engine.worker.ts), which may import modules of its own
  worker: { format: 'es' },
  test: {
    environment: 'node',
    // A test fails for being wrong, never for being slow: a busy 2-core machine can make the slowest cases (the
    // Morris and Sobol' analyses, the 90-day run, sweep workers starting) ten times slower than a quiet one (measured:
    // the Morris case took 60 s with both cores busy, 14 s on a quiet machine). A hang is still caught, at 10 min.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // the command line's bundle (dist/cli/), rebuilt if a source is newer, for the tests that start it as a child process
    globalSetup: ['./test/helpers/buildCliBundle.ts'],
    reporters: ['default', './test/reporters/plainTotals.ts'],
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: PAGE_TESTS } },
      {
        extends: true,
        test: {
          name: 'pages',
          include: PAGE_TESTS,
          globalSetup: ['test/browser/buildPages.setup.ts'],
          // a page answers a click after its engine thread and its next frame: on a busy 2-core machine that took
          // over the default 1 s (CI: the pause button still pressed after 1 s), so a page's poll waits as long as
          // a page load may; a wrong page still fails, only later
          expect: { poll: { timeout: 120_000 } },
        },
      },
    ],
  },
});
