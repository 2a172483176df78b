/**
 * The instructor page (instructor.html): the simulation runs here, once, in this page's worker; trainees' pages
 * follow it over the relay or a BroadcastChannel (hub.ts). The instructor picks the training scenario, sees
 * everything (hidden values and log entries marked), injects and clears faults, pauses, runs, changes speed, writes
 * notes into the log, watches the trainees and their alarms and actions, and ends the session (the debrief goes to
 * every trainee).
 */
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { Debrief } from '../../sim/training/debrief';
import { SPEEDS, type Speed } from '../protocol';
import { localLink, type TrainingLink } from '../training/link';
import type { TrainingInfo, TrainingMessage, TrainingSnapshot } from '../training/trainingProtocol';
import { TRAINING_SCENARIOS } from '../training/trainingScenarios';
import { SessionStore, newSession, recordSnapshot, resumeCommand, type SavedSession } from '../training/sessionStore';
import { button, el, section, simClock } from './dom';
import { faultPanel } from './faultPanel';
import { InstructorHub } from './hub';
import { sessionPanel } from './sessionPanel';
import { stateView } from './stateView';
import { traineesPanel } from './traineesPanel';
import { sharedLink } from './sharedLink';

/** The instructor page's saved sessions (IndexedDB), apart from the trainee page's. */
const INSTRUCTOR_DB = 'ecmo-training-instructor';
const SAVE_EVERY_ms = 1000;

async function start(): Promise<void> {
  // the training page's own engine (src/training/training.worker.ts), heard by this page and the classroom hub
  const local = sharedLink(localLink());
  const root = document.getElementById('app')!;
  const side = el('div', 'side');
  const main = el('div', 'main');
  root.append(side, main);
  const messages = document.getElementById('messages')!;
  const say = (text: string, error = false): void => {
    const p = el('p', error ? 'error' : 'info', text);
    messages.prepend(p);
    while (messages.children.length > 5) messages.lastElementChild!.remove();
  };

  let hub: InstructorHub | undefined;
  let loaded: Extract<TrainingMessage, { type: 'trainingLoaded' }> | undefined;
  let latest: TrainingSnapshot | undefined;
  const log: SessionEntry[] = [];
  // the session saved as it grows: a reloaded or crashed instructor page resumes it (the engine replays its commands)
  const store = await SessionStore.open(INSTRUCTOR_DB).catch(() => undefined);
  const saved = await store?.unfinished().catch(() => undefined);
  let resuming: SavedSession | undefined = saved;
  let record: SavedSession | undefined;
  let lastSave = -Infinity;
  const save = (): void => {
    if (!record || !store) return;
    lastSave = performance.now();
    store.save(record).catch((e: unknown) => console.warn('the session could not be saved', e));
  };
  const showTrainees = traineesPanel(side);
  sessionPanel(side, (transport) => {
    hub = new InstructorHub(local, transport);
    hub.onChange(() => showTrainees(hub!));
    // a session started mid-scenario: the trainees get what came before
    if (loaded) hub.receive(loaded);
    if (latest) hub.receive({ type: 'trainingSnapshot', full: { ...latest, log } });
    else hub.seedLog(log);
  });
  const controls = sessionControls(side, local, say);
  faultPanel(side, (c) => local.send(c), say);
  const state = stateView(main);

  local.onMessage((m: TrainingMessage) => {
    if (m.type === 'trainingLoaded') {
      loaded = m;
      latest = undefined;
      log.length = 0;
      state.reset();
      controls.loaded(m.info);
      const resumed = resuming?.scenario === m.info.id ? resuming : undefined;
      resuming = undefined;
      // another scenario chosen: the unfinished one is not resumed later
      if (!resumed && record && !record.ended) void store?.remove(record.id);
      record = resumed ?? (store ? newSession(m.info.id, m.info.name, new Date()) : undefined);
      if (resumed) {
        log.push(...resumed.log);
        state.addLog(resumed.log);
        hub?.seedLog(resumed.log);
      }
    } else if (m.type === 'trainingSnapshot') {
      if (loaded && m.full.runId !== loaded.runId) return;
      latest = m.full;
      log.push(...m.full.log);
      state.show(m.full);
      controls.running(m.full.running);
      if (record) {
        recordSnapshot(record, m.full, new Date());
        if (m.full.ended || !m.full.running || performance.now() - lastSave > SAVE_EVERY_ms) save();
      }
    } else if (m.type === 'debrief') {
      controls.debrief(m.json, m.html);
      if (record) record.ended = true;
      save();
    } else say(m.message, true);
  });
  if (saved) {
    say(`Resumed the unfinished session of ${saved.name.replace(/^Training: /, '')}, replayed to ${simClock(saved.t_h)} (load a scenario to start another).`);
    local.send(resumeCommand(saved));
  } else local.send({ type: 'loadTraining', id: TRAINING_SCENARIOS[0].id });
  document.body.dataset.ready = 'true';
}

