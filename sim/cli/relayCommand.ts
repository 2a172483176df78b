/**
 * `sim relay [--port 8080] [--host 127.0.0.1] [--pages dist/web]`: the training relay. Serves the built pages and joins
 * an instructor's page and trainees' pages into sessions by a short code (sim/relay/). Runs until stopped (Ctrl-C).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../scenario/errors.js';
import { startRelay, type Relay } from '../relay/relayServer.js';
import { wholeNumber } from './wholeNumber.js';

export interface RelayCommandOptions {
  port: string;
  host: string;
  pages: string | false;
}

export async function relayCommand(opts: RelayCommandOptions): Promise<Relay> {
  const port = wholeNumber('--port', opts.port, 0, 65535);
  const pages = opts.pages === false ? null : opts.pages;
  if (pages !== null && !existsSync(join(pages, 'index.html'))) {
    throw new ScenarioError('--pages', [
      {
        path: '--pages',
        message: `got "${pages}": no built page there (index.html); build the pages first (npm run build), or start the relay alone with --no-pages`,
      },
    ]);
  }
  let relay: Relay;
  try {
    relay = await startRelay({ port, host: opts.host, pages });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? 'the port is in use (another relay, or another program): choose another with --port'
        : code === 'EADDRNOTAVAIL'
          ? 'this machine has no such address'
          : (e as Error).message;
    throw new ScenarioError('relay', [{ path: `--host ${opts.host} --port ${port}`, message: why }]);
  }
  process.stderr.write(
    `training relay at ${relay.url}/ (pages${pages ? ` from ${pages}` : ': none'}; WebSocket ${relay.url.replace('http', 'ws')}/relay)\n` +
      (pages ? `instructor: ${relay.url}/instructor.html (it shows the session's code); trainees: ${relay.url}/training.html?join=CODE\n` : '') +
      (opts.host === '127.0.0.1' ? 'only this machine can reach it; for a second device start it with --host 0.0.0.0\n' : '') +
      'stop with Ctrl-C\n',
  );
  const stop = () => void relay.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return relay;
}
