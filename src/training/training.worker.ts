/**
 * The training engine's thread: hosts a LiveSession (liveSession.ts), advances it by speed × real elapsed time on
 * its own clock, and posts a snapshot after every tick while running and after every command.
 */
import { LiveSession } from './liveSession';
import type { TrainingCommand, TrainingMessage } from './trainingProtocol';
import { everyFrame } from '../engine/realClock';

interface WorkerScope {
  postMessage(message: TrainingMessage): void;
  onmessage: ((e: MessageEvent<TrainingCommand>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const live = new LiveSession();

function postAll(messages: TrainingMessage[]): void {
  for (const m of messages) scope.postMessage(m);
}

function postSnapshot(): void {
  const full = live.snapshot();
  if (full) scope.postMessage({ type: 'trainingSnapshot', full });
}

function tick(elapsed_ms: number): void {
  const wasRunning = live.running;
  try {
    postAll(live.tick(elapsed_ms));
  } catch (e) {
    live.running = false;
    scope.postMessage({ type: 'engineError', message: `The engine stopped at ${live.time_h.toFixed(3)} h: ${(e as Error).message}` });
  }
  if (wasRunning) postSnapshot();
}

scope.onmessage = (e) => {
  postAll(live.handle(e.data));
  postSnapshot();
};

everyFrame(tick);
