/**
 * The engine's thread: hosts the live run, advances it by speed × real elapsed time on its own clock, and posts a
 * snapshot after every tick and every command. The page's frames never wait for the engine.
 */
import { LiveRun } from './engine/liveRun';
import type { Command, WorkerMessage } from './protocol';
import { everyFrame } from './engine/realClock';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((e: MessageEvent<Command>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const run = new LiveRun();

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

function postSnapshot(): void {
  const snapshot = run.snapshot();
  if (snapshot) post({ type: 'snapshot', snapshot });
}

function tick(elapsed_ms: number): void {
  const wasRunning = run.running;
  const error = run.advanceReal(elapsed_ms);
  if (error) post({ type: 'engineError', message: error });
  // while paused nothing changes between commands, and every command is answered with a snapshot
  if (wasRunning) postSnapshot();
}

scope.onmessage = (e) => {
  const c = e.data;
  if (c.type === 'load') {
    const result = run.load(c.text, c.source);
    if (result.ok) post({ type: 'loaded', runId: result.runId, scenario: result.info });
    else post({ type: 'loadError', source: c.source, message: result.message });
  } else {
    const error = run.command(c);
    if (error) post({ type: c.type === 'step' || c.type === 'run' ? 'engineError' : 'commandError', message: error });
  }
  postSnapshot();
};

everyFrame(tick);
