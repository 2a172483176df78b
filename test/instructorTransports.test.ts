/**
 * The classroom transports (src/instructor/): the instructor's hub forwards the trainee's view of each snapshot and
 * the trainee-visible log, and passes the trainees' own commands to its engine; a trainee page's remote link rebuilds
 * the engine's messages. Over the real relay server (in-process, two `ws` clients) and over a fake BroadcastChannel.
 * The engine is a fake TrainingLink here: what it says is typed in, what reaches each side is what is checked.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startRelay, type Relay } from '../sim/relay/relayServer.js';
import { CODE_ALPHABET } from '../sim/relay/protocol.js';
import { relayLink, storageKey, type RelayLinkOptions } from '../src/instructor/relayLink';
import { broadcastLink, type ChannelLike } from '../src/instructor/broadcastLink';
import { InstructorHub } from '../src/instructor/hub';
import { remoteTraineeLink } from '../src/instructor/remoteTraineeLink';
import { readTraineePayload, type InstructorPayload } from '../src/instructor/wire';
import type { TrainingLink } from '../src/training/link';
import type { TrainingCommand, TrainingInfo, TrainingMessage, TrainingSnapshot } from '../src/training/trainingProtocol';
import type { SettingsView } from '../src/protocol';
import type { Debrief } from '../sim/training/debrief';
import type { KeyStore, Transport, TransportStatus } from '../src/instructor/transport';
import type { SessionEntry } from '../sim/training/sessionLog';

/** The instructor page's engine, faked: records commands, says what the test makes it say. */
class FakeEngine implements TrainingLink {
  readonly received: TrainingCommand[] = [];
  private cb: (m: TrainingMessage) => void = () => {};
  send(c: TrainingCommand): void {
    this.received.push(c);
  }
  onMessage(cb: (m: TrainingMessage) => void): void {
    this.cb = cb;
  }
  close(): void {}
  say(m: TrainingMessage): void {
    this.cb(m);
  }
}

class MemoryStore implements KeyStore {
  readonly m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}

const INFO: TrainingInfo = {
  id: 'drainage-clamp',
  name: 'Drainage clamp',
  briefing: 'b',
  objectives: [],
  labs: [{ lab: 'aptt', title: 'aPTT', turnaround_min: 30 }],
  duration_h: 0.5,
  hasCircuit: true,
  hasFilter: true,
  weight_kg: 70,
};
const RUN = 3;
const entry = (t_min: number, id: string, hidden = false): SessionEntry => ({ t_h: t_min / 60, kind: 'alarm', id, text: id, ...(hidden ? { hidden } : {}) });
/** The engine's snapshot as it matters here: two values (one no device shows), a trend sample, the log. */
const snapshot = (t_min: number, log: SessionEntry[]): TrainingSnapshot => ({
  runId: RUN,
  t_h: t_min / 60,
  running: true,
  ended: false,
  speed: 60,
  obs: { pump_flow_L_min: 4.4, aptt_s: 62 },
  settings: {} as SettingsView,
  newEvents: [],
  trend: [{ t_h: t_min / 60, values: [5, 6] }],
  alarms: [],
  alarmLog: [],
  consoleStatus: { ecmo: 'green', crrt: 'green', heparin: 'green', monitor: 'green' },
  log,
  objectives: [],
  labs: [],
  commands: [],
});
const LOADED: TrainingMessage = { type: 'trainingLoaded', runId: RUN, info: INFO };

/** A trainee page's side: its remote link and everything it was told. */
function traineeSide(link: ReturnType<typeof remoteTraineeLink>) {
  const got: TrainingMessage[] = [];
  link.onMessage((m) => got.push(m));
  const logIds = () => got.flatMap((m) => (m.type === 'trainingSnapshot' ? m.full.log.map((e) => e.id) : []));
  const last = () => [...got].reverse().find((m) => m.type === 'trainingSnapshot') as Extract<TrainingMessage, { type: 'trainingSnapshot' }> | undefined;
  return { link, got, logIds, last };
}

function joinedCode(statuses: TransportStatus[]): string | undefined {
  const j = statuses.find((s) => s.state === 'joined');
  return j?.state === 'joined' ? j.code : undefined;
}

