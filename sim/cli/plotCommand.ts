/** `sim plot <results.csv> --kind K [--x C --y C --color C] --out FILE.svg`: a chart of a sweep's results (docs/dose-explorer.md). */
import { refuseExisting, STDOUT, writeAtomically } from '../output/writeOutput.js';
import { plotSweep } from '../plot/plotSweep.js';
import { ScenarioError } from '../scenario/errors.js';
import { readInputFile } from '../scenario/loadFile.js';

export interface PlotOptions {
  kind: string;
  x?: string;
  y?: string;
  color?: string;
  out: string;
  overwrite: boolean;
  quiet: boolean;
}

export function plotCommand(file: string, opts: PlotOptions): void {
  if (opts.out !== STDOUT && !/\.svg$/i.test(opts.out))
    throw new ScenarioError('--out', [
      { path: '--out', message: `got ${JSON.stringify(opts.out)}; expected a file name ending in .svg, or - for standard output` },
    ]);
  refuseExisting(opts.out, opts.overwrite);
  const text = readInputFile(file, 'results file');
  const r = plotSweep(text, file, opts);
  writeAtomically(opts.out, r.svg);
  if (!opts.quiet)
    process.stderr.write(
      `wrote ${opts.out}: ${opts.kind}, ${r.drawn} runs drawn${r.leftOut ? `, ${r.leftOut} left out (failed, or without a value to plot)` : ''}\n`,
    );
}
