/**
 * Where a check stops the integration, the checks' run at the segment's end reads the Now their stop test derived
 * (sim/engine/events.ts, stoppedForChecks and apply): the state there is the one the stop test read, so deriving it
 * again (every part's derivation, the loop's solve, the oxygen line) would give the same Now. Anything due at that
 * time besides the checks (a scheduled event, a timeline entry) runs first and may change what a derivation reads:
 * then the checks derive afresh.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { buildModel, initialState, type ComposedModel } from '../sim/engine/model.js';
import { EventScheduler } from '../sim/engine/events.js';
import type { PeriodicCheck } from '../sim/model/events.js';
import type { ModelPart } from '../sim/model/part.js';

const scenario = loadScenarioFile('scenarios/ecmo-hvhf-default.json', [{ path: 'duration', value: '2 h' }]);

/** The default model with its own checks taken out, `check` added, and optionally a part with an event at `at_h`. */
function model(check: PeriodicCheck, at_h = Infinity): ComposedModel {
  const base = buildModel(scenario);
  const extra: ModelPart = { checks: [check], nextEventTime: () => at_h, applyScheduled: () => false };
  return { ...base, parts: [...base.parts.map((p) => ({ ...p, checks: undefined })), extra] };
}

/** An hourly check that would act, and the derivation number of the Now its run read. */
function actingCheck() {
  const seen: number[] = [];
  const check: PeriodicCheck = { interval: () => 1, changesDerivatives: true, wouldAct: () => true, run: (now) => void seen.push(now.derivations) };
  return { check, seen };
}

/** Starts a scheduler, makes the stop test at 1 h on a copy of the state (as the solver's sampled state), applies at 1 h. */
function stopAndApply(c: ComposedModel, check: { seen: number[] }, told: boolean) {
  const y = initialState(c);
  const scheduler = new EventScheduler(c);
  scheduler.start(0, y);
  const read = [...y];
  expect(scheduler.checksWouldStop(1, read)).toBe(true);
  const stopTest = c.now.derivations;
  if (told) scheduler.stoppedForChecks(1, read, y);
  scheduler.apply(1, y);
  return { stopTest, runRead: check.seen.at(-1)! };
}

describe('the checks at a stop read the stop test’s Now', () => {
  it('told where the integration stopped, the run reads the Now the stop test derived; not told, it derives again', () => {
    const a = actingCheck();
    const reused = stopAndApply(model(a.check), a, true);
    expect(reused.runRead).toBe(reused.stopTest);
    const b = actingCheck();
    const fresh = stopAndApply(model(b.check), b, false);
    expect(fresh.runRead).toBeGreaterThan(fresh.stopTest);
  });

  it('with a scheduled event at the same time, the run derives afresh after it', () => {
    const a = actingCheck();
    const r = stopAndApply(model(a.check, 1), a, true);
    expect(r.runRead).toBeGreaterThan(r.stopTest);
  });
});
