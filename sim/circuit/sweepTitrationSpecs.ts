/**
 * The sweep titration's settings (sim/patient/gasExchange/sweepTitration.ts): the scenario's
 * `circuit.oxygenator.sweepTitration` section. Off unless a scenario turns it on (the bundled ECMO + HVHF default does).
 */
import { q, type FlagSpec, type SpecTree } from '../parameters.js';

/** The guideline the rule follows, as it states it. */
const ELSO_VV =
  'ELSO VV ECMO guideline (Tonna et al., ASAIO J 2021;67:601): the sweep gas flow is titrated to the desired PaCO2 and pH; hypercapnia present at cannulation is corrected gradually';
/** The normal arterial blood gas. */
const NORMAL_GAS = 'laboratory reference range of arterial blood: PaCO2 35–45 mmHg, pH 7.35–7.45';
/** The caution after cannulation. */
const CAVAYAS =
  'Cavayas et al., Am J Respir Crit Care Med 2020;201:1525 (ELSO Registry, 11 972 adults, 88 % VV): a relative fall in PaCO2 of more than 50 % in the first 24 h of ECMO went with more neurological complications (9.8 vs 6.4 %; adjusted OR 1.7)';

const titrate: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'Titrate the ECMO sweep gas to the blood gas at each check: up while PaCO2 is above highPaco2 with the pH below 7.40 (the middle of acidosisPh–alkalosisPh) or the pH below acidosisPh with PaCO2 above lowPaco2; down in the mirror cases. Off unless the scenario turns it on (the bundled ECMO + HVHF default and so the ECMO cohort arm do; a trainee’s sweep stays theirs otherwise). While it is on and the circuit returns blood, the ventilator rate protocol (patient.lung.rateTitration) stands aside: on ECMO the sweep carries the CO2 and the ventilator rests. A sweep set during a run (the live view, a trainee, a timeline entry) switches it off, the sweep then the operator’s, unless the same action sets titrate too; switched on again it steps from the sweep in force.',
  source: 'S2',
  ref: ELSO_VV,
};

export const sweepTitrationSpecs = {
  titrate,
  lowPaco2: q('mmHg', 35, [15, 60], {
    adjustable: true,
    description:
      'Below this PaCO2 the sweep comes down one step while the pH is above the middle of acidosisPh–alkalosisPh (7.40); the sweep is not raised for an acidaemia below it.',
    source: 'S2',
    ref: `${ELSO_VV}; ${NORMAL_GAS}`,
  }),
  highPaco2: q('mmHg', 45, [25, 100], {
    adjustable: true,
    description:
      'Above this PaCO2 the sweep goes up one step while the pH is below the middle of acidosisPh–alkalosisPh (7.40); the sweep is not lowered for an alkalaemia above it.',
    source: 'S2',
    ref: `${ELSO_VV}; ${NORMAL_GAS}`,
  }),
  acidosisPh: q('1', 7.35, [6.8, 7.6], {
    adjustable: true,
    description: 'Below this arterial pH the sweep goes up one step while PaCO2 is above lowPaco2.',
    source: 'S2',
    ref: `${ELSO_VV}; ${NORMAL_GAS}`,
  }),
  alkalosisPh: q('1', 7.45, [6.8, 7.8], {
    adjustable: true,
    description: 'Above this arterial pH the sweep comes down one step while PaCO2 is below highPaco2.',
    source: 'S2',
    ref: `${ELSO_VV}; ${NORMAL_GAS}`,
  }),
  step: q('L/min', 0.5, [0.1, 5], {
    adjustable: true,
    description: 'Sweep change per blood gas check.',
    source: 'E',
    ref: 'estimate, bedside setting: the guideline gives no increment; 0.5 L/min moves PaCO2 by 2–6 mmHg near the default sweep (1.5 L/min) and blood flow',
  }),
  interval: q('h', 1, [0.25, 24], {
    adjustable: true,
    description: 'Time between blood gas checks (the first at the start).',
    source: 'S2',
    ref: 'Mendes et al., Intensive Care Med Exp 2016;4:1 (apnoeic pigs on VV ECMO): PaCO2 settles within 50 min of a sweep change at 3.5 L/min blood flow; the same hourly blood gas as patient.lung.rateTitration.interval',
  }),
  minSweep: q('L/min', 0.5, [0, 15], {
    adjustable: true,
    description: 'Lowest sweep the protocol sets (a sweep already below it is not lowered further).',
    source: 'E',
    ref: 'estimate: the oxygenator still oxygenates at 0.5 L/min (sweep scale of O2 uptake 0.2 L/min, gas-exchange.md); the sweep is turned off only for a weaning trial',
  }),
  maxSweep: q('L/min', 10, [0.5, 15], {
    adjustable: true,
    description: 'Highest sweep the protocol sets (a sweep already above it is not raised further).',
    source: 'E',
    ref: 'estimate: the higher sweep of the published sweep–PaCO2 pair (reference-data.md §6); adult PMP oxygenators accept gas flows up to 10–15 L/min, and above ~10 L/min more sweep removes little more CO2 (Mendes 2016)',
  }),
  maxEarlyFall: q('1', 0.5, [0.05, 1], {
    adjustable: true,
    description:
      'The caution after cannulation: within earlyWindow of the first blood gas the sweep is not raised once PaCO2 has fallen by this fraction of the PaCO2 at the first blood gas (1: no caution).',
    source: 'S2',
    ref: CAVAYAS,
  }),
  earlyWindow: q('h', 24, [0, 72], {
    adjustable: true,
    description: 'How long after the first blood gas the caution (maxEarlyFall) holds.',
    source: 'S2',
    ref: CAVAYAS,
  }),
} as const satisfies SpecTree;
