/**
 * The nomogram's top tier: an aPTT far above the target band stops the infusion for a while, then restarts it lower
 * [S: Raschke et al., Ann Intern Med 1993, weight-based nomogram: aPTT > 90 s (> 3 × control) → hold the infusion
 * 1 h, then decrease it by 3 U/kg/h]. A protocol, never fitted: `prescription.heparin.holdAbove`, `holdTime`,
 * `holdStep`. A `holdAbove` below the band's top makes every aPTT above the band a hold (the check reads the band
 * first). The restart is a scheduled event; an operator who sets a rate during the hold has taken over, and the
 * scheduled restart then leaves the infusion as they set it.
 */
import { fmt, type EventLog } from '../../model/events.js';
import type { Model } from '../../model/context.js';

export interface InfusionHold {
  /** Whether the aPTT calls for a hold rather than a step. */
  calls(aptt_s: number): boolean;
  /** Stops the infusion now and schedules its restart at the current rate less the hold's step. */
  start(t_h: number, aptt_s: number, log: EventLog): void;
  /** A hold is running. */
  active(): boolean;
  nextEventTime(): number;
  /** Restarts the infusion when its time has come; true when it changed the setting. */
  applyScheduled(t_h: number, log: EventLog): boolean;
  /** The operator set the infusion during the hold (any rate, 0 included): the scheduled restart is cancelled. */
  operatorSet(): void;
}

export function infusionHold(m: Model, beforeChange: (t_h: number) => void): InfusionHold {
  let restartAt_h = Infinity;
  let restartRate_U_h = 0;
  const rx = () => m.current.prescription.heparin;
  return {
    calls: (aptt_s) => rx().holdTime > 0 && aptt_s > rx().holdAbove,
    start(t_h, aptt_s, log) {
      const h = rx();
      beforeChange(t_h);
      restartRate_U_h = Math.max(h.infusion - h.holdStep, 0);
      restartAt_h = t_h + h.holdTime;
      log(
        'heparin_titration',
        `aPTT ${fmt(aptt_s)} s above ${fmt(h.holdAbove)} s: infusion ${fmt(h.infusion, 0)} U/h held ${fmt(h.holdTime)} h, then ${fmt(restartRate_U_h, 0)} U/h`,
        aptt_s,
      );
      h.infusion = 0;
      beforeChange(t_h);
    },
    active: () => restartAt_h !== Infinity,
    nextEventTime: () => restartAt_h,
    applyScheduled(t_h, log) {
      if (t_h < restartAt_h) return false;
      restartAt_h = Infinity;
      const h = rx();
      beforeChange(t_h);
      h.infusion = restartRate_U_h;
      log('heparin_titration', `hold over: infusion restarted at ${fmt(restartRate_U_h, 0)} U/h`);
      beforeChange(t_h);
      return true;
    },
    operatorSet: () => {
      restartAt_h = Infinity;
    },
  };
}
