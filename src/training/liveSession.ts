/**
 * The training engine's logic, outside any worker (so Node tests drive it): one TrainingSession for a bundled
 * training scenario, advanced by speed × real time, the trainee's and the instructor's commands, the snapshot the
 * pages draw (everything, hidden states included: traineeView() removes what no device shows) and the debrief at
 * the end. Every entry of the session log is stamped with the wall time it was written.
 */
import { TrainingSession } from '../../sim/training/session';
import { loadTrainingText, type TrainingScenario } from '../../sim/training/trainingFile';
import { judgeObjectives } from '../../sim/training/objectives';
import { buildDebrief } from '../../sim/training/debrief';
import { debriefHtml } from '../../sim/training/debriefHtml';
import { LAB_NAMES, LAB_TESTS } from '../../sim/training/labs';
import { ScenarioError } from '../../sim/scenario/errors';
import type { CalibrationResolver } from '../../sim/scenario/calibration';
import { bundledCalibration } from '../engine/bundledCalibration';
import { alarmView } from '../engine/liveAlarms';
import { settingsView } from '../engine/liveRun';
import { ALARM_CONSOLES, SPEEDS, TREND_SERIES, type AlarmConsoleName, type Speed, type StatusLight } from '../protocol';
import { bundledTraining, bundledTrainingBase } from './trainingScenarios';
import { CommandRefused, personAction } from './sessionCommands';
import { objectiveViews } from './objectiveStatus';
import { labViews } from './labsView';
import type { LoggedCommand, ReplayableCommand, SavedWall, TrainingCommand, TrainingInfo, TrainingMessage, TrainingSnapshot } from './trainingProtocol';

/** Simulated hours per real millisecond at speed 1. */
const H_PER_MS = 1 / 3_600_000;

/** A training file's calibration is `../cohort/calibration.json` (beside scenarios/cohort): the page's bundled copy. */
export const trainingCalibration: CalibrationResolver = (reference, source) => bundledCalibration(reference.replace(/^(\.\.\/)+/, ''), source);

const REPLAYABLE: readonly string[] = ['set', 'action', 'acknowledge', 'silence', 'orderLab', 'note', 'injectFault', 'clearFault'];

export class LiveSession {
  running = false;
  speed: Speed = 1;
  ended = false;
  private runId = 0;
  private training?: TrainingScenario;
  private session?: TrainingSession;
  private info?: TrainingInfo;
  private sentLog = 0;
  private sentTrends = 0;
  private stamped = 0;
  private commands: LoggedCommand[] = [];
  private lastObs: Record<string, number> = {};
  /** a resumed session's saved wall times, while it replays */
  private wallsBack: SavedWall[] = [];
  private resuming = false;

  constructor(private readonly wallClock: () => Date = () => new Date()) {}

  get time_h(): number {
    return this.session?.time_h ?? 0;
  }

  /** The running session (tests read its log and trends). */
  get current(): TrainingSession | undefined {
    return this.session;
  }

  /** Runs one command; returns what to post (errors, a load, a debrief). Snapshots are the caller's to post. */
  handle(c: TrainingCommand): TrainingMessage[] {
    try {
      return this.dispatch(c);
    } catch (e) {
      if (e instanceof CommandRefused || e instanceof ScenarioError) return [{ type: 'commandError', message: e.message }];
      return [{ type: 'commandError', message: `Refused: ${(e as Error).message}` }];
    }
  }

