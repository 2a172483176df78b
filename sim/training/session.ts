/**
 * A training session: one simulation, its alarms, the trainee's and the instructor's actions, lab orders and their
 * results, all written into one session log, with trend samples at a fixed cadence. The headless `train` command
 * and (later) the live view's instructor side both drive this class, so a replay sees what the trainee saw.
 */
import { Simulation, type Sampler } from '../engine/simulation.js';
import { observe } from '../engine/observe.js';
import { EngineError } from '../engine/errors.js';
import { AlarmError, AlarmMonitor } from '../alarms/monitor.js';
import { alarmRow } from '../alarms/catalogue.js';
import type { Action, SimEvent } from '../engine/events.js';
import type { Observation } from '../engine/observe.js';
import type { Scenario } from '../scenario/resolve.js';
import { LAB_TESTS, labResultText, type LabName } from './labs.js';
import type { SessionEntry, TrendSample } from './sessionLog.js';

/** What the trainee (or the instructor) does, at a time. */
export type SessionAction =
  | { kind: 'engine'; action: Action; id: string; text: string }
  | { kind: 'acknowledge'; alarm: string }
  | { kind: 'silence'; alarm: string; minutes: number }
  | { kind: 'order'; lab: LabName }
  | { kind: 'note'; text: string };

export interface SessionOptions {
  /** trend and alarm cadence (h): 10 s by default, fine enough for objectives timed in seconds */
  sample_h?: number;
  /** turnaround per lab (min), over the defaults */
  labTurnaround_min?: Partial<Record<LabName, number>>;
}

const TEN_SECONDS_h = 10 / 3600;

export class TrainingSession {
  readonly sim: Simulation;
  readonly log: SessionEntry[] = [];
  readonly trends: TrendSample[] = [];
  private readonly sample_h: number;
  readonly monitor: AlarmMonitor;
  private eventsRead = 0;
  private alarmsRead = 0;
  /** samples taken so far: the next is at samples × sample_h (no drift from repeated addition) */
  private samples = 0;
  private readonly pendingLabs: { due_h: number; lab: LabName; values: Record<string, number> }[] = [];

  constructor(
    readonly scenario: Scenario,
    private readonly options: SessionOptions = {},
  ) {
    this.sim = new Simulation(scenario);
    this.sample_h = options.sample_h ?? TEN_SECONDS_h;
    this.monitor = new AlarmMonitor(() => this.sim.model.current.alarms);
    this.take(0, this.sim.observe());
  }

  /** Reads the solver's dense output at the session's sample times: no solver stop for a sample. */
  private readonly sampler: Sampler = {
    due: () => this.samples * this.sample_h,
    take: (t, stateAt) => {
      for (let ts = this.sampler.due(); ts <= t + 1e-9; ts = this.sampler.due()) this.take(ts, observe(this.sim.composed, ts, stateAt(ts)));
    },
  };

  get time_h(): number {
    return this.sim.time_h;
  }

  /** Runs to `t_h`, sampling trends and alarms on the way and delivering lab results that come due. */
  advanceTo(t_h: number): void {
    if (this.stopped) return;
    try {
      this.sim.advanceTo(t_h, this.sampler);
    } catch (e) {
      // the model's physiology ended (the patient bled out, no oxygen reaches the blood): the session ends there
      if (!(e instanceof EngineError)) throw e;
      this.stopped = e.message;
      this.log.push({ t_h: e.t_h ?? this.sim.time_h, kind: 'event', id: 'engine_stop', text: `the simulation stopped: ${e.message}` });
    }
    this.readEvents(t_h);
  }

  /** Why the simulation stopped before the scenario's end (the physiology left what the model covers), or null. */
  stopped: string | null = null;

