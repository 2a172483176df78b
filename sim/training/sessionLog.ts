/**
 * The session log of a training run: every alarm, fault, trainee action, lab order and result, instructor note and
 * engine event, stamped with simulated time (and wall time where a person was there). The debrief and the
 * objectives read only this log and the sampled trends, so a headless replay and a live session are judged alike.
 */

export type SessionEntryKind = 'alarm' | 'fault' | 'action' | 'event' | 'lab' | 'note';

export interface SessionEntry {
  /** simulated time (h) */
  t_h: number;
  /** wall-clock time (ISO) when a person took part; absent in headless replays */
  wall?: string;
  kind: SessionEntryKind;
  /**
   * What it is, for matching: an alarm's id with its transition (`drainagePressureLow:start`), a fault's kind
   * (`pumpFailure`), an action's name (`set:circuit.clamps.drainage`, `changeBags`, `heparinBolus`), an engine
   * event's type.
   */
  id: string;
  /** what a person reads */
  text: string;
  /** shown only to the instructor (a hidden fault, a state no device shows) */
  hidden?: boolean;
  value?: number;
}

/** Trend samples: time and the series the objectives and the debrief read. */
export interface TrendSample {
  t_h: number;
  values: Readonly<Record<string, number>>;
}

/**
 * The first entry at or after `from_h` whose id matches (exactly, or as `id:` prefix for an alarm's transitions; an
 * action doing several things at once, `set:a+set:b`, matches each).
 */
export function firstEntry(
  log: readonly SessionEntry[],
  kind: SessionEntryKind | readonly SessionEntryKind[],
  id: string,
  from_h = -Infinity,
): SessionEntry | undefined {
  const kinds: readonly SessionEntryKind[] = typeof kind === 'string' ? [kind] : kind;
  // one action may do several things at once (`set:a+set:b`): it matches each of them
  const matches = (entryId: string) => entryId.split('+').some((part) => part === id || part.startsWith(`${id}:`));
  return log.find((e) => kinds.includes(e.kind) && e.t_h >= from_h && matches(e.id));
}
