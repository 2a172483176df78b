/** A blood leak in the hemofilter (scenario fields filter.bloodLeak, filter.bloodLeakDetectorThreshold). */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

const stopOnBloodLeak: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description:
    'At the blood-leak alarm the CRRT machine suspends the treatment: it stops its blood pump and fluid pumps and waits for the operator (change the filter). false: the treatment runs on (an operator who judged the alarm false).',
  source: 'S2',
  ref: 'Prismaflex training slides (alarm overview): Warning alarms are patient hazards and suspend the treatment; the blood-leak detector is among the safety features. That Blood leak detected is a Warning alarm is from practice [E]',
};

export const bloodLeakSpecs = {
  stopOnBloodLeak,
  bloodLeak: q('mL/min', 0, [0, 200], {
    adjustable: true,
    range: [0, 5],
    description: 'Whole blood crossing ruptured fibres into the effluent (0 = an intact membrane): red cells colour the effluent, and the blood is lost.',
    source: 'E',
    ref: 'training setting; training-reference.md: blood leak is a standard CRRT emergency',
  }),
  bloodLeakDetectorThreshold: q('mg/dL', 5.5, [0.1, 500], {
    range: [1.5, 50],
    description:
      'Hemoglobin in the effluent at which the CRRT machine’s optical blood-leak detector alarms. Prismaflex/PrisMax publish no figure found: the AAMI recommendation for dialysis machines, 0.35 mL/min of blood (Hct 25 %) in 500 mL/min of dialysate ≈ 5.5 mg/dL.',
    source: 'S2',
    ref: 'AAMI blood-leak monitor recommendation 0.35 mL/min ≈ 5.5 mg/dL hemoglobin (Serim Guardian blood-leak strip product notes); Prismaflex’s own threshold not found [E]',
  }),
} as const satisfies SpecTree;
