/**
 * The live view: wires the engine worker to the circuit drawing, the device consoles, the trends and the controls.
 * The engine runs in its own thread and posts snapshots; each display frame draws the latest one.
 */
// The page's Content-Security-Policy allows no eval. Pixi v8 builds its uniform/UBO upload code from strings at run
// time (the Function constructor) and refuses to start under such a policy unless this module is loaded: despite its
// name it installs pixi's own precompiled replacements, so nothing is evaluated and the policy stays strict.
import 'pixi.js/unsafe-eval';
import { Application, UPDATE_PRIORITY } from 'pixi.js';
import { CrrtConsole } from './consoles/crrtConsole';
import { EcmoConsole } from './consoles/ecmoConsole';
import { EventLog } from './consoles/eventLog';
import { HeparinConsole } from './consoles/heparinConsole';
import { PatientMonitor } from './consoles/patientMonitor';
import { Controls } from './controls';
import { EngineClient } from './engineClient';
import { Messages } from './messages';
import { Playback, SHORTCUTS } from './playback';
import type { ScenarioInfo, Snapshot, WorkerMessage } from './protocol';
import { ScenarioPicker } from './scenarioPicker';
import { TrendsPanel } from './trends';
import { TrendStore } from './trends/store';
import { BACKGROUND, CircuitView } from './view/circuitView';
import { chooseRenderer } from './view/rendererChoice';

/** Consoles and controls are refreshed at this rate; the circuit animates every frame. */
const DOM_EVERY_ms = 100;

function host(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`index.html has no #${id}`);
  return e;
}

async function start(): Promise<void> {
  const store = new TrendStore();
  const messages = new Messages(host('messages'));
  let runId = -1;
  let latest: Snapshot | undefined;
  let fresh = false;
  let view: CircuitView | undefined;
  let scenario: ScenarioInfo | undefined;

  const onMessage = (m: WorkerMessage): void => {
    switch (m.type) {
      case 'loaded':
        runId = m.runId;
        latest = undefined;
        store.reset();
        eventLog.reset();
        heparin.reset();
        scenario = m.scenario;
        view?.setScenario(m.scenario);
        ecmo.setScenario(m.scenario);
        crrt.setScenario(m.scenario);
        controls.setScenario(m.scenario);
        picker.loaded(m.scenario.name, m.scenario.source, m.scenario.description);
        messages.clearScenario();
        messages.clearCommand();
        break;
      case 'snapshot': {
        const s = m.snapshot;
        if (s.runId !== runId) return; // from a run that has been replaced
        store.add(s.trend, s.newEvents);
        if (s.newEvents.length) {
          eventLog.add(s.newEvents);
          heparin.events(s.newEvents);
          crrt.events(s.newEvents);
        }
        latest = s;
        fresh = true;
        break;
      }
      case 'loadError':
        messages.scenarioError(m.source, m.message);
        break;
      case 'commandError':
        messages.commandError(m.message);
        break;
      case 'engineError':
        messages.engineError(m.message);
        break;
    }
  };

  const engine = new EngineClient(onMessage);
  const send = engine.send.bind(engine);
  const picker = new ScenarioPicker(host('scenario-bar'), host('scenario-name'), send);
  const playback = new Playback(host('playback'), send);
  const consoles = host('consoles');
  const ecmo = new EcmoConsole(consoles);
  const crrt = new CrrtConsole(consoles);
  const heparin = new HeparinConsole(consoles);
  const monitor = new PatientMonitor(consoles);
  const controls = new Controls(host('controls'), send);
  const eventLog = new EventLog(host('events'));
  const trends = new TrendsPanel(host('trends'), store);
  host('shortcuts').textContent = SHORTCUTS.map(([k, what]) => `${k}: ${what}`).join(' · ');

  const canvasHost = host('circuit-canvas');
  const app = new Application();
  const params = new URLSearchParams(location.search);
  const renderer = chooseRenderer(params.get('renderer'));
  await app.init({
    resizeTo: canvasHost,
    background: BACKGROUND,
    antialias: true,
    autoDensity: true,
    resolution: Math.min(window.devicePixelRatio || 1, 2),
    // WebGL on a GPU, Canvas 2D where WebGL would be software-rendered (view/rendererChoice.ts)
    preference: renderer === 'webgl' ? ['webgl', 'canvas'] : ['canvas', 'webgl'],
  });
  app.canvas.dataset.testid = 'circuit-canvas';
  app.canvas.dataset.renderer = app.renderer.name;
  app.canvas.setAttribute('role', 'img');
  app.canvas.setAttribute('aria-label', 'The ECMO circuit with its hemofilter limb, animated');
  canvasHost.append(app.canvas);
  // pixi follows window resizes by itself; the host also changes size when the page's layout does
  new ResizeObserver(() => app.queueResize()).observe(canvasHost);
  const circuit = new CircuitView(app);
  view = circuit;
  if (scenario) circuit.setScenario(scenario);

  let lastDom = 0;
  app.ticker.add((ticker) => {
    const now = performance.now();
    circuit.frame(Math.min(ticker.deltaMS, 100) / 1000, latest);
    if (latest && fresh && now - lastDom >= DOM_EVERY_ms) {
      lastDom = now;
      fresh = false;
      playback.update(latest);
      ecmo.update(latest);
      crrt.update(latest);
      heparin.update(latest);
      monitor.update(latest);
      controls.update(latest);
    }
    trends.update(now, latest);
  });
  if (params.has('perf')) measureFrames(app);

  // the first scenario starts running as soon as it is loaded
  picker.loadBundled();
  send({ type: 'run' });
  document.body.dataset.ready = 'true';
}

/** With ?perf in the address: each frame's work (our updates + pixi's render) as a performance measure "frame-work". */
function measureFrames(app: Application): void {
  let t0 = 0;
  app.ticker.add(() => (t0 = performance.now()), undefined, UPDATE_PRIORITY.INTERACTION);
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
