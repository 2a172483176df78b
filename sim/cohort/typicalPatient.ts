/**
 * An arm's typical patient as a scenario file (scenarios/cohort-typical-*.json, written by `npm run typical`): the
 * arm's protocol scenario, as its patients run it, with the arm's own settings and each drawn value at its centre.
 * So the typical patient runs the protocols the arm's patients run (the blood-gas titrations among them) and starts
 * where the arm's means start, and cannot drift from the arm file: test/typicalPatient.test.ts compares the
 * committed files with what this writes.
 *
 * The centre of a draw: a normal or log-normal draw's mean (a calibrated one's fitted mean, from the calibration's
 * `draws`), a factor's 1 (nothing written: the calibrated or default value stands), a choice's protocol value where
 * the protocol (or, where it names none, the spec's default) is one of its options (the unit's rule as written:
 * hydrocortisone is given as the protocol says, though the arms give it to a third; `npm run dose-response` prints
 * every row without it too), otherwise its most common option (the first written on a tie). Descriptors are recorded
 * only and not written.
 */
import { isLeaf, leafAt, type SpecTree } from '../parameters.js';
import { valueAtPath } from '../model/settings.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';
import { applyOverrides, type Override } from '../scenario/load.js';
import type { Draw } from './armSchema.js';
import { armSettings } from './armSettings.js';
import type { LoadedArm } from './loadArm.js';
import { withCalibratedMean } from './virtualPatients.js';

export interface TypicalText {
  name: string;
  description: string;
  duration: string;
}

/** The two typical patients: each arm file (under scenarios/cohort/), the file written (under scenarios/) and its texts. */
export const TYPICAL_PATIENTS: readonly { arm: string; file: string; text: TypicalText }[] = [
  {
    arm: 'ecmo-hvhf.json',
    file: 'cohort-typical-ecmo-hvhf.json',
    text: {
      name: 'Cohort typical patient: ECMO + HVHF arm',
      description:
        "The reference cohort's typical ECMO + HVHF patient (scenarios/cohort/ecmo-hvhf.json: its protocol and settings, each drawn value at its mean) on the study's circuit and prescription, run on the committed calibration for 72 h: change a setting to ask what the study's patient would have done with it. Written by npm run typical.",
      duration: '72 h',
    },
  },
  {
    arm: 'standard-care.json',
    file: 'cohort-typical-standard-care.json',
    text: {
      name: 'Cohort typical patient: standard-care arm',
      description:
        "The reference cohort's typical standard-care patient (scenarios/cohort/standard-care.json: its protocol and settings, each drawn value at its mean): no ECMO, no hemofilter, run on the committed calibration for 72 h. Written by npm run typical.",
      duration: '72 h',
    },
  },
];

/** A choice or flag's default in the scenario specs (what a protocol that does not name it runs), or undefined. */
function defaultAt(path: string): unknown {
  const spec = leafAt(scenarioSpecs as SpecTree, path);
  return spec && isLeaf(spec) && (spec.kind === 'flag' || spec.kind === 'choice') ? spec.default : undefined;
}

/**
 * A draw's centre as a scenario value, or undefined where the protocol's own value stands (a factor); a calibrated
 * draw's mean is the calibration's, as the replay reads it (virtualPatients.ts, withCalibratedMean).
 */
function centre(
  given: Draw,
  where: string,
  protocol: Record<string, unknown>,
  calibratedMeans: Record<string, string>,
  issues: ScenarioIssue[],
): string | undefined {
  const d = withCalibratedMean(given, where, calibratedMeans, issues);
  if (!d || d.distribution === 'factor') return undefined;
  if (d.distribution === 'choice') {
    const own = valueAtPath(protocol, d.path) ?? defaultAt(d.path);
    const options = Object.entries(d.options);
    if (own !== undefined && options.some(([o]) => o === String(own))) return String(own);
    return options.reduce((best, o) => (o[1] > best[1] ? o : best))[0];
  }
  return d.mean;
}

/** The overrides that make an arm's protocol its typical patient: the arm's settings, then each draw's centre. */
export function typicalOverrides(loaded: LoadedArm): Override[] {
  const issues: ScenarioIssue[] = [];
  const drawn: Override[] = [];
  loaded.arm.draws.forEach((d, i) => {
    if (d.path.startsWith('descriptors.')) return;
    const value = centre(d, `draws[${i}]`, loaded.protocol, loaded.calibratedMeans, issues);
    if (value !== undefined) drawn.push({ path: d.path, value });
  });
  if (issues.length) throw new ScenarioError(loaded.file, issues);
  return [...armSettings([], loaded.arm), ...drawn];
}

/** The typical patient's scenario file: the protocol's JSON with its name, description and duration and the overrides. */
export function typicalPatientScenario(loaded: LoadedArm, text: TypicalText): Record<string, unknown> {
  const raw = structuredClone(loaded.protocol);
  raw.name = text.name;
  raw.description = text.description;
  raw.duration = text.duration;
  applyOverrides(raw, typicalOverrides(loaded), loaded.file);
  return raw;
}
