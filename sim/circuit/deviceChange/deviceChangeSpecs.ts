/**
 * Changing the circuit's devices (the `changeOxygenator`, `changeCircuit`, `changeConsole` and `recannulate`
 * actions): how long the ECMO flow stops, and what the old device holds and the new one's prime (the whole circuit's
 * is circuit.primeVolume; a console holds no blood, a new cannula's saline is left out).
 */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

export const oxygenatorChangeSpecs = {
  downtime: q('min', 2, [0.25, 60], {
    range: [1, 5],
    adjustable: true,
    description:
      'Time the ECMO flow is stopped while the oxygenator is changed: both lines clamped, the old device cut out, the new primed one connected and de-aired, the lines unclamped.',
    source: 'E',
    ref: 'practice: a trained team changes an oxygenator with the flow clamped for 1–2 min (ELSO emergency drills: catastrophic clot, emergency circuit change, training-reference.md); an estimate',
  }),
  primeVolume: q('mL', 250, [0, 1000], {
    range: [150, 300],
    description:
      "Crystalloid prime of the new oxygenator: it takes the place of the old oxygenator's blood (the same volume, discarded with it) over the change's downtime.",
    source: 'S2',
    ref: 'adult PMP oxygenators with an integrated heat exchanger, manufacturer data sheets: QUADROX-iD Adult 250 mL (the circuit.primeVolume estimate includes it)',
  }),
  onPressureRise: {
    kind: 'flag',
    default: false,
    adjustable: true,
    description:
      "The unit changes the oxygenator when its blood-side resistance (its pressure drop at the same flow and viscosity) has risen by pressureRise over the clean device's: thrombus from the slow growth, a thrombosis fault or both. Off: the console's ΔP alarm and a person decide.",
    source: 'S',
    ref: 'Lubnow et al., PLoS One 2014;9:e112316: oxygenator thrombosis shown by a rise of ΔP by 30–50 %, a reason for an elective change',
  } satisfies FlagSpec,
  pressureRise: q('1', 0.5, [0.05, 5], {
    range: [0.3, 0.5],
    adjustable: true,
    description: 'Rise of the oxygenator\'s resistance over the clean device\'s at which the unit changes it (with onPressureRise), e.g. "50 %".',
    source: 'S',
    ref: 'Lubnow 2014: thrombosis when ΔP rises 30–50 %',
  }),
} as const satisfies SpecTree;

export const circuitChangeSpecs = {
  downtime: q('min', 5, [0.5, 120], {
    range: [2, 10],
    adjustable: true,
    description:
      'Time the ECMO flow is stopped while the whole circuit (tubing, pump head, oxygenator) is changed, the cannulae left in place: both lines clamped and cut, the new circuit (primed with circuit.primeVolume) connected wet-to-wet, de-aired and unclamped.',
    source: 'E',
    ref: 'ELSO emergency drills: circuit rupture and catastrophic clot end in an emergency circuit change (training-reference.md); a pre-primed circuit changed by a trained team in a few minutes, an estimate',
  }),
} as const satisfies SpecTree;

export const consoleChangeSpecs = {
  downtime: q('min', 1, [0.1, 30], {
    range: [0.5, 3],
    adjustable: true,
    description:
      'Time the ECMO flow is stopped while the pump head is moved onto a new console (its drive unit): both lines clamped, the head taken off the failed drive or the hand crank and seated in the new drive, the speed set, the lines unclamped. The pump head and its blood stay.',
    source: 'E',
    ref: 'ELSO emergency drills, pump failure: clamp, support the patient, hand crank, new pump (training-reference.md); seating a centrifugal pump head in a spare drive takes well under a minute, a minute with the clamps, an estimate',
  }),
} as const satisfies SpecTree;

export const pumpHeadChangeSpecs = {
  downtime: q('min', 2, [0.25, 30], {
    range: [1, 5],
    adjustable: true,
    description:
      'Time the ECMO flow is stopped while the pump head alone is changed (a thrombus in it, air trapped in it): both lines clamped, the old head cut out with its blood, a new one (primed with circuit.air.headVolume) connected wet-to-wet and seated in the drive, de-aired, the lines unclamped. The oxygenator and the tubing stay.',
    source: 'E',
    ref: 'ELSO emergency drills end a pump-head thrombus or an airlocked head in a new pump (training-reference.md); a Rotaflow-class head is changed alone by a trained team in a couple of minutes, an estimate (an integrated pump–oxygenator set, Cardiohelp HLS, is changed whole: changeCircuit)',
  }),
} as const satisfies SpecTree;

export const recannulationSpecs = {
  downtime: q('min', 30, [1, 240], {
    range: [15, 60],
    adjustable: true,
    description:
      'Time the ECMO flow is stopped while a vessel is recannulated (a cannula out of its vessel, or one replaced): both lines clamped, the cannulating team called, the vessel punctured again under ultrasound, the new cannula placed and connected wet-to-wet, the lines unclamped.',
    source: 'E',
    ref: 'ELSO emergency drills, decannulation: clamp, pressure on the site, call the cannulating team (training-reference.md); a percutaneous cannulation by an available team takes tens of minutes, an estimate',
  }),
} as const satisfies SpecTree;
