/**
 * One sweep run, as a worker thread executes it: load the base scenario text with this run's overrides, simulate
 * for the sweep's hours, measure its membrane's own life if the sweep asks (membraneLife.ts), and return its metrics — or, if this combination cannot be run (a setting the loader
 * refuses, a failure inside the engine), the message, so that the sweep carries on and the row says why.
 */
import { simulate } from '../engine/simulate.js';
import { applyOverrides, parseJsonText, scenarioFromObject, type Override } from '../scenario/load.js';
import { runMetrics, type RunMetrics } from './runMetrics.js';
import { membraneLife } from './membraneLife.js';
import { withFactors } from '../cohort/replay.js';
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

/** The base scenario's JSON tree, parsed once per worker; each run overrides a copy of it. */
let parsed: { text: string; raw: unknown } | undefined;

export function runOne(base: SweepBase, task: RunTask): RunOutcome {
  try {
    if (parsed?.text !== base.text) parsed = { text: base.text, raw: parseJsonText(base.text, base.source) };
    const raw = structuredClone(parsed.raw);
    applyOverrides(raw, task.overrides);
    const build = () => {
      const copy = structuredClone(raw) as Record<string, unknown>;
      const options = { duration_h: base.hours }; // the sweep's hours: the timeline is checked against them
      return task.factors?.length ? withFactors(copy, task.factors, base.source, options) : scenarioFromObject(copy, base.source, options);
    };
    const result = simulate(build());
    return { id: task.id, metrics: runMetrics(result, base.membraneLife ? membraneLife(result, build) : null) };
  } catch (e) {
    const err = e as Error;
    const kind = err.name === 'ScenarioError' ? 'invalid settings' : 'engine failure';
    return { id: task.id, error: `${kind}: ${err.message}` };
  }
}
