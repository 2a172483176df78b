/**
 * Writes an output file without ever clobbering one by accident: an existing file is refused unless the user
 * asked to overwrite, and the text goes to a partial file first (output/partialFiles.ts), renamed into place only
 * when complete. `--out -` is standard output.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { holdPartial, partialName, releasePartial, removeStalePartials } from './partialFiles.js';

/** `--out -`: standard output, not a file named "-". */
export const STDOUT = '-';

export class OutputError extends Error {}

export function refuseExisting(path: string, overwrite: boolean, option = '--out'): void {
  if (path === STDOUT) return;
  if (existsSync(path) && !overwrite) {
    throw new OutputError(`${option}: ${path} already exists; choose another file name, or pass --overwrite to replace it`);
  }
}

export function writeOutputFile(path: string, text: string, overwrite: boolean): void {
  refuseExisting(path, overwrite);
  writeAtomically(path, text);
}

/** Writes `text` to a temporary file beside `path`, then renames it into place: a reader never sees half a file. */
export function writeAtomically(path: string, text: string): void {
  if (path === STDOUT) return void process.stdout.write(text);
  const tmp = partialName(path);
  holdPartial(tmp);
  try {
    mkdirSync(dirname(path), { recursive: true });
    removeStalePartials(path);
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new OutputError(`--out: cannot write ${path}: ${(e as Error).message}`);
  } finally {
    releasePartial(tmp);
  }
}
