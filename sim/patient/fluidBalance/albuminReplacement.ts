/**
 * The albumin replacement rule (a prescription, albuminReplacementSpecs.ts): at each albumin check, when plasma
 * albumin is below the threshold and fewer than the maximum doses were started in the last 24 h, start one dose,
 * infused at a constant rate over the infusion time:
 *   albumin in = dose / t_inf (g/h)        volume in = volume / t_inf (mL/h)
 * The albumin joins the plasma pool (albumin.ts counts it as given), the volume the blood volume (part.ts).
 */
import type { Model } from '../../model/context.js';
import { fmt } from '../../model/events.js';
import { doseDue, dosingRule, type DosingRuleState } from '../dosingRule.js';

export interface AlbuminRule {
  replace: boolean;
  threshold: number;
  maxDosesPerDay: number;
}

/** Whether the rule starts a dose: albumin below the threshold and room left in the last 24 h. */
export function albuminDoseDue(rule: AlbuminRule, albumin_g_L: number, dosesInLastDay: number): boolean {
  return doseDue(rule.replace, albumin_g_L, rule.threshold, dosesInLastDay, rule.maxDosesPerDay);
}

/** The rule's running state: the infusion now (g/h and mL/h, 0 when none runs), its check and the dose's end. */
export type AlbuminReplacement = DosingRuleState & { rate_g_h: number; rate_mL_h: number };

export function albuminReplacement(m: Model): AlbuminReplacement {
  return dosingRule(
    { rate_g_h: 0, rate_mL_h: 0 },
    {
      interval: () => m.current.prescription.albumin.checkInterval,
      due: (now, dosesInLastDay) => albuminDoseDue(m.current.prescription.albumin, now.blood.albumin_g_L, dosesInLastDay),
      start(now, log) {
        const rule = m.current.prescription.albumin;
        const albumin = now.blood.albumin_g_L;
        log(
          'albumin_dose',
          `albumin ${fmt(albumin)} g/L below ${fmt(rule.threshold)}: ${fmt(rule.dose)} g in ${fmt(rule.volume, 0)} mL over ${fmt(rule.infusionTime, 2)} h`,
          albumin,
        );
        return { rates: { rate_g_h: rule.dose / rule.infusionTime, rate_mL_h: rule.volume / rule.infusionTime }, infusionTime_h: rule.infusionTime };
      },
    },
  );
}
