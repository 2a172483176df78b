/**
 * Hydrocortisone in the engine (hydrocortisone.ts): its start rule a scheduled event, due once the norepinephrine dose
 * has stayed at or above the threshold for the delay; its onset h first order toward 1 while it runs and toward 0
 * when it is turned off, taken in closed form from the last switch (onsetSinceSwitch),
 * so the right-hand side carries no twenty-minute mode. The switches are the start and any action (a setting may
 * turn `give` off or on, or change τ: settings are applied before `perform`, so the value at the switch is computed
 * with the τ and target held since the last one). The dose count follows the dose wherever it changes: the titration
 * (which calls `noteDose`) and any action.
 */
import type { Model } from '../../model/context.js';
import { fmt, type ModelEvents } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import { hydrocortisoneStart, maxEffectFactor, onsetSinceSwitch } from './hydrocortisone.js';

export interface HydrocortisoneInEngine extends Required<Pick<ModelEvents, 'nextEventTime' | 'applyScheduled' | 'perform'>> {
  /** The dose or the rule may have changed at t: the start count follows. */
  noteDose(t_h: number): void;
  /** The onset h (0–1) at t. Allocation-free. */
  onset(t_h: number): number;
  /** The norepinephrine responsiveness factor (Emax relative to before hydrocortisone) at the time of `now`. */
  responsiveness(now: Now): number;
}

export function hydrocortisoneInEngine(m: Model): HydrocortisoneInEngine {
  const steroid = hydrocortisoneStart();
  const rule = () => m.current.prescription.hydrocortisone;
  const noteDose = (t: number) => steroid.noteDose(t, m.current.patient.hemodynamics.norepinephrine, rule());
  noteDose(0);
  // the last switch: its time, h there, the target and τ held since
  let switchAt = 0;
  let hAtSwitch = 0;
  let target = 0;
  let tau = m.current.hemodynamics.hydrocortisone.onsetTime;
  const onset = (t: number) => onsetSinceSwitch(hAtSwitch, target, t - switchAt, tau);
  const reanchor = (t: number) => {
    hAtSwitch = onset(t);
    switchAt = t;
    target = steroid.started && rule().give ? 1 : 0;
    tau = m.current.hemodynamics.hydrocortisone.onsetTime;
  };
  return {
    noteDose,
    onset,
    responsiveness: (now) => maxEffectFactor(m.current.hemodynamics.hydrocortisone, onset(now.t_h)),
    nextEventTime: () => steroid.dueAt(rule()),
    applyScheduled(t, _y, log) {
      const r = rule();
      if (!steroid.startIfDue(t, r)) return;
      reanchor(t);
      const dose = m.current.patient.hemodynamics.norepinephrine;
      log('hydrocortisone_start', `hydrocortisone started: norepinephrine ≥ ${fmt(r.startDose, 3)} µg/kg/min for ${fmt(r.startDelay, 2)} h (SSC 2021)`, dose);
    },
    perform: (t) => {
      noteDose(t);
      reanchor(t);
    },
  };
}
