/**
 * The heparin syringe pump's events (syringe.ts): the syringe empties at infusion / concentration; empty, the
 * pump alarms and the infusion stops, unless a nurse changes it at once (prescription.consumables.autoChange,
 * logged); the action changeSyringe puts in a full one; an occluded line (prescription.heparin.lineOccluded) pushes
 * nothing and alarms. Heparin then falls with its own elimination (heparin.ts).
 */
import type { Model } from '../../model/context.js';
import { fmt, type Action, type EventLog, type PeriodicCheck } from '../../model/events.js';
import { runOutCheck } from '../../filter/bags/runOutCheck.js';
import { rebaseSyringe, SYRINGE_EMPTY_mL, syringeEmptyTime_h, syringeVolumeAt, type SyringeLine } from './syringe.js';

export interface SyringePump {
  /** Whether the pump delivers the infusion now (a syringe with heparin left, the line open). */
  pushing(): boolean;
  volumeAt(t_h: number): number;
  /** Rebases the syringe's line at t, at the rate the pump pushes under the settings now. */
  sync(t_h: number): void;
  /** Due when the syringe runs out (a nurse's change made on the dense output; an empty syringe stops the solver). */
  readonly check: PeriodicCheck;
  nextEventTime(): number;
  applyScheduled(t: number, y: number[], log: EventLog): void;
  perform(t: number, action: Action, log: EventLog): void;
}

export function syringePump(m: Model): SyringePump {
  const rx = () => m.current.prescription.heparin;
  const line: SyringeLine = { t0_h: 0, volume0_mL: m.scenario.prescription.heparin.syringeVolume, rate_mL_h: 0 };
  const held = { empty: false, occluded: m.scenario.prescription.heparin.lineOccluded };
  const pushing = () => !held.empty && !held.occluded;
  const sync = (t: number) => rebaseSyringe(line, t, pushing() ? Math.max(rx().infusion, 0) / rx().syringeConcentration : 0);
  sync(0);
  const fill = (t: number, why: string, log: EventLog) => {
    const left = line.volume0_mL;
    line.volume0_mL = rx().syringeVolume;
    held.empty = false;
    log(
      'syringe_change',
      `heparin syringe changed (${why}): ${fmt(left)} mL left in the old one, ${fmt(line.volume0_mL, 0)} mL of ${fmt(rx().syringeConcentration, 0)} U/mL in`,
    );
    sync(t);
  };
  const runOut = (t: number, log: EventLog) => {
    sync(t);
    if (held.empty || line.volume0_mL > SYRINGE_EMPTY_mL) return;
    if (m.current.prescription.consumables.autoChange) return fill(t, 'ran out, changed by the nurse', log);
    held.empty = true;
    log('syringe_alarm', 'heparin syringe empty: the infusion has stopped; change the syringe');
    sync(t);
  };
  const clock = runOutCheck({
    nextRunOut_h: () => syringeEmptyTime_h(line),
    wouldStop: (t) => !m.current.prescription.consumables.autoChange && !held.empty && syringeVolumeAt(line, t) <= SYRINGE_EMPTY_mL,
    runOut,
  });
  return {
    pushing,
    volumeAt: (t) => syringeVolumeAt(line, t),
    sync,
    check: clock.check,
    nextEventTime: clock.nextEventTime,
    applyScheduled(t, _y, log) {
      runOut(t, log);
    },
    perform(t, action, log) {
      sync(t);
      const occluded = rx().lineOccluded;
      if (occluded !== held.occluded) {
        held.occluded = occluded;
        log('syringe_alarm', occluded ? 'heparin line occluded: the syringe pump pushes nothing and alarms' : 'heparin line open again: the infusion resumes');
        sync(t);
      }
      if (action.changeSyringe) fill(t, 'operator', log);
      runOut(t, log);
    },
  };
}
