/**
 * Merging shard files into one: each must carry the identity of one sweep (sweepIdentity.ts: same scenario content,
 * hours, --vary, design, seed, simulator version — only the shard differs), the headers must match, a run id found in
 * two files must have the same row, and the result is written in run-id order — the bytes a single-machine sweep
 * writes. Runs of the sweep found in no file (a shard missing, unfinished, or cut short) are named, and the merge is
 * refused unless they are allowed to be missing.
 */
import { OutputError } from '../output/writeOutput.js';
import { readResults, writeResults, type ResultsFile } from './resultsFile.js';
import { identityDifferences, type SweepIdentity } from './sweepIdentity.js';

export interface MergeReport {
  rows: number;
  /** run ids of the sweep in none of the files */
  missing: number[];
  truncated: string[];
}

function identityOf(file: string, r: ResultsFile): SweepIdentity {
  if (typeof r.identity === 'string') throw new OutputError(`merge: ${file}: ${r.identity}, so it cannot be checked to belong to the sweep`);
  return r.identity;
}

function sameSweep(first: string, a: SweepIdentity, file: string, b: SweepIdentity, header: string, r: ResultsFile): void {
  const diffs = identityDifferences(a, b, `${first} was made with`, `${file} with`);
  if (diffs.length) throw new OutputError(`merge: ${file} is not a shard of the same sweep as ${first}:\n  ${diffs.join('\n  ')}`);
  if (r.header !== header)
    throw new OutputError(
      `merge: ${file} has other columns than ${first}, so they are not shards of one sweep.\n  ${first}: ${header}\n  ${file}: ${r.header}`,
    );
}

export function missingRuns(runs: number, rows: Map<number, string>): number[] {
  const missing: number[] = [];
  for (let id = 0; id < runs; id++) if (!rows.has(id)) missing.push(id);
  return missing;
}

export function describeMissing(missing: number[]): string {
  const shown = missing.slice(0, 20).join(', ');
  return `${missing.length} run id${missing.length === 1 ? '' : 's'} missing (${shown}${missing.length > 20 ? ', ...' : ''})`;
}

export function mergeResults(files: string[], out: string, allowMissing: boolean): MergeReport {
  const first = readResults(files[0]);
  const identity = identityOf(files[0], first);
  const rows = new Map<number, string>();
  const from = new Map<number, string>();
  const truncated: string[] = [];
  files.forEach((f, i) => {
    const r = i === 0 ? first : readResults(f);
    if (i > 0) sameSweep(files[0], identity, f, identityOf(f, r), first.header, r);
    if (r.truncated) truncated.push(f);
    for (const [id, line] of r.rows) {
      const seen = rows.get(id);
      if (seen !== undefined && seen !== line)
        throw new OutputError(
          `merge: run ${id} differs between ${from.get(id)} and ${f} (conflicting results for one run id; were they run from different scenarios or versions?)`,
        );
      rows.set(id, line);
      from.set(id, from.get(id) ?? f);
    }
  });
  const missing = missingRuns(identity.runs, rows);
  if (missing.length && !allowMissing)
    throw new OutputError(
      `merge: ${describeMissing(missing)} of the sweep's ${identity.runs}: rerun their shards (they resume), or pass --allow-missing to merge what there is; nothing written`,
    );
  writeResults(out, { ...identity, shard: null }, first.header, rows);
  return { rows: rows.size, missing, truncated };
}
