/**
 * Hemofilter prescription fields in a scenario without a hemofilter (`"filter": null`, standard care): they set
 * nothing (no filter runs them). They are not refused, because a scenario is commonly made by taking the ECMO +
 * HVHF one and setting its filter to null (the tests do it, and so would a user), which leaves its prescription in
 * place; instead the loader reports each one, and the command line prints it as a warning that names the field, so
 * a dose given to a patient without a filter is never read as delivered. Timeline `set` entries are checked alike.
 */
import type { ScenarioIssue } from './errors.js';
import { keySegment, shownKey, shownValue } from './errors.js';
import { isObject } from './jsonText.js';

/** The prescription's sections that only a hemofilter reads (prescriptionSpecs.ts). */
export const FILTER_ONLY_PRESCRIPTION = [
  'effluentDose',
  'predilutionFraction',
  'filterBloodFlow',
  'replacementFluid',
  'effluentBagCapacity',
  'netUltrafiltration',
  'filterChange',
] as const;

/** Why such a field is ignored. */
export const FILTER_ONLY_REASON = 'a hemofilter prescription field, and this scenario has no hemofilter ("filter": null)';

/** The warning for one such field at `path`; `shown` is the value it gives. */
function filterOnlyIssue(path: string, shown: string): ScenarioIssue {
  return {
    path,
    message: `${shown} is ignored: ${FILTER_ONLY_REASON}; remove it, or give a "filter" section (e.g. "filter": {})`,
  };
}

/** Whether a dotted setting path is one of the hemofilter's prescription fields. */
export function isFilterOnlyPath(path: string): boolean {
  return FILTER_ONLY_PRESCRIPTION.some((k) => path === `prescription.${k}` || path.startsWith(`prescription.${k}.`));
}

/** Each field under `path` (a section's leaves: the paths `--set` names), or `path` itself. */
function leaves(path: string, value: unknown, out: ScenarioIssue[]): void {
  if (isObject(value) && Object.keys(value).length) for (const [k, v] of Object.entries(value)) leaves(keySegment(path, k), v, out);
  else out.push(filterOnlyIssue(path, shownValue(value)));
}

/** The filter-only fields a scenario without a hemofilter gives, in its prescription and its timeline's `set`s. */
export function filterOnlyFieldIssues(raw: Record<string, unknown>): ScenarioIssue[] {
  if (raw.filter !== null) return [];
  const issues: ScenarioIssue[] = [];
  const rx = raw.prescription;
  if (isObject(rx)) for (const k of FILTER_ONLY_PRESCRIPTION) if (k in rx) leaves(`prescription.${k}`, rx[k], issues);
  const timeline = raw.timeline;
  if (Array.isArray(timeline)) {
    timeline.forEach((entry, i) => {
      if (!isObject(entry) || !isObject(entry.set)) return;
      for (const [path, value] of Object.entries(entry.set)) {
        if (isFilterOnlyPath(path)) issues.push(filterOnlyIssue(`timeline[${i}].set.${shownKey(path)}`, shownValue(value)));
      }
    });
  }
  return issues;
}
