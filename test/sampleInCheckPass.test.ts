/**
 * An output sample at a periodic check's time, inside a step, reads the check's state just before the check's stop
 * test, and nothing acts between them: the sample joins the check's pass (EventScheduler.inCheckPass), so the stop test
 * reads the sample's loop solve (sim/circuit/sharedSolve.ts) instead of solving the same state again.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, type Sampler } from '../sim/engine/simulation.js';
import { EventScheduler } from '../sim/engine/events.js';
import { observe } from '../sim/engine/observe.js';
import type { CircuitNow } from '../sim/circuit/circuitNow.js';
import { DEFAULT_ECMO, scenario } from './helpers/scenarios.js';

describe('an output sample at a check’s time shares the check’s loop solve', () => {
  it('the stop test at a sampled check time reads the very solve the sample made', () => {
    const sim = new Simulation(scenario(DEFAULT_ECMO, { duration: '24 h' }));
    const now = sim.composed.now;
    const sampled = new Map<number, CircuitNow | null>();
    let next = 0;
    const sampler: Sampler = {
      due: () => next,
      take(t, stateAt) {
        for (; next <= t + 1e-9; next += 0.25) {
          observe(sim.composed, next, stateAt(next));
          sampled.set(next, now.circuit);
        }
      },
    };
    const stopTest = EventScheduler.prototype.checksWouldStop;
    let derivedAtSample = 0;
    let shared = 0;
    try {
      EventScheduler.prototype.checksWouldStop = function (t, y) {
        const before = now.derivations;
        const stops = stopTest.call(this, t, y);
        if (now.derivations > before && sampled.has(t)) {
          derivedAtSample++;
          if (now.circuit !== null && now.circuit === sampled.get(t)) shared++;
        }
        return stops;
      };
      sim.advanceTo(24, sampler);
    } finally {
      EventScheduler.prototype.checksWouldStop = stopTest;
    }
    // 20 in a default day since the oxygen line's check came hourly (44 at half-hourly): enough to mean something
    expect(derivedAtSample).toBeGreaterThanOrEqual(15);
    expect(shared).toBe(derivedAtSample);
  });
});
