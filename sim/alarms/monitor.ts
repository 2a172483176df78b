/**
 * The alarm monitor: evaluates every enabled catalogue row (catalogue.ts) at the samples a caller chooses (the
 * headless driver each simulated minute, the live view each frame), and keeps each alarm's state as an IEC
 * 60601-1-8 alarm system does:
 *
 *   inactive ──condition holds──▶ active ──condition clears──▶ inactive       (non-latching)
 *                                   │                  └──────▶ latched ──acknowledged──▶ inactive   (latching)
 *                                   └─ acknowledged: still shown, audio off until it clears
 *
 * Silencing pauses an alarm's audio for a set time, never longer than the device allows (maxSilence_min); the
 * audio sounds again after (an 'unsilenced' entry). Every start, acknowledgement, silence, clearing and
 * unsilencing is a log entry the caller appends to the session log.
 */
import { ALARM_CATALOGUE, alarmRow, PRIORITY_RANK, type AlarmConsole, type AlarmPriority, type AlarmRow } from './catalogue.js';
import type { AlarmSettings } from './alarmSpecs.js';
import { conditionHolds, newMemory, restartMemory, type ConditionMemory } from './conditions.js';
import type { Observation } from '../engine/observe.js';
import type { SimEvent } from '../engine/events.js';
import type { EventType } from '../model/events.js';

/** An operator's request the monitor refuses (an unknown alarm, a silence longer than the device allows). */
export class AlarmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlarmError';
  }
}

export type AlarmStatus = 'inactive' | 'active' | 'latched';
export type AlarmLogKind = 'start' | 'acknowledged' | 'silenced' | 'cleared' | 'unsilenced';
export type ConsoleStatus = 'green' | 'yellow' | 'red';

export interface AlarmLogEntry {
  t_h: number;
  id: string;
  kind: AlarmLogKind;
  priority: AlarmPriority;
  /** The value the condition compares with the limit, in the limit's unit (NaN where there is none). */
  value: number;
}

/** One alarm as shown: active (its condition holds) or latched (cleared, kept until acknowledged). */
export interface ShownAlarm {
  id: string;
  title: string;
  console: AlarmConsole;
  priority: AlarmPriority;
  status: Exclude<AlarmStatus, 'inactive'>;
  since_h: number;
  acknowledged: boolean;
  /** Audio paused until this time (h); -Infinity when not silenced. */
  silencedUntil_h: number;
  /** Sounding: shown, not acknowledged, not silenced. */
  audible: boolean;
  value: number;
}

interface AlarmState {
  readonly row: AlarmRow;
  readonly memory: ConditionMemory;
  status: AlarmStatus;
  since_h: number;
  acknowledged: boolean;
  silencedUntil_h: number;
}

export class AlarmMonitor {
  /** Every entry so far, oldest first (callers copy new ones into the session log). */
  readonly log: AlarmLogEntry[] = [];
  private readonly states: AlarmState[];
  private t_h = 0;
  /** Whether an update has been made: the events of the first are the starting setup, not a change. */
  private started = false;

  /** `settings` is read at each update, so limits changed during a run apply from the next sample. */
  constructor(private readonly settings: () => AlarmSettings) {
    this.states = ALARM_CATALOGUE.map((row) => ({
      row,
      memory: newMemory(row),
      status: 'inactive',
      since_h: NaN,
      acknowledged: false,
      silencedUntil_h: -Infinity,
    }));
  }

  /** Evaluates every alarm at t_h on `observation`, with the events logged since the previous update. */
  update(t_h: number, observation: Observation, newEvents: readonly SimEvent[]): void {
    this.t_h = t_h;
    const settings = this.settings();
    const atStart = !this.started;
    this.started = true;
    for (const s of this.states) {
      const c = s.row.condition;
      if ((c.kind === 'riseSinceStart' || c.kind === 'fallSinceStart') && newEvents.some((e) => e.type === c.restartOn)) restartMemory(s.memory);
      const set = settings[s.row.id];
      const on = conditionHolds(s.row, s.memory, observation, t_h, set.limit, s.status === 'active') || raisedBy(s.row, newEvents, atStart);
      if (!set.enabled) {
        if (s.status !== 'inactive') this.clear(s, true);
        continue;
      }
      if (s.silencedUntil_h !== -Infinity && t_h >= s.silencedUntil_h) {
        s.silencedUntil_h = -Infinity;
        if (s.status !== 'inactive') this.entry(s, 'unsilenced');
      }
      if (on && s.status !== 'active') this.start(s);
      else if (!on && s.status === 'active') this.clear(s, !s.row.latching || s.acknowledged);
    }
  }

