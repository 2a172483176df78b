/** `sim sweep <scenario> --vary ...`: a parameter sweep on all cores, resumable and shardable (docs/dose-explorer.md). */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { ScenarioError } from '../scenario/errors.js';
import { loadScenarioText } from '../scenario/load.js';
import { parseHours } from './runCommand.js';
import { MAX_RUNS, type Design } from '../sweep/runList.js';
import { parseShard } from '../sweep/shard.js';
import { runSweep } from '../sweep/sweep.js';
import { parseVarySpecs } from '../sweep/varySpec.js';

export interface SweepOptions {
  vary: string[];
  design: 'grid' | 'lhs';
  samples?: string;
  seed: string;
  hours?: string;
  workers?: string;
  shard?: string;
  out: string;
  overwrite: boolean;
  quiet: boolean;
}

function positiveInteger(option: string, text: string, max: number): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !(n >= 1 && n <= max)) {
    throw new ScenarioError(option, [{ path: option, message: `got ${JSON.stringify(text)}; expected a whole number from 1 to ${max}` }]);
  }
  return n;
}

function design(opts: SweepOptions): Design {
  if (opts.design === 'grid') {
    if (opts.samples !== undefined) throw new ScenarioError('--samples', [{ path: '--samples', message: 'only used with --design lhs (a grid runs every combination of its steps)' }]);
    return { kind: 'grid' };
  }
  if (opts.samples === undefined) throw new ScenarioError('--samples', [{ path: '--samples', message: '--design lhs needs the number of samples, e.g. --samples 200' }]);
  const seed = Number(opts.seed);
  if (!/^\s*\d+\s*$/.test(opts.seed) || !Number.isSafeInteger(seed)) throw new ScenarioError('--seed', [{ path: '--seed', message: `got ${JSON.stringify(opts.seed)}; expected a whole number ≥ 0` }]);
  return { kind: 'lhs', samples: positiveInteger('--samples', opts.samples, MAX_RUNS), seed };
}

export async function sweepCommand(file: string, opts: SweepOptions): Promise<void> {
  // every option is checked, and the base scenario loaded, before the results file is touched
  const d = design(opts);
  const axes = parseVarySpecs(opts.vary, d.kind === 'lhs');
  const hours = opts.hours === undefined ? undefined : parseHours(opts.hours);
  const workers = opts.workers === undefined ? availableParallelism() : positiveInteger('--workers', opts.workers, 256);
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, [{ path: '', message: `cannot read the scenario file: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` }]);
  }
  loadScenarioText(text, file);
  const r = await runSweep({ base: { text, source: file, hours }, axes, design: d, shard, workers, out: opts.out, overwrite: opts.overwrite });
  if (!opts.quiet) {
    const part = shard ? ` (shard ${shard.index}/${shard.count}: ${r.inShard} of them)` : '';
    const resumed = r.alreadyDone ? `; ${r.alreadyDone} already in the file, skipped` : '';
    const failed = r.failed ? `; ${r.failed} failed (see their error column)` : '';
    process.stderr.write(`wrote ${opts.out}: ${r.runs} runs in the sweep${part}; ran ${r.ran} in ${r.seconds.toFixed(1)} s on ${Math.min(workers, Math.max(r.ran, 1))} worker${workers === 1 ? '' : 's'}${resumed}${failed}\n`);
  }
}