  /** Does an action now, logging it as the trainee's (or the instructor's). */
  perform(a: SessionAction, by: 'trainee' | 'instructor' = 'trainee'): void {
    const t = this.sim.time_h;
    const entry = (kind: SessionEntry['kind'], id: string, text: string): void => {
      this.log.push({ t_h: t, kind, id, text: by === 'instructor' ? `instructor: ${text}` : text, ...(by === 'instructor' ? { hidden: true } : {}) });
    };
    if (this.stopped) return;
    switch (a.kind) {
      case 'engine':
        this.readEvents(t);
        this.sim.act(a.action, a.id);
        entry('action', a.id, a.text);
        // what the devices logged in answer (a de-airing, the pump turning again), not the setting changes the
        // action's own entry already shows
        this.readEvents(t, (e) => e.type !== 'setting_change');
        break;
      case 'acknowledge':
        entry('action', `acknowledge:${a.alarm}`, `acknowledged ${a.alarm === 'all' ? 'all alarms' : a.alarm}`);
        this.refusable(() => this.monitor.acknowledge(a.alarm, t), entry);
        break;
      case 'silence':
        entry('action', `silence:${a.alarm}`, `silenced ${a.alarm === 'all' ? 'all alarms' : a.alarm} for ${a.minutes} min`);
        this.refusable(() => this.monitor.silence(a.alarm, t, a.minutes), entry);
        break;
      case 'order':
        this.orderLab(a.lab);
        entry('lab', `order:${a.lab}`, `ordered ${LAB_TESTS[a.lab].title}`);
        break;
      case 'note':
        entry('note', 'note', a.text);
        break;
    }
    this.readAlarms();
  }

  /** An alarm console's refusal (silence longer than the device allows, an alarm not shown) is logged, not thrown. */
  private refusable(fn: () => void, entry: (kind: SessionEntry['kind'], id: string, text: string) => void): void {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof AlarmError)) throw e;
      entry('note', 'refused', `the console refused: ${e.message}`);
    }
  }

  /** The draw is taken now; the result arrives after the test's turnaround. */
  private orderLab(lab: LabName): void {
    const o = this.sim.observe();
    const values: Record<string, number> = {};
    for (const series of Object.keys(LAB_TESTS[lab].results)) values[series] = o[series];
    const turnaround = this.options.labTurnaround_min?.[lab] ?? LAB_TESTS[lab].turnaround_min;
    this.pendingLabs.push({ due_h: this.sim.time_h + turnaround / 60, lab, values });
  }

  private take(t: number, o: Observation): void {
    const fresh = this.readEvents(t);
    this.monitor.update(t, o, fresh);
    this.readAlarms();
    this.deliverLabs(t);
    this.trends.push({ t_h: t, values: o });
    this.samples++;
  }

  /** Engine events up to t since the last read, into the log (a fault's own event as a fault; hidden ones flagged). */
  private readEvents(t: number, keep: (e: SimEvent) => boolean = () => true): SimEvent[] {
    const events = this.sim.events;
    let upTo = this.eventsRead;
    while (upTo < events.length && events[upTo].t_h <= t + 1e-9) upTo++;
    const fresh = events.slice(this.eventsRead, upTo);
    this.eventsRead = upTo;
    for (const e of fresh) {
      if (!keep(e)) continue;
      const hidden = e.hidden;
      this.log.push({
        t_h: e.t_h,
        kind: e.fault !== undefined || e.type === 'fault' ? 'fault' : 'event',
        id: e.fault ?? e.type,
        text: e.reason,
        ...(hidden ? { hidden } : {}),
        ...(e.value === undefined ? {} : { value: e.value }),
      });
    }
    return fresh;
  }

  private readAlarms(): void {
    const alarms = this.monitor.log;
    for (; this.alarmsRead < alarms.length; this.alarmsRead++) {
      const a = alarms[this.alarmsRead];
      const title = alarmRow(a.id)?.title ?? a.id;
      this.log.push({
        t_h: a.t_h,
        kind: 'alarm',
        id: `${a.id}:${a.kind}`,
        text: `${title} (${a.priority} priority): ${a.kind}`,
        ...(Number.isNaN(a.value) ? {} : { value: a.value }),
      });
    }
  }

  private deliverLabs(t: number): void {
    for (let i = 0; i < this.pendingLabs.length;) {
      const p = this.pendingLabs[i];
      if (p.due_h > t + 1e-12) {
        i++;
        continue;
      }
      this.log.push({ t_h: p.due_h, kind: 'lab', id: `result:${p.lab}`, text: labResultText(p.lab, p.values) });
      this.pendingLabs.splice(i, 1);
    }
  }
}
