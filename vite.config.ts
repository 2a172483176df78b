import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
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
  'test/browser/sweepControl.test.ts',
];

/** The instructor page (src/instructor/); its trainees open training.html with ?join=CODE or ?channel=NAME. */
const INSTRUCTOR_PAGES = {
  instructor: resolve(import.meta.dirname, 'instructor.html'),
};

const PRE_RESOLVED_ID = 'virtual:pre-resolved-scenario';

/**
 * Serves `virtual:pre-resolved-scenario`: the bundled default scenario resolved by this build (its source written by
 * tools/vite/preResolvedScenario.ts, run through vite's module runner, so the config itself never loads the resolver).
 * The dev server writes it again when any file it read changes.
 */
function preResolvedScenario(): Plugin {
  return {
    name: 'pre-resolved-scenario',
    resolveId: (id) => (id === PRE_RESOLVED_ID ? `\0${PRE_RESOLVED_ID}` : undefined),
    async load(id) {
      if (id !== `\0${PRE_RESOLVED_ID}`) return undefined;
      const writer = resolve(import.meta.dirname, 'tools/vite/preResolvedScenario.ts');
      const { module, dependencies } = await runnerImport<typeof import('./tools/vite/preResolvedScenario')>(writer);
      for (const file of [writer, ...dependencies]) this.addWatchFile(file);
      return module.preResolvedSource();
    },
  };
}

const UNITS = resolve(import.meta.dirname, 'sim/units.ts');
const UNITS_ON_DEMAND = resolve(import.meta.dirname, 'src/engine/unitsOnDemand.ts');

/**
 * In the engine worker's bundle, sim/units.ts is reached through src/engine/unitsOnDemand.ts (same exports), which
 * imports it on demand: the unit parser (mathjs's Unit and its number libraries) leaves the worker's first load.
 * The worker awaits it before any command that reads a quantity's text (engine.worker.ts). Other workers, the pages,
 * the dev server and Node import sim/units.ts as it is.
 */
function unitsOnDemand(): Plugin {
  let engineWorker = false;
  return {
    name: 'units-on-demand',
    enforce: 'pre',
    buildStart(options) {
      const input = options.input;
      const entries = Array.isArray(input) ? input : typeof input === 'string' ? [input] : Object.values(input ?? {});
      engineWorker = entries.some((e) => e.replace(/\\/g, '/').endsWith('src/engine.worker.ts'));
    },
    async resolveId(source, importer) {
      if (!engineWorker || !importer || importer === UNITS_ON_DEMAND || !/units(\.js|\.ts)?$/.test(source)) return undefined;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === UNITS ? UNITS_ON_DEMAND : undefined;
    },
  };
}

export default defineConfig({
  // the bundled default scenario resolved at build time, for the engine worker (and the tests that import it)
  plugins: [preResolvedScenario()],
  build: {
    outDir: 'dist/web', // dist/cli/ is the command line's bundle (scripts/buildCli.mjs)
    sourcemap: true,
    // no polyfill for <link rel="modulepreload"> (0.4 KB of every page's first load): the browsers without it
    // (Firefox before 115, Safari before 17) fetch the same scripts as the page imports them, only not ahead
    modulePreload: { polyfill: false },
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
  worker: { format: 'es', plugins: () => [preResolvedScenario(), unitsOnDemand()] },
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
