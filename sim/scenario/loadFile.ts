/** Reading input files from disk (command line, scripts, tests); the browser loads text through load.ts. */
import { readFileSync } from 'node:fs';
import { ScenarioError } from './errors.js';
import { loadScenarioText, type Override } from './load.js';
import type { Scenario } from './resolve.js';

/** The text of an input file, or a ScenarioError that says what `what` is and why it cannot be read. */
export function readInputFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new ScenarioError(file, [{ path: '', message: `cannot read the ${what}: ${why}` }]);
  }
}

/** Reads, overrides, validates and resolves a scenario file. */
export function loadScenarioFile(file: string, overrides: Override[] = []): Scenario {
  return loadScenarioText(readInputFile(file, 'scenario file'), file, overrides);
}
