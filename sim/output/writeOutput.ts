/**
 * Writes an output file without ever clobbering one by accident: an existing file is refused unless the user
 * asked to overwrite, and the text goes to a temporary file first, renamed into place only when complete.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class OutputError extends Error {}

export function refuseExisting(path: string, overwrite: boolean, option = '--out'): void {
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
  const tmp = `${path}.partial-${process.pid}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new OutputError(`--out: cannot write ${path}: ${(e as Error).message}`);
  }
}
