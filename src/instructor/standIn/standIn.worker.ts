/** STAND-IN worker hosting StandInSession (see standInSession.ts) until the training page's worker lands. */
import { StandInSession } from './standInSession';
import { TRAINING_SCENARIOS } from './trainingScenarios';
import { bundledCalibration } from '../../engine/bundledCalibration';
import type { TrainingCommand, TrainingMessage } from '../contract';

interface WorkerScope {
  postMessage(message: TrainingMessage): void;
  onmessage: ((e: MessageEvent<TrainingCommand>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const TICK_ms = 15;
const MAX_ELAPSED_ms = 250;

// training files sit one folder below the calibration they name ("../cohort/calibration.json")
const session = new StandInSession(
  (id) => TRAINING_SCENARIOS.find((s) => s.id === id)?.text,
  (ref, source) => bundledCalibration(ref.replace(/^\.\.\//, ''), source),
);
let last = performance.now();

function postSnapshot(): void {
  const full = session.snapshot();
  if (full) scope.postMessage({ type: 'trainingSnapshot', full });
}

function tick(): void {
  const now = performance.now();
  const was = session.running;
  try {
    session.advanceReal(Math.min(now - last, MAX_ELAPSED_ms));
  } catch (e) {
    session.running = false;
    scope.postMessage({ type: 'engineError', message: (e as Error).message });
  }
  last = now;
  if (was) postSnapshot();
  setTimeout(tick, TICK_ms);
}

scope.onmessage = (e) => {
  const answer = session.command(e.data);
  if (answer) scope.postMessage(answer);
  postSnapshot();
};
tick();
