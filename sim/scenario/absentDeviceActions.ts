/**
 * Timeline actions on a device the scenario has not (`"filter": null` or `"circuit": null`): a filter change or new
 * bags without a hemofilter, de-airing, a change of the oxygenator, the circuit, the console or the pump head, or a recannulation
 * without an ECMO circuit. They do nothing, and, as the
 * hemofilter prescription's fields in such a scenario (filterOnlyFields.ts), they are reported rather than refused: a
 * scenario is commonly made by setting a device of another one to null, which leaves its timeline in place. The
 * command line prints each as a warning naming the entry, so an action on a missing device is never read as done.
 */
import type { ScenarioIssue } from './errors.js';
import { shownValue } from './errors.js';
import { isObject } from './jsonText.js';

/** Each device action, the section it acts on, and that section's device. */
const DEVICE_ACTIONS: readonly (readonly [action: string, section: 'filter' | 'circuit', device: string])[] = [
  ['changeFilter', 'filter', 'a hemofilter'],
  ['changeBags', 'filter', 'a hemofilter'],
  ['deAir', 'circuit', 'an ECMO circuit'],
  ['changeOxygenator', 'circuit', 'an ECMO circuit'],
  ['changeCircuit', 'circuit', 'an ECMO circuit'],
  ['changeConsole', 'circuit', 'an ECMO circuit'],
  ['changePumpHead', 'circuit', 'an ECMO circuit'],
  ['recannulate', 'circuit', 'an ECMO circuit'],
];

/** The timeline's actions on a section the scenario sets to null, one issue each, naming the entry's key. */
export function absentDeviceActionIssues(raw: Record<string, unknown>): ScenarioIssue[] {
  const timeline = raw.timeline;
  if (!Array.isArray(timeline)) return [];
  const issues: ScenarioIssue[] = [];
  timeline.forEach((entry, i) => {
    if (!isObject(entry)) return;
    for (const [action, section, device] of DEVICE_ACTIONS) {
      if (entry[action] === undefined || raw[section] !== null) continue;
      issues.push({
        path: `timeline[${i}].${action}`,
        message: `${shownValue(entry[action])} is ignored: it acts on ${device}, and this scenario has none ("${section}": null); remove it, or give a "${section}" section`,
      });
    }
  });
  return issues;
}