  private dispatch(c: TrainingCommand): TrainingMessage[] {
    switch (c.type) {
      case 'loadTraining':
        return this.load(c.id);
      case 'resume':
        return this.resume(c.id, c.commands, c.t_h, c.walls ?? []);
      case 'speed':
        if (!SPEEDS.includes(c.speed)) return [{ type: 'commandError', message: `speed: got ${c.speed}; expected one of ${SPEEDS.join(', ')}` }];
        this.speed = c.speed;
        return [];
    }
    if (!this.session || !this.training) return [{ type: 'commandError', message: 'No training scenario is loaded.' }];
    switch (c.type) {
      case 'pause':
        this.running = false;
        return [];
      case 'run':
        if (this.ended) return [{ type: 'commandError', message: 'The session has ended: load a training scenario to start another.' }];
        this.running = true;
        return [];
      case 'end':
        return this.end();
    }
    if (!REPLAYABLE.includes(c.type)) return [{ type: 'commandError', message: `unknown command "${(c as { type: string }).type}"` }];
    return this.perform(c);
  }

  private perform(c: ReplayableCommand): TrainingMessage[] {
    const session = this.session!;
    if (this.ended) return [{ type: 'commandError', message: 'The session has ended: nothing more can be done in it.' }];
    const { action, by } = personAction(c, session.time_h, this.training!, trainingCalibration);
    const before = session.log.length;
    session.perform(action, by);
    this.commands.push({ t_h: session.time_h, command: c });
    this.stamp();
    const refused = session.log.slice(before).find((e) => e.id === 'refused');
    return refused ? [{ type: 'commandError', message: refused.text }] : [];
  }

  /** Loads a bundled training scenario; on failure the session in hand, if any, goes on. */
  load(id: string): TrainingMessage[] {
    const bundled = bundledTraining(id);
    if (!bundled) return [{ type: 'loadError', source: id, message: `no training scenario "${id}"` }];
    let training: TrainingScenario;
    try {
      training = loadTrainingText(bundled.text, `${id}.json`, { resolveCalibration: trainingCalibration, resolveBase: bundledTrainingBase });
    } catch (e) {
      return [{ type: 'loadError', source: id, message: e instanceof ScenarioError ? e.message : (e as Error).message }];
    }
    this.training = training;
    this.session = new TrainingSession(training.scenario, { labTurnaround_min: training.labTurnaround_min });
    this.running = false;
    this.ended = false;
    this.sentLog = this.sentTrends = this.stamped = 0;
    this.commands = [];
    this.runId++;
    this.info = trainingInfo(id, training);
    this.stamp();
    return [{ type: 'trainingLoaded', runId: this.runId, info: this.info }];
  }

  /**
   * A reloaded page's session: the scenario loaded again and the saved commands performed at their times, up to
   * `t_h`, paused there. What was logged before is not sent again (the page shows its saved log).
   */
  private resume(id: string, commands: readonly LoggedCommand[], t_h: number, walls: readonly SavedWall[]): TrainingMessage[] {
    const loaded = this.load(id);
    if (loaded[0]?.type !== 'trainingLoaded') return loaded;
    this.wallsBack = [...walls];
    this.resuming = walls.length > 0;
    // the entries the load itself wrote (the first sample's) take theirs back too
    this.stamped = 0;
    this.stamp();
    const errors: TrainingMessage[] = [];
    for (const { t_h: at, command } of [...commands].sort((a, b) => a.t_h - b.t_h)) {
      this.advanceTo(at);
      errors.push(...this.perform(command));
    }
    this.advanceTo(t_h);
    this.wallsBack = [];
    this.resuming = false;
    this.sentLog = this.session!.log.length;
    this.sentTrends = this.session!.trends.length;
    this.commands = [];
    return [...loaded, ...errors];
  }

  /** Advances by speed × elapsed real time while running; at the scenario's end the session ends with its debrief. */
  tick(elapsed_ms: number): TrainingMessage[] {
    if (!this.running || !this.session || this.ended) return [];
    this.advanceTo(this.session.time_h + this.speed * elapsed_ms * H_PER_MS);
    const s = this.session;
    if (s.time_h >= s.scenario.duration_h - 1e-9 || s.stopped) return this.end();
    return [];
  }

  private advanceTo(t_h: number): void {
    const s = this.session!;
    s.advanceTo(Math.min(t_h, s.scenario.duration_h));
    this.stamp();
  }

