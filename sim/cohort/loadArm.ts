/** Reads an arm file, its protocol scenario and the shared calibration (command line, scripts, tests). */
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ScenarioError } from '../scenario/errors.js';
import { readCalibration, readInputFile } from '../scenario/loadFile.js';
import { parseJsonText } from '../scenario/jsonText.js';
import type { Override } from '../scenario/load.js';
import type { ZodLikeIssue } from '../scenario/zodIssues.js';
import { armSchema, type ArmFile } from './armSchema.js';
import { duplicateDraws, formatArmIssue, scenarioGivenAsArm } from './armIssues.js';

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

export { readCalibration };

export function loadArm(file: string): LoadedArm {
  const raw = parseJsonText(readInputFile(file, 'cohort arm file'), file);
  const notAnArm = scenarioGivenAsArm(raw);
  if (notAnArm) throw new ScenarioError(file, [notAnArm]);
  const parsed = armSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success)
    throw new ScenarioError(
      file,
      parsed.error.issues.flatMap((i) => formatArmIssue(i as ZodLikeIssue, raw)),
    );
  const arm = parsed.data;
  const duplicates = duplicateDraws(arm.draws);
  if (duplicates.length) throw new ScenarioError(file, duplicates);
  const here = dirname(file);
  const protocolFile = resolve(here, arm.protocol);
  const protocol = parseJsonText(readInputFile(protocolFile, 'protocol scenario'), protocolFile) as Record<string, unknown>;
  const calibration = arm.calibration ? readCalibration(resolve(here, arm.calibration)) : { parameters: [], draws: {} };
  return { file, arm, protocol, protocolFile, calibration: calibration.parameters, calibratedMeans: calibration.draws };
}

/** The arm files of one replay: each once (the same file twice, or two arms of one name, would double an arm). */
export function loadArms(files: string[]): LoadedArm[] {
  const seen = new Map<string, number>();
  files.forEach((f, i) => {
    const key = realpathOrResolved(f);
    const j = seen.get(key);
    if (j !== undefined)
      throw new ScenarioError('arms', [{ path: `arm ${i + 1}`, message: `${f} is the same arm file as arm ${j + 1} (${files[j]}); expected each arm once` }]);
    seen.set(key, i);
  });
  const arms = files.map(loadArm);
  const names = new Map<string, number>();
  arms.forEach((a, i) => {
    const j = names.get(a.arm.name);
    if (j !== undefined)
      throw new ScenarioError('arms', [
        {
          path: `arm ${i + 1}`,
          message: `${a.file} is named ${JSON.stringify(a.arm.name)} like arm ${j + 1} (${arms[j].file}); expected each arm once, with its own name`,
        },
      ]);
    names.set(a.arm.name, i);
  });
  return arms;
}

function realpathOrResolved(f: string): string {
  try {
    return realpathSync(f);
  } catch {
    return resolve(f); // a missing file is reported by loadArm, with its name
  }
}
