/** `sim merge <files...> --out FILE`: joins the shard files of one sweep into the file a single machine would write. */
import { refuseExisting } from '../output/writeOutput.js';
import { describeMissing, mergeResults } from '../sweep/merge.js';

export interface MergeOptions {
  out: string;
  overwrite: boolean;
  quiet: boolean;
  allowMissing: boolean;
}

export function mergeCommand(files: string[], opts: MergeOptions): void {
  refuseExisting(opts.out, opts.overwrite, '--out', files);
  const r = mergeResults(files, opts.out, opts.allowMissing);
  const gaps = r.missing.length ? `; ${describeMissing(r.missing)}: rerun their shards, which resume, and merge again` : '';
  if (opts.quiet && !gaps) return;
  const cut = r.truncated.length ? `; dropped a cut-off last line in ${r.truncated.join(', ')}` : '';
  process.stderr.write(`wrote ${opts.out}: ${r.rows} runs from ${files.length} file${files.length === 1 ? '' : 's'}${gaps}${cut}\n`);
}
