/**
 * When a consumable runs out (a bag, a syringe) as a periodic check due at the time it runs out, so that a nurse's
 * change (autoChange), which changes nothing the right-hand side reads, is made on the solver's dense output
 * without stopping it; one that stops a pump (no autoChange) stops the solver there (PeriodicCheck.wouldAct).
 * The check's next due time is the run-out predicted at its last run; an event that brings the run-out earlier
 * (a higher rate set by an action) is caught as a scheduled event instead (nextEventTime).
 */
import type { EventLog, PeriodicCheck } from '../../model/events.js';

/** With nothing predicted to run out, the check looks again after this long (h) [E: a no-op]. */
const POLL_h = 1;
const EPS_h = 1e-9;

export interface RunOutClock {
  /** When the consumable runs out at the rates now (h), Infinity if it will not. */
  nextRunOut_h(): number;
  /** Whether running out at t stops a pump (changes what the right-hand side reads). */
  wouldStop(t_h: number): boolean;
  /** What happens at t if it has run out (logged): changed by the nurse, or the pump stops. */
  runOut(t_h: number, log: EventLog): void;
}

export function runOutCheck(c: RunOutClock): { check: PeriodicCheck; nextEventTime(): number } {
  let last = 0;
  let due = Infinity;
  const interval = () => {
    const next = c.nextRunOut_h();
    const step = Number.isFinite(next) && next > last + EPS_h ? next - last : POLL_h;
    due = last + step;
    return step;
  };
  return {
    check: {
      interval,
      changesDerivatives: true, // a stopped pump changes the right-hand side; a nurse's change does not (wouldAct)
      wouldAct: (now) => c.wouldStop(now.t_h),
      run(now, log) {
        last = now.t_h;
        c.runOut(now.t_h, log);
      },
    },
    nextEventTime() {
      const next = c.nextRunOut_h();
      return next < due - EPS_h ? next : Infinity;
    },
  };
}