/** Scenario, run/pause, speed, a note into the log, End and the debrief. */
function sessionControls(host: HTMLElement, local: TrainingLink, say: (t: string, e?: boolean) => void) {
  const panel = section(host, 'Scenario', 'scenario-panel');
  const pick = el('select');
  pick.dataset.testid = 'training-scenario';
  pick.append(...TRAINING_SCENARIOS.map((s) => new Option(s.id, s.id)));
  const load = button('Load', 'training-load', () => local.send({ type: 'loadTraining', id: pick.value }));
  const briefing = el('p', 'briefing');
  briefing.dataset.testid = 'briefing';
  let isRunning = false;
  const run = button('Run', 'run-pause', () => local.send({ type: isRunning ? 'pause' : 'run' }));
  run.setAttribute('aria-pressed', 'false');
  const speed = el('select');
  speed.dataset.testid = 'speed';
  speed.append(...SPEEDS.map((s) => new Option(`${s}×`, String(s))));
  speed.addEventListener('change', () => local.send({ type: 'speed', speed: Number(speed.value) as Speed }));
  const note = el('input');
  Object.assign(note, { placeholder: 'note into the log', maxLength: 500 });
  note.dataset.testid = 'note-text';
  const addNote = button('Add note', 'note-add', () => {
    if (!note.value.trim()) return say('A note needs some text.', true);
    local.send({ type: 'note', text: note.value.trim(), by: 'instructor' });
    note.value = '';
  });
  const end = button('End session (debrief for all)', 'end', () => local.send({ type: 'end' }), 'danger');
  const debrief = el('div', 'debrief');
  debrief.dataset.testid = 'debrief';
  panel.append(pick, load, briefing, run, speed, note, addNote, end, debrief);
  return {
    loaded(i: TrainingInfo) {
      // the picker is left as the instructor set it (a load answered late must not undo a newer choice)
      briefing.textContent = `${i.name} (${i.id}): ${i.briefing}`;
      briefing.dataset.id = i.id;
      debrief.replaceChildren();
      local.send({ type: 'speed', speed: Number(speed.value) as Speed });
    },
    running(r: boolean) {
      isRunning = r;
      run.textContent = r ? 'Pause' : 'Run';
      run.setAttribute('aria-pressed', String(r));
    },
    debrief(json: Debrief, html: string) {
      const link = (text: string, body: string, type: string, file: string, id: string) => {
        const a = el('a', undefined, text);
        a.href = URL.createObjectURL(new Blob([body], { type }));
        a.download = file;
        a.dataset.testid = id;
        return a;
      };
      debrief.replaceChildren(
        el('p', undefined, 'Debrief sent to every trainee. '),
        link('Debrief (JSON)', JSON.stringify(json, null, 2), 'application/json', 'debrief.json', 'debrief-json'),
        link('Debrief (HTML)', html, 'text/html', 'debrief.html', 'debrief-html'),
      );
    },
  };
}

void start();
