/**
 * The classroom relay's transport (sim/relay/protocol.ts over WebSocket). The instructor opens a session and is given
 * its code and a token; a trainee joins by code. Both are kept in sessionStorage, so a reloaded page takes its place
 * back: the instructor reclaims its session with the token, a trainee joins the same code again. A dropped connection
 * is retried; messages sent before the join are queued and sent once joined.
 */
import type { ClientMessage, ServerMessage } from '../../sim/relay/protocol';
import { Listeners, pageStore, type KeyStore, type PeerEvent, type Role, type Transport, type TransportStatus } from './transport';

export interface RelayLinkOptions {
  /** a trainee's name, shown on the instructor's page */
  name?: string;
  storage?: KeyStore;
  /** the WebSocket class (the page's; `ws` in Node tests) */
  WebSocketImpl?: typeof WebSocket;
  /** wait before reconnecting after a lost connection (ms) */
  retry_ms?: number;
}

/** Where a page's place in a session is kept across reloads. */
export const storageKey = (role: Role): string => `ecmo-relay:${role}`;

/** Messages queued before the join beyond this are dropped, oldest first (the latest state is what matters). */
const MAX_QUEUED = 200;

/** The relay's WebSocket address for a page the relay served: same host, path /relay. */
export function relayUrlFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/relay`;
}

interface Place {
  code: string;
  token?: string;
}

function readPlace(store: KeyStore, role: Role): Place | undefined {
  try {
    const p = JSON.parse(store.getItem(storageKey(role)) ?? 'null') as Place | null;
    return p && typeof p.code === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}

export function relayLink(url: string, role: Role, code?: string, options: RelayLinkOptions = {}): Transport {
  const store = options.storage ?? pageStore();
  const Impl = options.WebSocketImpl ?? globalThis.WebSocket;
  const saved = readPlace(store, role);
  // a trainee given a code joins it; the instructor's saved place (code and token) wins over a fresh session
  let place: Place | undefined = code ? { code: code.trim().toUpperCase(), token: saved?.code === code ? saved.token : undefined } : saved;
  if (role === 'instructor' && place && !place.token) place = undefined;
  const payloads = new Listeners<[unknown, number | undefined]>();
  const peers = new Listeners<[PeerEvent]>();
  const statuses = new Listeners<[TransportStatus]>();
  const queue: ClientMessage[] = [];
  let socket: WebSocket | undefined;
  let joined = false;
  let closed = false;

  const connect = (): void => {
    joined = false;
    statuses.emit({ state: 'connecting' });
    const ws = new Impl(url);
    socket = ws;
    ws.onopen = () => {
      const join: ClientMessage = { type: 'join', role, ...(place ? { code: place.code } : {}), ...(place?.token ? { token: place.token } : {}) };
      ws.send(JSON.stringify(options.name ? { ...join, name: options.name } : join));
    };
    ws.onmessage = (e: MessageEvent) => receive(ws, e.data);
    ws.onclose = () => {
      if (socket !== ws || closed) return;
      statuses.emit({ state: 'error', message: `the connection to the relay (${url}) was lost; reconnecting` });
      setTimeout(() => closed || connect(), options.retry_ms ?? 2000);
    };
  };

  const receive = (ws: WebSocket, data: unknown): void => {
    let m: ServerMessage;
    try {
      m = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if (m.type === 'joined') {
      joined = true;
      place = { code: m.code, ...(m.token ? { token: m.token } : {}) };
      store.setItem(storageKey(role), JSON.stringify(place));
      statuses.emit({ state: 'joined', code: m.code, ...(m.trainee === undefined ? {} : { trainee: m.trainee }) });
      while (queue.length) ws.send(JSON.stringify(queue.shift()));
    } else if (m.type === 'relay') payloads.emit(m.payload, m.trainee);
    else if (m.type === 'peer') peers.emit({ event: m.event, ...(m.trainee === undefined ? {} : { trainee: m.trainee }), ...(m.name ? { name: m.name } : {}) });
    else if (m.type === 'error') refused(ws, m.message);
  };

  /** The relay refused: a stale instructor place opens a new session; a trainee's unknown code is reported. */
  const refused = (ws: WebSocket, message: string): void => {
    statuses.emit({ state: 'error', message });
    if (joined) return;
    if (role === 'instructor' && place && /already has its instructor/.test(message)) {
      setTimeout(() => closed || ws.send(JSON.stringify({ type: 'join', role, code: place!.code, token: place!.token })), options.retry_ms ?? 2000);
    } else if (role === 'instructor' && place) {
      store.removeItem(storageKey(role));
      place = undefined;
      ws.send(JSON.stringify({ type: 'join', role }));
    }
  };

  connect();
  return {
    role,
    send(payload, keep) {
      const m: ClientMessage = { type: 'relay', payload, ...(keep ? { keep } : {}) };
      if (joined && socket?.readyState === 1) socket.send(JSON.stringify(m));
      else if (queue.push(m) > MAX_QUEUED) queue.shift();
    },
    onPayload: (cb) => payloads.add(cb),
    onPeer: (cb) => peers.add(cb),
    onStatus: (cb) => statuses.add(cb),
    close() {
      closed = true;
      socket?.close();
      statuses.emit({ state: 'closed' });
    },
  };
}
