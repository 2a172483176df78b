/**
 * Reading and writing a sweep's results file: its identity line (`# sweep {...}`, sweepIdentity.ts), the CSV
 * header, one row per run. Rows are appended as runs finish (so an interrupted sweep keeps them), and the file is
 * rewritten in run-id order through a partial file renamed into place, so the finished file has the same bytes
 * whatever the number of workers or shards. A last line without its newline was cut off by an interruption and is
 * dropped (its run is simply done again).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { OutputError, writeAtomically } from '../output/writeOutput.js';
import { parseIdentityLine, type SweepIdentity } from './sweepIdentity.js';
import { resultsText } from './identityParts.js';

export { resultsText };

export interface ResultsFile {
  /** the sweep's identity, or why the file has none */
  identity: SweepIdentity | string;
  header: string;
  /** run id → its whole line (without the newline) */
  rows: Map<number, string>;
  /** an incomplete last line was dropped */
  truncated: boolean;
}

function readRows(path: string, lines: string[], first: number): Map<number, string> {
  const rows = new Map<number, string>();
  lines.forEach((line, i) => {
    const m = /^(\d+),/.exec(line);
    if (!m) throw new OutputError(`${path}: line ${i + first} does not start with a run id: ${JSON.stringify(line.slice(0, 60))}`);
    const id = Number(m[1]);
    const seen = rows.get(id);
    if (seen !== undefined && seen !== line)
      throw new OutputError(`${path}: run ${id} appears twice with different results (lines differ); remove one of them`);
    rows.set(id, line);
  });
  return rows;
}

export function readResults(path: string): ResultsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new OutputError(`${path}: cannot read it: ${(e as Error).message}`);
  }
  const lines = text.split('\n');
  const truncated = lines.at(-1) !== '';
  lines.pop(); // the text after the last newline: empty, or a cut-off line
  const identity = lines[0]?.startsWith('#') ? parseIdentityLine(lines.shift()!) : parseIdentityLine('');
  const header = lines.shift() ?? '';
  if (!header.startsWith('run_id,')) throw new OutputError(`${path}: not a sweep results file (its header line does not start with "run_id,")`);
  return { identity, header, rows: readRows(path, lines, typeof identity === 'string' ? 2 : 3), truncated };
}

/** Writes the whole file in run-id order, atomically (`-`: standard output). */
export function writeResults(path: string, identity: SweepIdentity, header: string, rows: Map<number, string>): void {
  writeAtomically(path, resultsText(identity, header, rows));
}

export function appendRow(path: string, line: string): void {
  appendFileSync(path, `${line}\n`);
}

export { existsSync as resultsExist };
