/** The page's side of the engine worker: sends commands, hands every message to one listener. */
import type { Command, WorkerMessage } from './protocol';

export class EngineClient {
  private readonly worker: Worker;

  constructor(onMessage: (m: WorkerMessage) => void) {
    this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    this.worker.onmessage = (e: MessageEvent<WorkerMessage>) => onMessage(e.data);
    this.worker.onerror = (e) => onMessage({ type: 'engineError', message: `The engine worker failed: ${e.message || 'unknown error'}` });
  }

  send(c: Command): void {
    this.worker.postMessage(c);
  }
}
