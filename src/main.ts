/**
 * The live view: wires the engine worker to the circuit drawing, the device consoles, the trends and the controls.
 * The engine runs in its own thread and posts snapshots; each display frame draws the latest one.
 */
// first: pixi's precompiled replacements for code it would build with eval, which the page's policy forbids (startPixi.ts)
import 'pixi.js/unsafe-eval';
import { type Application, Ticker, UPDATE_PRIORITY } from 'pixi.js';
import { AlarmBanner } from './alarms/banner';
import { StatusLights } from './alarms/lights';
import { AlarmSound } from './alarms/sound';
import { CrrtConsole } from './consoles/crrtConsole';
import { EcmoConsole } from './consoles/ecmoConsole';
import { EventLog } from './consoles/eventLog';
import { HeparinConsole } from './consoles/heparinConsole';
import { PatientMonitor } from './consoles/patientMonitor';
import { Controls } from './controls';
import { EngineClient } from './engineClient';
import { fmtClock } from './format';
import { Messages } from './messages';
import { Playback, SHORTCUTS } from './playback';
import type { ScenarioInfo, Snapshot, WorkerMessage } from './protocol';
import { ScenarioEndBanner } from './scenarioEnd';
import { ScenarioPicker } from './scenarioPicker';
import { TrendsPanel } from './trends';
import { TrendStore } from './trends/store';
import { CircuitView } from './view/circuitView';
import { startPixi } from './view/startPixi';
import { openFromAddressOnDemand } from './openAddress';
import { host } from './pageHost';

/** Consoles and controls are refreshed at this rate; the circuit animates every frame. */
const DOM_EVERY_ms = 100;

/** What the page holds between the worker's messages and the display frames. */
interface LiveState {
  runId: number;
  latest: Snapshot | undefined;
  /** a snapshot has come since the consoles were last refreshed */
  fresh: boolean;
  /** the circuit drawing, once pixi has started */
  view: CircuitView | undefined;
  scenario: ScenarioInfo | undefined;
  /** restarts the display frames if they stopped while paused */
  wake: () => void;
}

/** The page's parts outside the circuit drawing. */
interface Panels {
  store: TrendStore;
  messages: Messages;
  picker: ScenarioPicker;
  playback: Playback;
  scenarioEnd: ScenarioEndBanner;
  ecmo: EcmoConsole;
  crrt: CrrtConsole;
  heparin: HeparinConsole;
  monitor: PatientMonitor;
  controls: Controls;
  eventLog: EventLog;
  trends: TrendsPanel;
  alarmBanner: AlarmBanner;
  lights: StatusLights;
  sound: AlarmSound;
}

async function start(): Promise<void> {
  const live: LiveState = { runId: -1, latest: undefined, fresh: false, view: undefined, scenario: undefined, wake: () => undefined };
  // the worker's messages come after this function has built the panels
  const engine = new EngineClient((m) => onMessage(m, live, panels));
  // A scenario message belongs to the load that produced it: it is cleared when another load is asked for, not
  // when a load completes (the bundled scenario's 'loaded' can arrive after the address's settings were refused).
  const send: EngineClient['send'] = (c) => {
    if (c.type === 'load') panels.messages.clearScenario();
    engine.send(c);
  };
  const panels = buildPanels(send, () => sessionHeld(live, panels));
  const params = new URLSearchParams(location.search);
  const app = await startPixi(host('circuit-canvas'), params.get('renderer'));
  const circuit = new CircuitView(app);
  live.view = circuit;
  if (live.scenario) circuit.setScenario(live.scenario);
  live.wake = drawEveryFrame(app, circuit, live, panels, params.has('perf'));
  // a resized page is drawn again even while paused
  const resized = new ResizeObserver(() => live.wake());
  for (const id of ['circuit-canvas', 'trends', 'consoles']) resized.observe(host(id));
  if (params.has('perf')) measureFrames(app);

  // the first scenario starts running as soon as it is loaded
  panels.picker.loadBundled();
  send({ type: 'run' });
  await openFromAddressOnDemand(location.search, send, panels.messages);
  document.body.dataset.ready = 'true';
}

/** The consoles, controls, trends and messages, each in its host element of index.html. */
function buildPanels(send: EngineClient['send'], session: () => string | undefined): Panels {
  const store = new TrendStore();
  const consoles = host('consoles');
  host('shortcuts').textContent = SHORTCUTS.map(([k, what]) => `${k}: ${what}`).join(' · ');
  const playback = new Playback(host('playback'), send);
  const ecmo = new EcmoConsole(consoles);
  const crrt = new CrrtConsole(consoles);
  const heparin = new HeparinConsole(consoles);
  const monitor = new PatientMonitor(consoles);
  return {
    store,
    messages: new Messages(host('messages')),
    picker: new ScenarioPicker(host('scenario-bar'), host('scenario-name'), send, session),
    playback,
    scenarioEnd: new ScenarioEndBanner(host('scenario-end')),
    ecmo,
    crrt,
    heparin,
    monitor,
    controls: new Controls(host('controls'), send),
    eventLog: new EventLog(host('events')),
    trends: new TrendsPanel(host('trends'), store),
    alarmBanner: new AlarmBanner(host('alarm-banner'), send),
    // after the consoles: each gets a light in its header
    lights: new StatusLights(consoles),
    sound: new AlarmSound(host('playback')),
  };
}

