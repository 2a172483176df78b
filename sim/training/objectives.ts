/**
 * A training scenario's objectives and how a session meets them. Each objective is timed from an anchor (a fault's
 * start, an alarm's start, or a time), and is one of:
 *  - reach:       a series reaches a value (above or below) within a time ("restore flow above 3 L/min within 5 min");
 *  - act:         the trainee performs actions, in order, within a time ("clamp–clamp–support within 60 s");
 *  - keep:        a series stays on its side of a value for a time (or to the end) ("SaO2 never below 80 %");
 *  - acknowledge: an alarm is acknowledged within a time of its start.
 * Judged from the session log and the trend samples only (sessionLog.ts).
 */
import { z } from 'zod';
import { firstEntry, type SessionEntry, type TrendSample } from './sessionLog.js';

const anchorSchema = z.union([
  z.strictObject({ fault: z.string().min(1).meta({ description: 'Timed from the start of this fault (its kind).' }) }),
  z.strictObject({ alarm: z.string().min(1).meta({ description: 'Timed from the start of this alarm (its id).' }) }),
  z.strictObject({ at_min: z.number().min(0).meta({ description: 'Timed from this simulated minute.' }) }),
]);

const side = {
  above: z.number().optional().meta({ description: 'The series at or above this value (in the series unit).' }),
  below: z.number().optional().meta({ description: 'The series at or below this value (in the series unit).' }),
};

const common = {
  id: z.string().min(1).max(60),
  text: z.string().min(1).max(300).meta({ description: 'The objective as the debrief shows it.' }),
  after: anchorSchema,
};

export const objectiveSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('reach'), series: z.string().min(1), ...side, within_min: z.number().positive() }),
  z.strictObject({
    ...common,
    kind: z.literal('act'),
    actions: z.array(z.string().min(1)).min(1).meta({ description: 'Action ids in the order they must be done, e.g. "set:circuit.clamps.drainage".' }),
    within_min: z.number().positive(),
  }),
  z.strictObject({ ...common, kind: z.literal('keep'), series: z.string().min(1), ...side, for_min: z.number().positive().optional() }),
  z.strictObject({ ...common, kind: z.literal('acknowledge'), alarm: z.string().min(1), within_min: z.number().positive() }),
]);

export type Objective = z.infer<typeof objectiveSchema>;
type Anchor = Objective['after'];

export interface ObjectiveResult {
  id: string;
  text: string;
  met: boolean;
  /** when the objective's clock started (h); undefined when its anchor never happened */
  from_h?: number;
  /** when it was met or missed (h) */
  at_h?: number;
  /** time from the anchor to meeting it (s) */
  response_s?: number;
  /** why, in the debrief's words */
  why: string;
}

function anchorTime(a: Anchor, log: readonly SessionEntry[]): number | undefined {
  if ('at_min' in a) return a.at_min / 60;
  if ('fault' in a) return firstEntry(log, 'fault', a.fault)?.t_h;
  return firstEntry(log, 'alarm', `${a.alarm}:start`)?.t_h;
}

const seconds = (h: number) => Math.round(h * 3600);
const minutes = (min: number) => `${min} min`;

/** Whether a sample is on the objective's side of its value (NaN: the series does not exist then: not on it). */
function onSide(o: { above?: number; below?: number }, v: number | undefined): boolean {
  if (v === undefined || Number.isNaN(v)) return false;
  return (o.above === undefined || v >= o.above) && (o.below === undefined || v <= o.below);
}

function judgeReach(o: Extract<Objective, { kind: 'reach' }>, from: number, trends: readonly TrendSample[]): Omit<ObjectiveResult, 'id' | 'text'> {
  const until = from + o.within_min / 60;
  const hit = trends.find((s) => s.t_h > from && s.t_h <= until + 1e-9 && onSide(o, s.values[o.series])); // the anchor's own sample is read before it
  if (hit) return { met: true, from_h: from, at_h: hit.t_h, response_s: seconds(hit.t_h - from), why: `reached after ${seconds(hit.t_h - from)} s` };
  return { met: false, from_h: from, at_h: until, why: `not reached within ${minutes(o.within_min)}` };
}

