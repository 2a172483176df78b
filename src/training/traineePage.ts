/**
 * The trainee's page (training.html): pick a training scenario, read its briefing, start; the consoles show what the
 * devices show (traineeView), alarms sound and wait to be acknowledged, labs arrive after their turnaround, every
 * entry goes into the session log, saved as it grows (IndexedDB) so a reloaded tab resumes; at the end, the debrief.
 * The engine is reached through a TrainingLink (link.ts): the page's own worker, or a classroom's remote session.
 */
import { startPixi } from '../view/startPixi';
import { CircuitView } from '../view/circuitView';
import { AlarmBanner } from '../alarms/banner';
import { StatusLights } from '../alarms/lights';
import { AlarmSound } from '../alarms/sound';
import { Messages } from '../messages';
import type { Controls } from '../controls';
import { clock } from '../../sim/training/debrief';
import { BriefingPanel } from './briefingPanel';
import { classroomStatus } from './classroomStatus';
import { DebriefPanel } from './debriefPanel';
import { chooseLink, joinsAClass, type TrainingLink } from './link';
import { LabsPanel } from './labsPanel';
import { ObjectivesPanel } from './objectivesPanel';
import { SessionLogView } from './sessionLogView';
import { SessionStore, newSession, recordSnapshot, resumeCommand, type SavedSession } from './sessionStore';
import { TraineeConsoles, scenarioInfo } from './traineeConsoles';
import { traineeControls, trainingCommand } from './traineeControls';
import { traineeView } from './traineeView';
import { TrainingPlayback } from './trainingPlayback';
import type { TrainingInfo, TrainingMessage, TrainingSnapshot } from './trainingProtocol';
import { host } from '../pageHost';

/** Consoles and panels are refreshed at this rate. */
const DOM_EVERY_ms = 100;
/** The session is written to IndexedDB at most this often (and at its end). */
const SAVE_EVERY_ms = 1000;

interface Panels {
  messages: Messages;
  briefing: BriefingPanel;
  playback: TrainingPlayback;
  consoles: TraineeConsoles;
  lights: StatusLights;
  banner: AlarmBanner;
  sound: AlarmSound;
  objectives: ObjectivesPanel;
  labs: LabsPanel;
  controls: Controls;
  log: SessionLogView;
  debrief: DebriefPanel;
}

interface PageState {
  runId: number;
  info?: TrainingInfo;
  latest?: TrainingSnapshot;
  fresh: boolean;
  /** the saved session being written (local engine only) */
  record?: SavedSession;
  /** the circuit drawing, once pixi has started */
  circuit?: CircuitView;
  /** a saved session asked to resume: the next load is its */
  resuming?: SavedSession;
  lastSave: number;
}

/** A session in progress that loading another scenario would end (its saved copy stays, unfinished). */
function mayLoadAnother(st: PageState): boolean {
  const s = st.latest;
  if (!s || s.ended || s.t_h <= 0) return true;
  return window.confirm(`Leave the session in progress at ${clock(s.t_h)}? Its log stays saved in this browser.`);
}

function buildPanels(link: TrainingLink, st: PageState): Panels {
  const send = link.send.bind(link);
  const consolesHost = host('consoles');
  const consoles = new TraineeConsoles(consolesHost);
  return {
    messages: new Messages(host('messages')),
    briefing: new BriefingPanel(
      host('scenario-bar'),
      host('briefing-host'),
      (id) => {
        if (!mayLoadAnother(st)) return false;
        send({ type: 'loadTraining', id });
        return true;
      },
      () => send({ type: 'run' }),
    ),
    playback: new TrainingPlayback(host('playback'), send),
    consoles,
    lights: new StatusLights(consolesHost),
    banner: new AlarmBanner(host('alarm-banner'), (c) => {
      const t = trainingCommand(c);
      if (t) send(t);
    }),
    sound: new AlarmSound(host('playback')),
    objectives: new ObjectivesPanel(host('objectives-host')),
    labs: new LabsPanel(host('labs-host'), (lab) => send({ type: 'orderLab', lab })),
    controls: traineeControls(host('controls'), send),
    log: new SessionLogView(host('log-host')),
    debrief: new DebriefPanel(host('debrief')),
  };
}

function onLoaded(info: TrainingInfo, runId: number | undefined, st: PageState, p: Panels, store: SessionStore | undefined): void {
  st.runId = runId ?? -1;
  st.info = info;
  st.latest = undefined;
  const resumed = st.resuming?.scenario === info.id ? st.resuming : undefined;
  st.resuming = undefined;
  st.record = resumed ?? (store ? newSession(info.id, info.name, new Date()) : undefined);
  p.log.reset();
  if (resumed) p.log.add(resumed.log);
  p.briefing.loaded(info, resumed !== undefined);
  p.consoles.loaded(info);
  p.controls.setScenario(scenarioInfo(info));
  st.circuit?.setScenario(scenarioInfo(info));
  p.objectives.loaded(info);
  p.labs.loaded(info);
  p.banner.reset();
  p.debrief.hide();
  p.playback.enable(true);
  p.messages.clearScenario();
  p.messages.clearCommand();
}

