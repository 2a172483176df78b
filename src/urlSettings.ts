/**
 * The live view opened with settings in its address, as the dose explorer's points open it:
 *   ./?scenario=<bundled id>&set=<path>=<value>&set=<path>=<value>...
 * e.g. `./?scenario=ecmo-hvhf-default&set=prescription.effluentDose=60%20mL/kg/h`. Each `set` is a scenario field by
 * its dotted path and a value with its unit, as the command line's `run --set` takes it; the values are written into
 * the bundled scenario's text and checked as a file's own values are (the scenario's resolution, with the calibration
 * the page bundles). A mistake is reported in the page's words, naming the address's field, the value and what was
 * expected; nothing is then loaded and the running simulation carries on.
 */
import { isLeaf, leafAt, type SpecTree } from '../sim/parameters';
import { ScenarioError, shownValue, type ScenarioIssue } from '../sim/scenario/errors';
import { applyOverrides, loadScenarioText, parseJsonText, type Override } from '../sim/scenario/load';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs';
import { unknownSettingMessage } from '../sim/scenario/suggest';
import type { Command } from './protocol';
import { bundledCalibration } from './engine/bundledCalibration';
import { BUNDLED_SCENARIOS, type BundledScenario } from './scenarios';
import { ADDRESS_PARAMETERS } from './openAddress';

/** What the page's messages call the address's settings. */
export const ADDRESS = 'the page address';

export interface UrlSettings {
  scenario: BundledScenario;
  overrides: Override[];
  /** the bundled scenario's text with the settings written in: what the engine loads */
  text: string;
  /** the name the page shows for it, e.g. "ecmo-hvhf-default.json with 2 settings from the address" */
  source: string;
}

function scenarioOf(id: string | null, issues: ScenarioIssue[]): BundledScenario | undefined {
  if (id === null) return BUNDLED_SCENARIOS[0];
  const found = BUNDLED_SCENARIOS.find((s) => s.id === id);
  if (!found)
    issues.push({
      path: 'scenario',
      message: `got ${shownValue(id)}; expected one of the bundled scenarios: ${BUNDLED_SCENARIOS.map((s) => s.id).join(', ')}`,
    });
  return found;
}

/** One `set=<path>=<value>`, or an issue naming it. */
function overrideOf(text: string, issues: ScenarioIssue[]): Override | undefined {
  const eq = text.indexOf('=');
  const where = `set=${text.length > 60 ? `${text.slice(0, 60)}...` : text}`;
  if (eq <= 0) {
    const why = eq < 0 ? 'no "=" between the field and its value' : 'no field before "="';
    issues.push({ path: where, message: `${why}; expected set=<field>=<value>, e.g. set=prescription.effluentDose=45 mL/kg/h` });
    return undefined;
  }
  const path = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim();
  const spec = leafAt(scenarioSpecs as SpecTree, path);
  if (!spec || !isLeaf(spec)) {
    issues.push({ path: where, message: unknownSettingMessage(path, 'scenario field') });
    return undefined;
  }
  if (value === '') {
    issues.push({ path, message: 'no value; expected a value after "=", with its unit, e.g. 45 mL/kg/h' });
    return undefined;
  }
  return { path, value };
}

/**
 * The settings an address asks for, checked; undefined when it asks for none (no `scenario`, no `set`). Throws a
 * ScenarioError (source: the page address) naming each mistake: an unknown parameter, scenario or field, a value
 * out of its limits or in the wrong unit, a field set twice.
 */
export function settingsFromAddress(search: string): UrlSettings | undefined {
  const params = new URLSearchParams(search);
  const issues: ScenarioIssue[] = [];
  for (const key of new Set(params.keys())) {
    if (!(ADDRESS_PARAMETERS as readonly string[]).includes(key))
      issues.push({ path: key, message: `unknown parameter of the address; expected ${ADDRESS_PARAMETERS.join(', ')}` });
  }
  if (!params.has('scenario') && !params.has('set') && issues.length === 0) return undefined;
  if (params.getAll('scenario').length > 1)
    issues.push({ path: 'scenario', message: `given ${params.getAll('scenario').length} times; expected one scenario` });
  const scenario = scenarioOf(params.get('scenario'), issues);
  const overrides = params.getAll('set').flatMap((t) => overrideOf(t, issues) ?? []);
  const seen = new Set<string>();
  for (const o of overrides) {
    if (seen.has(o.path)) issues.push({ path: o.path, message: 'set twice; expected each field once' });
    seen.add(o.path);
  }
  if (issues.length || !scenario) throw new ScenarioError(ADDRESS, issues);
  const count = overrides.length;
  const source = count ? `${scenario.file} with ${count} setting${count === 1 ? '' : 's'} from the address` : scenario.file;
  const raw = parseJsonText(scenario.text, scenario.file);
  try {
    applyOverrides(raw, overrides);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(ADDRESS, e.issues);
    throw e;
  }
  const text = JSON.stringify(raw, null, 2);
  // resolved as the engine will load it: a value out of its limits or in the wrong unit is named here
  loadScenarioText(text, source, [], { resolveCalibration: bundledCalibration });
  return { scenario, overrides, text, source };
}

/** The address of the live view with these settings (relative to the explorer page: both are at the site's root). */
export function liveViewAddress(scenarioId: string, overrides: readonly Override[]): string {
  const params = new URLSearchParams({ scenario: scenarioId });
  for (const o of overrides) params.append('set', `${o.path}=${o.value}`);
  return `./?${params.toString()}`;
}

/** Where the page shows what happened: the live view's messages (messages.ts). */
export interface AddressMessages {
  scenarioError(source: string, message: string): void;
}

/**
 * The live view's hook, called once the bundled scenario has started: loads the scenario and settings the address
 * asks for (and shows that scenario in the picker), or shows why not while the bundled scenario runs on.
 */
export function openFromAddress(search: string, send: (c: Command) => void, messages: AddressMessages): void {
  let settings: UrlSettings | undefined;
  try {
    settings = settingsFromAddress(search);
  } catch (e) {
    messages.scenarioError(ADDRESS, (e as Error).message);
    return;
  }
  if (!settings) return;
  const picker = document.querySelector<HTMLSelectElement>('[data-testid="scenario-picker"]');
  if (picker) picker.value = settings.scenario.id;
  send({ type: 'load', text: settings.text, source: settings.source });
}
