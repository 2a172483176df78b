/**
 * Hydrocortisone in the engine (hydrocortisone.ts): its onset h is the hemodynamics part's state; its start rule a
 * scheduled event, due once the norepinephrine dose has stayed at or above the threshold for the delay. The count
 * follows the dose wherever it changes: the titration (which calls `noteDose`) and any action (`perform`).
 */
import type { Model } from '../../model/context.js';
import { fmt, type ModelEvents } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import { hydrocortisoneStart, maxEffectFactor, onsetRate_per_h } from './hydrocortisone.js';

export interface HydrocortisoneInEngine extends Required<Pick<ModelEvents, 'nextEventTime' | 'applyScheduled' | 'perform'>> {
  /** The dose or the rule may have changed at t: the start count follows. */
  noteDose(t_h: number): void;
  /** Its share of dy/dt: the onset. Allocation-free. */
  derivatives(now: Now, dy: number[]): void;
  /** The norepinephrine responsiveness factor (Emax relative to before hydrocortisone) at the state now. */
  responsiveness(now: Now): number;
}

export function hydrocortisoneInEngine(m: Model, onset: number): HydrocortisoneInEngine {
  const steroid = hydrocortisoneStart();
  const rule = () => m.current.prescription.hydrocortisone;
  const noteDose = (t: number) => steroid.noteDose(t, m.current.patient.hemodynamics.norepinephrine, rule());
  noteDose(0);
  return {
    noteDose,
    derivatives(now, dy) {
      const running = steroid.started && rule().give;
      dy[onset] = onsetRate_per_h(m.current.hemodynamics.hydrocortisone, now.y[onset], running);
    },
    responsiveness: (now) => maxEffectFactor(m.current.hemodynamics.hydrocortisone, now.y[onset]),
    nextEventTime: () => steroid.dueAt(rule()),
    applyScheduled(t, _y, log) {
      const r = rule();
      if (!steroid.startIfDue(t, r)) return;
      const dose = m.current.patient.hemodynamics.norepinephrine;
      log('hydrocortisone_start', `hydrocortisone started: norepinephrine ≥ ${fmt(r.startDose, 3)} µg/kg/min for ${fmt(r.startDelay, 2)} h (SSC 2021)`, dose);
    },
    perform: (t) => noteDose(t),
  };
}
