/** The prescription: hemofiltration settings, heparin and the filter-change rules (the scenario's `prescription`). */
import { q, type ChoiceSpec, type FlagSpec, type SpecTree } from '../parameters.js';
import { albuminReplacementSpecs } from '../patient/fluidBalance/albuminReplacementSpecs.js';
import { plateletTransfusionSpecs } from '../patient/platelets/plateletTransfusionSpecs.js';
import { phosphateReplacementSpecs } from '../patient/solutes/phosphateReplacementSpecs.js';
import { replacementBicarbonateSpec } from '../patient/acidBase/acidBaseSpecs.js';
import { phosphateSupplementSpec, replacementPhosphateSpec } from '../patient/solutes/phosphate.js';
import { hydrocortisoneRuleSpecs, vasopressinRuleSpecs } from '../patient/hemodynamics/hydrocortisoneSpecs.js';
import { surfaceCoolingSpecs } from '../patient/temperature/surfaceCoolingSpecs.js';

const replacementWarming: ChoiceSpec<'warmed' | 'roomTemperature'> = {
  kind: 'choice',
  values: ['warmed', 'roomTemperature'],
  default: 'warmed',
  adjustable: true,
  description: 'Replacement fluid through the machine warmer (enters at the warmed temperature) or at room temperature (patient.temperature.room).',
  source: 'E',
  ref: 'bedside setting: CRRT machines warm replacement fluid in line',
};

const titrateNorepinephrine: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description: 'Titrate norepinephrine to the MAP target at each check (escalate by a step below it, wean by a share above weanAbove).',
  source: 'S',
  ref: 'reference-data.md §7: clinicians titrate norepinephrine to MAP ≥ 65 mmHg',
};

const titrate: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description: 'Titrate the heparin infusion to the aPTT target at each check (Raschke-style nomogram).',
  source: 'S',
  ref: 'cohort.md: target aPTT 55–70 s',
};

const autoChange: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description:
    'A nurse changes each replacement bag, effluent bag and heparin syringe the moment it runs out (logged), so the treatment never stops for them; false (training): the machine stops and waits for the operator.',
  source: 'E',
  ref: 'operator action; batch runs and the cohort assume uninterrupted treatment',
};

const lineOccluded: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description: 'The heparin line is occluded (kinked, clamped, a closed stopcock): the syringe pump pushes nothing and alarms.',
  source: 'S2',
  ref: 'training-reference.md: syringe pump occlusion alarm (CRRT and ECMO heparin pumps)',
};

