/** The patient section of a scenario: who the patient is and their state at the start of the run. */
import { q, type ChoiceSpec, type FlagSpec, type SpecTree } from '../parameters.js';
import { SOLUTE_SPECS } from './solutes/registry.js';
import { kidneySpecs } from './kidney/kidneySpecs.js';
import { temperatureSpecs } from './temperature/temperatureSpecs.js';
import { metabolismSpecs } from './gasExchange/oxygenConsumptionSpecs.js';
import { acidBaseSpecs } from './acidBase/acidBaseSpecs.js';
import { bleedingSpecs } from './fluidBalance/bleedingSpecs.js';
import { ventilationSpecs } from './gasExchange/ventilationSpecs.js';
import { co2StoreSpecs } from './co2Stores/co2StoreSpecs.js';
import { plateletSpecs } from './platelets/plateletSpecs.js';

/** A stopped heart (cardiac arrest) and chest compressions: the fault and the bedside's answer (hemodynamics.md, "Cardiac arrest"). */
const cardiacArrest: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'Cardiac arrest: the heart pumps nothing of its own (asystole, ventricular fibrillation or pulseless activity); off again is the return of spontaneous circulation. A training fault (cardiac-arrest).',
  source: 'E',
  ref: 'ELSO emergency courses: cardiac arrest on VV ECMO (training-reference.md)',
};

const chestCompressions: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'Chest compressions under way: while the heart is arrested they pump hemodynamics.compressionOutput of its cardiac function curve; with a beating heart they do nothing here.',
  source: 'E',
  ref: 'bedside action (ALS); hemodynamics.md, "Cardiac arrest"',
};

const sex: ChoiceSpec<'male' | 'female'> = {
  kind: 'choice',
  values: ['male', 'female'],
  default: 'male',
  description: 'Sex (descriptive; the cohort was 68 % male).',
  source: 'S',
  ref: 'cohort.md',
};

