/**
 * STAND-IN for the trainee helper's src/training/liveSession.ts until their branch lands: a TrainingSession advanced
 * by speed × real time, speaking the training contract (contract.ts), so the instructor page and its browser test
 * run today. Plain logic with no worker globals. At merge the instructor page takes their localLink() instead and
 * this folder goes.
 */
import { loadTrainingText, type TrainingScenario } from '../../../sim/training/trainingFile';
import { TrainingSession, type SessionAction } from '../../../sim/training/session';
import { buildDebrief } from '../../../sim/training/debrief';
import { debriefHtml } from '../../../sim/training/debriefHtml';
import { judgeObjectives } from '../../../sim/training/objectives';
import { LAB_NAMES } from '../../../sim/training/labs';
import { FAULT_IDS, buildFaultAction, faultRow } from '../../../sim/faults/catalogue';
import { parseSetting } from '../../../sim/scenario/leaf';
import { ScenarioError } from '../../../sim/scenario/errors';
import { SettingError } from '../../../sim/model/errors';
import type { CalibrationResolver } from '../../../sim/scenario/calibration';
import type { TrainingCommand, TrainingMessage, TrainingSnapshot } from '../contract';

const H_PER_MS = 1 / 3_600_000;

export class StandInSession {
  running = false;
  speed = 1;
  ended = false;
  private training?: TrainingScenario;
  private session?: TrainingSession;
  private sent = 0;

  constructor(
    private readonly scenarios: (id: string) => string | undefined,
    private readonly calibration: CalibrationResolver,
  ) {}

  load(id: string): TrainingMessage {
    const text = this.scenarios(id);
    if (text === undefined) return { type: 'loadError', message: `no training scenario "${id}"` };
    try {
      this.training = loadTrainingText(text, `training/${id}.json`, { resolveCalibration: this.calibration });
    } catch (e) {
      return { type: 'loadError', message: e instanceof ScenarioError ? e.message : String(e) };
    }
    const t = this.training;
    this.session = new TrainingSession(t.scenario, { labTurnaround_min: t.labTurnaround_min });
    this.sent = 0;
    this.running = false;
    this.ended = false;
    const objectives = t.objectives.map((o) => ({ id: o.id, text: o.text }));
    return {
      type: 'trainingLoaded',
      info: { id, name: t.scenario.name, briefing: t.briefing, objectives, labs: [...LAB_NAMES], duration_h: t.scenario.duration_h },
    };
  }

  advanceReal(elapsed_ms: number): void {
    const s = this.session;
    if (!this.running || !s || this.ended) return;
    const end = s.scenario.duration_h;
    s.advanceTo(Math.min(s.time_h + this.speed * elapsed_ms * H_PER_MS, end));
    if (s.time_h >= end - 1e-9 || s.stopped) {
      this.running = false;
      this.ended = true;
    }
  }

  snapshot(): TrainingSnapshot | undefined {
    const s = this.session;
    if (!s) return undefined;
    let values: Record<string, number> = {};
    try {
      values = s.sim.observe() as unknown as Record<string, number>;
    } catch {
      // beyond the model's physiology: the session has stopped, the log says why
    }
    const wall = new Date().toISOString();
    const log = s.log.slice(this.sent).map((e) => (e.wall ? e : { ...e, wall }));
    this.sent = s.log.length;
    return { t_h: s.time_h, running: this.running, speed: this.speed, ended: this.ended, values, alarms: s.monitor.active(), log };
  }

  /** Runs one command; the answer to send (an error, a load, a debrief), if any. */
  command(c: TrainingCommand): TrainingMessage | undefined {
    if (c.type === 'loadTraining') return this.load(c.id);
    if (c.type === 'run') this.running = !this.ended && this.session !== undefined;
    else if (c.type === 'pause') this.running = false;
    else if (c.type === 'speed') this.speed = c.speed;
    else if (c.type === 'end') return this.end();
    else {
      try {
        const a = this.action(c);
        if (typeof a === 'string') return { type: 'commandError', message: a };
        this.session?.perform(a.action, a.by);
      } catch (e) {
        return { type: 'commandError', message: e instanceof ScenarioError || e instanceof SettingError ? e.message : `refused: ${(e as Error).message}` };
      }
    }
    return undefined;
  }

  private action(c: TrainingCommand): { action: SessionAction; by: 'trainee' | 'instructor' } | string {
    const s = this.session;
    if (!s) return 'no training scenario is loaded';
    const instructor = (action: SessionAction) => ({ action, by: 'instructor' as const });
    const trainee = (action: SessionAction) => ({ action, by: 'trainee' as const });
    switch (c.type) {
      case 'injectFault':
      case 'clearFault': {
        const row = faultRow(c.kind);
        if (!row) return `no fault "${c.kind}"; expected one of ${FAULT_IDS.join(', ')}`;
        const clear = c.type === 'clearFault';
        const o = c.type === 'injectFault' ? (c.options ?? {}) : {};
        const action = buildFaultAction(row, o.severity ?? row.severity?.default ?? 1, { ...o, clear });
        return instructor({
          kind: 'engine',
          action,
          id: `${clear ? 'clearFault' : 'injectFault'}:${row.id}`,
          text: `${clear ? 'cleared' : 'injected'} ${row.title}`,
        });
      }
      case 'note':
        return instructor({ kind: 'note', text: c.text });
      case 'acknowledge':
        return trainee({ kind: 'acknowledge', alarm: c.id });
      case 'silence':
        return trainee({ kind: 'silence', alarm: c.id, minutes: c.minutes });
      case 'orderLab':
        return trainee({ kind: 'order', lab: c.lab });
      case 'set': {
        const issues: string[] = [];
        const change = parseSetting(c.path, c.value, s.sim.model.weight_kg, { add: (p, m) => issues.push(`${p}: ${m}`) }, true);
        if (!change) return issues.join('; ');
        return trainee({ kind: 'engine', action: { set: [change] }, id: `set:${c.path}`, text: `${c.path} → ${String(c.value)}` });
      }
      default:
        return `"${c.type}" is not in the instructor page's stand-in engine (the training page's worker does it)`;
    }
  }

  private end(): TrainingMessage | undefined {
    const s = this.session;
    const t = this.training;
    if (!s || !t) return { type: 'commandError', message: 'no training scenario is loaded' };
    this.running = false;
    this.ended = true;
    const objectives = judgeObjectives(t.objectives, s.log, s.trends);
    const d = buildDebrief(t.scenario.name, t.briefing, t.scenario.duration_h, objectives, s.log, s.trends);
    return { type: 'debrief', json: d, html: debriefHtml(d) };
  }
}
