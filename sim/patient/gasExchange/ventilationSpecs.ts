/**
 * The native lung's recovery, the bedside FiO2 protocol (ventilation.ts) and the ventilator's rate with the ARDS
 * Network's pH protocol (ventilatorRate.ts): the scenario's `patient.lung` section.
 */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

/** The pH protocol's source, as the card states it. */
const ARDSNET_CARD =
  'NHLBI ARDS Network mechanical ventilation protocol card (the protocol of ARDS Network, N Engl J Med 2000;342:1301): pH goal 7.30–7.45; pH 7.15–7.30: increase the set rate until pH > 7.30 or PaCO2 < 25 mmHg (maximum set rate 35/min); pH < 7.15: rate to 35; pH > 7.45: decrease the rate if possible';

/** A protocol setting the card states: adjustable, sourced to the card. */
const fromCard = (unit: string, value: number, limits: [number, number], description: string) =>
  q(unit, value, limits, { adjustable: true, description, source: 'S2', ref: ARDSNET_CARD });

const titrate: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description:
    'Titrate the ventilator FiO2 to the saturation target at each check (one step up below it, one step down above it; on ECMO down to the rest FiO2).',
  source: 'S2',
  ref: 'ARDS Network oxygenation goal: SpO2 88–95 % (PaO2 55–80 mmHg), FiO2 adjusted in steps',
};

const titrateRate: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'Titrate the ventilator rate to the pH goal at each blood gas check (ARDS Network protocol: faster below pH 7.30, to the maximum below 7.15, slower above 7.45). Off unless the scenario turns it on (both bundled defaults and so both cohort arms do).',
  source: 'S2',
  ref: ARDSNET_CARD,
};