export const patientSpecs = {
  weight: q('kg', null, [20, 300], {
    description: 'Body weight; the effluent dose and per-kg doses scale with it.',
    source: 'E',
    ref: 'scenario input (the cohort default adult: 80 kg)',
  }),
  height: q('cm', 175, [120, 230], { description: 'Body height (descriptive).', source: 'E', ref: 'adult average' }),
  age: q('year', 50, [18, 100], { description: 'Age (descriptive).', source: 'S', ref: 'cohort.md: mean 49.2 years' }),
  sex,
  hematocrit: q('1', 0.3, [0.1, 0.65], {
    range: [0.22, 0.4],
    description: 'Hematocrit at the start; red-cell mass is then conserved and hematocrit follows intravascular volume.',
    source: 'E',
    ref: 'typical septic-shock ICU patient',
  }),
  intravascularVolume: q('mL', null, [1000, 20000], {
    defaultPerKg: 70,
    description: 'Blood volume at the start (default 70 mL/kg).',
    source: 'S2',
    ref: 'adult blood volume ~70 mL/kg (physiology textbooks)',
  }),
  centralVenousPressure: q('mmHg', 10, [-5, 30], {
    range: [5, 15],
    description: 'Central venous pressure at the starting intravascular volume.',
    source: 'E',
    ref: 'septic shock after fluid resuscitation',
  }),
  venousCompliance: q('mL/mmHg', null, [20, 1000], {
    defaultPerKg: 2,
    range: [120, 240],
    description: 'Venous compliance: mL of blood volume per mmHg of venous pressure (default 2 mL/mmHg/kg; range for an 80 kg adult, 1.5–3 mL/mmHg/kg).',
    source: 'E',
    ref: 'Guyton: systemic venous compliance ~2–2.5 mL/mmHg/kg',
  }),
  cardiacOutput: q('mL/min', 6500, [1000, 20000], {
    range: [4000, 9000],
    description: 'Native cardiac output (recirculation and oxygen mixing depend on it).',
    source: 'E',
    ref: 'hyperdynamic septic shock 6–8 L/min',
  }),
  baseline: {
    il6: q('pg/mL', 2000, [0, 1e6], {
      range: [200, 20000],
      description: 'Plasma IL-6 at the start.',
      source: 'S',
      ref: 'cohort.md: baselines ≈ 2069 and 1984 pg/mL (derived)',
    }),
    pct: q('ng/mL', 20, [0, 2000], {
      range: [2, 100],
      description: 'Plasma procalcitonin at the start.',
      source: 'E',
      ref: 'septic shock, typical 10–50 ng/mL',
    }),
    crp: q('mg/L', 200, [0, 1000], {
      range: [50, 350],
      description: 'Plasma CRP at the start.',
      source: 'E',
      ref: 'septic shock, typical 150–300 mg/L',
    }),
    albumin: q('g/L', 28, [5, 60], {
      range: [20, 35],
      description: 'Serum albumin at the start.',
      source: 'E',
      ref: 'reference-data.md §3: 25–35 g/L in septic shock',
    }),
    creatinine: q('mg/dL', 2.5, [0.1, 20], {
      range: [1, 5],
      description: 'Serum creatinine at the start.',
      source: 'E',
      ref: 'septic acute kidney injury',
    }),
    otherSofa: q('1', 4, [0, 12], {
      range: [0, 8],
      description:
        'SOFA points of the sub-scores not modelled (liver, CNS), carried unchanged through the run (coagulation is scored from the platelet count, patient.platelets).',
      source: 'E',
      ref: 'Vincent, ICM 1996 (SOFA); typical in septic shock',
    }),
    ...SOLUTE_SPECS.baseline,
    globulin: q('g/L', 30, [5, 80], {
      range: [20, 40],
      description: 'Plasma globulins (with albumin: the total protein behind the oncotic pressure at the membrane).',
      source: 'E',
      ref: 'normal total protein 60–80 g/L',
    }),
  },
  hemodynamics: {
    map: q('mmHg', 52.3, [20, 150], {
      description: 'Mean arterial pressure at the start, before any extracorporeal treatment.',
      source: 'S',
      ref: 'cohort.md: 52.3 mmHg (ECMO arm)',
    }),
    heartRate: q('bpm', 115, [30, 220], { description: 'Heart rate at the start, before any extracorporeal treatment.', source: 'E', ref: 'septic shock' }),
    norepinephrine: q('ug/kg/min', 0.74, [0, 5], {
      adjustable: true,
      description: 'Norepinephrine dose (at the start; the titration and the operator change it during the run).',
      source: 'S',
      ref: 'cohort.md: −0.39 = −53 % of baseline, so ≈ 0.74 (derived)',
    }),
    cardiacArrest,
    chestCompressions,
  },
  kidney: kidneySpecs,
  lung: {
    shuntFraction: q('1', 0.4, [0, 1], {
      range: [0.1, 0.7],
      description: 'Native-lung shunt fraction (blood passing unventilated lung).',
      source: 'E',
      ref: 'ARDS on VV ECMO 30–60 %',
    }),
    ventilatorFio2: q('1', 0.5, [0.21, 1], {
      range: [0.4, 0.8],
      adjustable: true,
      description:
        'Inspired oxygen fraction on the ventilator at the start (the FiO2 protocol, patient.lung.fio2Titration, and the operator change it): the alveolar PO2 of the native lung and the PaO2/FiO2 ratio of SOFA.',
      source: 'E',
      ref: 'septic shock on mechanical ventilation',
    }),
    endCapillarySaturation: q('1', 0.98, [0.5, 1], {
      description: 'Ceiling of the oxygen saturation of blood leaving ventilated alveoli (below it, the alveolar PO2 less the V/Q drop sets it).',
      source: 'E',
      ref: 'alveolar PO2 > 100 mmHg',
    }),
    co2Conductance: q('mL/min/mmHg', 4, [0, 50], {
      range: [2.5, 8],
      description: 'CO2 the native lung removes per mmHg of PaCO2 (alveolar ventilation / 0.863, reduced by disease).',
      source: 'E',
      ref: 'VCO2 200 mL/min at PaCO2 50 mmHg without ECMO; plausible range: a ventilated patient without ECMO kept at PaCO2 ≈ 35–80 mmHg (permissive hypercapnia to pH ≥ 7.20; LUNG SAFE, Madotto, Chest 2020: 43 % above 45 mmHg on day 1) at VCO2 200 mL/min, 2.5–5.7, up to a healthy ventilation’s 8; below 2.5 PaCO2 passes 80–120 mmHg (1 gave 200–300, the alveolar oxygen gone)',
    }),
    o2Consumption: q('mL/min', 250, [50, 1000], {
      range: [180, 350],
      description: 'Whole-body oxygen consumption.',
      source: 'S2',
      ref: '~3 mL/kg/min in critical illness',
    }),
    co2Production: q('mL/min', 200, [40, 800], {
      range: [150, 300],
      description:
        "Whole-body CO2 production at the start; it follows the tissues' oxygen demand (temperature, sepsis drive) at the starting respiratory quotient co2Production/o2Consumption.",
      source: 'S2',
      ref: 'respiratory quotient 0.8; VCO2 = RQ·VO2 in aerobic metabolism (gas-exchange.md, "Carbon dioxide")',
    }),
    ...ventilationSpecs,
    ...co2StoreSpecs,
  },
  platelets: plateletSpecs,
  temperature: temperatureSpecs,
  metabolism: metabolismSpecs,
  acidBase: acidBaseSpecs,
  bleeding: bleedingSpecs,
  fluids: {
    infusion: q('mL/h', 0, [0, 2000], {
      perKg: true,
      adjustable: true,
      range: [0, 200],
      description:
        'Intravenous fluid given continuously into the intravascular space: maintenance fluid and the carriers of drugs and electrolytes ("fluid creep"), crystalloid. Default 0 (a scenario prescribes it); the bundled defaults, and with them the cohort arms, give 1 mL/kg/h. Insensible loss is taken as offset by metabolic water (docs/models/fluid-balance.md).',
      source: 'S2',
      ref: 'Van Regenmortel et al., Intensive Care Med 2018 (14,654 ICU patients): fluid creep a median 645 mL/day = 32.6 % and maintenance/replacement 24.7 % of the mean daily total, so the total ≈ 2 L/day; Acheampong & Vincent, Crit Care 2015 (septic patients, 7 days): intake 48–59 mL/kg/day including resuscitation and nutrition (plausible range 0–200 mL/h: up to 2.5 mL/kg/h at 80 kg)',
    }),
    urineOutput: q('mL/h', 0, [0, 1000], {
      perKg: true,
      adjustable: true,
      description:
        'Urine output at the starting glomerular filtration; it then follows GFR (patient.kidney). Default anuric (0, so no fluid is lost without a fluid prescription); the bundled defaults, and with them the cohort arms, set 0.2 mL/kg/h, under the cohort entry criterion of ≤ 0.3 mL/kg/h.',
      source: 'E',
      ref: 'cohort.md inclusion: urine ≤ 0.3 mL/kg/h',
    }),
    interstitialVolume: q('mL', null, [1000, 60000], {
      defaultPerKg: 150,
      description: 'Interstitial fluid volume at the start (default 150 mL/kg).',
      source: 'S2',
      ref: 'interstitial fluid ~15 % of body weight',
    }),
    interstitialCompliance: q('mL/mmHg', null, [100, 10000], {
      defaultPerKg: 10,
      range: [400, 1600],
      description:
        'Interstitial compliance (default 10 mL/mmHg/kg; range for an 80 kg adult, 5–20 mL/mmHg/kg): how much the interstitium yields before it refills plasma.',
      source: 'E',
      ref: 'no published figure: an estimate, about 5× the venous compliance, that makes refill follow the plasma-refill time constant',
    }),
    proteinReflection: q('1', 0.9, [0, 1], {
      range: [0.7, 0.95],
      description:
        'Reflection coefficient σ of the capillary wall to plasma proteins: the share of the oncotic pressure difference that holds fluid in the vessels (Starling).',
      source: 'S2',
      ref: 'continuous capillaries σ ≈ 0.9 (Levick & Michel, Cardiovasc Res 2010); 0.81 in single frog mesenteric capillaries (Michel 1979); lower when sepsis opens the endothelium',
    }),
    refillTimeConstant: q('h', 1.5, [0.1, 24], {
      range: [0.5, 4],
      description: 'Time constant of plasma refill from the interstitium after a volume change.',
      source: 'E',
      ref: 'plasma refill over 1–2 h after hemorrhage/UF',
    }),
  },
} as const satisfies SpecTree;
