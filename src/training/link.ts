/**
 * How a training page reaches its engine: a TrainingLink sends commands and hands on every message. The local link
 * is the page's own worker; the classroom's remote links (the relay's WebSocket by `?join=CODE`, a BroadcastChannel
 * by `?channel=NAME`) come with the instructor's page and are chosen here by the page's address.
 */
import type { TrainingCommand, TrainingMessage } from './trainingProtocol';

export interface TrainingLink {
  send(c: TrainingCommand): void;
  onMessage(cb: (m: TrainingMessage) => void): void;
  close(): void;
}

/** The page's own training engine, in a worker. Messages that come before a listener is set wait for it. */
export function localLink(): TrainingLink {
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training-engine' });
  const waiting: TrainingMessage[] = [];
  let listener: ((m: TrainingMessage) => void) | undefined;
  const deliver = (m: TrainingMessage) => (listener ? listener(m) : waiting.push(m));
  worker.onmessage = (e: MessageEvent<TrainingMessage>) => deliver(e.data);
  worker.onerror = (e) => deliver({ type: 'engineError', message: `The training engine failed: ${e.message || 'unknown error'}` });
  return {
    send: (c) => worker.postMessage(c),
    onMessage(cb) {
      listener = cb;
      for (const m of waiting.splice(0)) cb(m);
    },
    close: () => worker.terminate(),
  };
}

/** The link the page's address asks for: the local worker until the classroom's remote links are added. */
export function chooseLink(params: URLSearchParams): TrainingLink {
  void params;
  return localLink();
}
