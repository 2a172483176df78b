/**
 * A prescription typed in the page: a part of a scenario as JSON, the text of a command-line prescription file
 * (`sim spread --prescription a.json`), e.g. {"prescription": {"effluentDose": "35 mL/kg/h"}}, read into the settings it
 * changes (scenario paths and values with units) as the command line reads its file (sim/cli/spreadCommand.ts), and
 * checked against the scenario it edits before anything runs: a wrong path or value is named, in the page's words.
 */
import { keySegment, ScenarioError } from '../../sim/scenario/errors';
import { applyOverrides, parseJsonText, scenarioFromObject, type Override } from '../../sim/scenario/load';
import type { Prescription } from '../../sim/sweep/spread';
import { leafAt, type SpecTree } from '../../sim/parameters';
import { scenarioSpecs } from '../../sim/scenario/scenarioSpecs';
import { unknownSettingMessage } from '../../sim/scenario/suggest';

/** A nested scenario part's leaves as overrides: {"prescription": {"effluentDose": "35 mL/kg/h"}} → prescription.effluentDose. */
function leaves(value: unknown, path: string, name: string, out: Override[]): Override[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, keySegment(path, k), name, out);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push({ path, value: String(value) });
  } else {
    throw new ScenarioError(name, [{ path, message: `got ${JSON.stringify(value)}; expected a value with its unit, e.g. "35 mL/kg/h"` }]);
  }
  return out;
}

/**
 * The prescription named `name` from its JSON text, checked on `scenario` (the parsed scenario it edits): the
 * settings must exist and be accepted there.
 */
export function readPagePrescription(name: string, text: string, scenario: Record<string, unknown>): Prescription {
  const label = name.trim();
  if (label === '') throw new ScenarioError('Prescription name', [{ path: '', message: 'empty; expected a short name, e.g. "A" or "35 mL/kg/h"' }]);
  const raw = parseJsonText(text, `Prescription ${label}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ScenarioError(`Prescription ${label}`, [
      { path: '', message: 'expected a part of a scenario with at least one setting, e.g. {"prescription": {"effluentDose": "35 mL/kg/h"}}' },
    ]);
  const overrides = leaves(raw, '', `Prescription ${label}`, []);
  if (overrides.length === 0)
    throw new ScenarioError(`Prescription ${label}`, [
      { path: '', message: 'no setting in it; expected at least one, e.g. {"prescription": {"effluentDose": "35 mL/kg/h"}}' },
    ]);
  // named here, in the page's words: the loader's own message speaks of the command line's --set
  const unknown = overrides.filter((o) => !leafAt(scenarioSpecs as SpecTree, o.path));
  if (unknown.length)
    throw new ScenarioError(
      `Prescription ${label}`,
      unknown.map((o) => ({ path: o.path, message: unknownSettingMessage(o.path, 'setting') })),
    );
  const copy = structuredClone(scenario);
  applyOverrides(copy, overrides);
  scenarioFromObject(copy, `Prescription ${label}`);
  return { name: label, overrides };
}
