/** Reads an arm file, its protocol scenario and the shared calibration (command line, scripts, tests). */
import { dirname, resolve } from 'node:path';
import { ScenarioError } from '../scenario/errors.js';
import { readInputFile } from '../scenario/loadFile.js';
import { parseJsonText } from '../scenario/jsonText.js';
import type { Override } from '../scenario/load.js';
import { formatZodIssue, type ZodLikeIssue } from '../scenario/zodIssues.js';
import { armSchema, calibrationSchema, type ArmFile } from './armSchema.js';

export interface LoadedArm {
  file: string;
  arm: ArmFile;
  /** The protocol scenario as parsed JSON (each patient starts from a copy). */
  protocol: Record<string, unknown>;
  protocolFile: string;
  /** The calibrated shared parameters, as overrides applied to every patient. */
  calibration: Override[];
  /** The calibrated means of the draws marked `calibrated` (unpublished baselines), by draw path. */
  calibratedMeans: Record<string, string>;
}

export interface Calibration {
  parameters: Override[];
  draws: Record<string, string>;
}

/**
 * The calibration file: { "parameters": { "<scenario path>": "<value with unit>" },
 * "draws": { "<draw path>": "<fitted mean with unit>" }, ... }.
 */
export function readCalibration(file: string): Calibration {
  const parsed = calibrationSchema.safeParse(parseJsonText(readInputFile(file, 'calibration file'), file), { reportInput: true });
  if (!parsed.success)
    throw new ScenarioError(
      file,
      parsed.error.issues.flatMap((i) => formatZodIssue(i as ZodLikeIssue)),
    );
  return { parameters: Object.entries(parsed.data.parameters).map(([path, value]) => ({ path, value })), draws: parsed.data.draws ?? {} };
}

export function loadArm(file: string): LoadedArm {
  const raw = parseJsonText(readInputFile(file, 'cohort arm file'), file);
  const parsed = armSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success)
    throw new ScenarioError(
      file,
      parsed.error.issues.flatMap((i) => formatZodIssue(i as ZodLikeIssue)),
    );
  const arm = parsed.data;
  const here = dirname(file);
  const protocolFile = resolve(here, arm.protocol);
  const protocol = parseJsonText(readInputFile(protocolFile, 'protocol scenario'), protocolFile) as Record<string, unknown>;
  const calibration = arm.calibration ? readCalibration(resolve(here, arm.calibration)) : { parameters: [], draws: {} };
  return { file, arm, protocol, protocolFile, calibration: calibration.parameters, calibratedMeans: calibration.draws };
}
