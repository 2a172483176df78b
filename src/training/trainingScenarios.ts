/**
 * The training scenarios the trainee page offers, bundled with the page as text (scenario files are data: the
 * engine's thread reads them with the same loader as the command line's `train`).
 */
import abdominalHypertension from '../../scenarios/training/abdominal-hypertension.json?raw';
import airEntry from '../../scenarios/training/air-entry.json?raw';
import cardiacArrest from '../../scenarios/training/cardiac-arrest.json?raw';
import flowProbeReversed from '../../scenarios/training/flow-probe-reversed.json?raw';
import returnKink from '../../scenarios/training/return-kink.json?raw';
import oxygenSupply from '../../scenarios/training/oxygen-supply.json?raw';
import limbReturnDisconnected from '../../scenarios/training/limb-return-disconnected.json?raw';
import drainageClamp from '../../scenarios/training/drainage-clamp.json?raw';
import drainageDecannulation from '../../scenarios/training/drainage-decannulation.json?raw';
import drainageKink from '../../scenarios/training/drainage-kink.json?raw';
import filterBloodLeak from '../../scenarios/training/filter-blood-leak.json?raw';
import heparinOcclusion from '../../scenarios/training/heparin-occlusion.json?raw';
import oxygenatorThrombus from '../../scenarios/training/oxygenator-thrombus.json?raw';
import powerLoss from '../../scenarios/training/power-loss.json?raw';
import pumpHeadThrombus from '../../scenarios/training/pump-head-thrombus.json?raw';
import pumpFailure from '../../scenarios/training/pump-failure.json?raw';
import replacementBag from '../../scenarios/training/replacement-bag.json?raw';
import returnDecannulation from '../../scenarios/training/return-decannulation.json?raw';
import rupturePostPump from '../../scenarios/training/rupture-post-pump.json?raw';
import sweepDisconnection from '../../scenarios/training/sweep-disconnection.json?raw';
import trainingBase from '../../scenarios/training-base.json?raw';
import { ScenarioError } from '../../sim/scenario/errors';
import type { BaseResolver } from '../../sim/training/trainingBase';

export interface BundledTraining {
  /** the file's name without `.json`: what `loadTraining` names */
  id: string;
  text: string;
}

export const TRAINING_SCENARIOS: readonly BundledTraining[] = [
  { id: 'drainage-clamp', text: drainageClamp },
  { id: 'drainage-kink', text: drainageKink },
  { id: 'abdominal-hypertension', text: abdominalHypertension },
  { id: 'air-entry', text: airEntry },
  { id: 'oxygenator-thrombus', text: oxygenatorThrombus },
  { id: 'pump-head-thrombus', text: pumpHeadThrombus },
  { id: 'sweep-disconnection', text: sweepDisconnection },
  { id: 'pump-failure', text: pumpFailure },
  { id: 'power-loss', text: powerLoss },
  { id: 'return-decannulation', text: returnDecannulation },
  { id: 'drainage-decannulation', text: drainageDecannulation },
  { id: 'rupture-post-pump', text: rupturePostPump },
  { id: 'heparin-occlusion', text: heparinOcclusion },
  { id: 'replacement-bag', text: replacementBag },
  { id: 'filter-blood-leak', text: filterBloodLeak },
  { id: 'cardiac-arrest', text: cardiacArrest },
  { id: 'flow-probe-reversed', text: flowProbeReversed },
  { id: 'return-kink', text: returnKink },
  { id: 'oxygen-supply', text: oxygenSupply },
  { id: 'limb-return-disconnected', text: limbReturnDisconnected },
];

export function bundledTraining(id: string): BundledTraining | undefined {
  return TRAINING_SCENARIOS.find((t) => t.id === id);
}

/** The base scenario every bundled training file names ("base": "../training-base.json"), bundled with the page. */
const TRAINING_BASE = '../training-base.json';

/** A bundled training file's base scenario: the page bundles the one they share. */
export const bundledTrainingBase: BaseResolver = (reference, source) => {
  if (reference === TRAINING_BASE) return trainingBase;
  throw new ScenarioError(source, [{ path: 'base', message: `got "${reference}"; expected "${TRAINING_BASE}", the base scenario the page bundles` }]);
};
