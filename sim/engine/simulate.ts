/**
 * A batch run: advances a Simulation to the scenario's end, sampling every series on the output grid from the
 * dense interpolant (plus the 24 h milestone the summary reads), and summarises.
 */
import type { Scenario } from '../scenario/resolve.js';
import { SUMMARY_TIME_h, type SimEvent } from './events.js';
import { observe, SERIES_NAMES, type Observation, type SeriesName } from './observe.js';
import { Simulation, type Sampler, type SolverStats } from './simulation.js';
import { summarize, type Summary } from './summary.js';

export interface RunOptions {
  /** Called after each segment with the simulated time reached. */
  onProgress?: (t_h: number, duration_h: number) => void;
}

export interface RunResult {
  scenario: Scenario;
  series: Record<SeriesName, number[]>;
  events: SimEvent[];
  summary: Summary;
  solver: SolverStats;
  finalState: number[];
}

/**
 * Records every series at k·interval below the duration and at the duration itself, and keeps the observation
 * at the 24 h milestone the summary reads (whether or not it lies on the grid).
 */
class GridRecorder implements Sampler {
  readonly series = Object.fromEntries(SERIES_NAMES.map((n) => [n, [] as number[]])) as Record<SeriesName, number[]>;
  milestone?: Observation;
  private index = 0;
  constructor(
    private readonly sim: Simulation,
    private readonly interval_h: number,
    private readonly duration_h: number,
  ) {}
  /** k·interval below the duration, then the duration itself, then nothing. */
  private nextGridTime(): number {
    const t = this.index * this.interval_h;
    if (t < this.duration_h - 1e-9) return t;
    const previous = t - this.interval_h;
    return previous < this.duration_h - 1e-9 ? this.duration_h : Infinity;
  }
  due(): number {
    const milestone = this.milestone === undefined && SUMMARY_TIME_h <= this.duration_h ? SUMMARY_TIME_h : Infinity;
    return Math.min(this.nextGridTime(), milestone);
  }
  take(t: number, stateAt: (t: number) => number[]): void {
    for (let ts = this.due(); ts <= t + 1e-9; ts = this.due()) {
      const o = observe(this.sim.composed, ts, stateAt(ts));
      if (ts === SUMMARY_TIME_h && this.milestone === undefined) this.milestone = o;
      if (ts === this.nextGridTime()) {
        for (const n of SERIES_NAMES) this.series[n].push(o[n]);
        this.index++;
      }
    }
  }
}

export function simulate(scenario: Scenario, options: RunOptions = {}): RunResult {
  const sim = new Simulation(scenario);
  const duration = scenario.duration_h;
  const recorder = new GridRecorder(sim, scenario.outputInterval_h, duration);
  recorder.take(0, () => sim.state.slice());
  // Advance in pieces so a long run reports progress.
  const pieces = Math.max(1, Math.ceil(duration / 24));
  for (let i = 1; i <= pieces; i++) {
    sim.advanceTo(Math.min((duration * i) / pieces, duration), recorder);
    options.onProgress?.(sim.time_h, duration);
  }
  const end = sim.observe();
  const summary = summarize(sim.composed, recorder.series, [...sim.events], [...sim.initialState], [...sim.state], recorder.milestone ?? end, sim.time_h);
  return { scenario, series: recorder.series, events: [...sim.events], summary, solver: { ...sim.stats }, finalState: [...sim.state] };
}

export type { SolverStats };
