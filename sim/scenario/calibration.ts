/**
 * The committed cohort calibration (scenarios/cohort/calibration.json, written by `npm run calibrate`) and a
 * scenario's reference to it. The file records, for every fitted parameter,
 *   "fitted": { "<scenario path>": { "value": "<number unit>", "bounds": [lo, hi], "plausible": [lo, hi] } }
 * and for every fitted mean of a draw marked calibrated (an unpublished baseline) the same under "draws".
 * A scenario file that says `"calibration": "cohort/calibration.json"` (relative to itself) takes the fitted values
 * for every path it does not set itself; `--uncalibrated` runs the spec defaults instead.
 */
import { z } from 'zod';
import { ScenarioError, shownValue } from './errors.js';
import type { Override } from './load.js';
import { formatZodIssue, type ZodLikeIssue } from './zodIssues.js';

const path = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/, 'a dotted path such as "kinetics.crp.hill"');
const range = z.tuple([z.number(), z.number()]);
const fittedValue = z.strictObject({
  value: z.string().min(1).max(64).meta({ description: 'The fitted value with its unit.' }),
  bounds: range.meta({ description: 'The box the fit searched, [lo, hi], in the value’s unit.' }),
  plausible: range.meta({ description: 'The physiologically plausible range, [lo, hi]: the fitted value must lie inside it.' }),
});

/** The fields read; the fit's report (stages, residuals) rides along and is not read. */
export const calibrationSchema = z.looseObject({
  fitted: z.record(path, fittedValue),
  draws: z.record(path, fittedValue).optional(),
});
export type FittedValue = z.infer<typeof fittedValue>;

export interface Calibration {
  /** The fitted parameters as overrides, by scenario path. */
  parameters: Override[];
  /** Fitted means of calibrated draws, by draw path. */
  draws: Record<string, string>;
  /** Every fitted value with its bounds and plausible range (parameters, then draws prefixed `draws.`). */
  fitted: Record<string, FittedValue>;
}

/** Validates a parsed calibration file, naming the field, the value and what was expected. */
export function parseCalibration(raw: unknown, source: string): Calibration {
  const parsed = calibrationSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success)
    throw new ScenarioError(
      source,
      parsed.error.issues.flatMap((i) => formatZodIssue(i as ZodLikeIssue)),
    );
  const draws = parsed.data.draws ?? {};
  return {
    parameters: Object.entries(parsed.data.fitted).map(([p, f]) => ({ path: p, value: f.value })),
    draws: Object.fromEntries(Object.entries(draws).map(([p, f]) => [p, f.value])),
    fitted: { ...parsed.data.fitted, ...Object.fromEntries(Object.entries(draws).map(([p, f]) => [`draws.${p}`, f])) },
  };
}

/** True when the raw scenario tree sets `path` itself. */
function setsItself(raw: Record<string, unknown>, p: string): boolean {
  let node: unknown = raw;
  for (const k of p.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, k)) return false;
    node = (node as Record<string, unknown>)[k];
  }
  return true;
}

/** How a scenario's `calibration` reference is read: a file next to the scenario, or the browser's bundled copy. */
export type CalibrationResolver = (reference: string, scenarioSource: string) => Calibration;

/**
 * Takes the scenario's `calibration` reference out of the raw tree and, unless `uncalibrated`, returns the fitted
 * values for every path the scenario does not set itself (the scenario's own values win), to apply as overrides.
 */
export function calibrationReferenceOverrides(raw: unknown, source: string, resolver: CalibrationResolver | undefined, uncalibrated: boolean): Override[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, 'calibration')) return [];
  const tree = raw as Record<string, unknown>;
  const reference = tree.calibration;
  delete tree.calibration;
  if (uncalibrated) return [];
  if (typeof reference !== 'string' || reference.length === 0)
    throw new ScenarioError(source, [
      { path: 'calibration', message: `got ${shownValue(reference)}; expected the path of a calibration file, e.g. "cohort/calibration.json"` },
    ]);
  if (!resolver)
    throw new ScenarioError(source, [
      { path: 'calibration', message: `got ${shownValue(reference)}, but this scenario was not loaded from a file: expected no calibration reference here` },
    ]);
  return resolver(reference, source).parameters.filter((o) => !setsItself(tree, o.path));
}
