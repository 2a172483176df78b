/**
 * A dosing rule as ICUs write it: at each check (every `interval` h) a reading below its threshold starts one dose,
 * run in at constant rates over its infusion time, at most a number of doses in any 24 h. The albumin replacement
 * (fluidBalance/albuminReplacement.ts), the platelet transfusion (platelets/plateletTransfusion.ts) and the phosphate
 * replacement (solutes/phosphateReplacement.ts) are three; each says when a dose is due and what it runs in, this
 * keeps the doses started, the rates while one runs and its end, and gives the holding part its events.
 */
import type { EventLog, ModelEvents, PeriodicCheck } from '../model/events.js';
import type { Now } from '../model/now.js';

const DAY_h = 24;
const EPS_h = 1e-9;

/**
 * The threshold rule all three write: switched on, the reading below its threshold, and fewer than the daily maximum
 * started in the last 24 h.
 */
export function doseDue(on: boolean, reading: number, threshold: number, startedInLastDay: number, maxPerDay: number): boolean {
  return on && reading < threshold && startedInLastDay < maxPerDay;
}

/** What one rule says: its interval, when a dose is due, and what a dose runs in (rates per hour) for how long. */
export interface DoseSpec<R extends Record<string, number>> {
  interval(): number;
  /** Whether a dose is due now, given the doses started in the last 24 h (the rule's switch, threshold and maximum). */
  due(now: Now, startedInLastDay: number): boolean;
  /** A dose that starts now: its rates while it runs and its infusion time (h); writes its event. */
  start(now: Now, log: EventLog): { rates: R; infusionTime_h: number };
}

/** The rule's running state: its rates (0 while no dose runs), the check that starts doses, and the running dose's end. */
export interface DosingRuleState {
  readonly check: PeriodicCheck;
  /** When the dose running now ends (h), Infinity when none runs. */
  endsAt_h: number;
  /** Stops a dose that has run in (the scheduler calls it at endsAt_h). */
  stopAt(t_h: number): void;
}

export function dosingRule<R extends Record<string, number>>(zero: R, spec: DoseSpec<R>): DosingRuleState & R {
  const started: number[] = [];
  const startedInLastDay = (t: number) => started.filter((s) => s > t - DAY_h + EPS_h).length;
  const wouldAct = (now: Now) => state.endsAt_h === Infinity && spec.due(now, startedInLastDay(now.t_h));
  const state: DosingRuleState & R = Object.assign(
    {
      endsAt_h: Infinity,
      stopAt(t: number) {
        if (t < state.endsAt_h - EPS_h) return;
        Object.assign(state, zero);
        state.endsAt_h = Infinity;
      },
      check: {
        interval: spec.interval,
        changesDerivatives: true, // a dose is a flux of what it gives and of blood volume
        wouldAct,
        run(now: Now, log: EventLog) {
          if (!wouldAct(now)) return;
          started.push(now.t_h);
          const dose = spec.start(now, log);
          Object.assign(state, dose.rates);
          state.endsAt_h = now.t_h + dose.infusionTime_h;
        },
      } satisfies PeriodicCheck,
    },
    zero,
  );
  return state;
}

/**
 * The rule's part in its model's events: its check, the running dose's end as the next event, and the dose stopped
 * there. The part that holds the rule spreads it into its own (fluid balance: albumin; platelets; phosphate).
 */
export function dosingRuleEvents(rule: DosingRuleState): Required<Pick<ModelEvents, 'checks' | 'nextEventTime' | 'applyScheduled'>> {
  return {
    checks: [rule.check],
    nextEventTime: () => rule.endsAt_h,
    applyScheduled: (t) => rule.stopAt(t),
  };
}
