/**
 * A transport joins the instructor's page and trainees' pages: over the classroom relay's WebSocket (relayLink.ts)
 * or, for two windows on one machine, over a BroadcastChannel (broadcastLink.ts). Both carry the same payloads
 * (wire.ts) and report the same peer events, so the instructor's hub and the trainee's remote link do not know which.
 */
import type { Role } from '../../sim/relay/protocol';

export type { Role };

export interface PeerEvent {
  event: 'trainee_joined' | 'trainee_left' | 'instructor_left' | 'instructor_back';
  trainee?: number;
  name?: string;
}

export type TransportStatus =
  | { state: 'connecting' }
  /** in the session: its code (the channel's name on a BroadcastChannel), the trainee's number on a trainee page */
  | { state: 'joined'; code: string; trainee?: number }
  /** a refusal or a lost connection, in words; the link retries where retrying can help */
  | { state: 'error'; message: string }
  | { state: 'closed' };

export interface Transport {
  readonly role: Role;
  /** To the other side: the instructor's to every trainee (`keep`: the latest state a late joiner gets at once), a trainee's to the instructor. */
  send(payload: unknown, keep?: boolean): void;
  /** A payload from the other side (a trainee's carries the trainee's number). */
  onPayload(cb: (payload: unknown, trainee?: number) => void): void;
  onPeer(cb: (e: PeerEvent) => void): void;
  onStatus(cb: (s: TransportStatus) => void): void;
  close(): void;
}

/** Callbacks of one kind, called in order. */
export class Listeners<A extends unknown[]> {
  private readonly list: ((...a: A) => void)[] = [];
  add(cb: (...a: A) => void): void {
    this.list.push(cb);
  }
  emit(...a: A): void {
    for (const cb of this.list) cb(...a);
  }
}

/** The part of the Web Storage API the links use (sessionStorage on a page; a Map in tests). */
export type KeyStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A page's sessionStorage, or a store that forgets (no storage: Node, a sandboxed frame). */
export function pageStore(): KeyStore {
  try {
    if (typeof sessionStorage !== 'undefined') return sessionStorage;
  } catch {
    // storage refused (a sandboxed frame): the link works, a reload does not take its place back
  }
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}
