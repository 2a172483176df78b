/**
 * The relay's sessions, without sockets: who is in which session, what each message does, what to send to whom.
 * relayServer.ts wires it to WebSockets; tests drive it directly.
 */
import { CODE_ALPHABET, CODE_LENGTH, type ClientMessage, type Role, type ServerMessage } from './protocol.js';

/** A connected page, as the registry knows it. */
export interface Peer {
  send(message: ServerMessage): void;
}

interface Session {
  code: string;
  token: string;
  instructor: Peer | null;
  trainees: Map<Peer, number>;
  nextTrainee: number;
  kept: unknown;
  /** when the instructor left (ms), for expiry */
  orphanedAt: number | null;
}

/** Sessions without their instructor are removed after this (ms): time to reload the instructor's page. */
export const ORPHAN_LIFETIME_ms = 30 * 60 * 1000;
export const MAX_SESSIONS = 200;

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();
  private readonly memberOf = new Map<Peer, { session: Session; role: Role; trainee?: number }>();

  constructor(
    private readonly random: () => number = () => globalThis.crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Handles one message from a peer (already parsed JSON, not yet trusted). */
  receive(peer: Peer, message: unknown): void {
    const m = message as Partial<ClientMessage> | null;
    if (typeof m !== 'object' || m === null || (m.type !== 'join' && m.type !== 'relay')) {
      return peer.send({ type: 'error', message: 'expected a message {"type": "join" | "relay", ...}' });
    }
    if (m.type === 'join') return this.join(peer, m as Extract<ClientMessage, { type: 'join' }>);
    const member = this.memberOf.get(peer);
    if (!member) return peer.send({ type: 'error', message: 'join a session first: {"type": "join", "role": "instructor" | "trainee", "code": ...}' });
    const { payload, keep } = m as Extract<ClientMessage, { type: 'relay' }>;
    if (member.role === 'instructor') {
      if (keep) member.session.kept = payload;
      for (const t of member.session.trainees.keys()) t.send({ type: 'relay', from: 'instructor', payload });
    } else {
      member.session.instructor?.send({ type: 'relay', from: 'trainee', trainee: member.trainee, payload });
    }
  }

  private join(peer: Peer, m: Extract<ClientMessage, { type: 'join' }>): void {
    this.expire();
    if (this.memberOf.has(peer)) return peer.send({ type: 'error', message: 'this page has already joined a session' });
    if (m.role !== 'instructor' && m.role !== 'trainee') {
      return peer.send({ type: 'error', message: `got role ${JSON.stringify(m.role)}; expected "instructor" or "trainee"` });
    }
    const code = typeof m.code === 'string' ? m.code.trim().toUpperCase() : undefined;
    if (m.role === 'instructor' && code === undefined) return this.open(peer);
    const session = code === undefined ? undefined : this.sessions.get(code);
    if (!session) {
      return peer.send({
        type: 'error',
        message: `no session with the code ${JSON.stringify(m.code ?? '')}; expected the ${CODE_LENGTH}-character code the instructor's page shows`,
      });
    }
    if (m.role === 'instructor') return this.reclaim(peer, session, m.token);
    const trainee = session.nextTrainee++;
    session.trainees.set(peer, trainee);
    this.memberOf.set(peer, { session, role: 'trainee', trainee });
    peer.send({ type: 'joined', role: 'trainee', code: session.code, trainee });
    if (session.kept !== undefined) peer.send({ type: 'relay', from: 'instructor', payload: session.kept });
    const name = typeof m.name === 'string' ? m.name.slice(0, 60) : undefined;
    session.instructor?.send({ type: 'peer', event: 'trainee_joined', trainee, ...(name ? { name } : {}) });
  }

  private open(peer: Peer): void {
    if (this.sessions.size >= MAX_SESSIONS) return peer.send({ type: 'error', message: `the relay holds ${MAX_SESSIONS} sessions already; try again later` });
    let code: string;
    do code = this.randomText(CODE_ALPHABET, CODE_LENGTH);
    while (this.sessions.has(code));
    const session: Session = {
      code,
      token: this.randomText('abcdefghijklmnopqrstuvwxyz0123456789', 24),
      instructor: peer,
      trainees: new Map(),
      nextTrainee: 1,
      kept: undefined,
      orphanedAt: null,
    };
    this.sessions.set(code, session);
    this.memberOf.set(peer, { session, role: 'instructor' });
    peer.send({ type: 'joined', role: 'instructor', code, token: session.token });
  }

  /** The instructor's page reloaded: it takes its session back with the token it was given. */
  private reclaim(peer: Peer, session: Session, token: unknown): void {
    if (token !== session.token) return peer.send({ type: 'error', message: 'this session belongs to another instructor page (its token does not match)' });
    if (session.instructor) return peer.send({ type: 'error', message: 'the session already has its instructor connected' });
    session.instructor = peer;
    session.orphanedAt = null;
    this.memberOf.set(peer, { session, role: 'instructor' });
    peer.send({ type: 'joined', role: 'instructor', code: session.code, token: session.token });
    for (const t of session.trainees.keys()) t.send({ type: 'peer', event: 'instructor_back' });
  }

  /** A page closed its connection. */
  leave(peer: Peer): void {
    const member = this.memberOf.get(peer);
    if (!member) return;
    this.memberOf.delete(peer);
    const s = member.session;
    if (member.role === 'trainee') {
      s.trainees.delete(peer);
      s.instructor?.send({ type: 'peer', event: 'trainee_left', trainee: member.trainee });
    } else {
      s.instructor = null;
      s.orphanedAt = this.now();
      for (const t of s.trainees.keys()) t.send({ type: 'peer', event: 'instructor_left' });
    }
  }

  /** Sessions whose instructor has been gone too long, and no one left in them, are removed. */
  private expire(): void {
    const now = this.now();
    for (const [code, s] of this.sessions) {
      if (s.instructor === null && s.orphanedAt !== null && now - s.orphanedAt > ORPHAN_LIFETIME_ms) {
        for (const t of s.trainees.keys()) this.memberOf.delete(t);
        this.sessions.delete(code);
      }
    }
  }

  private randomText(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.random() * alphabet.length)];
    return s;
  }
}