  /** Ends the session: its objectives judged, the debrief as JSON and printable HTML. */
  end(): TrainingMessage[] {
    const s = this.session!;
    const t = this.training!;
    this.running = false;
    this.ended = true;
    const objectives = judgeObjectives(t.objectives, s.log, s.trends);
    const json = buildDebrief(t.scenario.name, t.briefing, s.time_h, objectives, s.log, s.trends);
    return [{ type: 'debrief', json, html: debriefHtml(json) }];
  }

  /**
   * Log entries not yet stamped get the wall time now; while a resume replays, an entry takes back its saved wall time
   * (one the trainee never saw, a hidden one, takes the latest wall time before it).
   */
  private stamp(): void {
    const log = this.session!.log;
    if (this.stamped >= log.length) return;
    const now = this.wallClock().toISOString();
    for (; this.stamped < log.length; this.stamped++) {
      const e = log[this.stamped];
      if (!this.resuming) e.wall ??= now;
      else e.wall = savedWall(this.wallsBack, e) ?? (this.stamped > 0 ? log[this.stamped - 1].wall : undefined) ?? now;
    }
  }

  snapshot(): TrainingSnapshot | undefined {
    const s = this.session;
    const t = this.training;
    if (!s || !t) return undefined;
    const log = s.log.slice(this.sentLog);
    this.sentLog = s.log.length;
    const samples = s.trends.slice(this.sentTrends);
    this.sentTrends = s.trends.length;
    const commands = this.commands;
    this.commands = [];
    return {
      runId: this.runId,
      t_h: s.time_h,
      running: this.running,
      ended: this.ended,
      speed: this.speed,
      obs: this.observe(),
      settings: settingsView(s.sim),
      newEvents: [],
      trend: samples.map((p) => ({ t_h: p.t_h, values: TREND_SERIES.map((k) => p.values[k] ?? NaN) })),
      alarms: s.monitor.active().map(alarmView),
      alarmLog: [],
      consoleStatus: consoleStatus(s),
      log,
      objectives: objectiveViews(t.objectives, judgeObjectives(t.objectives, s.log, s.trends), s.time_h, this.ended),
      labs: labViews(s.log, t.labTurnaround_min),
      commands,
    };
  }

  /** The observation now, or the last one read if the engine stopped while reading it. */
  private observe(): Record<string, number> {
    try {
      if (!this.session!.stopped) this.lastObs = { ...(this.session!.sim.observe() as unknown as Record<string, number>) };
    } catch {
      // the physiology left what the model covers: the session has logged why; the last reading stays
    }
    return this.lastObs;
  }
}

/** The saved wall time of the entry at the same simulated time with the same id, taken (two alike match in order). */
function savedWall(walls: SavedWall[], e: { t_h: number; id: string }): string | undefined {
  const i = walls.findIndex((w) => w.id === e.id && Math.abs(w.t_h - e.t_h) < 1e-9);
  return i < 0 ? undefined : walls.splice(i, 1)[0].wall;
}

function consoleStatus(s: TrainingSession): Record<AlarmConsoleName, StatusLight> {
  const out = {} as Record<AlarmConsoleName, StatusLight>;
  for (const c of ALARM_CONSOLES) out[c] = s.monitor.consoleStatus(c);
  return out;
}

function trainingInfo(id: string, t: TrainingScenario): TrainingInfo {
  const s = t.scenario;
  return {
    id,
    name: s.name,
    briefing: t.briefing,
    objectives: t.objectives.map((o) => ({ id: o.id, text: o.text })),
    labs: LAB_NAMES.map((lab) => ({ lab, title: LAB_TESTS[lab].title, turnaround_min: t.labTurnaround_min[lab] ?? LAB_TESTS[lab].turnaround_min })),
    duration_h: s.duration_h,
    hasCircuit: s.circuit !== null,
    hasFilter: s.filter !== null,
    weight_kg: s.patient.weight,
  };
}