export const ventilationSpecs = {
  ventilationPerfusionDrop: q('mmHg', 100, [0, 500], {
    range: [0, 200],
    description:
      'ΔPO2: the drop from alveolar to end-capillary PO2 that low ventilation/perfusion regions cause (the second parameter of the shunt and V/Q lung model); a higher FiO2 overcomes it, not the shunt.',
    source: 'E',
    ref: 'model: Karbing et al., Crit Care 2007;11:R118 (shunt + ΔPO2 fitted in ICU patients); the value an estimate for lung injury',
  }),
  recoveryTimeConstant: q('h', 48, [1, 2000], {
    range: [24, 168],
    description:
      'Time constant with which the lung’s impairment (shunt and ΔPO2) follows the sepsis drive as inflammation resolves (a hypothesis: gas exchange in septic lung injury improves over days).',
    source: 'E',
    ref: 'estimate, no published value: days, not hours or weeks. Oxygenation resolved within a day (PaO2/FiO2 > 300 or extubation) in only 10.5 % of 4361 ARDS Network patients (Schenck et al., Chest 2019;155:474), and with low tidal volumes patients had 12 ± 11 ventilator-free days of 28 (ARDS Network, N Engl J Med 2000;342:1301); the drive’s slow phase (kinetics.sepsisDrive.timeConstant, fitted: scenarios/cohort/calibration.json) sets most of the course',
  }),
  fio2Titration: {
    titrate,
    targetLow: q('1', 0.88, [0.5, 1], {
      adjustable: true,
      description: 'Lower end of the arterial saturation target: below it the FiO2 goes up one step.',
      source: 'S2',
      ref: 'ARDS Network protocol: SpO2 88–95 %',
    }),
    targetHigh: q('1', 0.95, [0.5, 1], {
      adjustable: true,
      description: 'Upper end of the arterial saturation target: above it the FiO2 comes down one step (on ECMO the low end is used: the lung is rested).',
      source: 'S2',
      ref: 'ARDS Network protocol: SpO2 88–95 %',
    }),
    step: q('1', 0.05, [0.01, 0.5], {
      adjustable: true,
      description: 'FiO2 change per check.',
      source: 'E',
      ref: 'bedside protocol setting (FiO2 steps of 5–10 %)',
    }),
    interval: q('h', 1, [0.1, 24], {
      adjustable: true,
      description: 'Time between FiO2 checks (a saturation reading).',
      source: 'E',
      ref: 'bedside protocol setting',
    }),
    minFio2: q('1', 0.21, [0.21, 1], {
      adjustable: true,
      description: 'Lowest FiO2 the protocol sets without ECMO.',
      source: 'E',
      ref: 'room air; a ventilator delivers 0.21–1.0',
    }),
    maxFio2: q('1', 1, [0.21, 1], {
      adjustable: true,
      description: 'Highest FiO2 the protocol sets.',
      source: 'E',
      ref: 'a ventilator delivers 0.21–1.0',
    }),
    weanRetry: q('h', 4, [0, 72], {
      range: [4, 8],
      adjustable: true,
      description:
        'After a failed wean (FiO2 lowered, then raised again because the saturation fell below the target) the protocol keeps the FiO2 that held the target this long before it lowers it again; 0 retries at the next check.',
      source: 'S2',
      ref: 'BTS guideline for oxygen use in adults, Thorax 2017;72(Suppl 1): lower the oxygen once the saturation has been in the upper zone of its target for 4–8 h; if it falls below the target, return to the lowest concentration that kept it there',
    }),
    restFio2OnEcmo: q('1', 0.3, [0.21, 1], {
      adjustable: true,
      description: 'On ECMO the ventilator FiO2 is weaned down to this rest value while the circuit holds the saturation at the low target.',
      source: 'S2',
      ref: 'lung rest on VV ECMO: FiO2 0.3 (CESAR), 0.3–0.5 (REVA); Crit Care 2014, doi:10.1186/cc13702, table 1',
    }),
  },
  ventilatorRate: q('bpm', 20, [4, 60], {
    adjustable: true,
    description:
      'Set ventilator rate (breaths/min) at the start: the lung’s CO2 conductance (co2Conductance) is given at this rate and scales with the rate as it changes (the pH protocol, rateTitration, or the operator), at a fixed tidal volume and dead space per breath (ventilatorRate.ts).',
    source: 'E',
    ref: 'estimate: a set rate for 6 mL/kg tidal volumes in lung injury; the ARDS Network protocol sets the initial rate to match the baseline minute ventilation, not above 35/min',
  }),
  rateTitration: {
    titrate: titrateRate,
    acidosisPh: fromCard('1', 7.3, [6.8, 7.6], 'Below this arterial pH (and PaCO2 at least minPaco2) the rate goes up one step.'),
    severeAcidosisPh: fromCard('1', 7.15, [6.8, 7.6], 'Below this arterial pH (and PaCO2 at least minPaco2) the rate goes to maxRate at once.'),
    alkalosisPh: fromCard('1', 7.45, [6.8, 7.8], 'Above this arterial pH the rate comes down one step (to minRate at the lowest).'),
    minPaco2: fromCard('mmHg', 25, [0, 100], 'The rate is not raised while PaCO2 is below this, whatever the pH.'),
    step: q('bpm', 2, [0.5, 10], {
      adjustable: true,
      description: 'Rate change per check.',
      source: 'E',
      ref: 'bedside protocol setting: the card gives no increment; 2/min changes PaCO2 by about a tenth at 20/min',
    }),
    interval: q('h', 1, [0.1, 24], {
      adjustable: true,
      description: 'Time between blood gas checks (an arterial blood gas after each change).',
      source: 'E',
      ref: 'bedside protocol setting: a blood gas 30–60 min after a ventilator change',
    }),
    minRate: q('bpm', 6, [1, 60], {
      adjustable: true,
      description: 'Lowest rate the protocol sets.',
      source: 'S2',
      ref: 'ARDS Network protocol: set rate 6–35/min (medicalalgorithms.com, "NIH ARDS Network ventilator strategy: adjustment for pH")',
    }),
    maxRate: fromCard('bpm', 35, [1, 60], 'Highest rate the protocol sets.'),
    restRateOnEcmo: q('bpm', 10, [1, 60], {
      adjustable: true,
      range: [4, 20],
      description:
        'Lung rest on VV ECMO: where the circuit takes the CO2 over (the first blood gas check at which it returns blood with the sweep titrated or the operator’s, and again after a check at which it did not: a restarted pump, a released clamp), a set rate above this comes down to it at once; between, the rate protocol stands aside as before (it acts when the sweep is spent or the circuit stops). A rate at or below it is left alone.',
      source: 'S2',
      ref: 'lung rest settings on VV ECMO: respiratory rate 10/min (CESAR trial), 6–20 (REVA), 4–5 (ELSO); Crit Care 2014, doi:10.1186/cc13702, table 1. Initiation of ECMO came with a lower rate and minute ventilation, a higher pH and a lower PaCO2 in 545 patients (Serpa Neto et al., Intensive Care Med 2016, doi:10.1007/s00134-016-4507-0, nine studies pooled)',
    }),
  },
} as const satisfies SpecTree;
