/**
 * The membrane's own life: the time the first filter would take to reach the TMP limit if no scheduled change
 * (filterChange.maxHours) took it off first. The scheduled 24 h change hides it: every dose whose filter outlasts
 * 24 h shows a filter life of 24 h.
 *
 * How it is measured: when the run's first filter was changed at the TMP limit, that filter's life is its
 * membrane life (the two runs would be identical up to then). Otherwise the same scenario is run once more with the
 * scheduled change disabled (maxHours = ∞), from the start, until the first filter change or the horizon. A second
 * run rather than extrapolating the TMP past the change, because the fouling rates follow the patient (protein
 * carried to the membrane, hematocrit, the heparin shortfall behind the clotting hazard: sim/filter/membrane.ts),
 * which a frozen operating point would not; the cost is one extra run up to the membrane's life, and only for
 * runs whose first filter outlived its scheduled change. The run itself is not touched: its results come from
 * its own simulation.
 *
 * A membrane that has not reached the limit by the horizon is reported as the horizon and marked censored (it
 * lasts at least that long). A first filter taken off for another reason (a clot fault, a timeline's manual
 * change) has no membrane life (null).
 */
import { Simulation } from '../engine/simulation.js';
import type { RunResult } from '../engine/simulate.js';
import type { Scenario } from '../scenario/resolve.js';

/**
 * How far the measurement looks: 120 h, five days. An estimate, a bound on cost, not a physiological value: a
 * filter set is labelled for 72 h of use (Prismaflex HP-X set instructions for use, "maximum duration of use
 * 72 hours"), so a membrane that would last beyond 120 h is beyond any practical schedule.
 */
export const MEMBRANE_LIFE_HORIZON_h = 120;
/** The measurement run advances this far between looks at its events. */
const LOOK_EVERY_h = 6;

export interface MembraneLife {
  life_h: number;
  /** true when the limit was not reached by the horizon: life_h is then the horizon */
  censored: boolean;
}

/** A filter change at the TMP limit: the reason filterEvents.ts gives ("TMP … mmHg reached the limit of … mmHg"). */
export function isTmpChange(reason: string): boolean {
  return /^TMP .* reached the limit/.test(reason);
}

/**
 * The membrane's life for a run: from its own first filter when that was changed at the TMP limit, else from a
 * measurement run of `fresh()` (a new copy of the run's scenario) with the scheduled change disabled.
 * null without a filter, or when the first filter was taken off for another reason.
 */
export function membraneLife(result: RunResult, fresh: () => Scenario, horizon_h = MEMBRANE_LIFE_HORIZON_h): MembraneLife | null {
  if (result.scenario.filter === null) return null;
  const first = result.summary.filter_changes[0];
  if (first && isTmpChange(first.reason)) return { life_h: result.summary.filter_lives_h[0], censored: false };
  const scenario = fresh();
  scenario.prescription.filterChange.maxHours = Infinity;
  return measureUntilChange(new Simulation(scenario), horizon_h);
}

function measureUntilChange(sim: Simulation, horizon_h: number): MembraneLife | null {
  while (sim.time_h < horizon_h) {
    sim.advanceTo(Math.min(sim.time_h + LOOK_EVERY_h, horizon_h));
    const change = sim.events.find((e) => e.type === 'filter_change');
    if (change) return isTmpChange(change.reason) ? { life_h: change.t_h, censored: false } : null;
  }
  return { life_h: horizon_h, censored: true };
}
