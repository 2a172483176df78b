/**
 * Model parameters of the hemodynamic response (the scenario's `hemodynamics` section). The link from IL-6 to
 * vascular tone is a calibrated hypothesis: no published mechanistic model ties cytokine removal to vasopressor
 * need (reference-data.md §7).
 */
import { q, type SpecTree } from '../../parameters.js';
import { venousReturnSpecs } from './venousReturnSpecs.js';
import { rightHeartSpecs } from './rightHeartSpecs.js';
import { hypercapniaSpecs } from './hypercapniaSpecs.js';
import { acidaemiaSpecs, feverToneSpecs } from './vasopressorResponseSpecs.js';
import { hydrocortisoneEffectSpecs, vasopressinEffectSpecs } from './hydrocortisoneSpecs.js';

export const hemodynamicsSpecs = {
  vasoplegia: {
    maxDepression: q('mmHg', 25, [0, 150], {
      calibratable: true,
      range: [10, 60],
      description: 'Dmax: the most IL-6 can depress MAP (vasoplegia), D = Dmax·IL6ⁿ/(IC50ⁿ + IL6ⁿ). A calibrated hypothesis.',
      source: 'E',
      ref: 'reference-data.md §7: Dmax ~25 mmHg; IL-6 correlates inversely with MAP (Hack, Blood 1989); calibratable',
    }),
    il6HalfEffect: q('pg/mL', 1000, [10, 1e5], {
      calibratable: true,
      range: [500, 2000],
      description: 'IC50: IL-6 at half-maximal vasoplegia.',
      source: 'E',
      ref: 'reference-data.md §7: IC50 ~1000 pg/mL (500–2000); IL-6 > 1000 pg/mL goes with vasopressor dependence',
    }),
    hill: q('1', 1, [0.3, 6], {
      calibratable: true,
      range: [1, 3],
      description: 'n: steepness of the vasoplegia response.',
      source: 'E',
      ref: 'calibratable',
    }),
    driveDepression: q('mmHg', 10, [0, 100], {
      calibratable: true,
      range: [3, 30],
      description:
        'V_D: MAP lost to vasoplegia that follows a pool M of filterable vasoplegic mediators rather than IL-6, V_D·M(t), M = 1 at the start (kinetics.vasoplegicMediators: made in proportion to the sepsis drive, cleared by the body and the filter). A hypothesis.',
      source: 'E',
      ref: 'hypothesis (issue 12): vasoplegia has mediators besides IL-6; fitted to both arms at once',
    }),
    onsetTime: q('h', 2, [0.05, 48], {
      range: [0.5, 4],
      description:
        'τ_V: time constant with which the vessel wall’s vasoplegia follows IL-6 and the mediator pool (dV/dt = (D + V_D·M − V)/τ_V): cytokines lower tone through what they induce in the wall (inducible NO synthase), so a step in their plasma concentration moves MAP over hours.',
      source: 'E',
      ref: 'estimate, no published time constant: in volunteers given endotoxin plasma IL-6 peaks at 2 h and is back to baseline by 4–6 h (Copeland, Clin Diagn Lab Immunol 2005;12:60) while the fall of resistance and pressure is measured at 3 h (Suffredini, N Engl J Med 1989;321:280); rat aortic rings lose their response to norepinephrine after 5 h of endotoxin, through NO synthesis (Fleming, Biochem Biophys Res Commun 1990, doi 10.1016/0006-291x(90)91183-s); in rats at large doses from 40–50 min (Gray, Br J Pharmacol 1991;103:1218; Cheng, J Cardiovasc Pharmacol 1996;28:75); iNOS protein present 6 h after a peritonitis and gone by 24 h (Fischer, Anesth Analg 2004, doi 10.1213/01.ANE.0000133000.65613.F5)',
    }),
  },
  norepinephrine: {
    maxEffect: q('mmHg', 25, [0, 80], {
      range: [12, 32],
      description: 'Emax: the largest rise of MAP norepinephrine can give, E = Emax·NE/(ED50 + NE).',
      source: 'S',
      ref: 'Oualha, BJCP 2014: 12–32 mmHg depending on organ failure',
    }),
    halfEffectDose: q('ug/kg/min', 0.25, [0.01, 5], {
      range: [0.1, 0.6],
      description: 'ED50: dose giving half the maximal rise.',
      source: 'E',
      ref: 'reference-data.md §7: ~0.25 µg/kg/min (0.1–0.6)',
    }),
  },
  heartRate: {
    mapGain: q('bpm/mmHg', 0.6, [0, 5], {
      calibratable: true,
      range: [0.2, 1.5],
      description: 'Baroreflex: beats per minute added per mmHg of MAP below 65 mmHg (removed above it).',
      source: 'E',
      ref: 'baroreflex slope in septic shock is blunted; calibratable',
    }),
    norepinephrineGain: q('bpm min kg/ug', 6, [0, 100], {
      calibratable: true,
      range: [3, 9],
      description:
        'Chronotropic effect of norepinephrine (β1), bpm per µg/kg/min, beside the baroreflex its pressor effect drives: in septic shock the two together lower the heart rate as norepinephrine raises MAP.',
      source: 'E',
      ref: 'estimate bounded by a published direction: norepinephrine at 0.5–1 µg/kg/min raised MAP and SVR and lowered the heart rate in 12 hyperdynamic septic patients (Desjars et al., Crit Care Med 1987;15:134, p < 0.02), and raising MAP 54 → 76 mmHg left it nearly unchanged in 105 (Hamzaoui et al., Crit Care 2010;14:R142: cardiac index 3.2 → 3.6 at stroke volume index 34 → 39, ~94 → 92 bpm); with the baroreflex gain and the pressor curve the rate then falls at every dose up to 1 µg/kg/min only below ~9 (test/hemodynamics.test.ts); not fitted',
    }),
    inflammationGain: q('bpm', 25, [0, 150], {
      calibratable: true,
      range: [10, 60],
      description:
        'Tachycardia of the septic insult: bpm × the filterable mediator pool M(t) (1 at the start; kinetics.vasoplegicMediators), fading as the insult resolves and as the filter removes its mediators (a hypothesis); fever has its own term.',
      source: 'E',
      ref: 'calibratable',
    }),
    hypoxemiaGain: q('bpm', 80, [0, 500], {
      calibratable: true,
      range: [62, 146],
      description:
        'Tachycardia of hypoxemia: bpm per unit of SaO2 below 0.95 (80 → 0.8 bpm per % point), held at SaO2 70 % (the lowest the slope was measured at).',
      source: 'E',
      ref: 'estimate inside the measured range: isocapnic progressive hypoxia in healthy volunteers, 0.62–1.46 bpm per 1 % fall of SaO2, mean 0.98 (Slutsky & Rebuck, Am J Physiol 1978;234:H129); septic patients on sedation likely answer less, so below the mean',
    }),
  },
  venousReturn: venousReturnSpecs,
  compressionOutput: q('1', 0.25, [0.05, 0.6], {
    range: [0.1, 0.4],
    description:
      'What chest compressions pump while the heart is arrested, as a fraction of its cardiac function curve (output and slope): CO = f·(CO0 + S·(CVP − CVP0)) where venous return meets it.',
    source: 'E',
    ref: 'closed-chest CPR gives ~25–33 % of normal cardiac output (resuscitation reviews; Fitzgerald, Babbs et al., Am J Physiol 1981;241:H442, indicator dilution in dogs: output set by compression rate and duty cycle); an estimate',
  }),
  rightHeart: rightHeartSpecs,
  hypercapnia: hypercapniaSpecs,
  acidaemia: acidaemiaSpecs,
  fever: feverToneSpecs,
  hydrocortisone: hydrocortisoneEffectSpecs,
  vasopressin: vasopressinEffectSpecs,
} as const satisfies SpecTree;
