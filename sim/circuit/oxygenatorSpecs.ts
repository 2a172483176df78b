/** The oxygenator's part of the circuit section: the sweep gas, its transfer and resistance, thrombus and the training faults on it. */
import { q, type FlagSpec, type SpecTree } from '../parameters.js';
import { sweepTitrationSpecs } from './sweepTitrationSpecs.js';

export const oxygenatorSpecs = {
  sweepGas: q('L/min', 1.5, [0, 15], {
    adjustable: true,
    description: 'Sweep gas flow through the oxygenator.',
    source: 'E',
    ref: 'bedside setting',
  }),
  sweepTitration: sweepTitrationSpecs,
  fio2: q('1', 1.0, [0.21, 1], {
    adjustable: true,
    description: 'Oxygen fraction of the sweep gas (FdO2).',
    source: 'E',
    ref: 'bedside setting',
  }),
  resistance: q('mmHg min/mL', 0.007, [0.001, 0.05], {
    range: [0.005, 0.012],
    description: 'Blood-side resistance of the clean PMP oxygenator at 3 mPa·s (7 mmHg per L/min).',
    source: 'E',
    ref: 'reference-data.md §6: ~7 mmHg per L/min (5–12)',
  }),
  ratedFlow: q('mL/min', 7000, [1000, 10000], {
    description: 'Rated blood flow (Quadrox-iD class 0.5–7 L/min).',
    source: 'S',
    ref: 'reference-data.md §6',
  }),
  ratedOutletSaturation: q('1', 0.95, [0.7, 0.995], {
    description:
      "Saturation at which standard venous blood (Hb 12 g/dL, 65 %) leaves at the rated flow against pure oxygen: sets the fibre bundle's oxygen conductance K·A.",
    source: 'S',
    ref: 'definition of rated flow: the flow of standard venous blood that leaves the membrane lung at 95 % oxyhemoglobin saturation (PMC5578883)',
  }),
  co2: {
    referenceBloodFlow: q('mL/min', 5000, [1000, 8000], {
      description: 'Blood flow of the published sweep–PaCO2 points.',
      source: 'S2',
      ref: 'reference-data.md §6: teaching simulator at ~5 L/min',
    }),
    lowSweep: q('L/min', 2, [0.5, 10], { description: 'Lower sweep of the published pair.', source: 'S2', ref: 'reference-data.md §6' }),
    paco2AtLowSweep: q('mmHg', 60, [20, 120], { description: 'PaCO2 at the lower sweep.', source: 'S2', ref: 'reference-data.md §6' }),
    highSweep: q('L/min', 10, [1, 20], { description: 'Higher sweep of the published pair.', source: 'S2', ref: 'reference-data.md §6' }),
    paco2AtHighSweep: q('mmHg', 27, [10, 80], { description: 'PaCO2 at the higher sweep.', source: 'S2', ref: 'reference-data.md §6' }),
    referenceCo2Production: q('mL/min', 200, [50, 500], {
      description: 'CO2 production assumed for the published pair.',
      source: 'E',
      ref: 'adult at rest',
    }),
    referenceLungConductance: q('mL/min/mmHg', 1, [0, 10], {
      description: 'Native-lung CO2 conductance assumed for the published pair (severe ARDS).',
      source: 'E',
      ref: 'near-apnoeic lung-protective ventilation',
    }),
    referenceCardiacOutput: q('mL/min', 6500, [1000, 20000], {
      range: [5000, 9000],
      description:
        'Cardiac output assumed for the published pair: the membrane drains venous blood, whose PCO2 exceeds the arterial by VCO2/(CO·σ). At least the reference blood flow (its plausible range starts at the reference flow of 5 L/min).',
      source: 'E',
      ref: 'an adult on VV ECMO at ~5 L/min of blood flow; the bundled default patient starts at 6.5 L/min',
    }),
  },
  thrombusRate: q('1/h', 0.004, [0, 1], {
    range: [0.001, 0.02],
    description: 'Growth rate of fibre-bundle thrombus (relative resistance rise per hour) with aPTT in range.',
    source: 'E',
    ref: 'ΔP rises over days (reference-data.md §6)',
  }),
  sweepDisconnected: {
    kind: 'flag',
    default: false,
    adjustable: true,
    description:
      'Sweep-gas line disconnected between the flowmeter and the oxygenator: no gas reaches the membrane (oxygen transfer and CO2 removal stop) while the flowmeter still reads the set sweep.',
    source: 'E',
    ref: 'fault (training-reference.md: fresh-gas disconnection, a standard simulator emergency); sim/patient/gasExchange/membrane.ts',
  } satisfies FlagSpec,
  oxygenSupplyLost: {
    kind: 'flag',
    default: false,
    adjustable: true,
    description:
      "The oxygen supply to the sweep's air–oxygen blender has failed (wall outlet, hose or cylinder): the blender passes air alone (FiO2 0.21) at the set sweep and sounds its supply alarm, while its dial still shows the set FiO2. CO2 removal goes on; oxygenation falls to what air gives.",
    source: 'S2',
    ref: 'Sechrist 3600 air/oxygen mixer service manual (manualslib): the audible alarm sounds when either inlet falls to 24–28 psig; that the mixer then passes the remaining gas (its bypass) is taken as the design [E]; sim/patient/gasExchange/membrane.ts',
  } satisfies FlagSpec,
  plasmaLeak: q('1', 0, [0, 0.95], {
    adjustable: true,
    description:
      "Fraction of the membrane's gas-transfer capacity lost to plasma leakage (wetted fibres): the fibre bundle's oxygen conductance K·A and the CO2 conductance both scale by (1 − fraction).",
    source: 'E',
    ref: 'fault: hypothesis (proportional loss of exchange surface); failure thresholds Lubnow 2014 (post-membrane PO2 < 200 mmHg, PCO2 > 40–45 mmHg)',
  }),
  thrombosis: q('1', 0, [0, 0.95], {
    adjustable: true,
    description:
      "Fraction of the fibre bundle occluded by thrombus beyond the model's own slow growth: blood-side resistance × 1/(1 − fraction) (the open cross-section shrinks) and gas-transfer capacity × (1 − fraction).",
    source: 'E',
    ref: 'fault: hypothesis (parallel fibre paths: resistance ∝ 1/open area); Lubnow 2014: thrombosis when ΔP rises 30–50 %',
  }),
  thrombusAnticoagulationFactor: q('1', 3, [0, 50], {
    range: [1, 6],
    description: 'Extra thrombus growth without heparin: rate ×(1 + γ·s²), s the anticoagulation shortfall (as for the filter).',
    source: 'E',
    ref: 'same form as filter clotting (Uchino 2003)',
  }),
} as const satisfies SpecTree;
