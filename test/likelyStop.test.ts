/**
 * Where the solver's first step after a stop ends (sim/engine/events.ts, likelyStopTime; sim/engine/simulation.ts):
 * a periodic check that stopped the integration at two due times in a row (the norepinephrine titration, hourly
 * while MAP is out of its band) is likely to stop it at its next, so the first step of the next segment ends there
 * instead of stepping past it and losing the part beyond the stop. A check that stops now and then (the oxygen
 * line's refresh) is not aimed at: a step cut short where nothing stops costs a step. And a part whose event starts
 * a transient caps that first step within its time scale (ModelEvents.firstStepLimit: hydrocortisone's onset).
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { buildModel, initialState, type ComposedModel } from '../sim/engine/model.js';
import { EventScheduler } from '../sim/engine/events.js';
import type { PeriodicCheck } from '../sim/model/events.js';
import type { ModelPart } from '../sim/model/part.js';
import { FIRST_STEP_PER_TAU, hydrocortisoneInEngine } from '../sim/patient/hemodynamics/hydrocortisoneInEngine.js';
import { Simulation } from '../sim/engine/simulation.js';
import type { ReusingSolver } from '../sim/engine/reusingSolver.js';

const scenario = loadScenarioFile('scenarios/ecmo-hvhf-default.json', [{ path: 'duration', value: '2 h' }]);

/** The default model with its own checks taken out and `checks` added last. */
function withChecks(checks: PeriodicCheck[]): ComposedModel {
  const base = buildModel(scenario);
  const probe: ModelPart = { checks };
  return { ...base, parts: [...base.parts.map((p) => ({ ...p, checks: undefined })), probe] };
}

/** An hourly check that changes what the right-hand side reads whenever `acts()` says so. */
function hourly(acts: () => boolean): PeriodicCheck {
  return { interval: () => 1, changesDerivatives: true, wouldAct: acts, run: () => undefined };
}

describe('the first step after a stop ends where the next stop is likely', () => {
  it('a check that stopped at two due times in a row is aimed at its next; one that then does not stop is not', () => {
    let acts = true;
    const c = withChecks([hourly(() => acts)]);
    const y = initialState(c);
    const scheduler = new EventScheduler(c);
    const passAt = (t: number) => {
      const stops = scheduler.checksWouldStop(t, y);
      scheduler.runDueChecks(t, y);
      return stops;
    };
    expect(passAt(1)).toBe(true);
    expect(scheduler.likelyStopTime()).toBe(Infinity); // once is not yet a pattern
    expect(passAt(2)).toBe(true);
    expect(scheduler.likelyStopTime()).toBe(3);
    acts = false;
    expect(passAt(3)).toBe(false);
    expect(scheduler.likelyStopTime()).toBe(Infinity);
  });

  it('a check that changes nothing the right-hand side reads is never aimed at, whatever it does', () => {
    const check: PeriodicCheck = { interval: () => 1, changesDerivatives: false, wouldAct: () => true, run: () => undefined };
    const c = withChecks([check]);
    const y = initialState(c);
    const scheduler = new EventScheduler(c);
    for (const t of [1, 2, 3]) {
      expect(scheduler.checksWouldStop(t, y)).toBe(false);
      scheduler.runDueChecks(t, y);
    }
    expect(scheduler.likelyStopTime()).toBe(Infinity);
  });
});

describe('in a run, the first step after repeated titration stops', () => {
  /**
   * Each segment of a 12 h run of the cohort's typical standard-care patient (its titration stops every hour from 2 h
   * to 11 h with long steps between; the bundled defaults', since the seventh session's refit, stop hourly with steps
   * of an hour or less): start, end, the step carried over, the first step odex was given and took.
   */
  function segments() {
    const sim = new Simulation(loadScenarioFile('scenarios/cohort-typical-standard-care.json', [{ path: 'duration', value: '12 h' }]));
    const inside = sim as unknown as { solver: ReusingSolver; lastStep_h: number };
    const solve = inside.solver.solve.bind(inside.solver);
    const out: { t: number; end: number; carried: number; given: number; firstEnd: number }[] = [];
    inside.solver.solve = (f, x, y0, xEnd, observer) => {
      const s = { t: x, end: xEnd, carried: inside.lastStep_h, given: inside.solver.initialStepSize, firstEnd: NaN };
      out.push(s);
      return solve(f, x, y0, xEnd, (nr, xOld, xNew, y, dense) => {
        if (nr === 2) s.firstEnd = xNew;
        return observer?.(nr, xOld, xNew, y, dense);
      });
    };
    sim.advanceTo(12);
    const titrations = new Set(sim.events.filter((e) => e.type === 'norepinephrine_titration').map((e) => e.t_h));
    return { out, titrations };
  }

  it('ends at the titration’s next due time where the step carried over would pass it (fails without the aim)', () => {
    const { out, titrations } = segments();
    // the titration stopped here and an hour before, its next due time lies within the segment's first half, and the
    // step carried over from before would step past it
    const aimed = out.filter((s) => titrations.has(s.t) && titrations.has(s.t - 1) && 1 < Math.min(s.carried, (s.end - s.t) / 2));
    // the run has such segments (from 3 h on); how many depends on the trajectory
    expect(aimed.length).toBeGreaterThanOrEqual(1);
    for (const s of aimed) {
      expect(s.given).toBeCloseTo(1, 12);
      expect(s.firstEnd).toBeCloseTo(s.t + 1, 9);
      // and the next segment starts there: the titration stopped again
      expect(out.some((n) => Math.abs(n.t - (s.t + 1)) < 1e-9)).toBe(true);
    }
  });
});

describe('the first step after an event that starts a transient stays within its time scale', () => {
  it('hydrocortisone’s start and its turning off cap the next first step within τ, there only; an action that keeps the target does not', () => {
    const c = buildModel(scenario);
    const y = initialState(c);
    const steroid = hydrocortisoneInEngine(c.m);
    const tau = c.m.current.hemodynamics.hydrocortisone.onsetTime;
    const log = () => undefined;
    const start = steroid.nextEventTime(); // the default's dose is above the threshold from the start: due at the delay
    expect(steroid.firstStepLimit(start)).toBe(Infinity);
    steroid.applyScheduled(start, y, log);
    expect(steroid.onset(start + tau)).toBeCloseTo(1 - Math.exp(-1), 12); // it started there
    expect(steroid.firstStepLimit(start)).toBeCloseTo(FIRST_STEP_PER_TAU * tau, 12);
    expect(steroid.firstStepLimit(start + 0.5)).toBe(Infinity);
    steroid.perform(start + 1, y, { set: [] }, log, () => c.now); // an action that changes nothing of hydrocortisone
    expect(steroid.firstStepLimit(start + 1)).toBe(Infinity);
    c.m.current.prescription.hydrocortisone.give = false;
    steroid.perform(start + 2, y, { set: [] }, log, () => c.now);
    expect(steroid.firstStepLimit(start + 2)).toBeCloseTo(FIRST_STEP_PER_TAU * tau, 12);
  });

  it('the scheduler takes the smallest of the parts’ limits at t', () => {
    const base = buildModel(scenario);
    const limits: ModelPart[] = [{ firstStepLimit: (t) => (t === 3 ? 0.2 : Infinity) }, { firstStepLimit: () => 0.5 }];
    const c = { ...base, parts: [...base.parts.map((p) => ({ ...p, checks: undefined, firstStepLimit: undefined })), ...limits] };
    const scheduler = new EventScheduler(c);
    expect(scheduler.firstStepLimit(3)).toBe(0.2);
    expect(scheduler.firstStepLimit(4)).toBe(0.5);
  });
});
