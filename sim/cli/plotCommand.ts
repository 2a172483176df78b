/**
 * `sim plot <results.csv> --kind K [--x C --y C --color C] --out FILE.svg`: a chart of a sweep's results
 * (docs/dose-explorer.md). `--kind front --objectives "col:max,col:min"` draws the Pareto front, and `--front FILE`
 * (.csv or .json) writes the runs on it.
 */
import { refuseExisting, STDOUT, writeAtomically } from '../output/writeOutput.js';
import { plotSweep } from '../plot/plotSweep.js';
import { ScenarioError } from '../scenario/errors.js';
import { readInputFile } from '../scenario/loadFile.js';
import { CHART_FIELDS } from '../plot/plotKinds.js';

export interface PlotOptions {
  kind: string;
  x?: string;
  y?: string;
  color?: string;
  objectives?: string;
  front?: string;
  out: string;
  overwrite: boolean;
  quiet: boolean;
}

/** The fields the plotting code names, as the command line's options (the page names them its own way). */
const OPTION_OF: Record<string, string> = Object.fromEntries(CHART_FIELDS.map((f) => [f, `--${f}`]));

function asOptions(e: unknown): never {
  if (e instanceof ScenarioError && OPTION_OF[e.source])
    throw new ScenarioError(
      OPTION_OF[e.source],
      e.issues.map((i) => ({ ...i, path: OPTION_OF[i.path] ?? i.path })),
    );
  throw e;
}

function checkOptions(file: string, opts: PlotOptions): void {
  if (opts.out !== STDOUT && !/\.svg$/i.test(opts.out))
    throw new ScenarioError('--out', [
      { path: '--out', message: `got ${JSON.stringify(opts.out)}; expected a file name ending in .svg, or - for standard output` },
    ]);
  if (opts.front !== undefined && opts.kind !== 'front')
    throw new ScenarioError('--front', [{ path: '--front', message: 'writes the runs on a Pareto front: use it with --kind front' }]);
  if (opts.front !== undefined && !/\.(csv|json)$/i.test(opts.front))
    throw new ScenarioError('--front', [{ path: '--front', message: `got ${JSON.stringify(opts.front)}; expected a file name ending in .csv or .json` }]);
  if (opts.objectives !== undefined && opts.kind !== 'front')
    throw new ScenarioError('--objectives', [{ path: '--objectives', message: 'the objectives of a Pareto front: use them with --kind front' }]);
  refuseExisting(opts.out, opts.overwrite, '--out', [file]);
  if (opts.front !== undefined) refuseExisting(opts.front, opts.overwrite, '--front', [file]);
}

export function plotCommand(file: string, opts: PlotOptions): void {
  checkOptions(file, opts);
  const text = readInputFile(file, 'results file');
  let r: ReturnType<typeof plotSweep>;
  try {
    r = plotSweep(text, file, opts);
  } catch (e) {
    asOptions(e);
  }
  writeAtomically(opts.out, r.svg);
  if (opts.front !== undefined && r.front) writeAtomically(opts.front, /\.json$/i.test(opts.front) ? r.front.json : r.front.csv);
  if (!opts.quiet) {
    const left = r.leftOut ? `, ${r.leftOut} left out (failed, or without a value to plot)` : '';
    const front = r.front
      ? `; ${r.front.onFront} on the front, ${r.drawn - r.front.onFront} dominated${opts.front ? ` (front written to ${opts.front})` : ''}`
      : '';
    process.stderr.write(`wrote ${opts.out}: ${opts.kind}, ${r.drawn} runs drawn${left}${front}\n`);
  }
}
