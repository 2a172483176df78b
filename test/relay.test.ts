/**
 * The training relay (sim/relay/): an instructor's page opens a session, trainees join by its code, messages flow
 * instructor → every trainee and trainee → instructor, the latest kept snapshot greets a joining or reloading
 * trainee, a reloaded instructor page takes its session back with its token; the built pages are served, nothing
 * outside their folder is.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { SessionRegistry, type Peer } from '../sim/relay/sessions.js';
import { CODE_ALPHABET, type ServerMessage } from '../sim/relay/protocol.js';
import { startRelay, type Relay } from '../sim/relay/relayServer.js';
import { fileFor } from '../sim/relay/staticFiles.js';
import { relayCommand } from '../sim/cli/relayCommand.js';

class FakePage implements Peer {
  readonly inbox: ServerMessage[] = [];
  send(m: ServerMessage): void {
    this.inbox.push(m);
  }
  last(): ServerMessage | undefined {
    return this.inbox.at(-1);
  }
}

function openSession(r: SessionRegistry) {
  const instructor = new FakePage();
  r.receive(instructor, { type: 'join', role: 'instructor' });
  const joined = instructor.last() as Extract<ServerMessage, { type: 'joined' }>;
  return { instructor, code: joined.code, token: joined.token! };
}

describe('sessions', () => {
  it('an instructor opens a session with a 6-character code of unambiguous characters', () => {
    const { code, token } = openSession(new SessionRegistry());
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(token.length).toBe(24);
  });

  it('trainees join by code (any case); the instructor hears of them; messages flow both ways', () => {
    const r = new SessionRegistry();
    const { instructor, code } = openSession(r);
    const a = new FakePage();
    const b = new FakePage();
    r.receive(a, { type: 'join', role: 'trainee', code: code.toLowerCase(), name: 'Anna' });
    r.receive(b, { type: 'join', role: 'trainee', code });
    expect(a.last()).toEqual({ type: 'joined', role: 'trainee', code, trainee: 1 });
    expect(instructor.inbox).toContainEqual({ type: 'peer', event: 'trainee_joined', trainee: 1, name: 'Anna' });
    r.receive(instructor, { type: 'relay', payload: { alarm: 'flowLow' } });
    expect(a.last()).toEqual({ type: 'relay', from: 'instructor', payload: { alarm: 'flowLow' } });
    expect(b.last()).toEqual(a.last());
    r.receive(b, { type: 'relay', payload: { acknowledge: 'all' } });
    expect(instructor.last()).toEqual({ type: 'relay', from: 'trainee', trainee: 2, payload: { acknowledge: 'all' } });
    expect(a.last()).toEqual({ type: 'relay', from: 'instructor', payload: { alarm: 'flowLow' } }); // not to other trainees
  });

  it('a trainee who joins later, or reloads, gets the latest kept snapshot at once', () => {
    const r = new SessionRegistry();
    const { instructor, code } = openSession(r);
    r.receive(instructor, { type: 'relay', payload: { snapshot: 1 }, keep: true });
    r.receive(instructor, { type: 'relay', payload: { note: 'not kept' } });
    const late = new FakePage();
    r.receive(late, { type: 'join', role: 'trainee', code });
    expect(late.inbox).toEqual([
      { type: 'joined', role: 'trainee', code, trainee: 1 },
      { type: 'relay', from: 'instructor', payload: { snapshot: 1 } },
    ]);
  });

  it('a reloaded instructor page takes its session back with its token; another page cannot', () => {
    let now = 0;
    const r = new SessionRegistry(undefined, () => now);
    const { instructor, code, token } = openSession(r);
    const t = new FakePage();
    r.receive(t, { type: 'join', role: 'trainee', code });
    r.leave(instructor);
    expect(t.last()).toEqual({ type: 'peer', event: 'instructor_left' });
    const thief = new FakePage();
    r.receive(thief, { type: 'join', role: 'instructor', code, token: 'guess' });
    expect(thief.last()).toMatchObject({ type: 'error', message: expect.stringContaining('token does not match') });
    const back = new FakePage();
    now += 60_000;
    r.receive(back, { type: 'join', role: 'instructor', code, token });
    expect(back.last()).toEqual({ type: 'joined', role: 'instructor', code, token });
    expect(t.last()).toEqual({ type: 'peer', event: 'instructor_back' });
  });

  it('a session whose instructor stays away 30 min is closed', () => {
    let now = 0;
    const r = new SessionRegistry(undefined, () => now);
    const { instructor, code } = openSession(r);
    r.leave(instructor);
    now += 31 * 60_000;
    const late = new FakePage();
    r.receive(late, { type: 'join', role: 'trainee', code });
    expect(late.last()).toMatchObject({ type: 'error', message: expect.stringContaining('no session with the code') });
    expect(r.size).toBe(0);
  });

  it('mistakes get a message, never a crash', () => {
    const r = new SessionRegistry();
    const p = new FakePage();
    r.receive(p, null);
    r.receive(p, { type: 'relay', payload: 1 });
    r.receive(p, { type: 'join', role: 'boss' });
    r.receive(p, { type: 'join', role: 'trainee', code: 'ZZZZZZ' });
    expect(p.inbox.map((m) => (m.type === 'error' ? m.message : m.type))).toEqual([
      'expected a message {"type": "join" | "relay", ...}',
      'join a session first: {"type": "join", "role": "instructor" | "trainee", "code": ...}',
      'got role "boss"; expected "instructor" or "trainee"',
      'no session with the code "ZZZZZZ"; expected the 6-character code the instructor\'s page shows',
    ]);
  });
});

describe('the relay server', () => {
  let relay: Relay;
  const pages = mkdtempSync(join(tmpdir(), 'relay-pages-'));
  beforeAll(async () => {
    writeFileSync(join(pages, 'index.html'), '<!doctype html><title>live view</title>');
    relay = await startRelay({ port: 0, host: '127.0.0.1', pages });
  });
  afterAll(() => relay.close());

  it('serves the built pages and nothing outside their folder', async () => {
    const page = await fetch(`${relay.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('live view');
    expect((await fetch(`${relay.url}/nothere.js`)).status).toBe(404);
    // a browser's fetch normalises "..": the paths a hand-made request could send are checked where they are resolved
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/x', '/a/../../x', '/%00', '/%E0%A4%A']) expect(fileFor(pages, path)).toBeNull();
    expect(fileFor(pages, '/')).toBe(join(pages, 'index.html'));
  });

  it('joins an instructor and a trainee over WebSockets and forwards between them', async () => {
    const connect = (): Promise<{ ws: WebSocket; next: () => Promise<ServerMessage> }> =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${relay.url.replace('http', 'ws')}/relay`);
        const queue: ServerMessage[] = [];
        const waiting: ((m: ServerMessage) => void)[] = [];
        ws.on('message', (d) => {
          const m = JSON.parse(d.toString()) as ServerMessage;
          const w = waiting.shift();
          if (w) w(m);
          else queue.push(m);
        });
        const next = () => new Promise<ServerMessage>((res) => (queue.length ? res(queue.shift()!) : waiting.push(res)));
        ws.on('open', () => resolve({ ws, next }));
        ws.on('error', reject);
      });
    const instructor = await connect();
    instructor.ws.send(JSON.stringify({ type: 'join', role: 'instructor' }));
    const { code } = (await instructor.next()) as Extract<ServerMessage, { type: 'joined' }>;
    const trainee = await connect();
    trainee.ws.send(JSON.stringify({ type: 'join', role: 'trainee', code }));
    expect(await trainee.next()).toMatchObject({ type: 'joined', code });
    expect(await instructor.next()).toMatchObject({ type: 'peer', event: 'trainee_joined' });
    instructor.ws.send(JSON.stringify({ type: 'relay', payload: { fault: 'pumpFailure' } }));
    expect(await trainee.next()).toEqual({ type: 'relay', from: 'instructor', payload: { fault: 'pumpFailure' } });
    trainee.ws.send('not json');
    expect(await trainee.next()).toEqual({ type: 'error', message: 'expected a JSON message' });
    instructor.ws.close();
    trainee.ws.close();
  });
});

describe('the relay command’s start-up line', () => {
  it('names the instructor’s page and the trainees’ join address when it serves the pages, neither without them', async () => {
    const pages = mkdtempSync(join(tmpdir(), 'relay-pages-'));
    writeFileSync(join(pages, 'index.html'), '<!doctype html>');
    const said: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (said.push(String(s)), true));
    const before = { int: process.listeners('SIGINT'), term: process.listeners('SIGTERM') };
    try {
      for (const served of [pages, false] as const) {
        said.length = 0;
        const relay = await relayCommand({ port: '0', host: '127.0.0.1', pages: served });
        await relay.close();
        const text = said.join('');
        if (served) {
          expect(text).toContain(`instructor: ${relay.url}/instructor.html`);
          expect(text).toContain(`trainees: ${relay.url}/training.html?join=CODE`);
        } else expect(text).not.toMatch(/instructor\.html|training\.html/);
      }
    } finally {
      write.mockRestore();
      for (const [signal, kept] of [
        ['SIGINT', before.int],
        ['SIGTERM', before.term],
      ] as const)
        for (const l of process.listeners(signal)) if (!kept.includes(l)) process.removeListener(signal, l);
    }
  });
});
