/**
 * The bedside aPTT check (a protocol, never fitted): at each `checkInterval` the aPTT is read and, with `titrate` on,
 * the infusion goes one step towards the target band, or, above `holdAbove`, is held and restarted lower
 * (infusionHold.ts). While a hold runs, a check changes nothing.
 */
import { fmt, type PeriodicCheck } from '../../model/events.js';
import type { Model } from '../../model/context.js';
import type { InfusionHold } from './infusionHold.js';
import type { SyringePump } from './syringePump.js';

export function apttCheck(m: Model, syringe: SyringePump, hold: InfusionHold): PeriodicCheck {
  const outOfTarget = (aptt: number) => {
    const h = m.current.prescription.heparin;
    return h.titrate && (aptt < h.targetLow || aptt > h.targetHigh);
  };

  return {
    interval: () => m.current.prescription.heparin.checkInterval,
    changesDerivatives: true, // the infusion is a flux of the right-hand side
    // a check inside a hold changes nothing (run returns at once): it must not stop the integrator either
    wouldAct: (now) => !hold.active() && outOfTarget(now.heparin.aptt_s),
    run(now, log) {
      const h = m.current.prescription.heparin;
      const aptt = now.heparin.aptt_s;
      if (!outOfTarget(aptt)) {
        log('aptt_check', `aPTT ${fmt(aptt)} s${h.titrate ? ' in target' : ''}`, aptt);
        return;
      }
      if (hold.active()) return; // the nomogram's hold runs until its restart
      if (hold.calls(aptt)) {
        hold.start(now.t_h, aptt, log);
        return;
      }
      const before = h.infusion;
      syringe.sync(now.t_h);
      h.infusion = aptt < h.targetLow ? Math.min(before + h.titrationStep, h.maxInfusion) : Math.max(before - h.titrationStep, 0);
      const side = aptt < h.targetLow ? `below ${fmt(h.targetLow)}` : `above ${fmt(h.targetHigh)}`;
      log('heparin_titration', `aPTT ${fmt(aptt)} s ${side} s: infusion ${fmt(before, 0)} → ${fmt(h.infusion, 0)} U/h`, aptt);
      syringe.sync(now.t_h);
    },
  };
}