/** What a Restart or another scenario would discard ("1 h 05 min, 3 events"); undefined when nothing has happened yet. */
function sessionHeld(live: LiveState, p: Panels): string | undefined {
  const t_h = live.latest?.t_h ?? 0;
  const events = p.eventLog.count;
  if (t_h <= 0 && events === 0) return undefined;
  return `${fmtClock(t_h)} simulated, ${events} event${events === 1 ? '' : 's'} logged`;
}

/** One message from the engine worker: a new scenario, a snapshot of the run, or an error to show. */
function onMessage(m: WorkerMessage, live: LiveState, p: Panels): void {
  live.wake();
  switch (m.type) {
    case 'loaded':
      live.runId = m.runId;
      live.latest = undefined;
      live.scenario = m.scenario;
      p.store.reset();
      p.eventLog.reset(m.scenario.name);
      p.heparin.reset();
      p.alarmBanner.reset();
      live.view?.setScenario(m.scenario);
      p.ecmo.setScenario(m.scenario);
      p.crrt.setScenario(m.scenario);
      p.scenarioEnd.setScenario(m.scenario);
      p.controls.setScenario(m.scenario);
      p.picker.loaded(m.scenario.name, m.scenario.source, m.scenario.description);
      p.messages.clearCommand();
      break;
    case 'snapshot':
      onSnapshot(m.snapshot, live, p);
      break;
    case 'loadError':
    case 'commandError':
    case 'engineError':
      p.messages.report(m);
      break;
  }
}

/** A snapshot of the current run goes to the trends and event consumers and waits for the next frame. */
function onSnapshot(s: Snapshot, live: LiveState, p: Panels): void {
  if (s.runId !== live.runId) return; // from a run that has been replaced
  p.store.add(s.trend, s.newEvents);
  if (s.newEvents.length) {
    p.eventLog.add(s.newEvents);
    p.heparin.events(s.newEvents);
    p.crrt.events(s.newEvents);
  }
  // the alarm monitor's entries at this sample follow the engine's events up to it
  if (s.alarmLog.length) p.eventLog.add(s.alarmLog);
  live.latest = s;
  live.fresh = true;
}

/** Frames with nothing new (paused, no message, nothing resized) before the ticker stops. */
const IDLE_FRAMES = 30;

/**
 * Each display frame animates the circuit and the trends; the consoles are refreshed every DOM_EVERY_ms. While the
 * run is paused and nothing arrives, the ticker stops after IDLE_FRAMES (no drawing at all) and `wake` restarts it.
 */
function drawEveryFrame(app: Application, circuit: CircuitView, live: LiveState, p: Panels, perf: boolean): () => void {
  let lastDom = 0;
  let idle = 0;
  const consoles = [p.playback, p.scenarioEnd, p.ecmo, p.crrt, p.heparin, p.monitor, p.controls, p.eventLog, p.alarmBanner, p.lights, p.sound];
  const mark = perf ? (name: string, start: number) => performance.measure(name, { start, end: performance.now() }) : () => undefined;
  app.ticker.add((ticker) => {
    const now = performance.now();
    const latest = live.latest;
    circuit.frame(Math.min(ticker.deltaMS, 100) / 1000, latest);
    const t1 = performance.now();
    mark('frame-circuit', now);
    const fresh = live.fresh;
    // the consoles all in one frame: DOM changes spread over frames cost a style, layout and paint pass in each
    // (measured: more CPU per frame than one pass every DOM_EVERY_ms)
    if (latest && fresh && now - lastDom >= DOM_EVERY_ms) {
      lastDom = now;
      live.fresh = false;
      for (const c of consoles) c.update(latest);
    }
    mark('frame-dom', t1);
    const t2 = performance.now();
    p.trends.update(now, latest);
    mark('frame-trends', t2);
    idle = latest?.running || fresh || p.trends.drawing ? 0 : idle + 1;
    if (idle > IDLE_FRAMES) {
      app.ticker.stop();
      // pixi's own scheduler (texture garbage collection) runs on this ticker: with nothing drawn it has nothing to do
      Ticker.system.stop();
    }
  });
  return () => {
    idle = 0;
    if (!app.ticker.started) {
      Ticker.system.start();
      app.ticker.start();
    }
  };
}

/** With ?perf in the address: each frame's work (our updates + pixi's render) as a performance measure "frame-work". */
function measureFrames(app: Application): void {
  let t0 = 0;
  let tRender = 0;
  app.ticker.add(() => (t0 = performance.now()), undefined, UPDATE_PRIORITY.INTERACTION);
  // pixi renders at UPDATE_PRIORITY.LOW: between these two
  app.ticker.add(() => (tRender = performance.now()), undefined, UPDATE_PRIORITY.LOW + 1);
  app.ticker.add(() => performance.measure('frame-render', { start: tRender, end: performance.now() }), undefined, UPDATE_PRIORITY.UTILITY);
  app.ticker.add(() => performance.measure('frame-work', { start: t0, end: performance.now() }), undefined, UPDATE_PRIORITY.UTILITY);
}

start().catch((e: unknown) => {
  const box = document.getElementById('messages');
  const p = document.createElement('pre');
  p.className = 'message msg-error';
  p.textContent = `The view could not start: ${(e as Error).message}`;
  box?.append(p);
  throw e;
});
