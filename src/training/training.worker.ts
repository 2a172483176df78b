/**
 * The training engine's thread: hosts a LiveSession (liveSession.ts), advances it by speed × real elapsed time on
 * its own clock, and posts a snapshot after every tick while running and after every command.
 */
import { LiveSession } from './liveSession';
import type { TrainingCommand, TrainingMessage } from './trainingProtocol';

interface WorkerScope {
  postMessage(message: TrainingMessage): void;
  onmessage: ((e: MessageEvent<TrainingCommand>) => void) | null;
}
const scope = self as unknown as WorkerScope;

/** About one display frame. */
const TICK_ms = 15;
/** A stalled thread does not jump ahead: at most this much real time counts per tick. */
const MAX_ELAPSED_ms = 250;

const live = new LiveSession();
let last = performance.now();

function postAll(messages: TrainingMessage[]): void {
  for (const m of messages) scope.postMessage(m);
}

function postSnapshot(): void {
  const full = live.snapshot();
  if (full) scope.postMessage({ type: 'trainingSnapshot', full });
}

function tick(): void {
  const now = performance.now();
  const wasRunning = live.running;
  try {
    postAll(live.tick(Math.min(now - last, MAX_ELAPSED_ms)));
  } catch (e) {
    live.running = false;
    scope.postMessage({ type: 'engineError', message: `The engine stopped at ${live.time_h.toFixed(3)} h: ${(e as Error).message}` });
  }
  last = now;
  if (wasRunning) postSnapshot();
  setTimeout(tick, TICK_ms);
}

scope.onmessage = (e) => {
  postAll(live.handle(e.data));
  postSnapshot();
};

tick();
