/**
 * Whether an alarm's condition holds at one sample (catalogue.ts AlarmCondition), with the memory a condition
 * needs between samples: the recent history a rise is measured over, the starting values a rise since the filter
 * started is measured from, and when a value went below a threshold.
 *
 * Hysteresis: a condition that holds stays on until the value is back past the limit by the row's band
 * (below: value ≥ limit + band; above: value ≤ limit − band), so a value sitting at the limit does not flap.
 * A value that does not exist (NaN: no hemofilter, the filter being changed, a series not modelled) never holds.
 */
import type { AlarmCondition, AlarmRow } from './catalogue.js';
import type { Observation } from '../engine/observe.js';

export interface ConditionMemory {
  /** riseOver: sample times (h) and values, thinned to about 60 per window, oldest first. */
  times: number[];
  values: number[];
  /** riseSinceStart: each series' value when the filter started (NaN until the first sample that has one). */
  references: number[];
  /** belowFor: when the value went below the threshold (NaN while it is not). */
  belowSince_h: number;
  /** The value the condition compares with the limit, in the limit's unit (NaN when there is none). */
  value: number;
}

export function newMemory(row: AlarmRow): ConditionMemory {
  const c = row.condition;
  const references = c.kind === 'riseSinceStart' ? c.series.map(() => NaN) : c.kind === 'fallSinceStart' ? [NaN] : [];
  return { times: [], values: [], references, belowSince_h: NaN, value: NaN };
}

/** A restart event (a new filter): the rise since start is measured from the next sample again. */
export function restartMemory(mem: ConditionMemory): void {
  mem.references.fill(NaN);
}

/** The value of a below/above condition in the limit's unit. */
function levelValue(c: Extract<AlarmCondition, { kind: 'below' | 'above' }>, o: Observation): number {
  const v = o[c.series] * (c.scale ?? 1);
  return c.per === undefined ? v : v / o[c.per];
}

/** `value` beyond `limit` in the direction `dir` (+1 above, −1 below), with the clearing band when already on. */
function beyond(value: number, limit: number, dir: 1 | -1, wasOn: boolean, band: number): boolean {
  if (!Number.isFinite(value)) return false;
  const edge = wasOn ? limit - dir * band : limit;
  return dir > 0 ? value > edge : value < edge;
}

/** Fractional rise over the value `window_h` earlier (NaN until the history reaches that far back). */
function riseOver(mem: ConditionMemory, t: number, v: number, window_h: number): number {
  const { times, values } = mem;
  if (!Number.isFinite(v)) return NaN;
  const last = times.length ? times[times.length - 1] : -Infinity;
  if (t - last >= window_h / 60) {
    times.push(t);
    values.push(v);
  }
  // keep one sample at or before t − window (the reference) and everything after it
  let k = 0;
  while (k + 1 < times.length && times[k + 1] <= t - window_h) k++;
  if (k > 0) {
    times.splice(0, k);
    values.splice(0, k);
  }
  if (times[0] > t - window_h + 1e-9) return NaN;
  return (v - values[0]) / values[0];
}

/** Largest rise of any series over its starting value. */
function riseSinceStart(mem: ConditionMemory, series: readonly string[], o: Observation): number {
  let rise = NaN;
  for (let i = 0; i < series.length; i++) {
    const v = o[series[i]];
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(mem.references[i])) mem.references[i] = v;
    const r = v - mem.references[i];
    if (!(r <= rise)) rise = r;
  }
  return rise;
}

/** How far the value fell below its value at the first sample that had one since the start (NaN without a value). */
function fallSinceStart(mem: ConditionMemory, v: number): number {
  if (!Number.isFinite(v)) return NaN;
  if (Number.isNaN(mem.references[0])) mem.references[0] = v;
  return mem.references[0] - v;
}

/** How long (h) the value has been below the threshold. */
function timeBelow(mem: ConditionMemory, t: number, v: number, threshold: number): number {
  if (!(v < threshold)) {
    mem.belowSince_h = NaN;
    return 0;
  }
  if (Number.isNaN(mem.belowSince_h)) mem.belowSince_h = t;
  return t - mem.belowSince_h;
}

/** Whether the row's condition holds at t (mem.value is left holding the value compared). */
export function conditionHolds(row: AlarmRow, mem: ConditionMemory, o: Observation, t: number, limit: number, wasOn: boolean): boolean {
  const c = row.condition;
  const band = row.limit.hysteresis;
  switch (c.kind) {
    case 'below':
    case 'above':
      mem.value = levelValue(c, o);
      return beyond(mem.value, limit, c.kind === 'above' ? 1 : -1, wasOn, band);
    case 'riseOver':
      mem.value = riseOver(mem, t, o[c.series], c.window_h);
      return beyond(mem.value, limit, 1, wasOn, band);
    case 'riseSinceStart':
      mem.value = riseSinceStart(mem, c.series, o);
      return beyond(mem.value, limit, 1, wasOn, band);
    case 'fallSinceStart':
      mem.value = fallSinceStart(mem, o[c.series]);
      return beyond(mem.value, limit, 1, wasOn, band);
    case 'belowFor':
      mem.value = timeBelow(mem, t, o[c.series], c.threshold);
      return mem.value > limit;
  }
}
