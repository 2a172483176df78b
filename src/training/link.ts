/**
 * How a training page reaches its engine: a TrainingLink sends commands and hands on every message. The local link
 * is the page's own worker; the classroom's remote links (the relay's WebSocket by `?join=CODE`, a BroadcastChannel
 * by `?channel=NAME`) come with the instructor's page and are chosen here by the page's address.
 */
import type { TrainingCommand, TrainingMessage } from './trainingProtocol';
import { DEFAULT_CHANNEL, broadcastLink } from '../instructor/broadcastLink';
import { relayLink, relayUrlFor } from '../instructor/relayLink';
import { remoteTraineeLink } from '../instructor/remoteTraineeLink';

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

/** The page follows an instructor's session (its address has `?join=` or `?channel=`): no engine of its own. */
export function joinsAClass(params: URLSearchParams): boolean {
  return params.has('join') || params.has('channel');
}

/**
 * The link the page's address asks for: `?channel=NAME` a BroadcastChannel to an instructor's window on this
 * machine (no name: the instructor page's default); `?join=CODE` the relay at this page's own origin (`npm run relay` serves both; an empty code takes back
 * the place this tab held, from sessionStorage); `&name=` the trainee's name on the instructor's list. Otherwise the
 * page's own engine.
 */
export function chooseLink(params: URLSearchParams): TrainingLink {
  const name = params.get('name') ?? undefined;
  const channel = params.get('channel');
  if (channel !== null) return remoteTraineeLink(broadcastLink(channel || DEFAULT_CHANNEL, 'trainee', { name }));
  const join = params.get('join');
  if (join !== null) return remoteTraineeLink(relayLink(relayUrlFor(location), 'trainee', join || undefined, { name }));
  return localLink();
}
