/**
 * One sweep run, as a worker thread executes it: load the base scenario text with this run's overrides, simulate
 * for the sweep's hours, measure its membrane's own life if the sweep asks (membraneLife.ts), and return its metrics — or, if this combination cannot be run (a setting the loader
 * refuses, a failure inside the engine), the message, so that the sweep carries on and the row says why.
 */
import { simulate } from '../engine/simulate.js';
import { applyOverrides, parseJsonText, scenarioFromObject, type Override } from '../scenario/load.js';
import { runMetrics, type RunMetrics } from './runMetrics.js';
import { membraneLife } from './membraneLife.js';
import { applyFactors, withFactors } from '../cohort/replay.js';
import { patientScenario, shapeChecked, type CheckedProtocol } from '../cohort/patientScenarios.js';
import { ScenarioError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/resolve.js';
import type { VirtualPatient } from '../cohort/virtualPatients.js';

/** What every run of a sweep shares (sent once to each worker). */
export interface SweepBase {
  text: string;
  source: string;
  hours?: number;
  /**
   * Measure each run's membrane life (membraneLife.ts): a second run for runs whose first filter outlived its
   * scheduled change. The sweep does; the sensitivity analysis does not (its outcomes do not read it).
   */
  membraneLife?: boolean;
}

export interface RunTask {
  id: number;
  overrides: Override[];
  /** A virtual patient's multipliers on their own value of a model parameter (cohort/virtualPatients.ts; spread.ts). */
  factors?: VirtualPatient['factors'];
}

export type RunOutcome = { id: number; metrics: RunMetrics } | { id: number; error: string };

/**
 * The base scenario's JSON tree, parsed once per worker, and its shape-checked tree (zod's output, the schema's
 * reading of every unit: most of a scenario's reading), checked once too, or null where the base alone does not
 * pass (then every run is read the long way, which says why).
 */
let parsed: { text: string; raw: unknown; checked: CheckedProtocol | null } | undefined;

/**
 * A run's scenario read the short way: the base's checked tree with the run's overrides read into a copy leaf by
 * leaf (patientScenario: each as the schema reads the file's own value there), then resolved. The same scenario,
 * value for value, as reading the base text with the overrides (test/sweepScenarioCache.test.ts); any issue on the
 * way returns undefined, so a run that cannot be read is read the long way and fails with the loader's own words.
 */
function quickScenario(checked: CheckedProtocol, base: SweepBase, task: RunTask): Scenario | undefined {
  try {
    const scenario = patientScenario(checked, task.overrides, base.source, { duration_h: base.hours });
    return task.factors?.length ? applyFactors(scenario, task.factors, base.source) : scenario;
  } catch (e) {
    if (e instanceof ScenarioError) return undefined;
    throw e;
  }
}

/** The base's shape-checked tree, or null where the base alone is refused (its own error is the runs'). */
function checkedBase(raw: unknown): CheckedProtocol | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  return shapeChecked(raw as Record<string, unknown>);
}

/** How many run scenarios this thread has read, and how many of them the long way (tests, benchmarks). */
export const scenarioReads = { calls: 0, long: 0 };

/**
 * A run's scenario: the base text with the run's overrides (and factors), as loading it would give. Read from the
 * base's checked tree where it can be (quickScenario), else the long way: parse, override, check, resolve.
 */
export function runScenario(base: SweepBase, task: RunTask): Scenario {
  scenarioReads.calls++;
  if (parsed?.text !== base.text) {
    const raw = parseJsonText(base.text, base.source);
    parsed = { text: base.text, raw, checked: checkedBase(raw) };
  }
  const quick = parsed.checked && quickScenario(parsed.checked, base, task);
  if (quick) return quick;
  scenarioReads.long++;
  const raw = structuredClone(parsed.raw);
  applyOverrides(raw, task.overrides);
  const options = { duration_h: base.hours }; // the sweep's hours: the timeline is checked against them
  return task.factors?.length ? withFactors(raw as Record<string, unknown>, task.factors, base.source, options) : scenarioFromObject(raw, base.source, options);
}

export function runOne(base: SweepBase, task: RunTask): RunOutcome {
  try {
    const build = () => runScenario(base, task);
    const result = simulate(build());
    return { id: task.id, metrics: runMetrics(result, base.membraneLife ? membraneLife(result, build) : null) };
  } catch (e) {
    const err = e as Error;
    const kind = err.name === 'ScenarioError' ? 'invalid settings' : 'engine failure';
    return { id: task.id, error: `${kind}: ${err.message}` };
  }
}
