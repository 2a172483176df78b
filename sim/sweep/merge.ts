/**
 * Merging shard files into one: the headers must match, a run id found in two files must have the same row, and
 * the result is written in run-id order — the bytes a single-machine sweep writes. Gaps in the run ids (a shard
 * missing or unfinished) are reported, not hidden.
 */
import { OutputError } from '../output/writeOutput.js';
import { readResults, writeResults } from './resultsFile.js';

export interface MergeReport {
  rows: number;
  missing: number[];
  truncated: string[];
}

export function mergeResults(files: string[], out: string): MergeReport {
  let header: string | undefined;
  const rows = new Map<number, string>();
  const from = new Map<number, string>();
  const truncated: string[] = [];
  for (const f of files) {
    const r = readResults(f);
    if (r.truncated) truncated.push(f);
    if (header === undefined) header = r.header;
    else if (r.header !== header)
      throw new OutputError(
        `merge: ${f} has other columns than ${files[0]}, so they are not shards of one sweep.\n  ${files[0]}: ${header}\n  ${f}: ${r.header}`,
      );
    for (const [id, line] of r.rows) {
      const seen = rows.get(id);
      if (seen !== undefined && seen !== line)
        throw new OutputError(
          `merge: run ${id} differs between ${from.get(id)} and ${f} (conflicting results for one run id; were they run from different scenarios or versions?)`,
        );
      rows.set(id, line);
      from.set(id, from.get(id) ?? f);
    }
  }
  const max = Math.max(-1, ...rows.keys());
  const missing: number[] = [];
  for (let id = 0; id <= max; id++) if (!rows.has(id)) missing.push(id);
  writeResults(out, header!, rows);
  return { rows: rows.size, missing, truncated };
}
