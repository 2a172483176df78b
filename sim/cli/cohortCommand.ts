/** `sim cohort <arm files...>`: replay the reference cohort's arms and compare with the published table. */
import { ScenarioError } from '../scenario/errors.js';
import { loadArms } from '../cohort/loadArm.js';
import { replayArm } from '../cohort/replay.js';
import { cohortCsv, cohortJson, cohortTable } from '../cohort/report.js';
import { refuseExisting, writeOutputFile } from '../output/writeOutput.js';
import { progressBar } from './progress.js';

export interface CohortOptions {
  hours: string;
  format: 'table' | 'json' | 'csv';
  out?: string;
  overwrite: boolean;
}

export function cohortCommand(files: string[], opts: CohortOptions): void {
  if (opts.hours !== '24' && opts.hours !== '72') {
    throw new ScenarioError('--hours', [{ path: '--hours', message: `got ${JSON.stringify(opts.hours)}; expected 24 or 72 (the cohort's data points)` }]);
  }
  const hours = Number(opts.hours);
  if (opts.out) refuseExisting(opts.out, opts.overwrite);
  const loaded = loadArms(files);
  const progress = progressBar('replaying', 'arms');
  const arms = loaded.map((l, i) => {
    const r = replayArm(l, { hours });
    progress.update(i + 1, loaded.length);
    return r;
  });
  progress.stop();
  const text = opts.format === 'json' ? cohortJson(arms, hours) : opts.format === 'csv' ? cohortCsv(arms, hours) : cohortTable(arms, hours);
  if (opts.out) writeOutputFile(opts.out, text, opts.overwrite);
  else process.stdout.write(text);
}
