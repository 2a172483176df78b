/**
 * Parameters of venous return and the cardiac function curve (the scenario's `hemodynamics.venousReturn`), which
 * make cardiac output and MAP feel blood volume (venousReturn.ts). The compliance that turns a volume change into a
 * change of mean systemic filling pressure is the patient's venous compliance (patient.venousCompliance).
 */
import { q, type SpecTree } from '../../parameters.js';

export const venousReturnSpecs = {
  fillingGradient: q('mmHg', 8, [0.5, 40], {
    range: [4, 14],
    description:
      'Pmsf − CVP at the start: the pressure gradient for venous return; with the starting cardiac output it sets the resistance to venous return, Rvr = gradient / CO.',
    source: 'E',
    ref: 'bedside inspiratory-hold venous return curves in ventilated ICU patients (Maas, Neth J Crit Care 2014; Wijnberge, Ann Intensive Care 2018): Pmsf well above CVP, gradient of several mmHg; value an estimate',
  }),
  cardiacFunctionSlope: q('L/min/mmHg', 0.5, [0, 5], {
    range: [0.1, 1.5],
    description:
      'Slope of the cardiac function (Frank–Starling) curve at the operating point: cardiac output gained per mmHg of CVP. 0 makes cardiac output deaf to volume.',
    source: 'E',
    ref: 'Guyton cardiac function curve; flatter in septic cardiomyopathy; an estimate',
  }),
} as const satisfies SpecTree;
