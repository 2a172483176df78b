/** `sim run <scenario>`: load, simulate, write JSON or CSV. */
import { relative } from 'node:path';
import { loadScenarioText, parseOverride } from '../scenario/load.js';
import { calibrationFileBesideScenario, readInputFile, type CalibrationFile } from '../scenario/loadFile.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';
import { simulate } from '../engine/simulate.js';
import { fmt } from '../model/events.js';
import type { Summary } from '../engine/summary.js';
import { CIRCUIT_DEVICE_WORDS, type CircuitDevice } from '../model/context.js';
import { resultCsvPieces, resultJsonPieces, type CalibrationRecord } from '../output/formats.js';
import { refuseExisting, STDOUT, writeOutput } from '../output/writeOutput.js';
import { progressBar } from './progress.js';
import { printScenarioWarnings } from './scenarioWarnings.js';

export interface RunOptions {
  hours?: string;
  set: string[];
  format: 'json' | 'csv';
  out?: string;
  overwrite: boolean;
  quiet: boolean;
  /** Run the spec defaults, not the calibration the scenario refers to. */
  uncalibrated?: boolean;
}

/** --hours takes a plain decimal number of hours. */
export function parseHours(text: string): number {
  const h = Number(text);
  const [lo, hi] = scenarioSpecs.duration.limits; // the same limits as a scenario's duration
  if (!(/^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text) && h >= lo && h <= hi)) {
    throw new ScenarioError('--hours', [{ path: '--hours', message: `got ${JSON.stringify(text)}; expected a number of hours between ${lo} and ${hi}` }]);
  }
  return h;
}

export async function runCommand(file: string, opts: RunOptions): Promise<void> {
  const hours = opts.hours === undefined ? undefined : parseHours(opts.hours);
  if (opts.out) refuseExisting(opts.out, opts.overwrite, '--out', [file]); // before the run, not after it
  // --hours changes how long the run is, not the file: timeline entries after it are simply not reached, and those
  // up to it are allowed even beyond the file's duration
  let calibration: string | undefined; // the reference the loader resolved, if it resolved one
  let calibrationFile: CalibrationFile | undefined;
  const ignored: ScenarioIssue[] = [];
  const scenario = loadScenarioText(readInputFile(file, 'scenario file'), file, opts.set.map(parseOverride), {
    resolveCalibration: (reference, source) => {
      calibration = reference;
      calibrationFile = calibrationFileBesideScenario(reference, source);
      return calibrationFile.calibration;
    },
    uncalibrated: opts.uncalibrated,
    duration_h: hours,
    onWarning: (issues) => ignored.push(...issues),
  });
  // fields that do nothing (a dose with no hemofilter): said once the scenario loads, not refused (filterOnlyFields.ts)
  printScenarioWarnings(file, ignored);
  const progress = progressBar('simulating', 'h simulated');
  let result;
  try {
    result = simulate(scenario, { onProgress: (t, d) => progress.update(t, d) });
  } finally {
    progress.stop();
  }
  // written as it is produced (a 30-day run at 1-min output is ~100 MB of text), to a partial file renamed at the end
  const out = opts.out ?? STDOUT;
  refuseExisting(out, opts.overwrite, '--out', [file]); // again: the file may have appeared during the run
  const used = calibrationRecord(calibration, calibrationFile, opts.uncalibrated ?? false);
  await writeOutput(out, opts.format === 'csv' ? resultCsvPieces(result) : resultJsonPieces(result, { calibration: used }));
  if (opts.out) {
    if (!opts.quiet) {
      const s = result.summary;
      const parts = [
        `wrote ${opts.out}: ${result.series.time_h.length} samples over ${fmt(s.duration_h, 2)} h`,
        // from the scenario's baseline, which on ECMO is before cannulation (not the t = 0 sample)
        `IL-6 ${s.il6_change_pct.toFixed(1)} % since baseline${result.scenario.circuit ? ' (before cannulation)' : ''} at ${fmt(s.change_at_h, 2)} h`,
        deliveredNote(s),
        `${s.filter_changes.length} filter change${s.filter_changes.length === 1 ? '' : 's'}`,
        ...deviceChangesNote(s),
        `albumin lost ${s.albumin_lost_g.toFixed(1)} g`,
        calibrationNote(calibration, opts.uncalibrated ?? false),
      ];
      process.stderr.write(parts.join('; ') + '\n');
    }
  }
}

/** The circuit's devices changed, when any were: "1 oxygenator change, 1 circuit change" (CIRCUIT_DEVICE_WORDS' order). */
function deviceChangesNote(s: Summary): string[] {
  const count = (device: CircuitDevice) => s.device_changes.filter((d) => d.device === device).length;
  return (Object.keys(CIRCUIT_DEVICE_WORDS) as CircuitDevice[])
    .filter((d) => count(d) > 0)
    .map((d) => `${count(d)} ${CIRCUIT_DEVICE_WORDS[d].change}${count(d) === 1 ? '' : 's'}`);
}

/**
 * The calibration the run used, as its JSON output records it: the reference the scenario names, the file it
 * resolved to (relative to the working directory) and the SHA-256 of the text read, or the spec defaults and why.
 */
function calibrationRecord(reference: string | undefined, file: CalibrationFile | undefined, uncalibrated: boolean): CalibrationRecord {
  if (uncalibrated) return { source: 'spec defaults', reason: '--uncalibrated' };
  if (reference === undefined || file === undefined) return { source: 'spec defaults', reason: 'the scenario names no calibration' };
  return { source: 'file', reference, path: relative(process.cwd(), file.path) || file.path, sha256: file.sha256 };
}

/** The dose delivered to the patient, and the effluent that cleared only the isolated circuit's own blood. */
function deliveredNote(s: Summary): string {
  if (s.delivered_dose_mL_kg_h === null) return 'no hemofilter';
  const dose = `delivered dose ${s.delivered_dose_mL_kg_h.toFixed(1)} mL/kg/h`;
  if (!s.isolated_circuit_h) return dose;
  const litres = ((s.isolated_circuit_effluent_mL ?? 0) / 1000).toFixed(1);
  return `${dose} to the patient (circuit isolated from the patient for ${s.isolated_circuit_h.toFixed(1)} h: ${litres} L of effluent cleared only its own blood)`;
}

/**
 * Which parameters the run used: the calibration the scenario names, or the spec defaults (a scenario without a
 * `calibration` reference, or --uncalibrated). A hand-written scenario runs on the defaults unless it names one, and
 * its physiology then differs from the cohort's calibrated patients: the summary line says so.
 */
function calibrationNote(reference: string | undefined, uncalibrated: boolean): string {
  if (uncalibrated) return 'uncalibrated (--uncalibrated: spec defaults)';
  return reference !== undefined ? `calibration ${reference}` : 'uncalibrated: the scenario names no calibration (spec defaults)';
}
