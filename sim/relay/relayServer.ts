/**
 * The relay server: an HTTP server for the built pages and a WebSocket endpoint (`/relay`) that joins an instructor's
 * page and trainees' pages into sessions (sessions.ts). `npm run relay` starts it (sim/cli/relayCommand.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, type ServerMessage } from './protocol.js';
import { SessionRegistry, type Peer } from './sessions.js';
import { serveStatic } from './staticFiles.js';

export interface RelayOptions {
  port: number;
  host: string;
  /** the built pages' folder (dist/web); null: the relay alone */
  pages: string | null;
}

export interface Relay {
  readonly url: string;
  readonly registry: SessionRegistry;
  close(): Promise<void>;
}

export function startRelay(options: RelayOptions): Promise<Relay> {
  const registry = new SessionRegistry();
  const server: Server = createServer((req, res) => {
    if (options.pages) serveStatic(options.pages, req, res);
    else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('this relay serves no pages (started with --no-pages)\n');
  });
  const wss = new WebSocketServer({ server, path: '/relay', maxPayload: MAX_MESSAGE_BYTES });
  wss.on('connection', (socket: WebSocket) => {
    const peer: Peer = { send: (m: ServerMessage) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(m)) };
    socket.on('message', (data, isBinary) => {
      let message: unknown;
      try {
        message = JSON.parse(isBinary ? '' : data.toString());
      } catch {
        return peer.send({ type: 'error', message: 'expected a JSON message' });
      }
      registry.receive(peer, message);
    });
    socket.on('close', () => registry.leave(peer));
    socket.on('error', () => registry.leave(peer));
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolveStart({
        url: `http://${host}:${port}`,
        registry,
        close: () =>
          new Promise<void>((done) => {
            for (const c of wss.clients) c.terminate();
            wss.close(() => server.close(() => done()));
          }),
      });
    });
  });
}
