/**
 * What an alarm row is (catalogue.ts lists them): the console, the priority, the condition on a series or an event,
 * the limit with its unit and source, latching and the longest silence; and the small helpers the rows are written
 * with (the silence a device allows, source texts, a limit from a tuple).
 */
import type { SourceTag } from '../parameters.js';
import type { InternalUnit } from '../units.js';
import type { EventType } from '../model/events.js';

export type AlarmConsole = 'ecmo' | 'crrt' | 'heparin' | 'monitor';
export const ALARM_CONSOLES: readonly AlarmConsole[] = ['ecmo', 'crrt', 'heparin', 'monitor'];

/** IEC 60601-1-8 priority classes, most urgent first. */
export type AlarmPriority = 'high' | 'medium' | 'low';
export const PRIORITY_RANK: Record<AlarmPriority, number> = { high: 0, medium: 1, low: 2 };

/**
 * What makes an alarm condition true. `scale` converts the series into the limit's unit (a series in % read
 * against a fraction: 0.01; L/min against mL/min: 1000); `per` divides the series by another (a bag's fill by its
 * capacity).
 *  - below / above: the value passes the limit (strictly).
 *  - riseOver: the value rose by more than the limit (a fraction) over its value `window_h` earlier.
 *  - riseSinceStart: any of the series rose by more than the limit over its value when the filter started
 *    (taken again after each `restartOn` event).
 *  - fallSinceStart: the value fell by more than the limit below its value when the filter started (taken again
 *    after each `restartOn` event): a limit set around the operating point, as a CRRT machine sets its pressure
 *    limits once treatment has started, not an absolute one.
 *  - belowFor: the value stayed below `threshold` for longer than the limit (a duration in h).
 */
export type AlarmCondition =
  | { kind: 'below' | 'above'; series: string; scale?: number; per?: string }
  | { kind: 'riseOver'; series: string; window_h: number }
  | { kind: 'riseSinceStart'; series: readonly string[]; restartOn: EventType }
  | { kind: 'fallSinceStart'; series: string; restartOn: EventType }
  | { kind: 'belowFor'; series: string; threshold: number };

export interface AlarmLimit {
  default: number;
  unit: InternalUnit;
  /** Accepted settings (internal units, inclusive). */
  limits: readonly [number, number];
  /** The band the value must move back past the limit before the alarm clears (limit units): no flapping at the limit. */
  hysteresis: number;
  source: SourceTag;
  ref: string;
}

export interface AlarmRow {
  id: string;
  console: AlarmConsole;
  /** As the device shows it. */
  title: string;
  priority: AlarmPriority;
  condition: AlarmCondition;
  limit: AlarmLimit;
  /** Stays shown after its condition clears until acknowledged. */
  latching: boolean;
  /** The longest audio silence the device allows (min). */
  maxSilence_min: number;
  /**
   * An event that raises it at once (its condition then holds for the sample that sees the event); `afterStart`:
   * only an event after the monitor's first sample (a change made during the session, not the starting setup);
   * `with`: only when the same update also logs this event, the change that made it (a risk that only resumes, the
   * limb restarted with a new filter or unclamped, is no change).
   */
  raisedBy?: { type: EventType; reasonIncludes?: string; afterStart?: boolean; with?: { type: EventType; reasonIncludes: string } };
  /** Off by default (the operator turns it on). */
  offByDefault?: boolean;
  /** One sentence: what it watches (the setting's description). */
  about: string;
}

/** IEC 60601-1-8 lets audio be paused for a limited time; consoles commonly allow 2 min ([practice]). */
export const SILENCE_min = 2;
/** Advisories (low priority) may stay quiet longer ([practice] estimate). */
export const ADVISORY_SILENCE_min = 10;

export const PRACTICE = (what: string) => `[practice] estimate: ${what}`;
export const PRISMAX = 'PrisMax operator manual AW8035 as quoted in training material (unconfirmed against the manual)';
export const LUBNOW = 'Lubnow et al., PLoS One 2014;9:e112316: oxygenator thrombosis when ΔP rises 30–50 %';

type Lim = [def: number, unit: InternalUnit, limits: readonly [number, number], hysteresis: number, source: SourceTag, ref: string];
export const lim = ([def, unit, limits, hysteresis, source, ref]: Lim): AlarmLimit => ({ default: def, unit, limits, hysteresis, source, ref });

/**
 * A device's on/off signal as an alarm (a detector, a sensor's "no signal"): its series is 0 or 1 and the alarm stands
 * while it is 1, so the limit is fixed at 0.5 with no band to set.
 */
export function whileOn(series: string, what: string, source: SourceTag = 'E'): Pick<AlarmRow, 'condition' | 'limit'> {
  return { condition: { kind: 'above', series }, limit: lim([0.5, '1', [0.5, 0.5], 0, source, `${series} is 0 or 1: ${what}`]) };
}