export const prescriptionSpecs = {
  effluentDose: q('mL/kg/h', 45, [0, 200], {
    adjustable: true,
    range: [20, 70],
    description: 'Effluent dose (total ultrafiltrate per kg per hour).',
    source: 'S',
    ref: 'cohort.md: 45 mL/kg/h',
  }),
  predilutionFraction: q('1', 1, [0, 1], {
    adjustable: true,
    description: 'Fraction of the replacement fluid given before the filter (1 = all predilution).',
    source: 'S',
    ref: 'cohort.md: replacement pre-filter',
  }),
  filterBloodFlow: q('mL/min', 350, [0, 600], {
    adjustable: true,
    range: [200, 450],
    description: 'Blood flow set on the hemofilter blood pump.',
    source: 'E',
    ref: 'keeps FF ~20 % at 45 mL/kg/h, 80 kg, Hct 30 % (reference-data.md §1)',
  }),
  replacementFluid: {
    warming: replacementWarming,
    warmedTemperature: q('degC', 37, [20, 42], {
      range: [35, 39],
      description: 'Temperature at which warmed replacement fluid enters the blood.',
      source: 'E',
      ref: 'in-line warmers set to 37–40 °C lose some heat in the line: an estimate',
    }),
    bicarbonate: replacementBicarbonateSpec,
    phosphate: replacementPhosphateSpec,
    bagVolume: q('mL', 5000, [100, 10000], {
      adjustable: true,
      range: [3000, 5000],
      description: 'Volume of each replacement-fluid bag hung on the machine (a changed setting applies to the next bag).',
      source: 'S',
      ref: 'openFDA NDC 24571-113-06, PRISMASOL BK0/0/1.2: 5 L in 1 bag (commercial CRRT solutions come in 5 L bags)',
    }),
  },
  effluentBagCapacity: q('mL', 5000, [100, 10000], {
    adjustable: true,
    range: [5000, 10000],
    description: 'Capacity of the effluent bag: when it is full the machine stops its fluid pumps (a changed setting applies to the next bag).',
    source: 'E',
    ref: 'estimate: CRRT effluent bags match the 5 L solution bags',
  }),
  consumables: { autoChange },
  phosphateSupplement: phosphateSupplementSpec,
  netUltrafiltration: q('mL/h', 0, [0, 1000], {
    adjustable: true,
    description: 'Net fluid removal (effluent minus replacement).',
    source: 'E',
    ref: 'scenario setting',
  }),
  heparin: {
    bolus: q('U', 0, [0, 50000], {
      perKg: true,
      description: 'Heparin bolus at the start of the run (U or U/kg); default none, the cannulation bolus was given before the run.',
      source: 'E',
      ref: 'ELSO: 50–100 U/kg at cannulation, before the run starts',
    }),
    infusion: q('U/h', null, [0, 10000], {
      defaultPerKg: 18,
      perKg: true,
      adjustable: true,
      description: 'Heparin infusion rate (U/h or U/kg/h; default 18 U/kg/h).',
      source: 'S',
      ref: 'reference-data.md §5: ~18 U/kg/h to start',
    }),
    titrate,
    syringeVolume: q('mL', 50, [1, 100], {
      adjustable: true,
      range: [20, 50],
      description: 'Volume of the heparin syringe in the syringe pump (a changed setting applies to the next syringe).',
      source: 'S2',
      ref: 'syringe drivers take 50 mL syringes (allnurses: heparin made up to 50 mL in a Terumo syringe)',
    }),
    syringeConcentration: q('U/mL', 500, [1, 10000], {
      adjustable: true,
      range: [100, 1000],
      description: 'Heparin concentration in the syringe: the pump pushes infusion / concentration mL/h.',
      source: 'E',
      ref: 'estimate: 25,000 U in 50 mL; concentrations are each hospital’s own (allnurses: 40–100 U/mL bags in the US, 10,000 U/50 mL syringes)',
    }),
    lineOccluded,
    targetLow: q('s', 55, [20, 200], { adjustable: true, description: 'Lower aPTT target.', source: 'S', ref: 'cohort.md' }),
    targetHigh: q('s', 70, [20, 200], { adjustable: true, description: 'Upper aPTT target.', source: 'S', ref: 'cohort.md' }),
    checkInterval: q('h', 6, [0.5, 48], {
      description: 'Interval between aPTT checks.',
      source: 'S',
      ref: 'Raschke, Ann Intern Med 1993: aPTT 6 h after each change',
    }),
    titrationStep: q('U/h', null, [0, 2000], {
      defaultPerKg: 2,
      perKg: true,
      description: 'Change of infusion rate when the aPTT is outside the target (default 2 U/kg/h).',
      source: 'S',
      ref: 'Raschke 1993 nomogram: ±2 U/kg/h',
    }),
    holdAbove: q('s', 90, [20, 300], {
      description: 'Hold the infusion (holdTime), then restart it lower by holdStep, when the aPTT is above this (the nomogram’s top tier).',
      source: 'S',
      ref: 'Raschke, Ann Intern Med 1993: aPTT > 90 s (> 3 × control): hold 1 h, then −3 U/kg/h; a protocol, never fitted',
    }),
    holdTime: q('h', 1, [0, 12], {
      description: 'How long the infusion is held above holdAbove (0: no hold; the aPTT then takes the ordinary step).',
      source: 'S',
      ref: 'Raschke, Ann Intern Med 1993: hold 1 h',
    }),
    holdStep: q('U/h', null, [0, 2000], {
      defaultPerKg: 3,
      perKg: true,
      description: 'Decrease of the infusion rate when it restarts after a hold (default 3 U/kg/h).',
      source: 'S',
      ref: 'Raschke, Ann Intern Med 1993: then decrease by 3 U/kg/h',
    }),
    maxInfusion: q('U/h', null, [0, 20000], {
      defaultPerKg: 40,
      perKg: true,
      description: 'Upper limit of the titrated infusion rate (default 40 U/kg/h).',
      source: 'E',
      ref: 'unit protocol cap',
    }),
  },
  norepinephrine: {
    titrate: titrateNorepinephrine,
    targetMap: q('mmHg', 65, [30, 120], {
      adjustable: true,
      description: 'Target MAP: raise the dose by one step when MAP is below it.',
      source: 'S',
      ref: 'Surviving Sepsis Campaign 2021 (Evans, Intensive Care Med 2021): initial MAP target 65 mmHg',
    }),
    weanAbove: q('mmHg', 70, [30, 150], {
      adjustable: true,
      range: [65, 75],
      description: 'Wean by a share of the dose when MAP is above this (at least the target; between them the dose holds).',
      source: 'E',
      ref: 'nurse-driven protocols wean once MAP is above target by a margin; 5 mmHg here [E]; a protocol, never fitted',
    }),
    step: q('ug/kg/min', 0.02, [0.001, 1], {
      range: [0.01, 0.05],
      description: 'Escalation: dose added at a check when MAP is below target.',
      source: 'E',
      ref: 'protocols escalate by 0.01–0.05 µg/kg/min increments [E]; a protocol, never fitted',
    }),
    weanFraction: q('1', 0.25, [0, 1], {
      range: [0.05, 0.25],
      description: 'Proportional weaning: share of the current dose removed at a check when MAP is above weanAbove.',
      source: 'E',
      ref: 'protocols wean by a share of the current dose, 25 % of it every 30 min once stable [E]; hourly checks here. A protocol, never fitted: 10 % an hour left MAP above 85 mmHg for 8 h after hydrocortisone (hemodynamics.md)',
    }),
    stopBelow: q('ug/kg/min', 0.02, [0, 1], {
      range: [0.01, 0.05],
      description: 'Weaning stops the infusion once the dose it would leave is below this (0: proportional weaning never reaches off).',
      source: 'E',
      ref: 'tapering protocols take the last small step (0.01–0.02 µg/kg/min) to off near discontinuation [E]; a protocol, never fitted',
    }),
    interval: q('h', 1, [0.05, 24], {
      range: [0.25, 2],
      description: 'Time between titration checks.',
      source: 'E',
      ref: 'unit practice (hourly nursing checks); a protocol, never fitted',
    }),
    maxDose: q('ug/kg/min', 2, [0, 5], { description: 'Highest dose the titration gives.', source: 'E', ref: 'unit practice' }),
  },
  hydrocortisone: hydrocortisoneRuleSpecs,
  vasopressin: vasopressinRuleSpecs,
  albumin: albuminReplacementSpecs,
  plateletTransfusion: plateletTransfusionSpecs,
  phosphateReplacement: phosphateReplacementSpecs,
  surfaceCooling: surfaceCoolingSpecs,
  filterChange: {
    tmpLimit: q('mmHg', 250, [50, 500], { adjustable: true, description: 'Change the filter when TMP exceeds this.', source: 'S', ref: 'cohort.md' }),
    maxHours: q('h', 24, [1, 240], { adjustable: true, description: 'Change the filter at this age at the latest.', source: 'S', ref: 'cohort.md' }),
    downtime: q('h', 0.5, [0, 12], {
      range: [0.25, 1.5],
      description: 'Time without filtration while the filter is changed and primed.',
      source: 'E',
      ref: 'downtime cuts delivered dose (Claure-Del Granado, CJASN 2011)',
    }),
  },
} as const satisfies SpecTree;
