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

export interface HydrocortisoneInEngine extends Required<Pick<ModelEvents, 'nextEventTime' | 'applyScheduled' | 'perform' | 'firstStepLimit'>> {
  /** The dose or the rule may have changed at t: the start count follows. */
  noteDose(t_h: number): void;
  /** The onset h (0–1) at t. Allocation-free. */
  onset(t_h: number): number;
  /** The norepinephrine responsiveness factor (Emax relative to before hydrocortisone) at the time of `now`. */
  responsiveness(now: Now): number;
}

/**
 * The solver's first step after a new target sets h moving, in onset time constants [E: measured. On a default
 * ECMO + HVHF day the step carried from before the start (1.1 h, 3.4 τ) was refused down to 0.14 h (0.41 τ) at a
 * cost of 303 evaluations. A first step of 0.3, 0.4, 0.5, 0.75, 1 and 1.5 τ took the ECMO + HVHF day 922, 840, 966,
 * 976, 1048 and 1092 evaluations (1142 uncapped), the standard-care day 815, 961, 929, 833, 833 and 797 (797), the
 * cohort replay (136 × 24 h) within 1 % of one another from 0.25 to 1 τ (130 300–131 600; 135 994 uncapped): the
 * later steps' rejections move with where the steps fall. 0.75 τ: neither bundled day takes more than uncapped, the
 * two together about the fewest (1809; 1801 at 0.4 τ). Against a run at relative tolerance 10⁻¹¹, 0.4 τ and above
 * are as accurate as uncapped; at 0.3 τ odex accepted a first step that left creatinine 1.3·10⁻⁵ of its range off].
 * The solver's step only: the onset is its closed form.
 */
export const FIRST_STEP_PER_TAU = 0.75;

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
  /** When the target last changed (a start, `give` turned off or on): h sets off toward the new one there. */
  let targetChangedAt = NaN;
  const reanchor = (t: number) => {
    hAtSwitch = onset(t);
    switchAt = t;
    const before = target;
    target = steroid.started && rule().give ? 1 : 0;
    if (target !== before) targetChangedAt = t;
    tau = m.current.hemodynamics.hydrocortisone.onsetTime;
  };
  return {
    noteDose,
    onset,
    responsiveness: (now) => maxEffectFactor(m.current.hemodynamics.hydrocortisone, onset(now.t_h)),
    nextEventTime: () => steroid.dueAt(rule()),
    // a new target sets h off on a transient of time constant τ: the first step after it stays within it
    firstStepLimit: (t) => (t === targetChangedAt ? FIRST_STEP_PER_TAU * tau : Infinity),
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
