/**
 * The console's drainage watch: at a fixed interval it looks at the drained vein and logs when chatter begins
 * (the vein starts collapsing intermittently: flow and drainage pressure swing) and when it ends (a run without a
 * circuit has no such check). It changes no
 * setting, so it never stops the solver (sim/model/events.ts).
 */
import { fmt, type PeriodicCheck } from '../model/events.js';
import type { Model } from '../model/context.js';
import type { Now } from '../model/now.js';
import type { CircuitNow } from './circuitNow.js';

/**
 * How often the drainage is looked at for the event log (h): hourly, as the bedside checks are, because each look
 * solves the loop (every 5 min doubled a simulated day's cost, `npm run bench`). The series show chatter at every
 * output sample; the event marks it to within the hour.
 */
export const CHATTER_CHECK_INTERVAL_h = 1;

export function chatterCheck(m: Model, solve: (now: Now) => CircuitNow | null): PeriodicCheck {
  let chattering = false;
  return {
    interval: () => CHATTER_CHECK_INTERVAL_h,
    changesDerivatives: false,
    wouldAct: () => false,
    run(now, log) {
      const cn = m.current.circuit ? solve(now) : null;
      const d = cn?.drainage;
      const on = d !== undefined && d.fractionOpen < 1;
      if (on === chattering || !cn || !d) {
        chattering = on;
        return false;
      }
      chattering = on;
      const reading =
        `drainage ${fmt(cn.solution.drainageFlow_mL_min / 1000, 2)} L/min ± ${fmt(d.flowSwing_mL_min / 2000, 2)}, ` +
        `pressure ${fmt(cn.solution.drainagePressure_mmHg, 0)} ± ${fmt(d.pressureSwing_mmHg / 2, 0)} mmHg; venous-return limit ${fmt(d.supply.limit_mL_min / 1000, 2)} L/min`;
      log(
        'drainage_chatter',
        on ? `chatter begins: the pump asks ${fmt(d.demand_mL_min / 1000, 2)} L/min, more than the veins deliver (${reading})` : `chatter ends (${reading})`,
      );
      return false; // its own watch and the log: nothing a derivation reads
    },
  };
}
