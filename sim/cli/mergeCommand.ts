/** `sim merge <files...> --out FILE`: joins the shard files of one sweep into the file a single machine would write. */
import { refuseExisting } from '../output/writeOutput.js';
import { mergeResults } from '../sweep/merge.js';

export interface MergeOptions {
  out: string;
  overwrite: boolean;
  quiet: boolean;
}

export function mergeCommand(files: string[], opts: MergeOptions): void {
  refuseExisting(opts.out, opts.overwrite);
  const r = mergeResults(files, opts.out);
  if (opts.quiet) return;
  const gaps = r.missing.length
    ? `; ${r.missing.length} run id${r.missing.length === 1 ? '' : 's'} missing (${r.missing.slice(0, 10).join(', ')}${r.missing.length > 10 ? ', ...' : ''}): rerun their shards, which resume`
    : '';
  const cut = r.truncated.length ? `; dropped a cut-off last line in ${r.truncated.join(', ')}` : '';
  process.stderr.write(`wrote ${opts.out}: ${r.rows} runs from ${files.length} file${files.length === 1 ? '' : 's'}${gaps}${cut}\n`);
}
