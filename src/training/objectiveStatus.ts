/**
 * Where each objective stands during a session: the debrief's judgement (sim/training/objectives.ts) read against
 * the time now. An objective not met is still open while its trigger has not happened or its time is still running;
 * a "keep" objective is met only once its time is over (or the session ends) without a break.
 */
import type { Objective, ObjectiveResult } from '../../sim/training/objectives';
import type { ObjectiveState, ObjectiveView } from './trainingProtocol';

/** When the objective's judgement is final (h), from its anchor. */
function deadline(o: Objective, from_h: number): number {
  if (o.kind === 'keep') return o.for_min === undefined ? Infinity : from_h + o.for_min / 60;
  return from_h + o.within_min / 60;
}

export function objectiveState(o: Objective, r: ObjectiveResult, now_h: number, ended: boolean): ObjectiveState {
  if (ended) return r.met ? 'met' : 'missed';
  if (r.from_h === undefined) return 'pending';
  const open = now_h < deadline(o, r.from_h) - 1e-9;
  if (o.kind === 'keep') return !r.met ? 'missed' : open ? 'pending' : 'met';
  if (r.met) return 'met';
  // an alarm that has not started yet after its anchor: its acknowledgement is still to come
  if (o.kind === 'acknowledge' && r.why.endsWith('never started')) return 'pending';
  return open ? 'pending' : 'missed';
}

export function objectiveViews(objectives: readonly Objective[], results: readonly ObjectiveResult[], now_h: number, ended: boolean): ObjectiveView[] {
  return results.map((r, i) => ({ ...r, state: objectiveState(objectives[i], r, now_h, ended) }));
}
