/**
 * Where a running sweep's rows go. Resuming or starting a new file: the file itself, rewritten with the kept rows and
 * then appended to. Replacing an existing file (--overwrite): a partial file beside it, renamed over the old file
 * when it holds its first complete row — so at every moment the name holds either the old complete results or the
 * new sweep's (resumable) ones, never neither. `-` (standard output): rows kept in memory, written at the end.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { STDOUT } from '../output/writeOutput.js';
import { holdPartial, partialName, releasePartial, removeStalePartials } from '../output/partialFiles.js';
import { appendRow, resultsExist, resultsText, writeResults } from './resultsFile.js';
import type { SweepIdentity } from './sweepIdentity.js';

export class ResultsWriter {
  /** the file rows are appended to; undefined for standard output */
  private target: string | undefined;

  constructor(
    private readonly out: string,
    private readonly identity: SweepIdentity,
    private readonly header: string,
    readonly rows: Map<number, string>,
    replace: boolean,
  ) {
    if (out === STDOUT) return;
    removeStalePartials(out);
    if (replace && resultsExist(out)) {
      this.target = partialName(out);
      holdPartial(this.target);
      writeFileSync(this.target, resultsText(identity, header, rows));
    } else {
      // the kept rows, whole and in order, before anything is appended (a cut-off last line is gone)
      writeResults(out, identity, header, rows);
      this.target = out;
    }
  }

  add(id: number, line: string): void {
    this.rows.set(id, line);
    if (this.target === undefined) return;
    appendRow(this.target, line);
    if (this.target !== this.out) {
      renameSync(this.target, this.out); // the old results are replaced only now, by a file with a complete row
      releasePartial(this.target);
      this.target = this.out;
    }
  }

  /**
   * The whole file in run-id order. A sweep that stopped (`complete` false) before its first row leaves an old file
   * being replaced as it was.
   */
  finish(complete: boolean): void {
    if (this.target !== undefined && this.target !== this.out) {
      rmSync(this.target, { force: true });
      releasePartial(this.target);
      if (!complete) return;
    }
    writeResults(this.out, this.identity, this.header, this.rows);
  }
}
