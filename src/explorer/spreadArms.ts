/**
 * The cohort arms the page bundles (scenarios/cohort/*.json), each read as the command line's `loadArm` reads its
 * file (sim/cohort/loadArm.ts: the arm's schema, its draws once each, its protocol scenario and the shared
 * calibration), from the bundled texts instead of the file system, so a page spread runs the patients `sim spread
 * --arm scenarios/cohort/<file>` runs.
 */
import ecmoArm from '../../scenarios/cohort/ecmo-hvhf.json?raw';
import standardArm from '../../scenarios/cohort/standard-care.json?raw';
import calibrationFile from '../../scenarios/cohort/calibration.json';
import { armSchema } from '../../sim/cohort/armSchema';
import { duplicateDraws, formatArmIssue, scenarioGivenAsArm } from '../../sim/cohort/armIssues';
import type { LoadedArm } from '../../sim/cohort/loadArm';
import { parseCalibration } from '../../sim/scenario/calibration';
import { ScenarioError } from '../../sim/scenario/errors';
import { parseJsonText } from '../../sim/scenario/jsonText';
import type { ZodLikeIssue } from '../../sim/scenario/zodIssues';
import { BUNDLED_SCENARIOS } from '../scenarios';

export interface BundledArm {
  id: string;
  /** the arm file's path from the repository's root, as the command line names it */
  file: string;
  text: string;
}

export const BUNDLED_ARMS: readonly BundledArm[] = [
  { id: 'ecmo-hvhf', file: 'scenarios/cohort/ecmo-hvhf.json', text: ecmoArm },
  { id: 'standard-care', file: 'scenarios/cohort/standard-care.json', text: standardArm },
];

/** The bundled scenario an arm's `protocol` names (relative to scenarios/cohort/), or an error naming the reference. */
function protocolOf(file: string, reference: string): { text: string; file: string } {
  const name = reference.replace(/^\.\.\//, '');
  const found = BUNDLED_SCENARIOS.find((s) => s.file === name);
  if (!found || !reference.startsWith('../'))
    throw new ScenarioError(file, [
      { path: 'protocol', message: `got "${reference}"; expected one of the bundled scenarios: ${BUNDLED_SCENARIOS.map((s) => `"../${s.file}"`).join(', ')}` },
    ]);
  return { text: found.text, file: `scenarios/${found.file}` };
}

/** A bundled arm, loaded as `loadArm` loads its file (the same checks, the same draws, calibration and protocol). */
export function loadBundledArm(arm: BundledArm): LoadedArm {
  const raw = parseJsonText(arm.text, arm.file);
  const notAnArm = scenarioGivenAsArm(raw);
  if (notAnArm) throw new ScenarioError(arm.file, [notAnArm]);
  const parsed = armSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success)
    throw new ScenarioError(
      arm.file,
      parsed.error.issues.flatMap((i) => formatArmIssue(i as ZodLikeIssue, raw)),
    );
  const duplicates = duplicateDraws(parsed.data.draws);
  if (duplicates.length) throw new ScenarioError(arm.file, duplicates);
  const protocol = protocolOf(arm.file, parsed.data.protocol);
  if (parsed.data.calibration !== undefined && parsed.data.calibration !== 'calibration.json')
    throw new ScenarioError(arm.file, [
      { path: 'calibration', message: `got "${parsed.data.calibration}"; expected "calibration.json", the only calibration the page bundles` },
    ]);
  const calibration = parsed.data.calibration ? parseCalibration(calibrationFile, 'scenarios/cohort/calibration.json') : { parameters: [], draws: {} };
  return {
    file: arm.file,
    arm: parsed.data,
    protocol: parseJsonText(protocol.text, protocol.file) as Record<string, unknown>,
    protocolFile: protocol.file,
    calibration: calibration.parameters,
    calibratedMeans: calibration.draws,
  };
}
