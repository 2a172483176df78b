/** `sim sweep <scenario> --vary ...`: a parameter sweep on all cores, resumable and shardable (docs/dose-explorer.md). */
import { availableParallelism } from 'node:os';
import { ScenarioError } from '../scenario/errors.js';
import { loadScenarioText } from '../scenario/load.js';
import { calibratedScenarioText, readInputFile } from '../scenario/loadFile.js';
import { withProgress } from './progress.js';
import { wholeNumber } from './wholeNumber.js';
import { parseHours } from './runCommand.js';
import { MAX_RUNS, runCount, type Design } from '../sweep/runList.js';
import { type VaryAxis } from '../sweep/varySpec.js';
import { parseShard, type Shard } from '../sweep/shard.js';
import { runSweep } from '../sweep/sweep.js';
import { simulatorVersion } from '../output/version.js';
import { parseVarySpecs } from '../sweep/varySpec.js';
import { refuseExisting } from '../output/writeOutput.js';
import { SUMMARY_TIME_h } from '../engine/events.js';
import type { ScenarioIssue } from '../scenario/errors.js';
import { FILTER_ONLY_REASON, isFilterOnlyPath } from '../scenario/filterOnlyFields.js';
import { printScenarioWarnings } from './scenarioWarnings.js';

export interface SweepOptions {
  /** Run the spec defaults, not the calibration the scenario refers to. */
  uncalibrated?: boolean;
  vary: string[];
  design: 'grid' | 'lhs';
  samples?: string;
  seed: string;
  hours?: string;
  workers?: string;
  shard?: string;
  /** The most runs this command starts (a guard against a typo in a step): default DEFAULT_MAX_RUNS. */
  maxRuns?: string;
  out: string;
  overwrite: boolean;
  quiet: boolean;
}

function design(opts: SweepOptions): Design {
  if (opts.design === 'grid') {
    if (opts.samples !== undefined)
      throw new ScenarioError('--samples', [{ path: '--samples', message: 'only used with --design lhs (a grid runs every combination of its steps)' }]);
    return { kind: 'grid' };
  }
  if (opts.samples === undefined)
    throw new ScenarioError('--samples', [{ path: '--samples', message: '--design lhs needs the number of samples, e.g. --samples 200' }]);
  const seed = wholeNumber('--seed', opts.seed, 0, 2 ** 32 - 1);
  return { kind: 'lhs', samples: wholeNumber('--samples', opts.samples, 1, MAX_RUNS), seed };
}

/** --max-runs' default: a day's runs on a workstation, well beyond a planned sweep's tens to thousands. */
export const DEFAULT_MAX_RUNS = 10_000;

/**
 * The number of runs this command would start (its shard's share), said on stderr before any starts, or refused
 * above --max-runs: a step typed 1000× too small is a typo, not a plan (a 40,001-run grid ran unannounced).
 */
function announceRuns(axes: VaryAxis[], d: Design, shard: Shard | undefined, opts: SweepOptions, hours: number): void {
  const maxRuns = wholeNumber('--max-runs', opts.maxRuns ?? String(DEFAULT_MAX_RUNS), 1, MAX_RUNS);
  const total = runCount(axes, d);
  const mine = shard ? Math.floor(total / shard.count) + (shard.index <= total % shard.count ? 1 : 0) : total;
  const what = shard ? `shard ${shard.index}/${shard.count} has ${mine} of the sweep's ${total} runs` : `the sweep has ${total} runs`;
  if (mine > maxRuns)
    throw new ScenarioError('--max-runs', [
      {
        path: '--max-runs',
        message: `${what}, more than --max-runs ${maxRuns}; expected fewer (check the --vary steps or --samples), or raise the limit, e.g. --max-runs ${mine}`,
      },
    ]);
  // the *_24h_* columns hold the patient at 24 h: a shorter run never reached it, and they are left empty
  const short = hours < SUMMARY_TIME_h ? `; shorter than ${SUMMARY_TIME_h} h, so the *_24h_* columns are empty` : '';
  if (!opts.quiet) process.stderr.write(`${what} of ${hours} h each${short}\n`);
}

export async function sweepCommand(file: string, opts: SweepOptions): Promise<void> {
  // every option is checked, and the base scenario loaded, before the results file is touched
  const d = design(opts);
  const axes = parseVarySpecs(opts.vary, d.kind === 'lhs');
  const hours = opts.hours === undefined ? undefined : parseHours(opts.hours);
  const workers = opts.workers === undefined ? availableParallelism() : wholeNumber('--workers', opts.workers, 1, 256);
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  refuseExisting(opts.out, true, '--out', [file]); // an existing --out is resumed or replaced, but never the scenario
  const text = calibratedScenarioText(readInputFile(file, 'scenario file'), file, opts.uncalibrated);
  const ignored: ScenarioIssue[] = [];
  const scenario = loadScenarioText(text, file, [], { duration_h: hours, onWarning: (issues) => ignored.push(...issues) });
  // fields that do nothing without a hemofilter: in the file, or varied (every run the same in them)
  if (scenario.filter === null)
    for (const a of axes) if (isFilterOnlyPath(a.path)) ignored.push({ path: `--vary ${a.path}`, message: `ignored: ${FILTER_ONLY_REASON}` });
  printScenarioWarnings(file, ignored);
  announceRuns(axes, d, shard, opts, hours ?? scenario.duration_h);
  const r = await withProgress('sweeping', 'runs', (onProgress) =>
    runSweep({
      base: { text, source: file, hours },
      axes,
      design: d,
      version: simulatorVersion(),
      hours: hours ?? scenario.duration_h,
      shard,
      workers,
      out: opts.out,
      overwrite: opts.overwrite,
      onProgress,
    }),
  );
  if (!opts.quiet) {
    const part = shard ? ` (shard ${shard.index}/${shard.count}: ${r.inShard} of them)` : '';
    const resumed = r.alreadyDone ? `; ${r.alreadyDone} already in the file, skipped` : '';
    const failed = r.failed ? `; ${r.failed} failed (see their error column)` : '';
    process.stderr.write(
      `wrote ${opts.out}: ${r.runs} runs in the sweep${part}; ran ${r.ran} in ${r.seconds.toFixed(1)} s on ${Math.min(workers, Math.max(r.ran, 1))} worker${workers === 1 ? '' : 's'}${resumed}${failed}\n`,
    );
  }
}
