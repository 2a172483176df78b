/**
 * The adjuncts of septic shock: hydrocortisone (hydrocortisone.ts) and vasopressin (vasopressin.ts). Their start rules
 * are protocols (the prescription's `hydrocortisone` and `vasopressin`); their effects on the pressor dose–response
 * are the scenario's `hemodynamics.hydrocortisone` and `hemodynamics.vasopressin`.
 */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

const give: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description:
    'Give IV hydrocortisone 200 mg/day once norepinephrine has stayed at or above startDose for startDelay (false: never; turned off after the start, its effect wears off).',
  source: 'S',
  ref: 'Surviving Sepsis Campaign 2021 (Evans, Intensive Care Med 2021): IV corticosteroids for septic shock with an ongoing vasopressor requirement',
};

export const hydrocortisoneRuleSpecs = {
  give,
  startDose: q('ug/kg/min', 0.25, [0, 5], {
    adjustable: true,
    description: 'Norepinephrine dose at or above which the start count runs (a dose below it restarts the count).',
    source: 'S',
    ref: 'Surviving Sepsis Campaign 2021 (Evans, Intensive Care Med 2021): norepinephrine or epinephrine ≥ 0.25 µg/kg/min',
  }),
  startDelay: q('h', 4, [0, 72], {
    adjustable: true,
    description: 'Time the dose must stay at or above startDose before hydrocortisone starts.',
    source: 'S',
    ref: 'Surviving Sepsis Campaign 2021 (Evans, Intensive Care Med 2021): for at least 4 h',
  }),
} as const satisfies SpecTree;

const BELLISSANT = 'Bellissant & Annane, Clin Pharmacol Ther 2000: 12 septic shock patients, phenylephrine–MAP curve 1 h after 50 mg IV';

export const hydrocortisoneEffectSpecs = {
  maxEffectRatio: q('1', 1.97, [0.5, 5], {
    range: [1.5, 2.5],
    description: 'ρ_Emax: the norepinephrine effect’s Emax with hydrocortisone in full effect, relative to before it (Emax·(1 + (ρ − 1)·h)).',
    source: 'S',
    ref: `${BELLISSANT}: Emax 39 ± 17 → 77 ± 26 mmHg (77/39); carried over to norepinephrine (both α1-agonists) [E]`,
  }),
  halfEffectDoseRatio: q('1', 1, [0.1, 10], {
    range: [0.7, 1.3],
    description: 'ρ_ED50: ED50 with hydrocortisone in full effect, relative to before it.',
    source: 'S',
    ref: `${BELLISSANT}: ED50 not modified`,
  }),
  toneRise: q('mmHg', 6, [0, 30], {
    range: [0, 12],
    description: 'ΔE0: MAP without vasopressor raised by hydrocortisone in full effect (ΔE0·h).',
    source: 'S',
    ref: `${BELLISSANT}: E0 58 ± 8 → 64 ± 12 mmHg`,
  }),
  onsetTime: q('h', 1 / 3, [0.01, 24], {
    range: [0.17, 1],
    description: 'τ: time constant of the effect’s first-order onset after the start (and offset if stopped).',
    source: 'E',
    ref: 'Bellissant 2000 and Annane, Br J Clin Pharmacol 1998 measured the shift once, 60 min after 50 mg; τ = 20 min puts 95 % there',
  }),
} as const satisfies SpecTree;

const giveVasopressin: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description:
    'Add vasopressin at a titration check where MAP is below the target and norepinephrine is at or above startDose, instead of escalating norepinephrine (false: never; turned off, it stops).',
  source: 'S',
  ref: 'Surviving Sepsis Campaign 2021 (Evans, Intensive Care Med 2021): add vasopressin rather than escalate norepinephrine',
};

export const vasopressinRuleSpecs = {
  give: giveVasopressin,
  startDose: q('ug/kg/min', 0.25, [0, 5], {
    adjustable: true,
    range: [0.25, 0.5],
    description: 'Norepinephrine dose at or above which a MAP below target adds vasopressin.',
    source: 'S',
    ref: 'Surviving Sepsis Campaign 2021 (Evans, Intensive Care Med 2021): typically at norepinephrine 0.25–0.5 µg/kg/min',
  }),
  dose: q('U/min', 0.03, [0, 0.1], {
    adjustable: true,
    range: [0.01, 0.04],
    description: 'Vasopressin infusion rate once added (fixed, not titrated).',
    source: 'S',
    ref: 'VASST (Russell, NEJM 2008): 0.01–0.03 U/min; Surviving Sepsis Campaign 2021: up to 0.03 U/min',
  }),
  stopAtNorepinephrine: q('ug/kg/min', 0.05, [0, 5], {
    adjustable: true,
    range: [0, 0.1],
    description:
      'A norepinephrine dose, not a vasopressin one: stop vasopressin at a check where MAP is above weanAbove and norepinephrine has been weaned to this dose or less (norepinephrine first, then vasopressin). Not norepinephrine.stopBelow, the dose below which norepinephrine itself is stopped.',
    source: 'E',
    ref: 'units wean norepinephrine first and stop vasopressin last: stopping vasopressin first brought more hypotension (Bauer, retrospective; Wu et al., Shock 2020 meta-analysis); the dose at which vasopressin stops is an estimate',
  }),
} as const satisfies SpecTree;

export const vasopressinEffectSpecs = {
  norepinephrineEquivalent: q('ug/kg/U', 2.5, [0, 20], {
    range: [1.5, 4],
    description: 'k: norepinephrine dose equivalent to 1 U/min of vasopressin (k·VP joins the norepinephrine dose on the pressor curve).',
    source: 'S2',
    ref: 'Goradia, J Crit Care 2021 (vasopressor dose equivalence, scoping review): NEE = NE + 2.5·vasopressin (U/min), as in MIMIC-IV norepinephrine_equivalent_dose',
  }),
} as const satisfies SpecTree;