function judgeAct(o: Extract<Objective, { kind: 'act' }>, from: number, log: readonly SessionEntry[]): Omit<ObjectiveResult, 'id' | 'text'> {
  const until = from + o.within_min / 60;
  let t = from;
  for (const action of o.actions) {
    const done = firstEntry(log, ['action', 'lab'], action, t); // a lab order is an action too
    if (!done || done.t_h > until + 1e-9) {
      const late = done ? `done after ${seconds(done.t_h - from)} s, later than ${minutes(o.within_min)}` : 'never done';
      return { met: false, from_h: from, at_h: until, why: `${action}: ${late}` };
    }
    t = done.t_h;
  }
  return {
    met: true,
    from_h: from,
    at_h: t,
    response_s: seconds(t - from),
    why: `${o.actions.length === 1 ? 'done' : `all ${o.actions.length} done`} after ${seconds(t - from)} s`,
  };
}

/**
 * A keep objective: broken by a sample off its side within its window, or by the simulation stopping before the
 * window's end (the patient bled out: the session log's engine_stop), which nothing kept.
 */
function judgeKeep(
  o: Extract<Objective, { kind: 'keep' }>,
  from: number,
  trends: readonly TrendSample[],
  log: readonly SessionEntry[],
): Omit<ObjectiveResult, 'id' | 'text'> {
  const until = o.for_min === undefined ? Infinity : from + o.for_min / 60;
  const broken = trends.find((s) => s.t_h >= from && s.t_h <= until + 1e-9 && !onSide(o, s.values[o.series]));
  if (broken) {
    const v = broken.values[o.series];
    return {
      met: false,
      from_h: from,
      at_h: broken.t_h,
      why: `${o.series} was ${Number.isNaN(v) ? 'absent' : v.toPrecision(3)} at ${seconds(broken.t_h - from)} s`,
    };
  }
  const stop = firstEntry(log, 'event', 'engine_stop');
  if (stop && stop.t_h < until - 1e-9) {
    const when = stop.t_h < from ? 'before its window opened' : `after ${seconds(stop.t_h - from)} s`;
    return { met: false, from_h: from, at_h: stop.t_h, why: `the simulation stopped ${when} (see the timeline)` };
  }
  return { met: true, from_h: from, why: 'kept throughout' };
}

function judgeAcknowledge(o: Extract<Objective, { kind: 'acknowledge' }>, from: number, log: readonly SessionEntry[]) {
  const start = firstEntry(log, 'alarm', `${o.alarm}:start`, from);
  if (!start) return { met: false, from_h: from, why: `the alarm ${o.alarm} never started` };
  const ack = firstEntry(log, 'alarm', `${o.alarm}:acknowledged`, start.t_h);
  const late = !ack || ack.t_h > start.t_h + o.within_min / 60 + 1e-9;
  if (late) return { met: false, from_h: start.t_h, why: ack ? `acknowledged after ${seconds(ack.t_h - start.t_h)} s` : 'never acknowledged' };
  return { met: true, from_h: start.t_h, at_h: ack.t_h, response_s: seconds(ack.t_h - start.t_h), why: `acknowledged after ${seconds(ack.t_h - start.t_h)} s` };
}

/** What is wrong with objectives the schema accepts: a reach or keep objective needs exactly one side. */
export function objectiveProblems(objectives: readonly Objective[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  objectives.forEach((o, i) => {
    if ((o.kind === 'reach' || o.kind === 'keep') && (o.above === undefined) === (o.below === undefined)) {
      problems.push({ path: `objectives[${i}]`, message: `"${o.id}" needs exactly one of "above" or "below" (the value ${o.series} must reach or stay on)` });
    }
  });
  const seen = new Set<string>();
  objectives.forEach((o, i) => {
    if (seen.has(o.id)) problems.push({ path: `objectives[${i}].id`, message: `"${o.id}" is used twice; each objective needs its own id` });
    seen.add(o.id);
  });
  return problems;
}

/** Judges every objective on a finished (or ongoing) session. */
export function judgeObjectives(objectives: readonly Objective[], log: readonly SessionEntry[], trends: readonly TrendSample[]): ObjectiveResult[] {
  return objectives.map((o) => {
    const from = anchorTime(o.after, log);
    if (from === undefined) return { id: o.id, text: o.text, met: false, why: 'its trigger never happened' };
    const r =
      o.kind === 'reach'
        ? judgeReach(o, from, trends)
        : o.kind === 'act'
          ? judgeAct(o, from, log)
          : o.kind === 'keep'
            ? judgeKeep(o, from, trends, log)
            : judgeAcknowledge(o, from, log);
    return { id: o.id, text: o.text, ...r };
  });
}