  /** Acknowledges one alarm or every shown one: an active alarm stops sounding, a latched one is removed. */
  acknowledge(id: string | 'all', t_h: number): void {
    this.t_h = t_h;
    for (const s of this.targets(id)) {
      if (s.status === 'latched') {
        s.status = 'inactive';
        s.silencedUntil_h = -Infinity;
      }
      s.acknowledged = true;
      this.entry(s, 'acknowledged');
    }
  }

  /** Pauses the audio of one alarm or of every shown one for `minutes`, refused beyond what the device allows. */
  silence(id: string | 'all', t_h: number, minutes: number): void {
    const targets = this.targets(id);
    if (!(minutes > 0) || !Number.isFinite(minutes)) throw new AlarmError(`silence: got ${minutes} min; expected a positive number of minutes`);
    const tooLong = targets.filter((s) => minutes > s.row.maxSilence_min);
    if (tooLong.length) {
      const which = tooLong.map((s) => `"${s.row.title}" (at most ${s.row.maxSilence_min} min)`).join(', ');
      throw new AlarmError(`silence: ${minutes} min is longer than the device allows for ${which}; expected at most that`);
    }
    this.t_h = t_h;
    for (const s of targets) {
      s.silencedUntil_h = t_h + minutes / 60;
      this.entry(s, 'silenced');
    }
  }

  /** The shown alarms, highest priority first, then the oldest first. */
  active(): ShownAlarm[] {
    return this.states
      .filter((s) => s.status !== 'inactive')
      .sort((a, b) => PRIORITY_RANK[a.row.priority] - PRIORITY_RANK[b.row.priority] || a.since_h - b.since_h)
      .map((s) => this.shown(s));
  }

  /** A console's status light as PrisMax shows it: red for a high-priority alarm, yellow for any other, else green. */
  consoleStatus(console: AlarmConsole): ConsoleStatus {
    const shown = this.states.filter((s) => s.status !== 'inactive' && s.row.console === console);
    if (shown.some((s) => s.row.priority === 'high')) return 'red';
    return shown.length ? 'yellow' : 'green';
  }

  private shown(s: AlarmState): ShownAlarm {
    const r = s.row;
    const silenced = s.silencedUntil_h > this.t_h;
    return {
      id: r.id,
      title: r.title,
      console: r.console,
      priority: r.priority,
      status: s.status as ShownAlarm['status'],
      since_h: s.since_h,
      acknowledged: s.acknowledged,
      silencedUntil_h: silenced ? s.silencedUntil_h : -Infinity,
      audible: !s.acknowledged && !silenced,
      value: s.memory.value,
    };
  }

  /** The shown alarms an operator's request names: one id (which must be shown) or 'all'. */
  private targets(id: string): AlarmState[] {
    if (id === 'all') return this.states.filter((s) => s.status !== 'inactive');
    const s = this.states.find((x) => x.row.id === id);
    if (!s) {
      const known = alarmRow(id) ? '' : `; expected one of ${ALARM_CATALOGUE.map((r) => r.id).join(', ')}, or "all"`;
      throw new AlarmError(`no alarm "${id}"${known}`);
    }
    if (s.status === 'inactive') throw new AlarmError(`alarm "${id}" (${s.row.title}) is not shown; expected an active or latched alarm`);
    return [s];
  }

  private start(s: AlarmState): void {
    if (s.status === 'inactive') s.silencedUntil_h = -Infinity;
    s.status = 'active';
    s.since_h = this.t_h;
    s.acknowledged = false;
    this.entry(s, 'start');
  }

  /** The condition cleared: removed (`remove`) or kept shown as latched until acknowledged. */
  private clear(s: AlarmState, remove: boolean): void {
    s.status = remove ? 'inactive' : 'latched';
    if (remove) s.silencedUntil_h = -Infinity;
    this.entry(s, 'cleared');
  }

  private entry(s: AlarmState, kind: AlarmLogKind): void {
    this.log.push({ t_h: this.t_h, id: s.row.id, kind, priority: s.row.priority, value: s.memory.value });
  }
}

/** Whether one of the new events raises the row (an event-driven alarm such as a bubble); `atStart`: the first update. */
function raisedBy(row: AlarmRow, events: readonly SimEvent[], atStart: boolean): boolean {
  const r = row.raisedBy;
  if (!r || (r.afterStart && atStart)) return false;
  const logged = (type: EventType, text: string | undefined) => events.some((e) => e.type === type && (text === undefined || e.reason.includes(text)));
  return logged(r.type, r.reasonIncludes) && (r.with === undefined || logged(r.with.type, r.with.reasonIncludes));
}
