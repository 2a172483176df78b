/**
 * vitest globalSetup: the tests that start the command line as a child process run the bundle in dist/cli/, so it is
 * built here first if any source is newer than it (scripts/buildCli.mjs --if-stale): they test the current sources.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/buildCli.mjs', '--if-stale', '--quiet'], { stdio: 'inherit' });
}
