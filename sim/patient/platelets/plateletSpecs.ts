/** The platelet count's parameters (the scenario's `patient.platelets` section; platelets.ts has the equations). */
import { q, type SpecTree } from '../../parameters.js';

export const plateletSpecs = {
  start: q('1/nL', 176, [1, 1500], {
    range: [50, 400],
    description: 'Platelet count at the start (10⁹/L, written e.g. "176 /nL" or "176000 /uL"); the marrow makes platelets to hold this count.',
    source: 'S2',
    ref: 'septic shock at onset: median 176 × 10⁹/L (358 patients; "Diagnostic and prognostic role of platelets in patients with sepsis and septic shock"); 188 at VV ECMO cannulation (Abrams et al., Intensive Care Med 2016;42:844)',
  }),
  lifespan: q('h', 216, [48, 480], {
    range: [192, 240],
    description: 'Platelet lifespan τ: the count’s turnover, and the time constant with which production restores a lowered count.',
    source: 'S2',
    ref: 'platelet lifespan 8–10 days (haematology textbooks)',
  }),
  sepsisConsumption: q('1/h', 0.0027, [0, 0.1], {
    range: [0.001, 0.006],
    description: 'Septic consumption per hour at the starting sepsis drive (it follows the drive).',
    source: 'E',
    ref: 'derived: the count falling 21.5 % by day 5 of sepsis (the septic-shock cohort of the start value) with the drive held at 1 and τ 216 h',
  }),
  oxygenatorConsumption: q('1/h', 0.002, [0, 0.1], {
    range: [0.0005, 0.005],
    description: 'Consumption per hour on the ECMO circuit’s surfaces (oxygenator, tubing) while it is connected.',
    source: 'E',
    ref: 'estimate: on VV ECMO the count falls within 24 h and settles after about 5 days (330 patients: Thrombocytopenia during venovenous ECMO in adult patients with bacterial, viral, and COVID-19 pneumonia, 2025); 0.002/h settles 30 % low with a 6-day time constant',
  }),
  filterConsumption: q('1/h', 0.0033, [0, 0.1], {
    range: [0.001, 0.008],
    description: 'Consumption per hour on the hemofilter’s membrane while it filters (not during a filter change).',
    source: 'E',
    ref: 'derived: on CVVH the median count fell 138 → 107 × 10⁹/L in 2 days (Wu et al., PLoS One 2014;9:e97286), less the septic part (0.0027/h); direct loss across a hemofilter measured by Mulder et al., Int J Artif Organs 2003;26:906',
  }),
} as const satisfies SpecTree;
