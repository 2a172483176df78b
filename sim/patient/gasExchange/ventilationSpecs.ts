/** The native lung's recovery and the bedside FiO2 protocol (the scenario's `patient.lung` section; ventilation.ts). */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

const titrate: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description:
    'Titrate the ventilator FiO2 to the saturation target at each check (one step up below it, one step down above it; on ECMO down to the rest FiO2).',
  source: 'S2',
  ref: 'ARDS Network oxygenation goal: SpO2 88–95 % (PaO2 55–80 mmHg), FiO2 adjusted in steps',
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
    restFio2OnEcmo: q('1', 0.3, [0.21, 1], {
      adjustable: true,
      description: 'On ECMO the ventilator FiO2 is weaned down to this rest value while the circuit holds the saturation at the low target.',
      source: 'S2',
      ref: 'lung rest on VV ECMO: FiO2 0.3 (CESAR), 0.3–0.5 (REVA); Crit Care 2014, doi:10.1186/cc13702, table 1',
    }),
  },
} as const satisfies SpecTree;
