/**
 * `sim sensitivity <scenario> [--method morris|sobol] ...`: ranks the uncertain parameters (those with a plausible
 * range) by their influence on IL-6 removal and filter life (docs/dose-explorer.md). Runs on the sweep's pool.
 */
import { availableParallelism } from 'node:os';
import { refuseExisting, writeOutputFile } from '../output/writeOutput.js';
import { ScenarioError } from '../scenario/errors.js';
import { calibratedScenarioText, readInputFile } from '../scenario/loadFile.js';
import { withProgress } from './progress.js';
import { wholeNumber } from './wholeNumber.js';
import { loadScenarioText, parseJsonText } from '../scenario/load.js';
import { parseHours } from './runCommand.js';
import { sensitivityBarChart } from '../sensitivity/barChart.js';
import { parseOutcomes } from '../sensitivity/outcomes.js';
import { sensitivityCsv, sensitivityJson, sensitivityTable } from '../sensitivity/report.js';
import { runSensitivity, type Method } from '../sensitivity/sensitivity.js';
import { chosenUncertainParameters, defaultUncertainParameters } from '../sensitivity/uncertainParameters.js';

export interface SensitivityOptions {
  /** Run the spec defaults, not the calibration the scenario refers to. */
  uncalibrated?: boolean;
  method: Method;
  parameters?: string;
  outcome: string;
  samples?: string;
  levels: string;
  seed: string;
  hours?: string;
  workers?: string;
  format: 'table' | 'json' | 'csv';
  out?: string;
  plot?: string;
  overwrite: boolean;
  quiet: boolean;
}

/** A bigger analysis than this is a typo, not a plan. */
const MAX_RUNS = 10_000_000;

export async function sensitivityCommand(file: string, opts: SensitivityOptions): Promise<void> {
  // every option checked and the scenario loaded before anything runs or is written
  const outcomes = parseOutcomes(opts.outcome);
  const samples = wholeNumber('--samples', opts.samples ?? (opts.method === 'morris' ? '10' : '256'), 2, MAX_RUNS);
  const levels = wholeNumber('--levels', opts.levels, 2, 100);
  if (levels % 2 !== 0)
    throw new ScenarioError('--levels', [
      { path: '--levels', message: `got ${levels}; expected an even number of levels (Morris's design needs p even), e.g. 4` },
    ]);
  const seed = wholeNumber('--seed', opts.seed, 0, 2 ** 32 - 1);
  const workers = opts.workers === undefined ? availableParallelism() : wholeNumber('--workers', opts.workers, 1, 256);
  if (opts.plot !== undefined && !/\.svg$/i.test(opts.plot))
    throw new ScenarioError('--plot', [{ path: '--plot', message: `got ${JSON.stringify(opts.plot)}; expected a file name ending in .svg` }]);
  if (opts.out) refuseExisting(opts.out, opts.overwrite, '--out', [file]);
  if (opts.plot) refuseExisting(opts.plot, opts.overwrite, '--plot', [file]);
  const text = calibratedScenarioText(readInputFile(file, 'scenario file'), file, opts.uncalibrated);
  const given = opts.hours === undefined ? undefined : parseHours(opts.hours);
  const scenario = loadScenarioText(text, file, [], { duration_h: given });
  const hours = scenario.duration_h;
  const raw = parseJsonText(text, file) as Record<string, unknown>;
  const parameters = opts.parameters === undefined ? defaultUncertainParameters(raw) : chosenUncertainParameters(opts.parameters, raw);
  const runs = opts.method === 'morris' ? samples * (parameters.length + 1) : samples * (parameters.length + 2);
  if (runs > MAX_RUNS)
    throw new ScenarioError('--samples', [
      { path: '--samples', message: `${runs} runs for ${parameters.length} parameters; at most ${MAX_RUNS}: take fewer samples or fewer --parameters` },
    ]);

  const report = await withProgress('evaluating', 'runs', (onProgress) =>
    runSensitivity({ base: { text, source: file, hours }, hours, method: opts.method, parameters, outcomes, samples, levels, seed, workers, onProgress }),
  );
  const body = opts.format === 'json' ? sensitivityJson(report) : opts.format === 'csv' ? sensitivityCsv(report) : sensitivityTable(report);
  if (opts.out) writeOutputFile(opts.out, body, opts.overwrite);
  else process.stdout.write(body);
  if (opts.plot) writeOutputFile(opts.plot, sensitivityBarChart(report), opts.overwrite);
  if (!opts.quiet) {
    const failed = report.failed ? `; ${report.failed} failed (left out), the first: ${report.firstError}` : '';
    process.stderr.write(
      `${opts.method}: ${parameters.length} parameters, ${report.runs} runs in ${report.seconds.toFixed(1)} s${failed}${opts.out ? `; wrote ${opts.out}` : ''}${opts.plot ? `; plotted ${opts.plot}` : ''}\n`,
    );
  }
}
