/** Reading input files from disk (command line, scripts, tests); the browser loads text through load.ts. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { calibrationReferenceOverrides, parseCalibration, type Calibration } from './calibration.js';
import { ScenarioError, shownKey, shownValue } from './errors.js';
import { parseJsonText } from './jsonText.js';
import { applyOverrides, loadScenarioText, type Override } from './load.js';
import type { Scenario } from './resolve.js';

/** The SHA-256 of a text's UTF-8 bytes, in hex: what a run's output and a sweep's identity record of their inputs. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The text of an input file, or a ScenarioError that says what `what` is and why it cannot be read. */
export function readInputFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'ENAMETOOLONG'
              ? 'its name is too long for the file system'
              : (code ?? shownValue((e as Error).message)); // the system's own message repeats the path, however long
    throw new ScenarioError(file, [{ path: '', message: `cannot read the ${what}: ${why}` }]);
  }
}

/** Reads and validates a calibration file (npm run calibrate writes it). */
export function readCalibration(file: string): Calibration {
  return readCalibrationFile(file).calibration;
}

/** A calibration file read once: its values, and the SHA-256 of the very bytes they were parsed from. */
export interface CalibrationFile {
  calibration: Calibration;
  /** The file as resolved (relative to the scenario file). */
  path: string;
  sha256: string;
}

function readCalibrationFile(file: string): CalibrationFile {
  const text = readInputFile(file, 'calibration file');
  return { calibration: parseCalibration(parseJsonText(text, file), file), path: file, sha256: sha256Hex(text) };
}

/** A scenario file's `calibration` reference, read relative to the scenario file. */
export function calibrationBesideScenario(reference: string, scenarioFile: string): Calibration {
  return calibrationFileBesideScenario(reference, scenarioFile).calibration;
}

/**
 * What a scenario's field (`field`) names by a reference relative to the scenario file, read by `read`; a problem
 * reading it is reported under that field, where the user looks, with the reference.
 */
function readBeside<T>(field: string, reference: string, scenarioFile: string, read: (path: string) => T): T {
  try {
    return read(resolve(dirname(scenarioFile), reference));
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw new ScenarioError(
      scenarioFile,
      e.issues.map((i) => ({
        path: i.path ? `${field} (${shownKey(reference)}): ${i.path}` : field,
        message: `${shownValue(reference)}: ${i.message}`,
      })),
    );
  }
}

/** As calibrationBesideScenario, with the file's resolved path and hash (what a run's output records). */
export function calibrationFileBesideScenario(reference: string, scenarioFile: string): CalibrationFile {
  return readBeside('calibration', reference, scenarioFile, readCalibrationFile);
}

/** A training file's base scenario (sim/training/trainingBase.ts), read relative to the training file. */
export function baseScenarioBeside(reference: string, file: string): string {
  return readBeside('base', reference, file, (path) => readInputFile(path, 'base scenario'));
}

/** What a file read from disk resolves beside itself: its calibration and, for a training file, its base scenario. */
export const RESOLVE_BESIDE = { resolveCalibration: calibrationBesideScenario, resolveBase: baseScenarioBeside };

/** A resolver for scenario text that is not its file's own (a file edited in memory, a fuzz case): relative to `file`. */
export const calibrationBeside =
  (file: string) =>
  (reference: string): Calibration =>
    calibrationBesideScenario(reference, file);

/** Reads, calibrates (unless `uncalibrated`), overrides, validates and resolves a scenario file (`duration_h`: run that long). */
export function loadScenarioFile(file: string, overrides: Override[] = [], options: { uncalibrated?: boolean; duration_h?: number } = {}): Scenario {
  return loadScenarioText(readInputFile(file, 'scenario file'), file, overrides, {
    resolveCalibration: calibrationBesideScenario,
    uncalibrated: options.uncalibrated,
    duration_h: options.duration_h,
  });
}

/**
 * A scenario file's text with its `calibration` reference written out (the fitted values in the paths it does
 * not set, the reference removed; `uncalibrated`: only removed), for runs that load the text elsewhere (the
 * sweep's and the sensitivity analysis's workers).
 */
export function calibratedScenarioText(text: string, file: string, uncalibrated = false): string {
  const raw = parseJsonText(text, file);
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'calibration')) return text;
  applyOverrides(raw, calibrationReferenceOverrides(raw, file, calibrationBesideScenario, uncalibrated));
  return JSON.stringify(raw, null, 2);
}
