/**
 * The live run's alarms: the alarm monitor of sim/alarms (the same one headless runs and the debrief use) sampled
 * at each snapshot the worker posts, the operator's acknowledge and silence, and the monitor's log handed to the
 * page once, as event-log entries of type "alarm". Plain logic, no worker globals: it runs under Node for tests.
 */
import { AlarmError, AlarmMonitor, type AlarmLogEntry, type ShownAlarm } from '../../sim/alarms/monitor';
import { alarmRow } from '../../sim/alarms/catalogue';
import type { AlarmSettings } from '../../sim/alarms/alarmSpecs';
import type { Observation } from '../../sim/engine/observe';
import type { SimEvent } from '../../sim/engine/events';
import { ALARM_CONSOLES, type AlarmConsoleName, type AlarmView, type SimEventView, type StatusLight } from '../protocol';

/** The event-log type of an alarm log entry (the log's "alarms" filter category). */
export const ALARM_EVENT_TYPE = 'alarm';

export class LiveAlarms {
  private readonly monitor: AlarmMonitor;
  private sentLog = 0;

  constructor(settings: () => AlarmSettings) {
    this.monitor = new AlarmMonitor(settings);
  }

  /** One sample: the observation at t_h and the engine's events logged since the previous sample. */
  update(t_h: number, observation: Observation, newEvents: readonly SimEvent[]): void {
    this.monitor.update(t_h, observation, newEvents);
  }

  /** Acknowledges `id` (or 'all'); returns the refusal's message, or undefined when done. */
  acknowledge(id: string, t_h: number): string | undefined {
    return refusal(() => this.monitor.acknowledge(id, t_h));
  }

  /** Silences `id` (or 'all') for `minutes`; returns the refusal's message, or undefined when done. */
  silence(id: string, t_h: number, minutes: number): string | undefined {
    return refusal(() => this.monitor.silence(id, t_h, minutes));
  }

  /** The shown alarms as the page draws them. */
  shown(): AlarmView[] {
    return this.monitor.active().map(alarmView);
  }

  consoleStatus(): Record<AlarmConsoleName, StatusLight> {
    const out = {} as Record<AlarmConsoleName, StatusLight>;
    for (const c of ALARM_CONSOLES) out[c] = this.monitor.consoleStatus(c);
    return out;
  }

  /** The log entries not yet handed over, as event-log entries. */
  takeLog(): SimEventView[] {
    const fresh = this.monitor.log.slice(this.sentLog);
    this.sentLog = this.monitor.log.length;
    return fresh.map(alarmEvent);
  }
}

/** A refused request (AlarmError) as its message; anything else is a fault of the program and is thrown on. */
function refusal(act: () => void): string | undefined {
  try {
    act();
  } catch (e) {
    if (e instanceof AlarmError) return `Alarm: ${e.message}`;
    throw e;
  }
  return undefined;
}

export function alarmView(a: ShownAlarm): AlarmView {
  return {
    id: a.id,
    title: a.title,
    console: a.console,
    priority: a.priority,
    status: a.status,
    acknowledged: a.acknowledged,
    audible: a.audible,
    since_h: a.since_h,
    silencedUntil_h: Number.isFinite(a.silencedUntil_h) ? a.silencedUntil_h : null,
    series: watchedSeries(a.id),
  };
}

/** The series an alarm's condition reads (a rise-since-start alarm reads several). */
function watchedSeries(id: string): string[] {
  const c = alarmRow(id)?.condition;
  if (!c) return [];
  return typeof c.series === 'string' ? [c.series] : [...c.series];
}

const KIND_WORD: Record<AlarmLogEntry['kind'], string> = {
  start: 'started',
  acknowledged: 'acknowledged',
  silenced: 'silenced',
  cleared: 'cleared',
  unsilenced: 'sounding again after its silence',
};

/** "Flow low (high priority) started" and the like, for the event log; `value` is the compared value in the limit's unit. */
export function alarmEvent(e: AlarmLogEntry): SimEventView {
  const title = alarmRow(e.id)?.title ?? e.id;
  const reason = `${title} (${e.priority} priority) ${KIND_WORD[e.kind]}`;
  return Number.isFinite(e.value) ? { t_h: e.t_h, type: ALARM_EVENT_TYPE, reason, value: e.value } : { t_h: e.t_h, type: ALARM_EVENT_TYPE, reason };
}
