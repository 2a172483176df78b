/**
 * The platelet transfusion rule (a prescription, plateletTransfusionSpecs.ts): at each platelet count, when the count
 * is below the threshold and fewer than the maximum units were started in the last 24 h, start one unit, infused at a
 * constant rate over the infusion time:
 *   platelets in = N / t_inf (10⁹/h)        volume in = V_unit / t_inf (mL/h)
 * A share R of the platelets given circulates (the rest pools in the spleen): the platelet mass rises by N·R/V₀ per
 * unit (part.ts), so the count by N·R/V_iv; the volume joins the blood volume (the fluid balance counts it as given).
 */
import type { Model } from '../../model/context.js';
import { fmt } from '../../model/events.js';
import { doseDue, dosingRule, type DosingRuleState } from '../dosingRule.js';

export interface PlateletRule {
  transfuse: boolean;
  threshold: number;
  maxUnitsPerDay: number;
}

/** Whether the rule starts a unit: the count below the threshold and room left in the last 24 h. */
export function plateletUnitDue(rule: PlateletRule, count_per_nL: number, unitsInLastDay: number): boolean {
  return doseDue(rule.transfuse, count_per_nL, rule.threshold, unitsInLastDay, rule.maxUnitsPerDay);
}

/**
 * What N × 10⁹ platelets given add to a count held at the volume V (10⁹/L): N·R/V, V in litres. At the patient's
 * starting volume V₀ it is what they add to the platelet mass (part.ts); at the blood volume now, to the count.
 */
export function plateletIncrement_per_nL(platelets_1e9: number, recovery: number, volume_mL: number): number {
  return (platelets_1e9 * recovery) / (volume_mL / 1000);
}

/** The rule's running state: the unit running in now (10⁹/h, mL/h, units/h; 0 when none runs), its check and end. */
export type PlateletTransfusion = DosingRuleState & { rate_1e9_h: number; rate_mL_h: number; rate_units_h: number };

export function plateletTransfusion(m: Model): PlateletTransfusion {
  return dosingRule(
    { rate_1e9_h: 0, rate_mL_h: 0, rate_units_h: 0 },
    {
      interval: () => m.current.prescription.plateletTransfusion.checkInterval,
      due: (now, unitsInLastDay) => plateletUnitDue(m.current.prescription.plateletTransfusion, now.platelets_per_nL, unitsInLastDay),
      start(now, log) {
        const rule = m.current.prescription.plateletTransfusion;
        const count = now.platelets_per_nL;
        log(
          'platelet_transfusion',
          `platelets ${fmt(count, 0)} × 10⁹/L below ${fmt(rule.threshold, 0)}: one unit (${fmt(rule.unitContent, 0)} × 10⁹ in ${fmt(rule.volume, 0)} mL) over ${fmt(rule.infusionTime, 2)} h`,
          count,
        );
        const t = rule.infusionTime;
        return { rates: { rate_1e9_h: rule.unitContent / t, rate_mL_h: rule.volume / t, rate_units_h: 1 / t }, infusionTime_h: t };
      },
    },
  );
}