function onSnapshot(full: TrainingSnapshot, st: PageState, p: Panels, store: SessionStore | undefined): void {
  // a snapshot of a replaced run is dropped; a remote link's snapshot without a run id (or one that came before its
  // load, as a late-joining trainee's kept snapshot) is drawn
  if (full.runId !== undefined && st.runId >= 0 && full.runId !== st.runId) return;
  const s = traineeView(full);
  p.log.add(s.log);
  p.consoles.events(s.log);
  if (st.record) {
    // the trainee's log and trends; every command, so a resumed session replays all that happened
    recordSnapshot(st.record, { ...s, commands: full.commands }, new Date());
    // paused or ended: nothing more comes until the next command, so what is here is written now
    if (s.ended || !s.running || performance.now() - st.lastSave > SAVE_EVERY_ms) save(st, store);
  }
  if (s.running) p.briefing.started();
  st.latest = s;
  st.fresh = true;
}

function save(st: PageState, store: SessionStore | undefined): void {
  if (!st.record || !store) return;
  st.lastSave = performance.now();
  store.save(st.record).catch((e: unknown) => console.warn('the session could not be saved', e));
}

function onMessage(m: TrainingMessage, st: PageState, p: Panels, store: SessionStore | undefined): void {
  switch (m.type) {
    case 'trainingLoaded':
      onLoaded(m.info, m.runId, st, p, store);
      break;
    case 'trainingSnapshot':
      onSnapshot(m.full, st, p, store);
      break;
    case 'debrief':
      if (st.record) st.record.ended = true;
      save(st, store);
      p.debrief.show(m.json, m.html, st.info?.id ?? 'training');
      break;
    case 'loadError':
    case 'commandError':
    case 'engineError':
      p.messages.report(m);
      break;
  }
}

/** A saved session that has not ended: offered for resuming (the engine replays it) or discarding. */
function offerResume(saved: SavedSession, st: PageState, link: TrainingLink, store: SessionStore): void {
  const bar = host('resume');
  const text = document.createElement('span');
  text.textContent = `An unfinished session of "${saved.name.replace(/^Training: /, '')}" was saved at ${clock(saved.t_h)} (${saved.log.length} log entries).`;
  const resume = document.createElement('button');
  resume.type = 'button';
  resume.textContent = 'Resume it';
  resume.dataset.testid = 'resume-session';
  resume.addEventListener('click', () => {
    st.resuming = saved;
    link.send(resumeCommand(saved));
    bar.hidden = true;
  });
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.textContent = 'Discard it';
  discard.addEventListener('click', () => {
    void store.remove(saved.id);
    bar.hidden = true;
  });
  bar.replaceChildren(text, resume, discard);
  bar.hidden = false;
}

function drawLoop(st: PageState, p: Panels): void {
  let last = 0;
  const frame = (now: number) => {
    const s = st.latest;
    if (s && st.fresh && now - last >= DOM_EVERY_ms) {
      last = now;
      st.fresh = false;
      p.playback.update(s);
      p.consoles.update(s);
      p.controls.update(s);
      p.banner.update(s);
      p.lights.update(s);
      p.sound.update(s);
      p.objectives.update(s.objectives);
      p.labs.update(s.labs);
      p.log.update();
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The circuit as the live view draws it, from the trainee's view of each snapshot (what no device shows reads "—"). */
async function drawCircuit(st: PageState, params: URLSearchParams): Promise<void> {
  const app = await startPixi(host('circuit-canvas'), params.get('renderer'), 'The ECMO circuit at the bedside, animated');
  // a bedside view: 30 frames a second are enough and leave the engine's thread its share of a small machine
  app.ticker.maxFPS = 30;
  const circuit = new CircuitView(app);
  if (st.info) circuit.setScenario(scenarioInfo(st.info));
  st.circuit = circuit;
  app.ticker.add((ticker) => circuit.frame(Math.min(ticker.deltaMS, 100) / 1000, st.latest));
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const link = chooseLink(params);
  classroomStatus(link, host('scenario-bar'));
  document.body.classList.toggle('classroom-trainee', joinsAClass(params));
  // a classroom's trainee page is the instructor's session: only the page's own engine saves and resumes here
  const local = !joinsAClass(params);
  const store = local ? await SessionStore.open().catch(() => undefined) : undefined;
  const st: PageState = { runId: -1, fresh: false, lastSave: 0 };
  const p = buildPanels(link, st);
  link.onMessage((m) => onMessage(m, st, p, store));
  addEventListener('pagehide', () => save(st, store));
  drawLoop(st, p);
  await drawCircuit(st, params);
  const saved = await store?.unfinished();
  if (saved && store) offerResume(saved, st, link, store);
  document.body.dataset.ready = 'true';
}

start().catch((e: unknown) => {
  const p = document.createElement('pre');
  p.className = 'message msg-error';
  p.textContent = `The training page could not start: ${(e as Error).message}`;
  document.getElementById('messages')?.append(p);
  throw e;
});
