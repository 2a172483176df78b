/**
 * The CRRT machine's bags in the engine (bags.ts): the replacement bag (prescription.replacementFluid.bagVolume)
 * and the effluent bag (prescription.effluentBagCapacity). When the replacement bag is empty or the effluent bag
 * full the machine stops its fluid pumps (m.filter.fluidPumpsStopped: no replacement, no effluent, no net
 * ultrafiltration, filterNow.ts) and its blood pump runs on, as a Prismaflex does; changing the bag (the action
 * changeBags) restarts them. With prescription.consumables.autoChange a nurse changes each bag the moment it runs
 * out (logged), and the treatment never stops. No slow state: the volumes are lines between events, re-based after
 * every event pass (the pumps' rates change wherever the filter stops or starts: a change, a blood leak's stop).
 */
import type { ModelDefinition } from '../../model/part.js';
import type { Model } from '../../model/context.js';
import { fmt, type Action, type EventLog } from '../../model/events.js';
import { filterRunning } from '../filterNow.js';
import { effluentFilledAt, nextRunOut_h, rebaseBags, replacementLeftAt, RUN_OUT_mL, type BagLine } from './bags.js';
import { runOutCheck } from './runOutCheck.js';

type BagChoice = NonNullable<Action['changeBags']>;

/** The machine's fluid rates now (mL/h): zero while its fluid pumps or its blood pump are stopped. */
function fluidRates(m: Model): { replacement: number; effluent: number } {
  if (!filterRunning(m) || m.filter.fluidPumpsStopped) return { replacement: 0, effluent: 0 };
  const rx = m.current.prescription;
  const effluent = rx.effluentDose * m.weight_kg;
  return { replacement: Math.max(effluent - rx.netUltrafiltration, 0), effluent };
}

export const bagsModel: ModelDefinition = {
  name: 'bags',
  states: [],
  series: {
    replacement_bag_mL: ['mL', 'Replacement fluid left in the bag hung on the CRRT machine'],
    effluent_bag_mL: ['mL', 'Effluent in the bag hung on the CRRT machine'],
    effluent_bag_capacity_mL: ['mL', 'Capacity of the effluent bag hung'],
    bags_used: ['1', 'Replacement and effluent bags hung since the start, the first two included'],
  },
  create(m) {
    const rx = () => m.current.prescription;
    const bag: BagLine = {
      t0_h: 0,
      replacementLeft0_mL: m.scenario.prescription.replacementFluid.bagVolume,
      effluentFilled0_mL: 0,
      replacement_mL_h: 0,
      effluent_mL_h: 0,
      effluentCapacity_mL: m.scenario.prescription.effluentBagCapacity,
    };
    let used = m.scenario.filter ? 2 : 0;
    const sync = (t: number) => {
      const r = fluidRates(m);
      rebaseBags(bag, t, r.replacement, r.effluent);
    };
    const hang = (which: BagChoice, t: number, why: string, log: EventLog) => {
      if (which !== 'effluent') {
        const left = bag.replacementLeft0_mL;
        bag.replacementLeft0_mL = rx().replacementFluid.bagVolume;
        used++;
        log('bag_change', `replacement bag changed (${why}): ${fmt(left, 0)} mL left in the old one, ${fmt(bag.replacementLeft0_mL, 0)} mL hung`);
      }
      if (which !== 'replacement') {
        const filled = bag.effluentFilled0_mL;
        bag.effluentFilled0_mL = 0;
        bag.effluentCapacity_mL = rx().effluentBagCapacity;
        used++;
        log('bag_change', `effluent bag changed (${why}): ${fmt(filled, 0)} mL taken away, an empty ${fmt(bag.effluentCapacity_mL, 0)} mL bag hung`);
      }
      const empty = bag.replacementLeft0_mL <= RUN_OUT_mL;
      const full = bag.effluentFilled0_mL >= bag.effluentCapacity_mL - RUN_OUT_mL;
      if (m.filter.fluidPumpsStopped && !empty && !full) {
        m.filter.fluidPumpsStopped = false;
        log('bag_alarm', 'bags changed: replacement and effluent pumps restarted');
      }
      sync(t);
    };
    const ranOut = (t: number) => replacementLeftAt(bag, t) <= RUN_OUT_mL || effluentFilledAt(bag, t) >= bag.effluentCapacity_mL - RUN_OUT_mL;
    /** A bag that has run out at t: changed by the nurse (autoChange), or the machine stops its fluid pumps. */
    const runOut = (t: number, log: EventLog) => {
      if (!m.scenario.filter) return;
      sync(t);
      const empty = bag.replacementLeft0_mL <= RUN_OUT_mL;
      const full = bag.effluentFilled0_mL >= bag.effluentCapacity_mL - RUN_OUT_mL;
      if (!empty && !full) return;
      const which: BagChoice = empty && full ? 'both' : empty ? 'replacement' : 'effluent';
      if (rx().consumables.autoChange) return hang(which, t, 'ran out, changed by the nurse', log);
      if (m.filter.fluidPumpsStopped) return;
      m.filter.fluidPumpsStopped = true;
      const what = empty && full ? 'replacement bag empty and effluent bag full' : empty ? 'replacement bag empty' : 'effluent bag full';
      log('bag_alarm', `${what}: replacement and effluent pumps stopped (no ultrafiltration), blood pump running; change the bag`);
      sync(t);
    };
    sync(0);
    const clock = runOutCheck({
      nextRunOut_h: () => nextRunOut_h(bag),
      wouldStop: (t) => !!m.scenario.filter && !rx().consumables.autoChange && !m.filter.fluidPumpsStopped && ranOut(t),
      runOut,
    });
    return {
      checks: m.scenario.filter ? [clock.check] : [],
      nextEventTime: clock.nextEventTime,
      applyScheduled(t, _y, log) {
        runOut(t, log);
      },
      afterEvents: sync,
      perform(t, _y, action, log) {
        sync(t);
        if (action.changeBags && m.scenario.filter) hang(action.changeBags, t, 'operator', log);
        // a setting that turned autoChange on finds a bag already out
        runOut(t, log);
      },
      observe(now, out) {
        const has = !!m.scenario.filter;
        out.replacement_bag_mL = has ? replacementLeftAt(bag, now.t_h) : NaN;
        out.effluent_bag_mL = has ? effluentFilledAt(bag, now.t_h) : NaN;
        out.effluent_bag_capacity_mL = has ? bag.effluentCapacity_mL : NaN;
        out.bags_used = has ? used : NaN;
      },
    };
  },
};
