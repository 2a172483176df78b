/**
 * Runs a scenario: integrates the slow states with odex (time in hours, dense output) in segments between
 * discrete events, samples outputs on the output grid from the dense interpolant, and locates TMP crossings
 * in time on that interpolant (not on the output grid).
 */
import { Outcome, Solver } from 'odex';
import type { Scenario } from '../scenario/resolve.js';
import { FilterOperatingError } from '../filter/operatingPoint.js';
import { derivatives } from './derivatives.js';
import { EngineError } from './errors.js';
import { EventScheduler, SUMMARY_TIME_h, type SimEvent } from './events.js';
import { buildModel, initialState, type Model } from './model.js';
import { observe, SERIES_NAMES, type Observation, type SeriesName } from './observe.js';
import { STATE_SIZE, typicalMagnitudes } from './stateLayout.js';
import { summarize, type Summary } from './summary.js';
import { tmpNow } from './tmpNow.js';

export interface RunOptions {
  /** Called after each segment with the simulated time reached. */
  onProgress?: (t_h: number, duration_h: number) => void;
}

export interface SolverStats {
  rhsEvaluations: number;
  steps: number;
  segments: number;
}

export interface RunResult {
  scenario: Scenario;
  series: Record<SeriesName, number[]>;
  events: SimEvent[];
  summary: Summary;
  solver: SolverStats;
  finalState: number[];
}

const RELATIVE_TOLERANCE = 1e-8;
const TIME_EPS_h = 1e-9;
const MAX_STEPS_PER_SEGMENT = 200_000;


export function simulate(scenario: Scenario, options: RunOptions = {}): RunResult {
  const m = buildModel(scenario);
  const duration = scenario.duration_h;
  const dt = scenario.outputInterval_h;
  const y0 = initialState(m);
  const series = Object.fromEntries(SERIES_NAMES.map((n) => [n, [] as number[]])) as Record<SeriesName, number[]>;
  const record = (o: Observation) => {
    for (const n of SERIES_NAMES) series[n].push(o[n]);
  };
  const stats: SolverStats = { rhsEvaluations: 0, steps: 0, segments: 0 };
  const scheduler = new EventScheduler(m, duration);
  const milestones = new Map<number, Observation>();

  const solver = new Solver(STATE_SIZE);
  solver.denseOutput = true;
  solver.relativeTolerance = RELATIVE_TOLERANCE;
  solver.absoluteTolerance = typicalMagnitudes(y0).map((v) => RELATIVE_TOLERANCE * v);
  solver.maxSteps = MAX_STEPS_PER_SEGMENT;
  const f = (x: number, y: number[]) => derivatives(m, x, y);

  let t = 0;
  let y = y0;
  let sampleIndex = 0;
  const sampleTime = (i: number) => Math.min(i * dt, duration);
  const recordDue = (upTo: number, stateAt: (ts: number) => number[]) => {
    while (sampleIndex * dt <= upTo + TIME_EPS_h && sampleTime(sampleIndex) <= duration + TIME_EPS_h) {
      const ts = sampleTime(sampleIndex);
      record(observe(m, ts, stateAt(ts)));
      sampleIndex++;
    }
  };

  guard(() => scheduler.start(t, y));
  recordDue(0, () => y);
  while (t < duration - TIME_EPS_h) {
    const tNext = Math.min(scheduler.nextTime(), duration);
    if (tNext > t + TIME_EPS_h) {
      let crossing: { t: number; y: number[] } | null = null;
      const limit = m.current.prescription.filterChange.tmpLimit;
      const result = guard(() =>
        solver.solve(f, t, y, tNext, (nr, xOld, x, yx, dense) => {
          if (nr === 1 || !dense) return;
          stats.steps++;
          const stateAt = (ts: number) => Array.from({ length: STATE_SIZE }, (_, i) => dense(i, ts));
          const excess = (ts: number, ys: number[]) => (tmpNow(m, ts, ys) ?? -Infinity) - limit;
          if (excess(x, yx) >= 0) {
            let lo = xOld;
            let hi = x;
            while (hi - lo > 1e-7) {
              const mid = 0.5 * (lo + hi);
              if (excess(mid, stateAt(mid)) >= 0) hi = mid;
              else lo = mid;
            }
            crossing = { t: hi, y: stateAt(hi) };
            recordDue(hi, stateAt);
            return false;
          }
          recordDue(x, stateAt);
        }),
      );
      stats.rhsEvaluations += result.nEval;
      stats.segments++;
      if (result.outcome === Outcome.MaxStepsExceeded) {
        throw new EngineError(`the ODE solver hit its step limit (${MAX_STEPS_PER_SEGMENT} steps) between ${t.toFixed(3)} h and ${tNext.toFixed(3)} h`);
      }
      if (crossing) {
        const c = crossing as { t: number; y: number[] };
        t = c.t;
        y = c.y;
        checkFinite(y, t);
        guard(() => scheduler.tmpLimitReached(t, y));
      } else {
        t = tNext;
        y = result.y.slice();
        checkFinite(y, t);
      }
    }
    recordDue(t, () => y);
    if (t >= SUMMARY_TIME_h - TIME_EPS_h && !milestones.has(SUMMARY_TIME_h)) milestones.set(SUMMARY_TIME_h, observe(m, t, y));
    guard(() => scheduler.apply(t, y));
    options.onProgress?.(t, duration);
  }
  if (!milestones.has(SUMMARY_TIME_h)) milestones.set(SUMMARY_TIME_h, observe(m, t, y));
  const summary = summarize(m, series, scheduler.events, y0, y, milestones.get(SUMMARY_TIME_h)!, t);
  return { scenario, series, events: scheduler.events, summary, solver: stats, finalState: y };
}

function checkFinite(y: number[], t: number): void {
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new EngineError(`state component ${bad} became ${y[bad]} at ${t.toFixed(3)} h`);
}

/** Turns model errors thrown inside the solver into errors that name their cause. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FilterOperatingError) throw new EngineError(`the hemofilter can no longer run its prescription: ${e.message}`);
    throw e;
  }
}

export type { Model };
