/**
 * A check pass (sim/engine/events.ts, runDueChecks): every periodic check due at one time reads Now derived at that
 * time after the checks before it. A check that changed nothing a derivation reads says so (PeriodicCheck.run returns
 * false) and the next check reads the same Now; after any other check Now is derived again, so a check that acted
 * (a new norepinephrine dose) is seen by the checks after it.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { buildModel, deriveNow, initialState, type ComposedModel } from '../sim/engine/model.js';
import { EventScheduler } from '../sim/engine/events.js';
import type { PeriodicCheck } from '../sim/model/events.js';
import type { ModelPart } from '../sim/model/part.js';

const scenario = loadScenarioFile('scenarios/ecmo-hvhf-default.json', [{ path: 'duration', value: '2 h' }]);

/** The default model with its own checks taken out and `probe` (its checks, its derivation count) added last. */
function withProbe(checks: PeriodicCheck[]): { c: ComposedModel; derivations: () => number } {
  const base = buildModel(scenario);
  let derivations = 0;
  const probe: ModelPart = { checks, deriveForChecks: () => void derivations++ };
  const parts = [...base.parts.map((p) => ({ ...p, checks: undefined })), probe];
  return { c: { ...base, parts }, derivations: () => derivations };
}

/** A check due hourly that records the MAP it reads and returns `returns`. */
function check(returns: boolean | undefined, seen: number[]): PeriodicCheck {
  return {
    interval: () => 1,
    changesDerivatives: false,
    wouldAct: () => false,
    run: (now) => {
      seen.push(now.hemodynamics.map_mmHg);
      return returns;
    },
  };
}

describe('a check pass derives Now once per run of checks that change nothing', () => {
  it('three checks that change nothing: one derivation', () => {
    const seen: number[] = [];
    const { c, derivations } = withProbe([check(false, seen), check(false, seen), check(false, seen)]);
    const scheduler = new EventScheduler(c);
    scheduler.runDueChecks(1, initialState(c));
    expect(seen).toHaveLength(3);
    expect(derivations()).toBe(1);
  });

  it('a check that may have changed something (no return value) is followed by a new derivation', () => {
    const seen: number[] = [];
    const { c, derivations } = withProbe([check(false, seen), check(undefined, seen), check(false, seen), check(true, seen)]);
    new EventScheduler(c).runDueChecks(1, initialState(c));
    // derived for the first, shared by the second, derived again for the third, shared by the fourth
    expect(derivations()).toBe(2);
  });

  it('a check that changes the norepinephrine dose is seen by the next check: MAP derived again at the new dose', () => {
    const seen: number[] = [];
    let scenarioMap = NaN;
    const raiseDose: PeriodicCheck = {
      interval: () => 1,
      changesDerivatives: true,
      wouldAct: () => true,
      run: (now) => {
        scenarioMap = now.hemodynamics.map_mmHg;
        const hemo = c.m.current.patient.hemodynamics;
        hemo.norepinephrine *= 2;
      },
    };
    const { c } = withProbe([raiseDose, check(false, seen)]);
    new EventScheduler(c).runDueChecks(1, initialState(c));
    // norepinephrine raises MAP (hemodynamics.md): the second check reads the MAP at the doubled dose
    expect(seen[0]).toBeGreaterThan(scenarioMap);
  });

  it('the checks run after a stop test that would not stop read the stop test’s Now: no second derivation', () => {
    const seen: number[] = [];
    const quiet: PeriodicCheck = { ...check(false, seen), changesDerivatives: true };
    const { c, derivations } = withProbe([quiet, check(false, seen)]);
    const scheduler = new EventScheduler(c);
    const y = initialState(c);
    expect(scheduler.checksWouldStop(1, y)).toBe(false);
    scheduler.runDueChecks(1, y);
    expect(seen).toHaveLength(2);
    expect(derivations()).toBe(1);
  });

  it('a derivation between the stop test and the run (an output sample) makes the run derive again', () => {
    const seen: number[] = [];
    const quiet: PeriodicCheck = { ...check(false, seen), changesDerivatives: true };
    const { c, derivations } = withProbe([quiet]);
    const scheduler = new EventScheduler(c);
    const y = initialState(c);
    scheduler.checksWouldStop(1, y);
    deriveNow(c, 1, y);
    scheduler.runDueChecks(1, y);
    expect(derivations()).toBe(2);
  });
});
