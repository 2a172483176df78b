/**
 * Two windows on one machine without the relay: the same transport over a BroadcastChannel. Every window on the
 * channel hears every post, so each post carries its sender's role and id; trainees ignore trainees, the instructor
 * numbers trainees as they say hello. The instructor keeps its last `keep` payload and posts it again when a trainee
 * says hello (what the relay does for a late joiner).
 */
import { Listeners, type PeerEvent, type Role, type Transport, type TransportStatus } from './transport';

/** The channel an instructor's page opens unless told another; a trainee's `?channel=` without a name joins it. */
export const DEFAULT_CHANNEL = 'ecmo-training';

/** One post on the channel. */
export type Envelope = { from: Role; id: string; kind: 'hello' | 'bye'; name?: string } | { from: Role; id: string; kind: 'payload'; payload: unknown };

/** The part of BroadcastChannel the link uses (a fake in Node tests). */
export interface ChannelLike {
  postMessage(m: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
  close(): void;
}

export interface BroadcastLinkOptions {
  name?: string;
  /** opens the channel (the page's BroadcastChannel by default) */
  open?: (name: string) => ChannelLike;
  /** this window's id on the channel */
  id?: string;
}

const randomId = (): string => Math.random().toString(36).slice(2, 10);

export function broadcastLink(channelName: string, role: Role, options: BroadcastLinkOptions = {}): Transport {
  const channel = (options.open ?? ((n: string) => new BroadcastChannel(n) as unknown as ChannelLike))(channelName);
  const id = options.id ?? randomId();
  const payloads = new Listeners<[unknown, number | undefined]>();
  const peers = new Listeners<[PeerEvent]>();
  const statuses = new Listeners<[TransportStatus]>();
  /** the instructor's numbers for the trainees' ids */
  const trainees = new Map<string, number>();
  let nextTrainee = 1;
  let kept: unknown;
  let closed = false;
  const post = (e: Envelope) => channel.postMessage(e);

  const fromTrainee = (e: Envelope): void => {
    if (e.kind === 'hello') {
      if (!trainees.has(e.id)) trainees.set(e.id, nextTrainee++);
      peers.emit({ event: 'trainee_joined', trainee: trainees.get(e.id), ...(e.name ? { name: e.name } : {}) });
      if (kept !== undefined) post({ from: role, id, kind: 'payload', payload: kept });
    } else if (e.kind === 'bye') {
      const n = trainees.get(e.id);
      trainees.delete(e.id);
      if (n !== undefined) peers.emit({ event: 'trainee_left', trainee: n });
    } else if (e.kind === 'payload' && trainees.has(e.id)) payloads.emit(e.payload, trainees.get(e.id));
  };

  const fromInstructor = (e: Envelope): void => {
    if (e.kind === 'hello') {
      peers.emit({ event: 'instructor_back' });
      post({ from: role, id, kind: 'hello', ...(options.name ? { name: options.name } : {}) });
    } else if (e.kind === 'bye') peers.emit({ event: 'instructor_left' });
    else if (e.kind === 'payload') payloads.emit(e.payload, undefined);
  };

  channel.onmessage = (m: MessageEvent) => {
    const e = m.data as Envelope;
    if (closed || typeof e !== 'object' || e === null || e.id === id) return;
    if (role === 'instructor' && e.from === 'trainee') fromTrainee(e);
    else if (role === 'trainee' && e.from === 'instructor') fromInstructor(e);
  };

  // the status after the caller's listeners are in place
  queueMicrotask(() => {
    post({ from: role, id, kind: 'hello', ...(options.name ? { name: options.name } : {}) });
    statuses.emit({ state: 'joined', code: channelName });
  });
  return {
    role,
    send(payload, keep) {
      if (closed) return;
      if (keep && role === 'instructor') kept = payload;
      post({ from: role, id, kind: 'payload', payload });
    },
    onPayload: (cb) => payloads.add(cb),
    onPeer: (cb) => peers.add(cb),
    onStatus: (cb) => statuses.add(cb),
    close() {
      if (closed) return;
      post({ from: role, id, kind: 'bye' });
      closed = true;
      channel.close();
      statuses.emit({ state: 'closed' });
    },
  };
}
