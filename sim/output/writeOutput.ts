/**
 * Writes an output file without ever clobbering one by accident: an existing file is refused unless the user
 * asked to overwrite, and the text goes to a partial file first (output/partialFiles.ts), renamed into place only
 * when complete. `--out -` is standard output. A long document is written as it is produced (writeStreaming): the
 * pieces are gathered into chunks of about 64 KB, so the whole text is never in memory.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { holdPartial, partialName, releasePartial, removeStalePartials } from './partialFiles.js';

/** `--out -`: standard output, not a file named "-". */
export const STDOUT = '-';

export class OutputError extends Error {}

/**
 * Refuses to write over an existing file unless `overwrite`, and over one of the command's `inputs` (the scenario
 * it read, a results file it plots) even then: --overwrite means an old output, never the file being read.
 */
export function refuseExisting(path: string, overwrite: boolean, option = '--out', inputs: readonly string[] = []): void {
  if (path === STDOUT) return;
  const input = inputs.find((i) => resolve(i) === resolve(path));
  if (input !== undefined)
    throw new OutputError(
      `${option}: ${path} is the input file ${input} of this command; expected another file name (even --overwrite does not replace an input)`,
    );
  if (existsSync(path) && !overwrite) {
    throw new OutputError(`${option}: ${path} already exists; choose another file name, or pass --overwrite to replace it`);
  }
  refuseFileAsFolder(path, option);
}

/**
 * An output's folder: a missing one is created when the file is written, and the command says so on standard error
 * (`npm start` writes into out/, a cluster array job's tasks into results/, neither of which a fresh clone has); a
 * path through a file is refused before any work, naming that file.
 */
export function refuseFileAsFolder(path: string, option = '--out'): void {
  if (path === STDOUT) return;
  let folder = dirname(resolve(path));
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  if (!statSync(folder).isDirectory())
    throw new OutputError(`${option}: cannot write ${path}: ${folder} is a file, not a folder; expected a path whose folders are folders`);
}

/** Creates the folder `path` is written into when it is missing, and says so (see refuseFileAsFolder). */
function ensureFolder(path: string): void {
  const folder = dirname(path);
  if (existsSync(folder)) return;
  mkdirSync(folder, { recursive: true });
  process.stderr.write(`created the folder ${folder} for ${path}\n`);
}

export function writeOutputFile(path: string, text: string, overwrite: boolean): void {
  refuseExisting(path, overwrite);
  writeAtomically(path, text);
}

/** Writes `text` to a temporary file beside `path`, then renames it into place: a reader never sees half a file. */
export function writeAtomically(path: string, text: string): void {
  writeStreaming(path, [text]);
}

/** Bytes gathered before they are written. */
const CHUNK = 1 << 16;

/**
 * Gathers the pieces of text into a reused buffer, encoded as they arrive, and hands the buffer on when it is full:
 * no piece outlives its write (a string built up of the pieces would keep them all alive until written, and
 * Node's young generation grows to hold them: 40 MB more at the peak of a 30-day run at 1-min output).
 */
class ChunkedSink {
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** `out` must be done with the bytes when it returns: the buffer is reused. */
  constructor(private readonly out: (bytes: Buffer) => void) {}
  write(text: string): void {
    if (this.used + text.length * 3 > CHUNK) {
      this.flush();
      if (text.length * 3 > CHUNK) return this.out(Buffer.from(text, 'utf8'));
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }
  flush(): void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.used = 0;
    this.out(bytes);
  }
}

/** An error of the file system, told apart from one of the code producing the text (which is not the user's to fix). */
class WriteFailure extends Error {}

function writeAll(fd: number, bytes: Buffer): void {
  try {
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (e) {
    throw new WriteFailure((e as Error).message);
  }
}

// Already failing: the first error is the one to report.
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // see above
  }
}
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true }); // force ignores a missing file, not a missing folder (ENOTDIR)
  } catch {
    // see above
  }
}

/**
 * Writes `pieces`, as they are produced, to a temporary file beside `path`, renamed into place once the last is
 * written (`-`: to standard output as they come). If anything fails, the temporary file is removed.
 */
export function writeStreaming(path: string, pieces: Iterable<string>): void {
  if (path === STDOUT) {
    const sink = new ChunkedSink((bytes) => void process.stdout.write(Buffer.from(bytes))); // a copy: stdout may keep it
    for (const piece of pieces) sink.write(piece);
    return sink.flush();
  }
  refuseFileAsFolder(path); // also for writers that did not call refuseExisting first
  const tmp = partialName(path);
  holdPartial(tmp);
  let fd: number | undefined;
  try {
    try {
      ensureFolder(path);
      removeStalePartials(path);
      fd = openSync(tmp, 'w');
    } catch (e) {
      throw new WriteFailure((e as Error).message);
    }
    const sink = new ChunkedSink((bytes) => writeAll(fd!, bytes));
    for (const piece of pieces) sink.write(piece);
    sink.flush();
    try {
      closeSync(fd);
      fd = undefined;
      renameSync(tmp, path);
    } catch (e) {
      throw new WriteFailure((e as Error).message);
    }
  } catch (e) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(tmp);
    throw e instanceof WriteFailure ? new OutputError(`--out: cannot write ${path}: ${e.message}`) : e;
  } finally {
    releasePartial(tmp);
  }
}

/** Set when standard output's reader has gone (EPIPE): nothing more is written to it. */
let stdoutClosed = false;
let stdoutFailure: Error | undefined;
let watchingStdout = false;

/** Installed once: an EPIPE on standard output (also one that arrives after the run, for queued text) is not an error. */
function watchStdout(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') stdoutClosed = true;
    else stdoutFailure = e;
  });
}

/**
 * As writeStreaming, but standard output waits for its reader: Node queues what a pipe cannot take at once (the
 * whole text, behind a slow reader), so production pauses until stdout drains. A reader that stops (`| head`)
 * ends the writing quietly.
 */
export async function writeOutput(path: string, pieces: Iterable<string>): Promise<void> {
  if (path !== STDOUT) return writeStreaming(path, pieces);
  watchStdout();
  let full = false;
  const sink = new ChunkedSink((bytes) => {
    if (!stdoutClosed && !process.stdout.write(Buffer.from(bytes))) full = true; // a copy: stdout keeps what it queues
  });
  for (const piece of pieces) {
    sink.write(piece);
    if (full) {
      full = false;
      await once(process.stdout, 'drain').catch(() => undefined); // an error is seen by watchStdout's listener
    }
    if (stdoutFailure) throw stdoutFailure;
    if (stdoutClosed) return;
  }
  sink.flush();
}
