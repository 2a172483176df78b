/**
 * A training session: one simulation, its alarms, the trainee's and the instructor's actions, lab orders and their
 * results, all written into one session log, with trend samples at a fixed cadence. The headless `train` command
 * and (later) the live view's instructor side both drive this class, so a replay sees what the trainee saw.
 */
import { Simulation } from '../engine/simulation.js';
import type { Action, SimEvent } from '../engine/events.js';
import type { Observation } from '../engine/observe.js';
import type { Scenario } from '../scenario/resolve.js';
import { LAB_TESTS, labResultText, type LabName } from './labs.js';
import type { SessionEntry, TrendSample } from './sessionLog.js';

/** The alarm engine as the session uses it (sim/alarms/monitor.ts). */
export interface AlarmMonitorLike {
  update(t_h: number, observation: Observation, newEvents: readonly SimEvent[]): void;
  acknowledge(id: string, t_h: number): void;
  silence(id: string, t_h: number, minutes: number): void;
  /** the monitor's log so far: the session reads the entries it has not read yet */
  readonly log: readonly { t_h: number; id: string; kind: string; priority: string; value?: number }[];
}

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
  monitor?: AlarmMonitorLike;
}

const TEN_SECONDS_h = 10 / 3600;

export class TrainingSession {
  readonly sim: Simulation;
  readonly log: SessionEntry[] = [];
  readonly trends: TrendSample[] = [];
  private readonly sample_h: number;
  private readonly monitor?: AlarmMonitorLike;
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
    this.monitor = options.monitor;
    this.takeSample();
  }

  get time_h(): number {
    return this.sim.time_h;
  }

  /** Runs to `t_h`, sampling trends and alarms on the way and delivering lab results that come due. */
  advanceTo(t_h: number): void {
    while (this.samples * this.sample_h <= t_h + 1e-12) {
      this.sim.advanceTo(this.samples * this.sample_h);
      this.takeSample();
    }
    if (this.sim.time_h < t_h) this.sim.advanceTo(t_h);
    this.readEvents();
  }

  /** Does an action now, logging it as the trainee's (or the instructor's). */
  perform(a: SessionAction, by: 'trainee' | 'instructor' = 'trainee'): void {
    const t = this.sim.time_h;
    const entry = (kind: SessionEntry['kind'], id: string, text: string): void => {
      this.log.push({ t_h: t, kind, id, text: by === 'instructor' ? `instructor: ${text}` : text, ...(by === 'instructor' ? { hidden: true } : {}) });
    };
    switch (a.kind) {
      case 'engine':
        this.readEvents();
        this.sim.act(a.action, a.id);
        this.eventsRead = this.sim.events.length; // what the action itself logged is the action's entry
        entry('action', a.id, a.text);
        break;
      case 'acknowledge':
        this.monitor?.acknowledge(a.alarm, t);
        entry('action', `acknowledge:${a.alarm}`, `acknowledged ${a.alarm === 'all' ? 'all alarms' : a.alarm}`);
        break;
      case 'silence':
        this.monitor?.silence(a.alarm, t, a.minutes);
        entry('action', `silence:${a.alarm}`, `silenced ${a.alarm === 'all' ? 'all alarms' : a.alarm} for ${a.minutes} min`);
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

  /** The draw is taken now; the result arrives after the test's turnaround. */
  private orderLab(lab: LabName): void {
    const o = this.sim.observe();
    const values: Record<string, number> = {};
    for (const series of Object.keys(LAB_TESTS[lab].results)) values[series] = o[series];
    const turnaround = this.options.labTurnaround_min?.[lab] ?? LAB_TESTS[lab].turnaround_min;
    this.pendingLabs.push({ due_h: this.sim.time_h + turnaround / 60, lab, values });
  }

  private takeSample(): void {
    const t = this.sim.time_h;
    const o = this.sim.observe();
    const fresh = this.readEvents();
    this.monitor?.update(t, o, fresh);
    this.readAlarms();
    this.deliverLabs(t);
    this.trends.push({ t_h: t, values: o });
    this.samples++;
  }

  /** Engine events since the last read, into the log (a fault's own event as a fault; hidden ones flagged). */
  private readEvents(): SimEvent[] {
    const fresh = this.sim.events.slice(this.eventsRead);
    this.eventsRead = this.sim.events.length;
    for (const e of fresh) {
      const hidden = (e as SimEvent & { hidden?: boolean }).hidden;
      this.log.push({
        t_h: e.t_h,
        kind: e.type === 'fault' ? 'fault' : 'event',
        id: e.type,
        text: e.reason,
        ...(hidden ? { hidden } : {}),
        ...(e.value === undefined ? {} : { value: e.value }),
      });
    }
    return fresh;
  }

  private readAlarms(): void {
    const alarms = this.monitor?.log ?? [];
    for (; this.alarmsRead < alarms.length; this.alarmsRead++) {
      const a = alarms[this.alarmsRead];
      this.log.push({
        t_h: a.t_h,
        kind: 'alarm',
        id: `${a.id}:${a.kind}`,
        text: `${a.priority} priority: ${a.id} ${a.kind}`,
        ...(a.value === undefined ? {} : { value: a.value }),
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
