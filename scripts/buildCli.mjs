// Builds the command line as plain JavaScript (issue 14): `npm run build:cli`, and `npm ci` / `npm install` through the
// `prepare` script, so the README's two commands stay two. Plain JavaScript so it runs before anything else is built.
//
//   dist/cli/cli.js          the command line (`npm run sim`, `npx ecmo-sim`)
//   dist/cli/sweepWorker.js  the piscina worker of sweeps and sensitivity analyses (sim/sweep/pool.ts starts it)
//   dist/cli/chunk-*.js      code the two share, and each command's own modules (sim/cli.ts imports them lazily)
//
// Dependencies are bundled (mathjs tree-shaken to the unit parser's factories: an external mathjs loads the whole
// package, ~1,260 files), except piscina, which starts its own worker file from its package folder.
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/cli`;

/** Bundled CommonJS packages (commander, cli-progress) call `require` for Node's own modules: give ES modules one. */
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Newest modification time of what the bundle is built from: sim/ and this script, package.json for versions. */
function newestSource() {
  const files = readdirSync(`${root}sim`, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => `${d.parentPath}/${d.name}`);
  return Math.max(...[...files, `${root}package.json`, fileURLToPath(import.meta.url)].map((f) => statSync(f).mtimeMs));
}

/** True if dist/cli/ holds both entries and they are newer than every source. */
export function cliIsFresh() {
  try {
    const built = Math.min(...['cli.js', 'sweepWorker.js'].map((f) => statSync(`${outdir}/${f}`).mtimeMs));
    return built > newestSource();
  } catch {
    return false;
  }
}

export async function buildCli({ quiet = false } = {}) {
  const started = process.hrtime.bigint();
  const { build } = await import('esbuild'); // only when building: --if-stale on a fresh bundle never loads it
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'sim/cli.ts', sweepWorker: 'sim/sweep/worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // minified: a third less to parse at every start (a 24 h run: 0.73 s of CPU against 0.83 s); the source maps
    // point back to the TypeScript (SIM_DEBUG=1 turns them on for stack traces)
    minify: true,
    sourcemap: true,
    external: ['piscina'],
    banner: { js: `#!/usr/bin/env node\n${requireShim}` },
    logLevel: quiet ? 'error' : 'warning',
  });
  chmodSync(`${outdir}/cli.js`, 0o755);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!quiet) process.stderr.write(`built dist/cli/cli.js and dist/cli/sweepWorker.js in ${ms.toFixed(0)} ms\n`);
}

// node scripts/buildCli.mjs [--quiet] [--if-stale]: --if-stale builds only if a source is newer than the bundle (tests)
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!(process.argv.includes('--if-stale') && cliIsFresh())) await buildCli({ quiet: process.argv.includes('--quiet') });
}
