/**
 * The phosphate replacement rule in the engine (phosphateReplacementSpecs.ts): a dosing rule (dosingRule.ts) whose
 * reading is serum phosphate; a dose runs in at dose/t_inf mmol/h, which the phosphate solute counts as produced
 * (now.blood.phosphateInfusion_mmol_h, written here, read in the solutes' derivatives). No state of its own: the
 * phosphate given is in the solute's ledger.
 */
import type { Model } from '../../model/context.js';
import { fmt } from '../../model/events.js';
import type { ModelDefinition } from '../../model/part.js';
import { doseDue, dosingRule, dosingRuleEvents } from '../dosingRule.js';
import { SOLUTE } from './registry.js';

function phosphateReplacement(m: Model) {
  return dosingRule(
    { rate_mmol_h: 0 },
    {
      interval: () => m.current.prescription.phosphateReplacement.checkInterval,
      due: (now, dosesInLastDay) => {
        const rule = m.current.prescription.phosphateReplacement;
        return doseDue(rule.replace, now.concentration[SOLUTE.phosphate], rule.threshold, dosesInLastDay, rule.maxDosesPerDay);
      },
      start(now, log) {
        const rule = m.current.prescription.phosphateReplacement;
        const c = now.concentration[SOLUTE.phosphate];
        log(
          'phosphate_replacement',
          `phosphate ${fmt(c, 2)} mmol/L below ${fmt(rule.threshold, 2)}: ${fmt(rule.dose, 1)} mmol intravenously over ${fmt(rule.infusionTime, 1)} h`,
          c,
        );
        return { rates: { rate_mmol_h: rule.dose / rule.infusionTime }, infusionTime_h: rule.infusionTime };
      },
    },
  );
}

export const phosphateReplacementModel: ModelDefinition = {
  name: 'phosphate replacement',
  states: [],
  series: {
    phosphate_given_mmol_h: [
      'mmol/h',
      'Intravenous phosphate running now: the steady supplement (prescription.phosphateSupplement) and a dose of the replacement rule',
    ],
  },
  create(m) {
    const rule = phosphateReplacement(m);
    return {
      ...dosingRuleEvents(rule),
      derive(now) {
        now.blood.phosphateInfusion_mmol_h = m.current.prescription.phosphateSupplement + rule.rate_mmol_h;
      },
      observe(now, out) {
        out.phosphate_given_mmol_h = now.blood.phosphateInfusion_mmol_h;
      },
    };
  },
};
