/**
 * A scenario file's text read as the engine loads it: the scenario's resolution (sim/scenario/load.ts: zod, the unit
 * parser, the schema's messages) with the calibration the page bundles. The engine worker imports this on demand
 * (a file opened, another scenario picked, settings from the address); the bundled default scenario comes resolved
 * at build time (preResolvedScenario.ts).
 */
import { loadScenarioText } from '../../sim/scenario/load';
import { ScenarioError } from '../../sim/scenario/errors';
import type { Scenario } from '../../sim/scenario/resolve';
import { bundledCalibration } from './bundledCalibration';
import type { LiveRun, LoadResult } from './liveRun';

export type Resolution = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** The scenario a text resolves to, or the loader's message naming each problem. */
export function resolveScenarioText(text: string, source: string): Resolution {
  try {
    return { ok: true, scenario: loadScenarioText(text, source, [], { resolveCalibration: bundledCalibration }) };
  } catch (e) {
    return { ok: false, message: e instanceof ScenarioError ? e.message : `${source}: ${(e as Error).message}` };
  }
}

/** Resolves a scenario text and starts it in `run`; a text that does not resolve leaves the run as it was. */
export function loadText(run: LiveRun, text: string, source: string): LoadResult {
  const r = resolveScenarioText(text, source);
  return r.ok ? run.start(r.scenario, source) : r;
}
