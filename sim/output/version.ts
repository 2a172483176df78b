/** The simulator's version (package.json), written with results so that results of different versions are not mixed. */
import { readFileSync } from 'node:fs';

let version: string | undefined;

export function simulatorVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
