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
  thrombopoieticFeedback: q('1', 0.621, [0, 3], {
    range: [0.3, 0.9],
    description:
      'γ: the marrow’s production follows (P₀/P)^γ as the count P falls below the start’s P₀ (thrombopoietin); 0 holds production at the start’s rate.',
    source: 'S',
    ref: 'feedback of the platelet count on progenitor proliferation, 0.621 (80 patients; Pérez-Ruixo et al., AAPS J 2016;18(1), doi:10.1208/s12248-015-9839-0); range an estimate around it',
  }),
  thrombopoieticLag: q('h', 141, [1, 2000], {
    range: [72, 240],
    description: 'T_M: the lag with which the marrow’s production follows the feedback (megakaryocyte maturation), one step in place of a chain.',
    source: 'E',
    ref: 'estimate: 1/ktr, the maturation rate constant 7.09 × 10⁻³/h of the same model (Pérez-Ruixo et al., AAPS J 2016), one compartment in place of its transit chain',
  }),
  sepsisConsumption: q('1/h', 0.0028, [0, 0.1], {
    range: [0.001, 0.006],
    description: 'Septic consumption per hour at the starting sepsis drive (it follows the drive).',
    source: 'E',
    ref: 'derived: the count falling 21.5 % by day 5 of sepsis (the septic-shock cohort of the start value) with the drive held at 1, τ 216 h and the marrow’s response (γ 0.621, T_M 141 h)',
  }),
  oxygenatorConsumption: q('1/h', 0.00038, [0, 0.1], {
    range: [0, 0.0009],
    description: 'Consumption per hour on the ECMO circuit’s surfaces (oxygenator, tubing) while it is connected.',
    source: 'E',
    ref: 'derived: on ECMO for respiratory failure the count fell 0.85 % a day (95 % CI from a 0.36 % rise to a 2.05 % fall) of the first count after cannulation, not significantly (100 adults; Abrams et al., Intensive Care Med 2016;42:844); 0.00038/h gives that fall in the first day with production and the marrow’s response; the day’s fall taken as the circuit’s (an upper bound: the disease’s share is in it), the range to the CI’s 2.05 %',
  }),
  filterConsumption: q('1/h', 0.0032, [0, 0.1], {
    range: [0.001, 0.008],
    description: 'Consumption per hour on the hemofilter’s membrane while it filters (not during a filter change).',
    source: 'E',
    ref: 'derived: on CVVH the median count fell 138 → 107 × 10⁹/L in 2 days (Wu et al., PLoS One 2014;9:e97286), less the septic part (0.0028/h), with the marrow’s response; direct loss across a hemofilter measured by Mulder et al., Int J Artif Organs 2003;26:906',
  }),
  transfusionRecovery: q('1', 0.67, [0.05, 1], {
    range: [0.3, 0.8],
    description:
      'R: the share of transfused platelets that circulates (the rest pools in the spleen); a unit of N × 10⁹ raises the count by N·R over the blood volume in litres.',
    source: 'S2',
    ref: 'about a third of circulating platelets pool in the spleen, so 60–70 % of a transfusion is recovered in stable recipients (haematology textbooks); one adult unit raises an adult count by 20–40 × 10⁹/L (UK transfusion guidelines), less in the critically ill (range)',
  }),
} as const satisfies SpecTree;