describe('over the relay server', () => {
  let relay: Relay;
  let url: string;
  beforeAll(async () => {
    relay = await startRelay({ port: 0, host: '127.0.0.1', pages: null });
    url = `${relay.url.replace('http', 'ws')}/relay`;
  });
  afterAll(() => relay.close());
  const ws = (o: RelayLinkOptions = {}): RelayLinkOptions => ({ WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, retry_ms: 50, ...o });

  it('the trainee sees the trainee view and its log, the instructor gets the trainee own commands only; a reload takes its place back', async () => {
    const engine = new FakeEngine();
    const iStore = new MemoryStore();
    const instructor = relayLink(url, 'instructor', undefined, ws({ storage: iStore }));
    const iStatus: TransportStatus[] = [];
    instructor.onStatus((s) => iStatus.push(s));
    const hub = new InstructorHub(engine, instructor, { minInterval_ms: 0 });
    await vi.waitFor(() => expect(joinedCode(iStatus)).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`)));
    const code = joinedCode(iStatus)!;

    engine.say(LOADED);
    engine.say({ type: 'trainingSnapshot', full: snapshot(1, [entry(1, 'fault:drainage-clamp', true), entry(1, 'flowLow:start')]) });

    const tStore = new MemoryStore();
    const trainee = traineeSide(remoteTraineeLink(relayLink(url, 'trainee', code.toLowerCase(), ws({ storage: tStore, name: 'Anna' }))));
    await vi.waitFor(() => expect(trainee.logIds()).toEqual(['flowLow:start']));
    expect(trainee.got[0]).toEqual(LOADED);
    // the continuous aPTT is no device's; the console's SvO2 is the drainage line's (absent here); NaN, not JSON's null
    expect(trainee.last()!.full.obs).toEqual({ pump_flow_L_min: 4.4, aptt_s: NaN, svo2_pct: NaN });
    expect(trainee.last()!.full.runId).toBe(RUN);
    expect(trainee.last()!.full.trend[0].values).toEqual([NaN, NaN]); // IL-6 and PCT: labs, not a device's trend
    await vi.waitFor(() => expect([...hub.trainees.values()]).toMatchObject([{ number: 1, name: 'Anna', connected: true }]));

    trainee.link.send({ type: 'acknowledge', id: 'flowLow' });
    trainee.link.send({ type: 'injectFault', kind: 'pump-failure' });
    await vi.waitFor(() => expect(engine.received).toEqual([{ type: 'acknowledge', id: 'flowLow' }]));
    expect(trainee.got.at(-1)).toMatchObject({ type: 'commandError', message: expect.stringContaining('instructor') });
    expect(hub.trainees.get(1)!.commands).toEqual([{ type: 'acknowledge', id: 'flowLow' }]);

    engine.say({ type: 'trainingSnapshot', full: snapshot(2, [entry(2, 'flowLow:acknowledged')]) });
    await vi.waitFor(() => expect(trainee.logIds()).toEqual(['flowLow:start', 'flowLow:acknowledged']));

    // the trainee page reloads: no code in its address, its place from sessionStorage; the whole log again
    trainee.link.close();
    expect(JSON.parse(tStore.getItem(storageKey('trainee'))!)).toEqual({ code });
    const again = traineeSide(remoteTraineeLink(relayLink(url, 'trainee', undefined, ws({ storage: tStore }))));
    await vi.waitFor(() => expect(again.logIds()).toEqual(['flowLow:start', 'flowLow:acknowledged']));
    expect(again.got[0]).toMatchObject({ type: 'trainingLoaded' });

    // the instructor page reloads: it reclaims the same code with its token; the trainee is still in it
    instructor.close();
    const back = relayLink(url, 'instructor', undefined, ws({ storage: iStore }));
    const bStatus: TransportStatus[] = [];
    back.onStatus((s) => bStatus.push(s));
    const engine2 = new FakeEngine();
    const hub2 = new InstructorHub(engine2, back, { minInterval_ms: 0 });
    await vi.waitFor(() => expect(joinedCode(bStatus)).toBe(code));
    // the trainee, told the instructor is back, asks for the log: it is on the reloaded page's list again
    await vi.waitFor(() => expect([...hub2.trainees.keys()]).toEqual([2]));
    again.link.send({ type: 'orderLab', lab: 'aptt' });
    await vi.waitFor(() => expect(engine2.received).toEqual([{ type: 'orderLab', lab: 'aptt' }]));
    again.link.close();
    back.close();
  });

  it('a wrong code is reported in words; a stale instructor place opens a new session', async () => {
    const t = relayLink(url, 'trainee', 'ZZZZZZ', ws({ storage: new MemoryStore() }));
    const st: TransportStatus[] = [];
    t.onStatus((s) => st.push(s));
    await vi.waitFor(() => expect(st).toContainEqual({ state: 'error', message: expect.stringContaining('no session with the code "ZZZZZZ"') }));
    t.close();
    const store = new MemoryStore();
    store.setItem(storageKey('instructor'), JSON.stringify({ code: 'ZZZZZZ', token: 'old' }));
    const i = relayLink(url, 'instructor', undefined, ws({ storage: store }));
    const is: TransportStatus[] = [];
    i.onStatus((s) => is.push(s));
    await vi.waitFor(() => expect(joinedCode(is)).toMatch(/^[A-Z2-9]{6}$/));
    expect(joinedCode(is)).not.toBe('ZZZZZZ');
    i.close();
  });
});

/** BroadcastChannel faked: every channel of a name hears every other's posts, asynchronously as the real one. */
function fakeBus() {
  const channels = new Set<ChannelLike & { name: string }>();
  return (name: string): ChannelLike => {
    const c: ChannelLike & { name: string } = {
      name,
      onmessage: null,
      postMessage(m) {
        const copy = structuredClone(m);
        for (const o of channels) if (o !== c && o.name === name) queueMicrotask(() => o.onmessage?.({ data: copy } as MessageEvent));
      },
      close: () => void channels.delete(c),
    };
    channels.add(c);
    return c;
  };
}

describe('over a BroadcastChannel (two windows, no relay)', () => {
  it('the same session: a late trainee gets the kept state and the whole log; trainees do not hear each other', async () => {
    const open = fakeBus();
    const engine = new FakeEngine();
    const hub = new InstructorHub(engine, broadcastLink('ward-3', 'instructor', { open }), { minInterval_ms: 0 });
    engine.say(LOADED);
    engine.say({ type: 'trainingSnapshot', full: snapshot(1, [entry(1, 'bubble:start'), entry(1, 'air-entry', true)]) });
    engine.say({ type: 'trainingSnapshot', full: snapshot(2, [entry(2, 'bubble:acknowledged')]) });

    const a = traineeSide(remoteTraineeLink(broadcastLink('ward-3', 'trainee', { open, name: 'Ben' })));
    const b = traineeSide(remoteTraineeLink(broadcastLink('ward-3', 'trainee', { open })));
    const other = traineeSide(remoteTraineeLink(broadcastLink('ward-4', 'trainee', { open })));
    await vi.waitFor(() => expect(a.logIds()).toEqual(['bubble:start', 'bubble:acknowledged']));
    await vi.waitFor(() => expect(b.logIds()).toEqual(['bubble:start', 'bubble:acknowledged']));
    expect(other.got).toEqual([]);
    expect([...hub.trainees.values()].map((t) => [t.number, t.name])).toEqual([
      [1, 'Ben'],
      [2, undefined],
    ]);

    a.link.send({ type: 'silence', id: 'bubble', minutes: 2 });
    await vi.waitFor(() => expect(engine.received).toEqual([{ type: 'silence', id: 'bubble', minutes: 2 }]));
    expect(hub.trainees.get(1)!.commands).toHaveLength(1);
    expect(hub.trainees.get(2)!.commands).toHaveLength(0);

    const json: Debrief = {
      scenario: 'x',
      briefing: 'b',
      duration_h: 0.5,
      objectives: [],
      met: 0,
      timeline: [],
      alarms: [],
      pendingLabs: [],
      trends: { channels: [], rows: [] },
    };
    engine.say({ type: 'debrief', json, html: '<p>debrief</p>' });
    await vi.waitFor(() => expect(b.got.at(-1)).toEqual({ type: 'debrief', json, html: '<p>debrief</p>' }));
    a.link.close();
    await vi.waitFor(() => expect(hub.trainees.get(1)!.connected).toBe(false));
  });

  it('a new scenario on the instructor page starts the trainees log afresh', async () => {
    const open = fakeBus();
    const engine = new FakeEngine();
    new InstructorHub(engine, broadcastLink('c', 'instructor', { open }), {
      minInterval_ms: 0,
      newSessionId: (() => {
        let n = 0;
        return () => `s${++n}`;
      })(),
    });
    const t = traineeSide(remoteTraineeLink(broadcastLink('c', 'trainee', { open })));
    await Promise.resolve();
    engine.say(LOADED);
    engine.say({ type: 'trainingSnapshot', full: snapshot(1, [entry(1, 'flowLow:start')]) });
    await vi.waitFor(() => expect(t.logIds()).toEqual(['flowLow:start']));
    engine.say({ type: 'trainingLoaded', runId: RUN + 1, info: { ...INFO, id: 'pump-failure' } });
    engine.say({ type: 'trainingSnapshot', full: snapshot(0, [entry(0, 'pumpStopped:start')]) });
    await vi.waitFor(() => expect(t.got.filter((m) => m.type === 'trainingLoaded')).toHaveLength(2));
    await vi.waitFor(() => expect(t.last()!.full.log.map((e) => e.id)).toEqual(['pumpStopped:start']));
  });
});

/** A transport that records what the hub sends. */
function recordingTransport() {
  const sent: { payload: unknown; keep?: boolean }[] = [];
  const t: Transport = {
    role: 'instructor',
    send: (payload, keep) => void sent.push({ payload, keep }),
    onPayload: () => {},
    onPeer: () => {},
    onStatus: () => {},
    close: () => {},
  };
  return { t, sent };
}

describe('the hub paces what it sends', () => {
  it('at most one state per interval, the latest always sent at its end, with every log entry in between; all kept', () => {
    vi.useFakeTimers();
    try {
      const engine = new FakeEngine();
      const { t, sent } = recordingTransport();
      new InstructorHub(engine, t, { minInterval_ms: 250 });
      engine.say(LOADED);
      for (let i = 1; i <= 10; i++) engine.say({ type: 'trainingSnapshot', full: snapshot(i, [entry(i, `e${i}`)]) });
      expect(sent).toHaveLength(1); // the first at once
      vi.advanceTimersByTime(249);
      expect(sent).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(sent).toHaveLength(2);
      const states = sent.map((s) => s.payload as Extract<InstructorPayload, { kind: 'state' }>);
      expect(states.map((s) => [s.from, s.entries.map((e) => e.id)])).toEqual([
        [0, ['e1']],
        [1, ['e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10']],
      ]);
      expect(states[1].snapshot.t_h).toBeCloseTo(10 / 60, 12);
      // every trend sample in between goes too (the engine sends each once)
      expect(states[1].snapshot.trend.map((p) => Math.round(p.t_h * 60))).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(sent.every((s) => s.keep === true)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('what a trainee may send', () => {
  it('only the trainee own commands; anything else refused in words', () => {
    expect(readTraineePayload({ kind: 'command', command: { type: 'acknowledge', id: 'all' } })).toEqual({
      kind: 'command',
      command: { type: 'acknowledge', id: 'all' },
    });
    expect(readTraineePayload({ kind: 'command', command: { type: 'end' } })).toBe(
      'command "end" is not a trainee\'s; expected one of set, action, acknowledge, silence, orderLab, note',
    );
    expect(readTraineePayload('hello')).toBe('expected an object');
    // a trainee's note is the trainee's, whoever it says wrote it
    expect(readTraineePayload({ kind: 'command', command: { type: 'note', text: 'pressures checked', by: 'instructor' } })).toEqual({
      kind: 'command',
      command: { type: 'note', text: 'pressures checked', by: 'trainee' },
    });
    expect(readTraineePayload({ kind: 'resync' })).toEqual({ kind: 'resync' });
  });
});
